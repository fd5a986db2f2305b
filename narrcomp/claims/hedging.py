"""Hedging and quotation marks in a claim.

A claim is *hedged* when the writer keeps a distance from it: modal verbs
(may, might, could), epistemic adverbs (possibly, reportedly, apparently,
purportedly, allegedly), distancing adjectives (alleged, suspected, possible,
purported, so-called), ``claimed`` used as a hedge (``the claimed attack``,
``X claimed that ...``), or *scare quotes*: quotation marks around a short
term (one to four words) inside the sentence, as in ``the White Helmets
'rescue group'``. Apostrophes inside words (``don't``, ``Syria's``) are not
quotes.

A claim is *quoted* when it is a quoted statement or sits inside quotation
marks as a whole.
"""

from __future__ import annotations

import re

__all__ = ["HEDGE_TERMS", "is_hedged", "has_scare_quotes", "is_quoted"]

#: Words that hedge a claim.
HEDGE_TERMS = (
    "may", "might", "could", "possible", "possibly", "alleged", "allegedly", "reportedly",
    "purported", "purportedly", "suspected", "apparently", "claimed", "so-called", "supposedly",
    "presumably", "likely", "unlikely", "unconfirmed", "unverified",
)
_HEDGE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in HEDGE_TERMS) + r")(?![\w-])", re.I)
_MONTH_CONTEXT = re.compile(r"May(?:\s+\d|,?\s+(?:19|20)\d\d|(?=\s*[.,;)]|$))")
_MONTH_BEFORE = re.compile(r"(?:\d|\b(?:in|of|since|until|early|late|mid|last|next))\s*-?$", re.I)
# a quoted term of 1-4 words: opening quote not preceded by a letter, closing not followed by one
_SCARE = re.compile(
    r"(?<![\w])(?:\u2018([^\u2018\u2019]{1,40}?)\u2019|\u201c([^\u201c\u201d]{1,40}?)\u201d|"
    r"'([^']{1,40}?)'|\"([^\"]{1,40}?)\")(?![\w])"
)


def has_scare_quotes(sentence: str) -> bool:
    """True when a short term (one to four words) is put in quotation marks.

    Examples
    --------
    >>> has_scare_quotes("The White Helmets \\u2018rescue group\\u2019 arrived.")
    True
    >>> has_scare_quotes("Syria\\u2019s army didn\\u2019t move.")
    False
    """
    for m in _SCARE.finditer(sentence):
        term = next(g for g in m.groups() if g is not None).strip(" ,.")
        if term and len(term.split()) <= 4 and m.start() > 0:
            return True
    return False


def is_hedged(sentence: str) -> bool:
    """True when the sentence hedges its claim.

    Examples
    --------
    >>> is_hedged("Militants may be preparing a provocation.")
    True
    >>> is_hedged("The mission found chlorine.")
    False
    """
    for m in _HEDGE.finditer(sentence):
        if m.group(0) == "May" and (
            _MONTH_CONTEXT.match(sentence, m.start()) or _MONTH_BEFORE.search(sentence[: m.start()].rstrip())
        ):
            continue  # the month, not the modal
        return True
    return has_scare_quotes(sentence)


def is_quoted(sentence: str) -> bool:
    """True when the whole sentence sits inside quotation marks.

    Examples
    --------
    >>> is_quoted("\\u201cWe saw the tanks.\\u201d")
    True
    >>> is_quoted("He saw the \\u201ctanks\\u201d.")
    False
    """
    s = sentence.strip()
    return len(s) > 2 and s[0] in "\"\u201c" and s.rstrip(".!?,")[-1:] in "\"\u201d"
