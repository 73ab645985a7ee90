"""The rows :meth:`Store.add` writes, checked against their plain definitions (our own
sentences): the result column is the article's contract without text and sentences, the
sketch rows are the bottom-k shingle hashes of the search form, the search index finds the
joined (solid) form of every ZWNJ compound."""

from __future__ import annotations

import json
from pathlib import Path

from rasad.model import Article
from rasad.store import Store
from rasad.store.neardup import MIN_SHINGLES, SHINGLE, K, _word
from rasad.store.search import search_form

_MASK = (1 << 63) - 1
_MULT = (0x5BD1E9955BD1E995, 0x27D4EB2F165667C5, 0x165667B19E3779F9, 0x1B873593CC9E2D51)


def _plain_sketch(form: str) -> list[int]:
    words = [_word(w) for w in form.split()]
    if len(words) - SHINGLE + 1 < MIN_SHINGLES:
        return []
    shingles = zip(words, words[1:], words[2:], words[3:], strict=False)
    return sorted({sum(x * m for x, m in zip(s, _MULT, strict=True)) & _MASK for s in shingles})[:K]


def test_stored_rows_equal_their_definitions(tmp_path: Path, quoted_article: Article) -> None:
    long_text = " ".join(
        f"گزارش شماره {i} درباره نشست وزیران خارجه در پایتخت و گفت\u200cوگوهای هسته\u200cای منتشر شد." for i in range(12)
    )
    plain = Article(raw=long_text, text=long_text, doc="long", published="2025-06-01")
    with Store.open(tmp_path / "rows.db") as st:
        ids = [st.add(a)[0] for a in (quoted_article, plain)]
        conn = st._conn
        for aid, art in zip(ids, (quoted_article, plain), strict=True):
            row = conn.execute("SELECT result, sentences FROM articles WHERE id = ?", (aid,)).fetchone()
            expected = art.to_dict()
            expected.pop("text", None)
            expected.pop("sentences", None)
            assert json.loads(row["result"]) == expected
            assert row["result"] == json.dumps(json.loads(row["result"]), ensure_ascii=False, separators=(",", ":"))
            sk = [r[0] for r in conn.execute("SELECT h FROM article_sketch WHERE article_id = ? ORDER BY h", (aid,))]
            assert sk == _plain_sketch(search_form(art.text or art.raw))
        assert 0 < conn.execute("SELECT count(*) FROM article_sketch WHERE article_id = ?", (ids[1],)).fetchone()[0] <= K
        for solid in ("گفتوگوهای", "هستهای"):
            hit = conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (f'joined:"{solid}"',)).fetchall()
            assert [r[0] for r in hit] == [ids[1]]
