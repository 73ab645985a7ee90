"""Readers for each input format; each yields raw :class:`Article` objects or failures.

Formats: plain text (``.txt``, optional `` date YYYY-MM-DD`` first line), JSON
Lines (``.jsonl``; common field names), HTML pages (main text by trafilatura)
and RSS/Atom feeds (feedparser).

    >>> arts = list(read_jsonl_text('{"title": "عنوان", "text": "متن خبر"}', "x.jsonl"))
    >>> arts[0].title, arts[0].raw
    ('عنوان', 'متن خبر')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from rasad.errors import IngestError
from rasad.model import Article

TEXT_KEYS = ("text", "body", "content", "article", "full_text", "story", "description")
TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("published", "date", "pubDate", "published_at", "publish_date", "datetime", "time", "created_at")
URL_KEYS = ("url", "link", "href")
SOURCE_KEYS = ("source", "agency", "site", "publisher", "outlet")
ID_KEYS = ("id", "doc", "doc_id", "news_id", "guid")
MAX_TEXT_CHARS = 2_000_000
MAX_HTML_CHARS = 8 * MAX_TEXT_CHARS  # markup of a page whose text could be over MAX_TEXT_CHARS is not parsed
MIN_HTML_TEXT = 40  # shorter "main text" is navigation, not an article
_SURROGATE = re.compile("[\ud800-\udfff]")
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)


@dataclass
class Failure:
    """An input that could not become an article, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _first(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = d.get(k)
        if v not in (None, "", []):
            return v
    lower = {str(k).lower(): v for k, v in d.items()}
    for k in keys:
        v = lower.get(k.lower())
        if v not in (None, "", []):
            return v
    return None


def iso_date(value: Any) -> str | None:
    """Read a date from metadata: ISO strings, RFC 822 (feeds), or a Jalali ``1403/12/09``."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    s = s.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))
    m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1300 <= y <= 1500:  # a Jalali year
            import jdatetime

            try:
                return jdatetime.date(y, mo, d).togregorian().isoformat()
            except ValueError:
                return None
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _clean(value: Any) -> Any:
    """Metadata strings lose lone surrogates (JSON ``\\ud800``), which no UTF-8 encoder accepts."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def json_loads(text: str) -> Any:
    """``json.loads`` whose failures are :class:`IngestError` reasons (malformed, nested too deeply)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"malformed JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise IngestError("malformed JSON: nested too deeply") from None


def article_from_record(rec: dict[str, Any], name: str, index: int | None = None) -> Article:
    """Build an article from a JSON-like record with common field names."""
    body = _first(rec, TEXT_KEYS)
    if isinstance(body, list):
        body = "\n".join(str(x) for x in body)
    if not isinstance(body, str) or not body.strip():
        raise IngestError("record has no text (looked for " + ", ".join(TEXT_KEYS[:4]) + ")", name)
    if len(body) > MAX_TEXT_CHARS:
        raise IngestError(f"text too long ({len(body):,} characters; limit {MAX_TEXT_CHARS:,})", name)
    if _SURROGATE.search(body):
        raise IngestError("text has a lone surrogate (invalid Unicode, e.g. a JSON \\ud800 escape)", name)
    title = _clean(_first(rec, TITLE_KEYS))
    doc_id = _clean(_first(rec, ID_KEYS))
    stem = Path(name.split("#")[0]).stem
    doc = str(doc_id) if doc_id is not None else (f"{stem}-{index}" if index is not None else stem)
    art = Article(raw=body, doc=doc, path=name)
    if isinstance(title, str) and title.strip():
        art.title = " ".join(title.split())
        art.meta["title_from"] = "metadata"
    pub = iso_date(_first(rec, DATE_KEYS))
    if pub:
        art.published, art.published_source = pub, "metadata"
    url = _clean(_first(rec, URL_KEYS))
    if isinstance(url, str):
        art.url = url
    src = _first(rec, SOURCE_KEYS)
    if isinstance(src, dict):
        src = src.get("name") or src.get("title")
    src = _clean(src)
    if isinstance(src, str) and src.strip():
        art.source = src.strip()
    return art


def read_txt_text(text: str, name: str) -> Iterator[Article | Failure]:
    from rasad.ingest.header import parse_header

    if len(text) > MAX_TEXT_CHARS:
        yield Failure(name, f"text too long ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})")
        return
    _iso, start = parse_header(text)
    if not text[start:].strip():
        yield Failure(name, "no text after the date header")
        return
    yield Article(raw=text, doc=Path(name).stem, path=name)


def jsonl_line(line: str, where: str, index: int) -> Article | Failure | None:
    """One line of a JSON Lines file: an article, a failure, or None for a blank line."""
    if not line.strip():
        return None
    try:
        rec = json_loads(line)
        if not isinstance(rec, dict):
            return Failure(where, "JSON line is not an object")
        return article_from_record(rec, where, index=index)
    except IngestError as e:
        return Failure(where, e.reason)


def read_jsonl_text(text: str, name: str) -> Iterator[Article | Failure]:
    """One article per line; a malformed line is a failure, the rest go on."""
    for i, line in enumerate(text.splitlines(), 1):
        item = jsonl_line(line, f"{name}#L{i}", i)
        if item is not None:
            yield item
    if not text.strip():
        yield Failure(name, "empty file")


def read_json_text(text: str, name: str) -> Iterator[Article | Failure]:
    """A ``.json`` file: one record, or a list of records."""
    try:
        data = json_loads(text)
    except IngestError as e:
        yield Failure(name, e.reason)
        return
    recs = data if isinstance(data, list) else [data]
    for i, rec in enumerate(recs):
        where = f"{name}#{i}" if len(recs) > 1 else name
        if not isinstance(rec, dict):
            yield Failure(where, "JSON item is not an object")
            continue
        try:
            yield article_from_record(rec, where, index=i if len(recs) > 1 else None)
        except IngestError as e:
            yield Failure(where, e.reason)


def read_html_text(html: str, name: str) -> Iterator[Article | Failure]:
    """Main text and metadata of an HTML page, by trafilatura."""
    if "<" not in html:
        yield Failure(name, "not HTML (no markup)")
        return
    if len(html) > MAX_HTML_CHARS:
        yield Failure(name, f"HTML page too long ({len(html):,} characters; limit {MAX_HTML_CHARS:,})")
        return
    try:
        import trafilatura
    except Exception as e:  # a broken install (e.g. lxml without lxml_html_clean) fails one file, not the batch
        yield Failure(name, f"cannot read HTML: parser unavailable ({type(e).__name__}: {e})")
        return
    try:
        out = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except (Exception, RecursionError) as e:  # trafilatura raises many kinds on broken markup
        yield Failure(name, f"malformed HTML: {type(e).__name__}")
        return
    if out is None:
        yield Failure(name, "no article text found in HTML")
        return
    rec = out.as_dict() if hasattr(out, "as_dict") else dict(out)
    body = rec.get("text") or ""
    if len(body.strip()) < MIN_HTML_TEXT:
        yield Failure(name, "no article text found in HTML")
        return
    fields = {
        "text": body,
        "title": rec.get("title"),
        "date": rec.get("date"),
        "url": rec.get("url"),
        "source": rec.get("sitename") or rec.get("hostname"),
    }
    try:
        art = article_from_record(fields, name)
    except IngestError as e:
        yield Failure(name, e.reason)
        return
    if rec.get("author"):
        art.byline = _clean(str(rec["author"]))
    yield art


def read_feed_text(text: str, name: str) -> Iterator[Article | Failure]:
    """Each entry of an RSS/Atom feed becomes an article (its content or summary)."""
    yield from _feed_entries(text, name, 0)


def _feed_entries(text: str, name: str, first: int) -> Iterator[Article | Failure]:
    """The entries of a feed (or of one slice of a streamed feed, whose first entry is number ``first``)."""
    if _ENTITY_DECL.search(text):
        yield Failure(name, "feed declares XML entities (refused: entity expansion attacks)")
        return
    try:
        import feedparser
    except Exception as exc:  # a broken install fails one file, not the batch
        yield Failure(name, f"cannot read feed: parser unavailable ({type(exc).__name__}: {exc})")
        return
    try:
        feed = feedparser.parse(text)
    except (Exception, RecursionError) as exc:
        yield Failure(name, f"malformed feed: {type(exc).__name__}")
        return
    if feed.bozo and not feed.entries:
        yield Failure(name, f"malformed feed: {type(feed.bozo_exception).__name__}")
        return
    if not feed.entries:
        yield Failure(name, "feed has no entries")
        return
    source = feed.feed.get("title") if hasattr(feed, "feed") else None
    for i, e in enumerate(feed.entries, first):
        where = f"{name}#{i}"
        body = ""
        if e.get("content"):
            body = " ".join(c.get("value", "") for c in e["content"])
        body = body or e.get("summary", "") or ""
        if "<" in body:
            body = _strip_tags(body)
        rec = {
            "text": body,
            "title": e.get("title"),
            "date": e.get("published") or e.get("updated"),
            "url": e.get("link"),
            "source": _clean(source),
            "id": e.get("id") or e.get("link"),
        }
        try:
            art = article_from_record(rec, where, index=i)
        except IngestError as err:
            yield Failure(where, err.reason)
            continue
        if e.get("author"):
            art.byline = _clean(str(e["author"]))
        if rec["id"]:
            art.doc = f"{Path(name).stem}-{i}"
        yield art


_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|div|br|li|h\d)[^>]*>", re.I)


def _strip_tags(html: str) -> str:
    import html as h

    return h.unescape(_TAG.sub("", _BLOCK.sub("\n", html)))


def sniff_kind(path: Path, head: str) -> str:
    """Choose a reader by extension, then by content."""
    ext = path.suffix.lower()
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in (".html", ".htm", ".xhtml"):
        return "html"
    if ext in (".rss", ".atom", ".xml"):
        return "feed"
    start = head.lstrip()[:500].lower()
    if start.startswith("<?xml") or "<rss" in start or "<feed" in start:
        return "feed"
    if start.startswith("<!doctype html") or start.startswith("<html"):
        return "html"
    return "txt"


READERS = {
    "txt": read_txt_text,
    "jsonl": read_jsonl_text,
    "json": read_json_text,
    "html": read_html_text,
    "feed": read_feed_text,
}
