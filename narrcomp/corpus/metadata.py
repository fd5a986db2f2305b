"""Document metadata: front matter, HTML meta tags, dates, language, ids.

Every document carries the same five descriptive fields, :data:`META_FIELDS`
(``title``, ``source``, ``kind``, ``date``, ``url``); a missing field is
``None``. Dates are normalised to ISO ``YYYY-MM-DD`` (a value that cannot be
read as a date becomes ``None``).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from typing import Any, Mapping

import yaml

__all__ = [
    "META_FIELDS",
    "clean_metadata",
    "doc_id",
    "guess_language",
    "html_metadata",
    "normalize_date",
    "optional_str",
    "sha256_text",
    "split_front_matter",
    "text_hashes",
]

META_FIELDS = ("title", "source", "kind", "date", "url")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ISO_PREFIX = re.compile(r"\A(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d.%m.%Y")
_LANGUAGE_SAMPLE = 100_000


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter off a text.

    Front matter is a YAML mapping between a first line ``---`` and a closing
    ``---`` (or ``...``) line. A block that is not a valid YAML mapping is left
    in the text, so a Markdown file that merely starts with a horizontal rule
    loses nothing.

    Parameters
    ----------
    text : str

    Returns
    -------
    (dict, str)
        The parsed mapping (empty when there is none) and the body, with the
        blank lines that followed the front matter removed.

    Examples
    --------
    >>> meta, body = split_front_matter("---\\ntitle: Douma\\ndate: 2018-04-07\\n---\\n\\nText.")
    >>> meta["title"], body
    ('Douma', 'Text.')
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return {}, text
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return {}, text
    body = text[match.end():].lstrip("\n")
    return {str(key): value for key, value in meta.items()}, body


def html_metadata(tree) -> dict[str, str | None]:
    """Read title, source, date and url from an HTML tree's ``<meta>`` tags.

    Uses ``og:title`` (else ``<title>``), ``og:site_name``,
    ``article:published_time`` and ``og:url`` (else ``<link rel="canonical">``).

    Parameters
    ----------
    tree : lxml.html.HtmlElement

    Returns
    -------
    dict
        Keys ``title``, ``source``, ``date``, ``url``; missing values are ``None``.

    Examples
    --------
    >>> import lxml.html
    >>> tree = lxml.html.fromstring('<html><head><title>T</title>'
    ...     '<meta property="og:site_name" content="Sputnik"></head><body></body></html>')
    >>> html_metadata(tree)["source"]
    'Sputnik'
    """
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = element.get("content")
        if key and content and content.strip() and key not in meta:
            meta[key] = content.strip()
    title = meta.get("og:title") or _first_text(tree, "title")
    canonical = _first_attr(tree, "link", "href", rel="canonical")
    return {
        "title": title,
        "source": meta.get("og:site_name"),
        "date": meta.get("article:published_time") or meta.get("date"),
        "url": meta.get("og:url") or canonical,
    }


def _first_text(tree, tag: str) -> str | None:
    for element in tree.iter(tag):
        text = " ".join((element.text_content() or "").split())
        if text:
            return text
    return None


def _first_attr(tree, tag: str, attr: str, **match: str) -> str | None:
    for element in tree.iter(tag):
        if all((element.get(k) or "").lower() == v for k, v in match.items()):
            value = (element.get(attr) or "").strip()
            if value:
                return value
    return None


def normalize_date(value: Any) -> str | None:
    """Return a date as ISO ``YYYY-MM-DD``, or ``None`` when it cannot be read.

    Accepts dates and datetimes (also pandas ``Timestamp``), ISO strings with or
    without a time part (``2020-01-29T10:09Z``), ``2020/01/29`` and a few
    English forms (``29 January 2020``, ``January 29, 2020``).

    Examples
    --------
    >>> normalize_date("2020-01-29T10:09:00+00:00")
    '2020-01-29'
    >>> normalize_date("7 April 2018")
    '2018-04-07'
    >>> normalize_date("sometime in spring") is None
    True
    """
    if value is None or _is_missing(value):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return _dt.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def clean_metadata(meta: Mapping[str, Any]) -> dict[str, str | None]:
    """Keep the :data:`META_FIELDS` of ``meta`` as stripped strings or ``None``.

    Examples
    --------
    >>> clean_metadata({"title": " Douma ", "date": "2018-04-07", "digest": True})
    {'title': 'Douma', 'source': None, 'kind': None, 'date': '2018-04-07', 'url': None}
    """
    out: dict[str, str | None] = {}
    for field in META_FIELDS:
        value = meta.get(field)
        if field == "date":
            out[field] = normalize_date(value)
        else:
            out[field] = optional_str(value)
    return out


def optional_str(value: Any) -> str | None:
    """``value`` as a stripped string, or ``None`` for missing and blank values.

    Examples
    --------
    >>> optional_str("  OPCW "), optional_str(float("nan")), optional_str("  ")
    ('OPCW', None, None)
    """
    if value is None or _is_missing(value):
        return None
    return str(value).strip() or None


def _is_missing(value: Any) -> bool:
    if isinstance(value, float) and value != value:
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def guess_language(text: str) -> str:
    """Guess a document's language from the script of its letters.

    A deliberately cheap rule, not a language identifier: among the letters of
    the first 100,000 characters, the most common script decides -- Cyrillic
    -> ``"ru"``, Arabic -> ``"ar"``, Latin -> ``"en"``. Text without letters,
    or dominated by another script, gives ``"und"``. Ukrainian or French text
    is therefore labelled ``"ru"`` or ``"en"``; pass a ``language`` column
    with a DataFrame input when that matters.

    Examples
    --------
    >>> guess_language("Chlorine was used in Douma."), guess_language("Хлор в Думе"), guess_language("42")
    ('en', 'ru', 'und')
    """
    counts = {"ru": 0, "ar": 0, "en": 0, "und": 0}
    for char in text[:_LANGUAGE_SAMPLE]:
        if char.isalpha():
            counts[_script(char)] += 1
    best = max(("ru", "ar", "en", "und"), key=lambda key: counts[key])
    return best if counts[best] else "und"


def _script(char: str) -> str:
    if char.isascii():
        return "en"
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "ru"
    if name.startswith("ARABIC"):
        return "ar"
    if name.startswith("LATIN"):
        return "en"
    return "und"


def sha256_text(text: str) -> str:
    """Hex sha256 of ``text`` encoded as UTF-8.

    Examples
    --------
    >>> sha256_text("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id(source: str, text: str) -> str:
    """Stable document id: ``"d-"`` + 16 hex of sha256(source + NUL + text).

    Examples
    --------
    >>> doc_id("Sputnik", "Text.") == doc_id("Sputnik", "Text.")
    True
    >>> doc_id("Sputnik", "Text.")[:2]
    'd-'
    """
    return text_hashes(source, text)[0]


def text_hashes(source: str, text: str) -> tuple[str, str]:
    """``(doc_id(source, text), sha256_text(text))``, encoding the text only once.

    Examples
    --------
    >>> text_hashes("Sputnik", "Text.") == (doc_id("Sputnik", "Text."), sha256_text("Text."))
    True
    """
    encoded = text.encode("utf-8")
    with_source = hashlib.sha256(source.encode("utf-8") + b"\x00")
    with_source.update(encoded)
    return "d-" + with_source.hexdigest()[:16], hashlib.sha256(encoded).hexdigest()
