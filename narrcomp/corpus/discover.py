"""Which files make up a corpus folder.

A folder either has a ``corpus.csv`` manifest (columns ``path``, ``source``,
``kind``, ``date``, ``url``, ``title``; paths relative to the CSV) or is
scanned for every supported file. Either way the result is a list of
:class:`Job` in a deterministic order: manifest order, else sorted relative
paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from narrcomp.corpus.metadata import clean_metadata
from narrcomp.corpus.readers import READERS, read_csv_text
from narrcomp.errors import CorpusError

__all__ = ["MANIFEST", "Job", "file_job", "manifest_jobs", "scan_jobs"]

MANIFEST = "corpus.csv"
ESCAPE_REASON = "path escapes the corpus folder"
MISSING_REASON = "listed in corpus.csv but not found"


@dataclass
class Job:
    """One file to read.

    Attributes
    ----------
    display : str
        The path as reported in ``documents.path`` and ``errors.path``
        (relative to the corpus folder, with ``/`` separators).
    file : Path or None
        The file to read; ``None`` when ``error`` is already known.
    overrides : dict
        Metadata from ``corpus.csv`` that wins over the file's own.
    default_source : str
        Source used when neither the manifest nor the file names one.
    error : str or None
        A reason known before reading (missing file, escaping path).
    """

    display: str
    file: Path | None
    overrides: dict = field(default_factory=dict)
    default_source: str = "unknown"
    error: str | None = None


def default_source(relative: PurePosixPath) -> str:
    """The file's parent folder name, or the file stem for top-level files.

    Examples
    --------
    >>> default_source(PurePosixPath("sputnik/2020/a.txt")), default_source(PurePosixPath("tass.txt"))
    ('2020', 'tass')
    """
    return relative.parent.name if relative.parent.name else relative.stem


def file_job(path: Path) -> Job:
    """A job for a single file given directly to :func:`load_corpus`."""
    return Job(display=path.name, file=path, default_source=path.stem)


def _hidden(relative: PurePosixPath) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def scan_jobs(root: Path, recursive: bool = True) -> tuple[list[Job], int]:
    """Every supported file under ``root``, sorted by relative path.

    Hidden files and folders (and Office lock files ``~$...``) are ignored;
    files of unsupported types are ignored too, but counted. A symbolic link
    to a file outside ``root`` becomes a job carrying the error
    ``"path escapes the corpus folder"`` (it is never read).

    Returns
    -------
    (list of Job, int)
        The jobs and the number of unsupported files skipped.
    """
    candidates = root.rglob("*") if recursive else root.iterdir()
    resolved_root = root.resolve()
    jobs, n_skipped = [], 0
    for path in candidates:
        relative = PurePosixPath(path.relative_to(root).as_posix())
        if _hidden(relative) or not path.is_file() or relative.name == MANIFEST:
            continue
        if path.suffix.lower() not in READERS:
            n_skipped += 1
            continue
        job = Job(relative.as_posix(), path, default_source=default_source(relative))
        if not path.resolve().is_relative_to(resolved_root):  # a symlink leading out
            job.file, job.error = None, ESCAPE_REASON
        jobs.append(job)
    jobs.sort(key=lambda job: job.display)
    return jobs, n_skipped


def manifest_jobs(manifest: Path) -> list[Job]:
    """The files listed in a ``corpus.csv``, in its order.

    A listed file that does not exist, or whose path leads outside the folder
    of ``corpus.csv``, becomes a job that carries its error.

    Raises
    ------
    CorpusError
        When ``corpus.csv`` cannot be read or has no ``path`` column.
    """
    root = manifest.parent.resolve()
    frame = read_csv_text(manifest)
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    if "path" not in frame.columns:
        raise CorpusError(manifest, "corpus.csv has no 'path' column")
    jobs = []
    for position, record in enumerate(frame.to_dict("records")):
        jobs.append(_manifest_job(root, record, row=position + 2))
    return jobs


def _manifest_job(root: Path, record: dict, row: int) -> Job:
    listed = record.get("path")
    listed = listed.strip() if isinstance(listed, str) else ""
    overrides = {key: value for key, value in clean_metadata(record).items() if value is not None}
    if not listed:
        return Job(f"{MANIFEST}#row={row}", None, overrides, error="corpus.csv row has no path")
    relative = PurePosixPath(listed.replace("\\", "/"))
    job = Job(listed, None, overrides, default_source=default_source(relative))
    target = (root / relative).resolve()  # "\\" separators from Windows work too
    if not target.is_relative_to(root):
        job.error = ESCAPE_REASON
    elif not target.exists():
        job.error = MISSING_REASON
    elif not target.is_file():
        job.error = "listed in corpus.csv but is not a file"
    elif target.suffix.lower() not in READERS:
        job.error = f"unsupported file type {target.suffix or '(no extension)'!r}"
    else:
        job.file = target
    return job
