"""Text normalisation shared by embedding, lexical scoring and matching.

Researchers paste tweets and scraped text as they are. Before a text is
embedded, cached or scored lexically it goes through :func:`normalize_text`,
which by default:

1. unescapes HTML entities (``&amp;`` -> ``&``),
2. removes URLs (``http://...``, ``https://...``, ``www.``) and picture links
   (``pic.twitter.com/...``),
3. turns @handles into plain names (``@OPCW`` -> ``OPCW``), so the name still
   counts for embedding and lexical scoring (``handles="drop"`` removes them,
   ``"keep"`` leaves them; keeping the name measured better on CLEF 2020 train
   and dev: dense MAP@5 0.804 vs 0.787 on train),
4. normalises Unicode (NFKC) and typographic quotes/dashes,
5. collapses runs of whitespace and strips the ends.

Each step is switchable through :class:`NormalizeOptions`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import asdict, dataclass

__all__ = ["NormalizeOptions", "normalize_text", "DEFAULT_NORMALIZE"]

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PIC = re.compile(r"\bpic\.twitter\.com/\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w{1,30}")
_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ",
})


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalisation steps to apply (all on by default)."""

    unescape_html: bool = True
    strip_urls: bool = True
    strip_pictures: bool = True
    handles: str = "name"
    unicode: bool = True
    whitespace: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULT_NORMALIZE = NormalizeOptions()


def normalize_text(text: str, options: NormalizeOptions | None = DEFAULT_NORMALIZE) -> str:
    """Normalise one text for embedding and lexical scoring.

    Parameters
    ----------
    text : str
        The raw text.
    options : NormalizeOptions or None
        Steps to apply; ``None`` returns the text unchanged.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_text("Douma &amp; chlorine https://t.co/x @OPCW  pic.twitter.com/abc")
    'Douma & chlorine OPCW'
    """
    if options is None:
        return text
    if options.unescape_html:
        text = html.unescape(text)
    if options.strip_pictures:
        text = _PIC.sub(" ", text)
    if options.strip_urls:
        text = _URL.sub(" ", text)
    if options.handles == "name":
        text = _HANDLE.sub(lambda m: m.group(0)[1:], text)
    elif options.handles == "drop":
        text = _HANDLE.sub(" ", text)
    elif options.handles != "keep":
        raise ValueError(f"The 'handles' option of NormalizeOptions must be one of {{'name', 'drop', 'keep'}}. "
                         f"Got {options.handles!r} instead.")
    if options.unicode:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if options.whitespace:
        text = _WS.sub(" ", text).strip()
    return text
