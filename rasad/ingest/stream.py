"""Files larger than one article may be: JSON Lines and feeds are read as a stream, one article at a time.

The size limit holds for each article (a line, a feed entry), never for the file, so a JSON Lines
dump of 10,000 articles or a long feed is read in bounded memory::

    >>> import tempfile, json, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = p.write_text(json.dumps({"text": "متن خبر"}) + "\\n", encoding="utf-8")
    >>> [a.raw for a in stream_jsonl(p, max_bytes=100)]
    ['متن خبر']
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from rasad.ingest.readers import Failure, _feed_entries, jsonl_line
from rasad.model import Article

CHUNK = 1 << 20
_ENTRY_START = re.compile(r"<(item|entry)[\s>/]", re.I)
_ENTRY_END = {"item": re.compile(r"</item\s*>", re.I), "entry": re.compile(r"</entry\s*>", re.I)}


def stream_jsonl(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    """Each line of a JSON Lines file (UTF-8) is one article; a line over ``max_bytes`` is one failure."""
    name = str(path)
    seen = False
    with path.open("rb") as f:
        i = 0
        while True:
            line = f.readline(max_bytes + 1)
            if not line:
                break
            i += 1
            where = f"{name}#L{i}"
            if len(line) > max_bytes:
                while not line.endswith(b"\n"):  # skip the rest of the line without holding it
                    line = f.readline(CHUNK)
                    if not line:
                        break
                yield Failure(where, f"line too large (over {max_bytes:,} bytes; the limit is per article)")
                seen = True
                continue
            if i == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Failure(where, f"undecodable line: not UTF-8 ({e.reason})")
                seen = True
                continue
            item = jsonl_line(text, where, i)
            if item is not None:
                seen = True
                yield item
    if not seen:
        yield Failure(name, "empty file")


def _chunks(path: Path) -> Iterator[str]:
    dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
    with path.open("rb") as f:
        first = True
        while True:
            data = f.read(CHUNK)
            if first:
                data, first = data.removeprefix(codecs.BOM_UTF8), False
            if not data:
                tail = dec.decode(b"", final=True)
                if tail:
                    yield tail
                return
            yield dec.decode(data)


def stream_feed(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    """The entries of an RSS/Atom feed (UTF-8), each parsed with the feed's head as a feed of its own."""
    name = str(path)
    chunks = _chunks(path)
    buf = ""
    head: str | None = None
    tail = ""
    index = 0
    for chunk in chunks:
        buf += chunk
        if head is None:
            m = _ENTRY_START.search(buf)
            if not m:
                if len(buf) > max_bytes:
                    yield Failure(name, f"feed head too large (over {max_bytes:,} characters before an entry)")
                    return
                continue
            head, buf = buf[: m.start()], buf[m.start():]
            tail = "</feed>" if "<feed" in head.lower() else "</channel></rss>"
            fails = [x for x in _feed_entries(head + tail, name, 0) if isinstance(x, Failure)]
            if fails and "entit" in fails[0].reason:
                yield fails[0]
                return
        while True:
            m = _ENTRY_START.search(buf)
            if not m:
                buf = buf[-16:]  # keep a possible partial start tag
                break
            end = _ENTRY_END[m.group(1).lower()].search(buf, m.end())
            if end is None:
                buf = buf[m.start():]
                if len(buf) > max_bytes:  # one entry over the limit: fail it, go on at the next one
                    yield Failure(f"{name}#{index}", f"feed entry too large (over {max_bytes:,} characters)")
                    index += 1
                    nxt = _ENTRY_START.search(buf, 1)
                    buf = buf[nxt.start():] if nxt else ""
                    continue
                break
            entry = buf[m.start(): end.end()]
            buf = buf[end.end():]
            yield from _feed_entries(head + entry + tail, name, index)
            index += 1
    if head is None:
        yield Failure(name, "feed has no entries")
