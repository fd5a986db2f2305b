"""Sentence spans with exact character offsets.

Text is first cut into *blocks* at line breaks (scraped pages put one block
per line; PDF text puts paragraphs between blank lines), then each block is
segmented with pysbd (``clean=False``, so the text is never altered). Every
sentence is located in the original text, so offsets are exact, and leading
and trailing whitespace is trimmed from each span.

pysbd already knows most English abbreviations; :data:`ABBREVIATIONS` adds a
safety net for military ranks and the like (``Maj. Gen.``, ``U.S.``,
``U.N.``, ``Jan.``, ``Dr.``, ``No.``): a split right after one of them is
undone when the next sentence starts with a capitalised word or a digit.

pysbd's time grows with the square of the length of its input, so blocks
longer than :data:`MAX_SEGMENT_CHARS` are first cut at sentence ends (see
:func:`split_long_block`); the time then grows linearly with the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Sentence", "split_blocks", "split_sentences", "sentence_spans", "split_long_block", "ABBREVIATIONS",
           "MAX_SEGMENT_CHARS"]

#: Abbreviations after which a sentence never ends (lower-cased, without the final dot).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen maj lt col capt cpt sgt adm brig cmdr gov sen rep rev st jr sr "
    "no nos vol fig art sec dept est inc corp ltd co vs etc approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u u.s.a d.c p.m a.m".split()
)
_LAST_TOKEN = re.compile(r"(\S+)\.\s*$")
_LINE = re.compile(r"[^\r\n]+")
_QUOTE_CHARS = re.compile("[\"\u201c\u201d]")
_INNER_BOUNDARY = re.compile("(?<=[.!?])\\s+(?=[A-Z\"\u201c\u2018])")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
#: Longest text handed to pysbd at once (see :func:`split_long_block`).
MAX_SEGMENT_CHARS = 5000


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text[start:end]``, in block number ``block``."""

    start: int
    end: int
    block: int


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the non-empty lines of ``text``.

    Examples
    --------
    >>> split_blocks("Title\\n\\n  First paragraph.  \\nSecond.")
    [(0, 5), (9, 25), (28, 35)]
    """
    spans = []
    for m in _LINE.finditer(text):
        start, end = _strip(text, m.start(), m.end())
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` span of every sentence of ``text``.

    Parameters
    ----------
    text : str
        Any text; line breaks always end a sentence.

    Returns
    -------
    list of (int, int)
        Spans in reading order; ``text[start:end]`` has no surrounding whitespace.

    Examples
    --------
    >>> t = "Maj. Gen. Yuri Borenkov spoke. The U.S. said no."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Maj. Gen. Yuri Borenkov spoke.', 'The U.S. said no.']
    """
    return [(s.start, s.end) for s in sentence_spans(text)]


def sentence_spans(text: str) -> list[Sentence]:
    """Like :func:`split_sentences`, with the block number of each sentence.

    Examples
    --------
    >>> sentence_spans("One. Two.\\nThree.")
    [Sentence(start=0, end=4, block=0), Sentence(start=5, end=9, block=0), Sentence(start=10, end=16, block=1)]
    """
    out: list[Sentence] = []
    for block, (b_start, b_end) in enumerate(split_blocks(text)):
        for start, end in _segment_block(text, b_start, b_end):
            out.append(Sentence(start, end, block))
    return out


def split_long_block(block: str, size: int = MAX_SEGMENT_CHARS) -> list[str]:
    """Cut ``block`` into consecutive chunks of at most ``size`` characters.

    pysbd's time grows with the square of its input's length (each
    abbreviation it meets rewrites the whole input), so a page scraped as one
    huge line would take hours. Long blocks are therefore cut, preferably
    after a sentence end that does not follow an abbreviation or an initial,
    else at a space; ``"".join(chunks) == block``.

    Examples
    --------
    >>> split_long_block("The U.S. team arrived. It left on Monday. Then it rained.", size=30)
    ['The U.S. team arrived. ', 'It left on Monday. ', 'Then it rained.']
    """
    chunks, start = [], 0
    while len(block) - start > size:
        cut = _cut_point(block, start, start + size)
        chunks.append(block[start:cut])
        start = cut
    chunks.append(block[start:])
    return chunks


def _cut_point(block: str, start: int, limit: int) -> int:
    """Where to end the chunk ``block[start:limit]`` (a position in ``(start, limit]``)."""
    for m in reversed(list(_INNER_BOUNDARY.finditer(block, start + 1, limit))):
        before = block[max(start, m.start() - 40):m.start()]
        if not _ends_with_abbreviation(before) and not _INITIAL.search(before):
            return m.end()
    space = block.rfind(" ", start + 1, limit)
    return space + 1 if space > start else limit


def _segment_block(text: str, b_start: int, b_end: int) -> list[tuple[int, int]]:
    block = text[b_start:b_end]
    if len(block) > 1:
        pieces = [piece for chunk in split_long_block(block) for piece in _segmenter().segment(chunk)]
    else:
        pieces = [block]
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = block.find(stripped, pos)
        if found < 0:  # pysbd altered the text: fall back to the rest of the block
            spans.append((pos, len(block)))
            pos = len(block)
            break
        spans.append((found, found + len(stripped)))
        pos = found + len(stripped)
    if pos < len(block) and block[pos:].strip():
        spans.append((pos, len(block)))
    spans = [part for span in spans for part in _split_quoted(block, *span)]
    spans = _merge_abbreviations(block, spans)
    result = []
    for start, end in spans:
        s, e = _strip(text, b_start + start, b_start + end)
        if e > s:
            result.append((s, e))
    return result


def _split_quoted(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a piece that pysbd kept whole because it is inside a quotation."""
    piece = block[start:end]
    if not _QUOTE_CHARS.search(piece):
        return [(start, end)]
    parts, pos = [], 0
    for m in _INNER_BOUNDARY.finditer(piece):
        if _ends_with_abbreviation(piece[pos:m.start()]) or _INITIAL.search(piece[pos:m.start()]):
            continue
        parts.append((start + pos, start + m.start()))
        pos = m.end()
    parts.append((start + pos, end))
    return parts


def _merge_abbreviations(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _ends_with_abbreviation(block[merged[-1][0]:merged[-1][1]]):
            nxt = block[start:end].lstrip()
            if nxt[:1].isupper() or nxt[:1].isdigit():
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _ends_with_abbreviation(sentence: str) -> bool:
    m = _LAST_TOKEN.search(sentence)
    if not m:
        return False
    token = m.group(1).lstrip("(\"'\u201c\u2018").lower()
    return token in ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
