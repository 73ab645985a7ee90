"""Reading articles from the web: one page, or a feed, by its http(s) address.

Only ``http`` and ``https`` addresses are fetched, with a timeout and the same size limit as a
file; every failure (a bad address, a refused connection, an HTTP error, a page too big) is a
:class:`~rasad.ingest.readers.Failure` with its reason, never an exception.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlparse

from rasad import __version__
from rasad.ingest.decode import DEFAULT_MAX_BYTES
from rasad.ingest.readers import Failure
from rasad.model import Article

USER_AGENT = f"rasad/{__version__} (+news monitoring; one request per poll)"


def is_url(s: str) -> bool:
    return urlparse(s).scheme in ("http", "https")


def fetch_url(url: str, timeout: float = 30.0, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """The articles at ``url`` (a page gives one, a feed gives its items)."""
    from rasad.ingest import read_bytes

    if not is_url(url):
        yield Failure(url, "not an http(s) address")
        return
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked above
            data = resp.read(max_bytes + 1)
            ctype = (resp.headers.get("Content-Type") or "").lower()
    except urllib.error.HTTPError as e:
        yield Failure(url, f"HTTP {e.code} {e.reason}")
        return
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        yield Failure(url, f"cannot fetch: {reason}")
        return
    if len(data) > max_bytes:
        yield Failure(url, f"larger than {max_bytes:,} bytes")
        return
    path = urlparse(url).path
    name = url
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        name = url if path.endswith((".xml", ".rss", ".atom")) else url + "#.xml"
    elif "html" in ctype and not path.endswith((".html", ".htm")):
        name = url + "#.html"
    for item in read_bytes(data, name, max_bytes):
        if isinstance(item, Article):
            item.url = item.url or url
            item.path = item.path if item.path and item.path != name else url
        else:
            item = Failure(url, item.reason)
        yield item
