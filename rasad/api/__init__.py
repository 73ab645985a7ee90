"""The HTTP API and web page of rasad (FastAPI): ``create_app(db_path)``.

    >>> from rasad.api import create_app
    >>> app = create_app(":memory:")
    >>> app.title
    'rasad'
"""

from rasad.api.app import create_app

__all__ = ["create_app"]
