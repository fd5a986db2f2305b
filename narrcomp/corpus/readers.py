"""One reader per file type.

Each reader takes a file path and returns a list of :class:`RawDocument`
(one for text, HTML and PDF files; one per row for claim sheets). A file that
cannot be read raises :class:`narrcomp.errors.CorpusError` with a one-line
reason; the loader turns it into a row of ``Corpus.errors``.

Readers never touch the network and read each file into memory once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from narrcomp.corpus.encoding import decode_bytes
from narrcomp.corpus.metadata import clean_metadata, html_metadata, optional_str, split_front_matter
from narrcomp.errors import CorpusError

__all__ = [
    "RawDocument",
    "READERS",
    "SHEET_EXTENSIONS",
    "read_file",
    "read_html",
    "read_pdf",
    "read_sheet",
    "read_text",
]

SHEET_EXTENSIONS = (".csv", ".xlsx", ".xls")
EMPTY_REASON = "empty file (0 bytes)"
NO_TEXT_REASON = "file has no text"

# trafilatura drops forms, asides, footers and comments itself; navigation
# menus are pruned up front so a page of links alone yields no article.
_PRUNE_XPATH = ["//nav"]


@dataclass
class RawDocument:
    """A document as a reader found it, before ids and defaults are added.

    Attributes
    ----------
    text : str
        The main text.
    meta : dict
        ``title``, ``source``, ``kind``, ``date``, ``url`` (``None`` when unknown).
    page_starts : list of int or None
        Offsets in ``text`` where each page starts (PDF only).
    row : int or None
        For claim sheets, the row number as a spreadsheet shows it (header = 1).
    error : str or None
        Why a claim sheet row could not be used (the rest of the sheet still loads).
    """

    text: str
    meta: dict = field(default_factory=dict)
    page_starts: list[int] | None = None
    row: int | None = None
    error: str | None = None


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise CorpusError(path, EMPTY_REASON)
    return data


def read_text(path: str | Path) -> list[RawDocument]:
    """Read a ``.txt`` or ``.md`` file, parsing and removing YAML front matter.

    The encoding is detected (see :func:`narrcomp.corpus.encoding.decode_bytes`)
    and line endings become ``"\\n"``; otherwise the text is kept as it is.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.md"
    >>> _ = path.write_text("---\\nsource: Bellingcat\\n---\\nChlorine was found.\\n", encoding="utf-8")
    >>> doc, = read_text(path)
    >>> doc.text, doc.meta["source"]
    ('Chlorine was found.\\n', 'Bellingcat')
    """
    path = Path(path)
    text = decode_bytes(_read_bytes(path), str(path))
    meta, body = split_front_matter(text)
    if not body or body.isspace():  # no .strip(): it would copy a large text
        raise CorpusError(path, NO_TEXT_REASON)
    return [RawDocument(body, clean_metadata(meta))]


def read_html(path: str | Path) -> list[RawDocument]:
    """Read the main article of an HTML page with trafilatura.

    Navigation, forms, cookie banners, comments, related links, tables, images
    and links are left out; no remote resource is ever fetched. Title, source,
    date and url come from ``<meta>`` tags (see
    :func:`narrcomp.corpus.metadata.html_metadata`).

    Raises
    ------
    CorpusError
        ``"HTML with no article text"`` when trafilatura finds no article.
    """
    import trafilatura

    path = Path(path)
    data = _read_bytes(path)
    tree = trafilatura.load_html(decode_bytes(data, str(path)))
    if tree is None:
        raise CorpusError(path, "HTML with no article text")
    meta = clean_metadata(html_metadata(tree))
    text = trafilatura.extract(
        tree,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_tables=False,
        include_formatting=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
        prune_xpath=_PRUNE_XPATH,
    )
    if not text or not text.strip():
        raise CorpusError(path, "HTML with no article text")
    return [RawDocument(text, meta)]


def read_pdf(path: str | Path) -> list[RawDocument]:
    """Read the text layer of a PDF, page by page.

    Page texts are joined with ``"\\n\\n"``; ``page_starts[i]`` is the offset
    where page ``i + 1`` starts, so the page of an offset is
    ``bisect.bisect_right(page_starts, offset)``. An encrypted PDF is opened
    with the empty password when it has one.

    Raises
    ------
    CorpusError
        ``"empty file (0 bytes)"``, ``"damaged or truncated PDF: ..."``,
        ``"encrypted PDF (password required)"`` or
        ``"PDF has no text layer (scanned?)"``.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    path = Path(path)
    _check_pdf_header(path)
    try:
        reader = PdfReader(path)
        _decrypt(reader, path)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except CorpusError:
        raise
    except DependencyError as exc:
        raise CorpusError(path, f"encrypted PDF needs an extra package: {exc}") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, AssertionError) as exc:
        raise CorpusError(path, f"damaged or truncated PDF: {_one_line(exc)}") from None
    if not any(page.strip() for page in pages):
        raise CorpusError(path, "PDF has no text layer (scanned?)")
    text, page_starts = _join_pages(pages)
    meta = {"title": info.title if info else None, "date": _pdf_date(info)}
    return [RawDocument(text, clean_metadata(meta), page_starts)]


def _check_pdf_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise CorpusError(path, f"cannot read file: {exc.strerror or exc}") from None
    if not head:
        raise CorpusError(path, EMPTY_REASON)
    if b"%PDF-" not in head:
        raise CorpusError(path, "damaged or truncated PDF: not a PDF (no %PDF header)")


def _decrypt(reader, path: Path) -> None:
    if not reader.is_encrypted:
        return
    from pypdf import PasswordType

    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise CorpusError(path, "encrypted PDF (password required)")


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    return "\n\n".join(pages), starts


def _pdf_date(info) -> str | None:
    try:
        created = info.creation_date if info else None
    except (ValueError, TypeError):
        return None
    return created.date().isoformat() if created else None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def read_sheet(path: str | Path) -> list[RawDocument]:
    """Read a claim sheet: one document per row of a ``.csv``/``.xlsx``/``.xls``.

    The sheet (the first worksheet of a workbook) must have the columns
    ``text`` and ``source``; ``date``, ``url``, ``kind`` and ``title`` are
    optional. Each row's text becomes a document of its own, so it becomes
    exactly one claim later. Blank rows are skipped; a row without text or
    source comes back with its ``error`` set. Column names are matched
    case-insensitively.

    Raises
    ------
    CorpusError
        Naming the missing columns, or when the sheet has no rows.
    """
    path = Path(path)
    frame = _sheet_frame(path)
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in ("text", "source") if column not in frame.columns]
    if missing:
        raise CorpusError(path, f"claim sheet is missing column(s): {', '.join(missing)}")
    documents = []
    for position, record in enumerate(frame.to_dict("records")):
        row = position + 2
        meta = clean_metadata(record)
        text = optional_str(record.get("text")) or ""
        if not text and not any(meta.values()):
            continue
        error = None
        if not text or not meta["source"]:
            error = f"claim sheet row has no {'text' if not text else 'source'}"
        documents.append(RawDocument(text, meta, row=row, error=error))
    if not documents:
        raise CorpusError(path, "claim sheet has no rows")
    return documents


def _sheet_frame(path: Path):
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv_text(path)
    _read_bytes(path)  # distinct reason for an empty workbook
    try:
        return pd.read_excel(path, sheet_name=0, dtype=object)
    except ImportError as exc:
        raise CorpusError(path, f"reading {suffix} files needs an extra package: {_one_line(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl/xlrd raise many types for bad files
        raise CorpusError(path, f"damaged spreadsheet: {_one_line(exc)}") from None


def read_csv_text(path: Path):
    """Read a CSV file (any encoding) into a DataFrame of strings, blanks as ``None``."""
    import io

    import pandas as pd

    text = decode_bytes(_read_bytes(path), str(path))
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False, skip_blank_lines=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise CorpusError(path, f"malformed CSV: {_one_line(exc)}") from None
    return frame.map(lambda value: None if isinstance(value, str) and not value.strip() else value)


READERS: dict[str, Callable[[Path], list[RawDocument]]] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".csv": read_sheet,
    ".xlsx": read_sheet,
    ".xls": read_sheet,
}


def read_file(path: str | Path) -> list[RawDocument]:
    """Read any supported file with the reader for its extension.

    Examples
    --------
    >>> sorted(READERS)[:3]
    ['.csv', '.htm', '.html']
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(path, f"unsupported file type {path.suffix or '(no extension)'!r}")
    if not path.is_file():
        raise CorpusError(path, "not a file" if path.exists() else "file not found")
    return reader(path)
