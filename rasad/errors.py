"""Library exceptions; the CLI and the HTTP API turn them into clean messages."""


class RasadError(Exception):
    """Base class of every error rasad raises on purpose."""


class IngestError(RasadError):
    """An input could not be read as an article (bad encoding, binary, empty, too big, malformed)."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class StoreError(RasadError):
    """The store could not be opened or written."""


class QueryError(RasadError):
    """A search or filter query is malformed."""


class EvalError(RasadError):
    """Gold or system files for evaluation are missing or malformed."""
