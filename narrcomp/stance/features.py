"""Cheap surface features that the calibration combiner adds to the cross-encoder.

Each feature is 0/1 for one pair and symmetric in its two sides.

>>> from narrcomp.stance.features import pair_features
>>> pair_features("298 people died in July 2014.", "283 people died in July 2015.")
{'negation_mismatch': 0.0, 'number_mismatch': 1.0, 'date_mismatch': 1.0}
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["FEATURE_NAMES", "pair_features", "feature_matrix", "numbers", "years", "negations",
           "speakers_differ"]

FEATURE_NAMES = ("negation_mismatch", "number_mismatch", "date_mismatch")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|deny|denies|denied|"
    r"false|fake|staged|hoax|fabricated|rejected|dismissed)\b|n't\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.])\d+(?:\.\d+)?(?!\w)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b")
_WORD_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                 "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
                 "twelve": "12", "dozen": "12", "twenty": "20", "hundred": "100"}
_WORD_NUMBER_RE = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)


def negations(text: str) -> int:
    """How many negation or denial cues ``text`` has."""
    return len(_NEGATION.findall(text))


def numbers(text: str) -> set[str]:
    """Numbers in ``text`` other than years, as canonical strings (digits and simple words)."""
    found = {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}
    found |= {_WORD_NUMBERS[m.group(1).lower()] for m in _WORD_NUMBER_RE.finditer(text)}
    return {n for n in found if not _YEAR.match(n)}


def years(text: str) -> set[str]:
    """Years (1900-2099) and month names in ``text``."""
    found = {m.group(0) for m in _NUMBER.finditer(text) if _YEAR.match(m.group(0))}
    return found | {m.group(1) for m in _MONTH.finditer(text)}


def _disjoint(a: set, b: set) -> float:
    return float(bool(a) and bool(b) and not (a & b))


def pair_features(a: str, b: str) -> dict[str, float]:
    """The surface features of one pair (see :data:`FEATURE_NAMES`)."""
    year_a, year_b = years(a), years(b)
    date_clash = _disjoint({y for y in year_a if y.isdigit()}, {y for y in year_b if y.isdigit()}) \
        or _disjoint({m for m in year_a if not m.isdigit()}, {m for m in year_b if not m.isdigit()})
    number_a, number_b = numbers(a), numbers(b)
    sum_match = any(str(int(float(x)) + int(float(y))) in number_b
                    for x in number_a for y in number_a if x != y and "." not in x + y) or \
        any(str(int(float(x)) + int(float(y))) in number_a
            for x in number_b for y in number_b if x != y and "." not in x + y)
    return {
        "negation_mismatch": float(negations(a) % 2 != negations(b) % 2),
        "number_mismatch": 0.0 if sum_match else _disjoint(number_a, number_b),
        "date_mismatch": float(date_clash),
    }


def feature_matrix(a: list[str], b: list[str]) -> np.ndarray:
    """``(n, len(FEATURE_NAMES))`` float64 matrix of :func:`pair_features`."""
    rows = [pair_features(x, y) for x, y in zip(a, b)]
    return np.array([[row[name] for name in FEATURE_NAMES] for row in rows],
                    dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))


def _speaker_key(speaker: str) -> str:
    words = speaker.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def speakers_differ(first, second) -> np.ndarray:
    """1.0 where both sides carry an attribution frame and the speakers differ.

    Contested incidents are reported as one party's claim against another's
    ("investigators said X" / "Russian officials said Y"), so two different
    speakers are weak evidence of a counter-claim; the calibration combiner
    weighs it with everything else. Speakers compare case-insensitively,
    without a leading "the"; an unattributed side never counts.

    >>> speakers_differ(["The JIT", "the OPCW", ""], ["Russian officials", "The OPCW", "Russia"])
    array([1., 0., 0.])
    """
    return np.array([float(bool(_speaker_key(a)) and bool(_speaker_key(b))
                           and _speaker_key(a) != _speaker_key(b))
                     for a, b in zip(first, second)], dtype=np.float64)
