"""Check-worthiness: is a sentence a factual statement worth comparing?

The score is a transparent logistic model with hand-set weights over
features that anyone can read off a sentence::

    checkworthy = sigmoid(BIAS + sum(weight_i * feature_i))

========================  ======  ==============================================
feature                   weight  fires when
========================  ======  ==============================================
bias                      +1.0    always
question                  -3.0    the sentence ends with ``?``
no verb                   -2.5    no verb-like token (auxiliary, common verb,
                                  lower-case ``-ed`` / ``-s`` word) is present
very short                -2.0    fewer than five words
short                     -0.7    five to seven words
long enough               +0.6    eight or more words
entity or number          +0.8    a number, a date or a capitalised word that
                                  does not start the sentence
no final punctuation      -0.8    the sentence does not end in ``.``, ``!``,
                                  ``?`` or a closing quote
opinion                   -2.2    first-person opinion markers (``I think``,
                                  ``in my view``, ``we believe``, ``I feel``)
imperative / UI           -2.5    the sentence starts with an interface or
                                  imperative verb (``click``, ``please``,
                                  ``subscribe``, ``log in``, ``share``, ...)
chrome                    -6.0    the chrome score (see :mod:`narrcomp.claims.chrome`)
                                  is at least ``CHROME_THRESHOLD`` (0.5)
chrome hint               -2.0    times the chrome score above 0.2 (weak
                                  evidence of chrome lowers the score a little)
========================  ======  ==============================================

A plain declarative sentence of eight or more words with a verb and a name or
number scores about 0.92; a question or a menu item scores below 0.2.
:data:`DEFAULT_THRESHOLD` (0.5) is the point where the evidence for and
against is balanced.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from narrcomp.claims.chrome import CHROME_THRESHOLD

__all__ = ["DEFAULT_THRESHOLD", "WEIGHTS", "checkworthiness", "sentence_features"]

#: Rows scoring below this are dropped by :func:`narrcomp.claims.extract_claims`.
DEFAULT_THRESHOLD = 0.5

#: The hand-set weights of the logistic model (see the module docstring).
WEIGHTS = {
    "bias": 1.0,
    "question": -3.0,
    "no_verb": -2.5,
    "very_short": -2.0,
    "short": -0.7,
    "long_enough": 0.6,
    "entity_or_number": 0.8,
    "no_final_punctuation": -0.8,
    "opinion": -2.2,
    "imperative": -2.5,
    "chrome": -6.0,
    "chrome_hint": -2.0,
}

_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")
_VERBS = frozenset(
    "is are was were be been being am has have had do does did will would shall should can could "
    "may might must said says say told found find finds showed shows show took take takes made make "
    "makes went go goes came come comes got get gets saw see sees gave give gives left kept keep "
    "ran run began begin held hold holds lay lies led lead leads fell brought bring struck broke "
    "became become becomes sent put set cut hit knew know thought think wrote met paid spoke seen "
    "known shown given taken done gone".split()
)
_VERB_SUFFIX = re.compile(r"^[a-z][a-z-]{2,}(?:ed|es|[^siu]s)$")
_NUMBER = re.compile(r"\d")
_OPINION = re.compile(
    r"\b(?:i|we)\s+(?:think|believe|feel|guess|suppose|reckon)\b|\bin my (?:view|opinion)\b|"
    r"\bimo\b|\bi(?:'m|\s+am)\s+(?:sure|convinced)\b|\bpersonally\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^[\W\d_]*(?:click|please|subscribe|log\s*in|sign\s*(?:in|up)|register|share|follow|"
    r"download|accept|refuse|check|review|contact|tap|watch|listen|read more|see also|"
    r"get|enter|select|choose|delete|restore|join|continue|close|search)\b",
    re.I,
)
_FINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class _Features:
    question: float
    no_verb: float
    very_short: float
    short: float
    long_enough: float
    entity_or_number: float
    no_final_punctuation: float
    opinion: float
    imperative: float
    chrome: float
    chrome_hint: float


def sentence_features(sentence: str, chrome: float = 0.0) -> dict[str, float]:
    """The feature values of one sentence (0 or 1, ``chrome`` is continuous).

    Examples
    --------
    >>> f = sentence_features("Why is OPCW ignoring facts?")
    >>> f["question"], f["no_verb"]
    (1.0, 0.0)
    """
    stripped = sentence.strip()
    words = _WORD.findall(stripped)
    lower = [w.lower().strip(".") for w in words]
    n = len(words)
    has_verb = any(w in _VERBS or _VERB_SUFFIX.match(w) for w in lower)
    entity = bool(_NUMBER.search(stripped)) or any(w[:1].isupper() for w in words[1:])
    feats = _Features(
        question=float(stripped.rstrip("\"'\u201d\u2019 )").endswith("?")),
        no_verb=float(not has_verb),
        very_short=float(n < 5),
        short=float(5 <= n < 8),
        long_enough=float(n >= 8),
        entity_or_number=float(entity),
        no_final_punctuation=float(not _FINAL.search(stripped)),
        opinion=float(bool(_OPINION.search(stripped))),
        imperative=float(bool(_IMPERATIVE.match(stripped))),
        chrome=float(chrome >= CHROME_THRESHOLD),
        chrome_hint=max(0.0, float(chrome) - 0.2),
    )
    return dict(feats.__dict__)


def checkworthiness(sentence: str, chrome: float = 0.0) -> float:
    """Score one sentence in [0, 1]; higher means a factual, comparable claim.

    Parameters
    ----------
    sentence : str
        The sentence.
    chrome : float, default 0.0
        Its chrome score from :mod:`narrcomp.claims.chrome`.

    Returns
    -------
    float

    Examples
    --------
    >>> checkworthiness("The mission detected no nerve agents in the 31 samples.") > 0.5
    True
    >>> checkworthiness("Why is OPCW ignoring facts about Douma?") < 0.5
    True
    """
    feats = sentence_features(sentence, chrome)
    z = WEIGHTS["bias"] + sum(WEIGHTS[name] * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z))
