"""The :class:`Corpus` container and its two tables.

``Corpus.documents`` has exactly the columns of :data:`DOCUMENT_COLUMNS`
(see docs/design.md); ``Corpus.errors`` has :data:`ERROR_COLUMNS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from narrcomp._validation import param_error

__all__ = ["Corpus", "DOCUMENT_COLUMNS", "ERROR_COLUMNS", "documents_frame", "errors_frame"]

DOCUMENT_COLUMNS = (
    "doc_id", "source", "kind", "date", "url", "title", "language",
    "path", "text", "n_chars", "sha256", "page_starts",
)
ERROR_COLUMNS = ("path", "error")
# Columns that may hold None keep the object dtype, so a missing value stays
# ``None`` (pandas' string dtype would turn it into NaN).
_NULLABLE = ("date", "url", "title", "path", "page_starts")


def documents_frame(records: Iterable[dict]) -> pd.DataFrame:
    """Build a documents table with the schema's columns, in the schema's order.

    Examples
    --------
    >>> documents_frame([]).columns.tolist()[:3]
    ['doc_id', 'source', 'kind']
    """
    records = list(records)
    columns = {}
    for column in DOCUMENT_COLUMNS:
        values = [_none_if_missing(record.get(column)) for record in records]
        if column == "n_chars":
            columns[column] = pd.Series(values, dtype="int64")
        elif column in _NULLABLE:
            columns[column] = pd.Series(values, dtype=object)
        else:
            columns[column] = pd.Series(values, dtype=str)
    return pd.DataFrame(columns)


def _none_if_missing(value):
    return None if isinstance(value, float) and value != value else value


def errors_frame(records: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Build an errors table (``path``, ``error``) from ``(path, reason)`` pairs.

    Examples
    --------
    >>> errors_frame([("a.pdf", "encrypted PDF (password required)")]).iloc[0]["error"]
    'encrypted PDF (password required)'
    """
    return pd.DataFrame(list(records), columns=list(ERROR_COLUMNS), dtype=object)


@dataclass
class Corpus:
    """Documents loaded by :func:`narrcomp.load_corpus`, and the files that failed.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per document; columns :data:`DOCUMENT_COLUMNS`.
    errors : pandas.DataFrame
        One row per file (or sheet row) that could not be read: ``path``, ``error``.
    root : str or None
        Folder the ``path`` columns are relative to (``None`` for in-memory input).
    n_inputs : int
        Files (or rows / texts for in-memory input) that were tried.
    n_skipped : int
        Files left out of a folder scan because their type is not supported.
    unit : str
        What ``n_inputs`` counts: ``"file"``, ``"row"`` or ``"text"``.

    Examples
    --------
    >>> from narrcomp.corpus import load_corpus
    >>> corpus = load_corpus("Inspectors found two cylinders in Douma.")
    >>> len(corpus), corpus.documents.loc[0, "source"]
    (1, 'text')
    >>> corpus.summary()
    'Loaded 1 document from 1 text; 0 failed.'
    """

    documents: pd.DataFrame = field(default_factory=lambda: documents_frame([]))
    errors: pd.DataFrame = field(default_factory=lambda: errors_frame([]))
    root: str | None = None
    n_inputs: int = 0
    n_skipped: int = 0
    unit: str = "file"

    def __len__(self) -> int:
        return len(self.documents)

    def summary(self) -> str:
        """One line: ``"Loaded N documents from M files; K failed."``."""
        line = (
            f"Loaded {_count(len(self.documents), 'document')} from "
            f"{_count(self.n_inputs, self.unit)}; {len(self.errors)} failed."
        )
        if self.n_skipped:
            line += f" {_count(self.n_skipped, 'file')} skipped: unsupported type."
        return line

    def __repr__(self) -> str:
        return f"<Corpus: {self.summary()}>"

    @classmethod
    def from_documents(cls, documents: pd.DataFrame) -> "Corpus":
        """Wrap an existing documents table (for example one saved to Parquet).

        Parameters
        ----------
        documents : pandas.DataFrame
            Must have every column of :data:`DOCUMENT_COLUMNS`; extra columns
            are dropped and the columns are put in the schema's order.

        Examples
        --------
        >>> from narrcomp.corpus import load_corpus
        >>> docs = load_corpus("Chlorine was used in Douma.").documents
        >>> len(Corpus.from_documents(docs))
        1
        """
        if not isinstance(documents, pd.DataFrame):
            raise param_error("documents", "Corpus.from_documents", "a DataFrame", documents, TypeError)
        missing = [column for column in DOCUMENT_COLUMNS if column not in documents.columns]
        if missing:
            raise param_error(
                "documents", "Corpus.from_documents",
                f"a DataFrame with the columns {list(DOCUMENT_COLUMNS)} (missing {missing})",
                f"DataFrame with columns {list(documents.columns)}",
            )
        frame = documents_frame(documents[list(DOCUMENT_COLUMNS)].to_dict("records"))
        return cls(documents=frame, n_inputs=len(frame), unit="row")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
