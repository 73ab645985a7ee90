"""Turning the body of ``POST /api/articles`` into a raw :class:`~rasad.model.Article`.

Two forms are accepted, with the same checks as ``rasad ingest`` (empty, binary or
undecodable input is refused with a reason):

* JSON ``{"text": "...", "title": "...", "published": "1404/07/29" | "2025-10-21", "url": "...",
  "source": "..."}`` (the common field names of the JSON Lines reader are understood too);
* ``text/plain``: the body is the article's raw text (UTF-8, UTF-16 or Windows-1256).

(Any other content type is refused with 415 before the body is read: see :mod:`rasad.api.guard`.)

    >>> art = article_from_body(b'{"text": "\\u0633\\u0644\\u0627\\u0645", "title": "t"}', "application/json")
    >>> art.raw, art.title
    ('سلام', 't')
"""

from __future__ import annotations

import hashlib
from typing import Any

from rasad.errors import IngestError
from rasad.ingest.decode import decode_bytes
from rasad.ingest.readers import article_from_record, json_loads
from rasad.model import Article

_FIELDS = ("text", "title", "published", "url", "source", "doc")


def _doc_name(text: str) -> str:
    return "api-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def article_from_body(body: bytes, content_type: str | None, max_bytes: int = 2 * 1024 * 1024) -> Article:
    """Build the raw article of a request body or raise :class:`IngestError` (→ HTTP 400)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json"):
        return _from_json(body, max_bytes)
    if not body.strip():
        raise IngestError("empty request body: send the article's text", "request body")
    text = decode_bytes(body, "request body", max_bytes=max_bytes)
    return Article(raw=text, doc=_doc_name(text), path="api")


def _from_json(body: bytes, max_bytes: int) -> Article:
    if not body.strip():
        raise IngestError("empty request body", "request body")
    try:
        rec = json_loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IngestError("JSON body is not UTF-8", "request body") from None
    except IngestError as e:  # malformed, or nested too deeply
        raise IngestError(e.reason, "request body") from None
    if not isinstance(rec, dict):
        raise IngestError('JSON body must be an object such as {"text": "..."}', "request body")
    for key in _FIELDS:
        value: Any = rec.get(key)
        if value is not None and not isinstance(value, str):
            raise IngestError(f"field {key!r} must be a string", "request body")
    text = rec.get("text")
    if isinstance(text, str) and not text.strip():
        raise IngestError("field 'text' is empty", "request body")
    if isinstance(text, str):
        # the same emptiness / binary-content checks as a file on disk
        decode_bytes(text.encode("utf-8", "surrogatepass"), "field 'text'", max_bytes=max_bytes)
    art = article_from_record(rec, "request body")
    if "doc" not in rec and not any(k in rec for k in ("id", "doc_id", "news_id", "guid")):
        art.doc = _doc_name(art.raw)
    if isinstance(rec.get("published"), str) and rec["published"].strip() and not art.published:
        raise IngestError(f"unreadable 'published' date: {rec['published']!r} (use YYYY-MM-DD)", "request body")
    art.path = "api"
    return art
