"""``load_corpus``: folders, files, raw text and tables in; a :class:`Corpus` out."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from narrcomp._validation import check_bool, param_error
from narrcomp.corpus.discover import MANIFEST, Job, file_job, manifest_jobs, scan_jobs
from narrcomp.corpus.documents import Corpus, documents_frame, errors_frame
from narrcomp.corpus.metadata import (
    META_FIELDS, clean_metadata, guess_language, optional_str, text_hashes,
)
from narrcomp.corpus.readers import READERS, RawDocument, read_file
from narrcomp.errors import CorpusError

__all__ = ["load_corpus"]

logger = logging.getLogger("narrcomp")

_FUNC = "load_corpus"
_PROGRESS_THRESHOLD = 20
_DEFAULT_KIND = "media"
_TEXT_SOURCE = "text"


def load_corpus(path_or_data, *, strict: bool = False, show_progress: bool | None = None,
                recursive: bool = True) -> Corpus:
    """Load documents from a folder, a file, a string of text or a table.

    Parameters
    ----------
    path_or_data : str, path-like, pandas.DataFrame or list of dict
        * a folder with ``corpus.csv`` (columns ``path, source, kind, date,
          url, title``; paths relative to the CSV; its values override the
          files' own metadata): the listed files, in that order;
        * a folder without ``corpus.csv``: every supported file (``.txt``,
          ``.md``, ``.html``/``.htm``, ``.pdf``, claim sheets ``.csv``/
          ``.xlsx``/``.xls``), sorted by relative path; metadata comes from
          YAML front matter or HTML ``<meta>`` tags, ``source`` defaults to
          the parent folder's name (the file stem for top-level files) and
          ``kind`` to ``"media"``;
        * a single supported file;
        * a string that is not an existing path: one document, source
          ``"text"`` (a short string without spaces that looks like a path,
          such as ``"corpus/douma"`` or ``"report.pdf"``, raises instead, so a
          mistyped path is not silently loaded as text);
        * a DataFrame or list of dicts with a ``text`` column (optional
          ``source``, ``kind``, ``date``, ``url``, ``title``, ``language``, ``path``).
    strict : bool, default False
        Raise :class:`narrcomp.errors.CorpusError` at the first file that
        fails instead of recording it in ``Corpus.errors``.
    show_progress : bool or None, default None
        Progress bar over files; ``None`` shows one for more than 20 files.
    recursive : bool, default True
        Scan sub-folders when a folder has no ``corpus.csv``.

    Returns
    -------
    Corpus
        ``.documents`` (one row per document, columns as in docs/design.md),
        ``.errors`` (``path``, ``error``) and ``.summary()``.

    Raises
    ------
    CorpusError
        When a path does not exist or ``corpus.csv`` is unreadable;
        with ``strict=True`` also for the first file that fails.

    Notes
    -----
    Documents repeating an earlier one (same text and source, or the same text
    from the same file) are dropped with a ``UserWarning`` naming both paths.
    ``language`` is a cheap script-based guess (see
    :func:`narrcomp.corpus.metadata.guess_language`).

    Examples
    --------
    >>> corpus = load_corpus([{"text": "Chlorine was used.", "source": "OPCW FFM"},
    ...                       {"text": "No attack took place.", "source": "Russian MoD"}])
    >>> corpus
    <Corpus: Loaded 2 documents from 2 rows; 0 failed.>
    >>> corpus.documents[["source", "language", "n_chars"]].values.tolist()
    [['OPCW FFM', 'en', 18], ['Russian MoD', 'en', 21]]
    """
    check_bool(strict, "strict", _FUNC)
    check_bool(recursive, "recursive", _FUNC)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", _FUNC)
    builder = _Builder(strict)
    if isinstance(path_or_data, pd.DataFrame):
        corpus = _load_frame(path_or_data, builder)
    elif isinstance(path_or_data, (list, tuple)):
        corpus = _load_frame(_records_frame(path_or_data), builder)
    elif isinstance(path_or_data, os.PathLike) or _is_existing_path(path_or_data):
        corpus = _load_path(Path(path_or_data), builder, show_progress, recursive)
    elif _looks_like_path(path_or_data):
        raise CorpusError(path_or_data, "no such file or folder (a string without spaces that looks "
                                        "like a path is not loaded as text)")
    elif isinstance(path_or_data, str):
        corpus = _load_text(path_or_data, builder)
    else:
        raise param_error("path_or_data", _FUNC, "a path, a str of text, a DataFrame or a list of dicts",
                          path_or_data, TypeError)
    for earlier, later in builder.duplicates:
        warnings.warn(f"Duplicate document: {later} repeats {earlier}; keeping {earlier}.",
                      UserWarning, stacklevel=2)
    logger.info(corpus.summary())
    return corpus


def _is_existing_path(value) -> bool:
    if not isinstance(value, str) or not value or "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except (OSError, ValueError):
        return False


def _looks_like_path(value) -> bool:
    """A one-word string with a path separator or a supported extension."""
    if not isinstance(value, str) or not value or len(value) > 260:
        return False
    if any(char.isspace() for char in value):
        return False
    return "/" in value or "\\" in value or Path(value).suffix.lower() in READERS


class _Builder:
    """Collects documents and errors, dropping duplicates in input order."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.records: list[dict] = []
        self.errors: list[tuple[str, str]] = []
        self.duplicates: list[tuple[str, str]] = []
        self._seen: dict[tuple, str] = {}

    def fail(self, path: str, reason: str) -> None:
        if self.strict:
            raise CorpusError(path, reason)
        self.errors.append((path, reason))

    def add(self, text: str, meta: dict, *, path: str | None, label: str,
            page_starts=None, language: str | None = None, file: str | None = None) -> None:
        identifier, sha = text_hashes(meta["source"], text)
        keys = [("source", meta["source"], sha)] + ([("file", file, sha)] if file else [])
        for key in keys:
            if key in self._seen:
                self.duplicates.append((self._seen[key], label))
                return
        for key in keys:
            self._seen[key] = label
        self.records.append({
            "doc_id": identifier, "source": meta["source"], "kind": meta["kind"],
            "date": meta["date"], "url": meta["url"], "title": meta["title"],
            "language": language or guess_language(text), "path": path, "text": text,
            "n_chars": len(text), "sha256": sha, "page_starts": page_starts,
        })

    def corpus(self, *, root: str | None, n_inputs: int, unit: str, n_skipped: int = 0) -> Corpus:
        return Corpus(documents_frame(self.records), errors_frame(self.errors), root=root,
                      n_inputs=n_inputs, n_skipped=n_skipped, unit=unit)


def _merge(job: Job, raw: RawDocument) -> dict:
    """Metadata for one document: manifest > file (sheet row > manifest) > defaults."""
    first, second = (raw.meta, job.overrides) if raw.row is not None else (job.overrides, raw.meta)
    meta = {field: first.get(field) or second.get(field) for field in META_FIELDS}
    meta["source"] = meta["source"] or job.default_source
    meta["kind"] = meta["kind"] or _DEFAULT_KIND
    return meta


def _load_path(path: Path, builder: _Builder, show_progress, recursive: bool) -> Corpus:
    if not path.exists():
        raise CorpusError(path, "no such file or folder")
    n_skipped = 0
    if path.is_dir():
        root = path
        manifest = path / MANIFEST
        if manifest.is_file():
            jobs = manifest_jobs(manifest)
        else:
            jobs, n_skipped = scan_jobs(path, recursive)
    elif path.suffix.lower() in READERS:
        root, jobs = path.parent, [file_job(path)]
    else:
        raise CorpusError(path, f"unsupported file type {path.suffix or '(no extension)'!r}")
    for job in _progress(jobs, show_progress):
        _run_job(job, builder)
    return builder.corpus(root=str(root.resolve()), n_inputs=len(jobs), unit="file", n_skipped=n_skipped)


def _progress(jobs: list[Job], show_progress: bool | None):
    if show_progress is False or (show_progress is None and len(jobs) <= _PROGRESS_THRESHOLD):
        return jobs
    from tqdm.auto import tqdm

    return tqdm(jobs, desc="Loading documents", unit="file")


def _run_job(job: Job, builder: _Builder) -> None:
    if job.error is not None:
        builder.fail(job.display, job.error)
        return
    try:
        raws = read_file(job.file)
    except CorpusError as exc:
        builder.fail(_display_error_path(exc.path, job), exc.reason)
        return
    for raw in raws:
        label = job.display if raw.row is None else f"{job.display}#row={raw.row}"
        if raw.error is not None:
            builder.fail(label, raw.error)
            continue
        builder.add(raw.text, _merge(job, raw), path=label, label=label,
                    page_starts=raw.page_starts, file=job.display if raw.row is None else None)


def _display_error_path(error_path: str, job: Job) -> str:
    prefix = str(job.file)
    return job.display + error_path[len(prefix):] if error_path.startswith(prefix) else job.display


def _load_text(text: str, builder: _Builder) -> Corpus:
    if not text or text.isspace():
        raise param_error("path_or_data", _FUNC, "a path or a non-empty str of text", text)
    meta = {field: None for field in META_FIELDS} | {"source": _TEXT_SOURCE, "kind": _DEFAULT_KIND}
    builder.add(text, meta, path=None, label="<text>")
    return builder.corpus(root=None, n_inputs=1, unit="text")


def _records_frame(items) -> pd.DataFrame:
    if not all(isinstance(item, Mapping) for item in items):
        raise param_error("path_or_data", _FUNC, "a list of dicts", items, TypeError)
    return pd.DataFrame([dict(item) for item in items], dtype=object)


def _load_frame(frame: pd.DataFrame, builder: _Builder) -> Corpus:
    columns = {str(column).strip().lower(): column for column in frame.columns}
    if "text" not in columns and len(frame):
        raise param_error("path_or_data", _FUNC, "a DataFrame or list of dicts with a 'text' column",
                          f"columns {list(frame.columns)}")
    frame = frame.rename(columns={original: name for name, original in columns.items()})
    for label, record in zip(frame.index, frame.to_dict("records")):
        _add_record(record, f"<data>#row={label}", builder)
    return builder.corpus(root=None, n_inputs=len(frame), unit="row")


def _add_record(record: dict, label: str, builder: _Builder) -> None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        builder.fail(label, "row has no text")
        return
    meta = clean_metadata(record)
    meta["source"] = meta["source"] or _TEXT_SOURCE
    meta["kind"] = meta["kind"] or _DEFAULT_KIND
    path = optional_str(record.get("path"))
    builder.add(text, meta, path=path, label=path or label, language=optional_str(record.get("language")))
