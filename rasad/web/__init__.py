"""The web page's files: ``templates/index.html`` (the RTL shell), ``static/`` (CSS, plain JS, fonts).

The page is served by :func:`rasad.api.create_app` and works offline: the Vazirmatn font
(SIL Open Font License, ``static/fonts/OFL.txt``) is shipped in the package.
"""

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
INDEX_HTML = WEB_DIR / "templates" / "index.html"

__all__ = ["WEB_DIR", "STATIC_DIR", "INDEX_HTML"]
