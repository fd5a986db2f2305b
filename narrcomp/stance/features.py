"""Cheap surface features that the calibration combiner adds to the cross-encoder.

Each feature is 0/1 for one pair and symmetric in its two sides.

>>> from narrcomp.stance.features import pair_features
>>> pair_features("298 people died in July 2014.", "283 people died in July 2015.")
{'negation_mismatch': 0.0, 'number_mismatch': 1.0, 'date_mismatch': 1.0}
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["FEATURE_NAMES", "pair_features", "feature_matrix", "numbers", "years", "days",
           "negations", "speakers_differ"]

FEATURE_NAMES = ("negation_mismatch", "number_mismatch", "date_mismatch")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|deny|denies|denied|"
    r"false|fake|staged|hoax|fabricated|rejected|dismissed)\b|n't\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.])\d+(?:\.\d+)?(?!\w)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: month names, shared with the training augmentation
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
# full names, and the usual abbreviations when they carry their full stop ("Nov. 23")
_MONTHS = (r"(?:(?:" + "|".join(MONTH_NAMES) + r")\b"
           r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
_MONTH = re.compile(r"\b(" + _MONTHS + r")")
# a day of the month is part of a date, not a count: "22 August", "August 22nd", "the 4th of March"
_DAY_BEFORE_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(" + _MONTHS + r")")
_DAY_AFTER_MONTH = re.compile(r"\b(" + _MONTHS + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALED_DIGITS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s+("
                            + "|".join(w for w, v in _SCALES.items() if v >= 1000) + r")\b",
                            re.IGNORECASE)
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
# "one" is a pronoun after these words ("no one", "the one that")
_NOT_A_COUNT_BEFORE_ONE = {"no", "any", "every", "some", "each", "this", "that", "the", "which"}
# a round figure ("over 1,400", "about 20") stands for any value within this share of it
# (1,429; 18); two precise figures (298, 283) must be equal
NUMBER_TOLERANCE = 0.1


def negations(text: str) -> int:
    """How many negation or denial cues ``text`` has."""
    return len(_NEGATION.findall(text))


def _word_numbers(text: str) -> list[float]:
    """Values of number words: "fifty-nine", "four hundred", "fourteen hundred", "half a dozen"."""
    tokens = re.findall(r"[a-z]+", text.lower().replace("-", " "))
    values: list[float] = []
    total = current = 0.0
    active = False
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if token == "one" and before in _NOT_A_COUNT_BEFORE_ONE and not active:
            if before == "no":  # "no one was killed" is a count of zero
                values.append(0.0)
            continue
        if token in ("nobody", "none") and not active:
            values.append(0.0)
            continue
        if token in _SMALL or token in _TENS:
            current += _SMALL.get(token, _TENS.get(token, 0))
            active = True
        elif token in _SCALES and (active or before == "a"):
            current = max(current, 1.0) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total, current = total + current, 0.0
            active = True
        elif token == "dozen":
            values.append(6.0 if tokens[max(i - 2, 0):i] == ["half", "a"] else 12.0 * max(current, 1.0))
            total = current = 0.0
            active = False
        elif token == "and" and active:
            continue
        elif active:
            values.append(total + current)
            total = current = 0.0
            active = False
    if active:
        values.append(total + current)
    return values


def _canonical(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def numbers(text: str) -> set[str]:
    """Counts and amounts in ``text`` as canonical strings.

    Digits ("1,429", "1.5 million") and number words ("fifty-nine", "fourteen
    hundred", "half a dozen") are read; years and days of the month are dates,
    not numbers.

    >>> sorted(numbers("On 22 August 2020, fifty-nine of 1,429 and 1.5 million"), key=float)
    ['59', '1429', '1500000']
    """
    text = _DAY_AFTER_MONTH.sub(r"\1", _DAY_BEFORE_MONTH.sub(r"\2", text))
    found = set()
    for match in _SCALED_DIGITS.finditer(text):
        found.add(_canonical(float(match.group(1)) * _SCALES[match.group(2).lower()]))
    text = _SCALED_DIGITS.sub(" ", text)
    found |= {_canonical(float(m.group(0).replace(",", ""))) for m in _NUMBER.finditer(text)
              if not _YEAR.match(m.group(0))}
    found |= {_canonical(v) for v in _word_numbers(text)}
    return found


def _round(value: float) -> bool:
    """At most two significant digits and a multiple of ten: 20, 400, 1400, 1.5 million."""
    value = abs(value)
    if value < 10 or not float(value).is_integer():
        return False
    digits = str(int(value)).rstrip("0")
    return len(digits) <= 2


def _close(x: float, y: float) -> bool:
    if x == y:
        return True
    if not (_round(x) or _round(y)):
        return False
    return abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y))


def _number_clash(first: set[str], second: set[str]) -> bool:
    """Both sides give numbers, none close to one on the other side or to a sum of two of them."""
    a, b = [float(v) for v in first], [float(v) for v in second]
    if not a or not b:
        return False
    if any(_close(x, y) for x in a for y in b):
        return False
    sums_a = [x + y for i, x in enumerate(a) for y in a[i + 1:]]
    sums_b = [x + y for i, x in enumerate(b) for y in b[i + 1:]]
    return not (any(_close(s, y) for s in sums_a for y in b)
                or any(_close(s, x) for s in sums_b for x in a))


def _month(token: str) -> str:
    """The full name of a month token ("Nov." -> "November")."""
    prefix = token.rstrip(".")[:3]
    return next(name for name in MONTH_NAMES if name.startswith(prefix))


def years(text: str) -> set[str]:
    """Years (1900-2099) and month names in ``text``.

    >>> sorted(years("It began on Nov. 1, 2006, and ended in December."))
    ['2006', 'December', 'November']
    """
    found = {m.group(0) for m in _NUMBER.finditer(text) if _YEAR.match(m.group(0))}
    return found | {_month(m.group(1)) for m in _MONTH.finditer(text)}


def days(text: str) -> set[str]:
    """Days of the month in ``text``, as "Month day".

    >>> sorted(days("Between 6 June 2023 and June 8th, not on Nov. 23"))
    ['June 6', 'June 8', 'November 23']
    """
    found = {f"{_month(m.group(2))} {int(m.group(1))}" for m in _DAY_BEFORE_MONTH.finditer(text)}
    return found | {f"{_month(m.group(1))} {int(m.group(2))}" for m in _DAY_AFTER_MONTH.finditer(text)}


def _day_clash(first: set[str], second: set[str]) -> bool:
    """Both sides date something in the same month, and no day is on both sides."""
    months = {d.split()[0] for d in first} & {d.split()[0] for d in second}
    return bool(months) and not (first & second)


def _disjoint(a: set, b: set) -> float:
    return float(bool(a) and bool(b) and not (a & b))


def pair_features(a: str, b: str) -> dict[str, float]:
    """The surface features of one pair (see :data:`FEATURE_NAMES`)."""
    year_a, year_b = years(a), years(b)
    date_clash = _disjoint({y for y in year_a if y.isdigit()}, {y for y in year_b if y.isdigit()}) \
        or _disjoint({m for m in year_a if not m.isdigit()}, {m for m in year_b if not m.isdigit()}) \
        or _day_clash(days(a), days(b))
    return {
        "negation_mismatch": float(negations(a) % 2 != negations(b) % 2),
        "number_mismatch": float(_number_clash(numbers(a), numbers(b))),
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
