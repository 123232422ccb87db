"""The project's own exceptions: each says what went wrong and what to do about it."""

from __future__ import annotations


class FrontlineError(Exception):
    """Base of every error frontline-map raises on purpose."""


class DataError(FrontlineError):
    """A file in ``data/`` is missing, corrupt or stale; the message says how to rebuild it."""


class BadInputError(FrontlineError, ValueError):
    """Input the tool cannot read: empty, binary, too large, malformed."""


class UnknownPlaceError(FrontlineError, LookupError):
    """No place in the gazetteer matches a name."""


class AmbiguousPlaceError(FrontlineError, LookupError):
    """A name matches several places and nothing says which one; carries the candidates."""

    def __init__(self, message: str, candidates: list | None = None):
        super().__init__(message)
        self.candidates = candidates or []
