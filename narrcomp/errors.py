"""Exceptions raised by narrcomp.

Every error a user can cause derives from :class:`NarrcompError`, so a notebook
can catch them all with one ``except``.
"""

from __future__ import annotations


class NarrcompError(Exception):
    """Base class for narrcomp's own errors."""


class CorpusError(NarrcompError):
    """A document could not be read (raised only with ``strict=True``;
    otherwise the problem becomes a row of ``Corpus.errors``)."""

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = str(reason)
        super().__init__(f"{self.path}: {self.reason}")


class ModelNotAvailableError(NarrcompError):
    """A model name or path could not be loaded offline."""


class CacheError(NarrcompError):
    """The embedding cache could not be opened or written."""
