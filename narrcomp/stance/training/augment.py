"""Rule-based augmentation that turns agreeing pairs into realistic contradictions.

News contradictions are mostly denials, swapped actors, incompatible numbers or
dates, opposite verbs and "staged / fabricated" counter-claims. Each rewrite below
changes the *content* of one clause; frames that keep the content (attribution,
hedges, denials on both sides) are also applied to agreeing pairs so that the
presence of a frame word alone never gives the label away.

All functions are pure given a :class:`numpy.random.Generator`.

>>> import numpy as np
>>> from narrcomp.stance.training.augment import negate
>>> negate("The missile was fired from a separatist-held field.", np.random.default_rng(0))
'The missile was not fired from a separatist-held field.'
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from narrcomp.stance.features import MONTH_NAMES

__all__ = ["negate", "swap_actors", "change_numbers", "antonym", "deny", "attribute",
           "hedge", "quantity_clash", "contradict_rewrite", "augment_pairs"]

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|did|does|do)\b"
                  r"(?!\s+(?:not|never|n't)\b)", re.IGNORECASE)
_NEG = re.compile(r"\s+(?:not|never)\b|n't\b", re.IGNORECASE)
_ENTITY = re.compile(r"\b([A-Z][a-zA-Z\-]+(?:\s+(?:of\s+)?[A-Z][a-zA-Z\-]+)*)")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_PAIRS = [("increased", "decreased"), ("increase", "decrease"), ("rose", "fell"),
          ("confirmed", "denied"), ("guilty", "innocent"), ("won", "lost"),
          ("accepted", "rejected"), ("supports", "opposes"), ("approved", "blocked"),
          ("true", "false"), ("real", "staged"), ("legal", "illegal"), ("before", "after"),
          ("allowed", "banned"), ("alive", "dead"), ("more", "fewer"), ("higher", "lower"),
          ("safe", "dangerous"), ("arrested", "released"), ("admitted", "denied"),
          ("attacked", "defended"), ("survived", "died"), ("genuine", "fake"),
          ("success", "failure"), ("effective", "ineffective"), ("raised", "cut"),
          ("Russian", "Ukrainian"), ("Syrian", "rebel"), ("American", "Russian"),
          ("government", "opposition"), ("Israeli", "Palestinian"), ("British", "Russian"),
          ("military", "civilian"), ("chemical", "conventional"), ("deliberate", "accidental"),
          ("inside", "outside"), ("ground", "air"), ("north", "south"), ("east", "west")]


def _antonyms(pairs, base=None) -> tuple[dict[str, str], re.Pattern]:
    """``base`` plus both directions of ``pairs``, and a pattern matching its words, longest first."""
    table = {**(base or {}), **{a: b for a, b in pairs}, **{b: a for a, b in pairs}}
    words = sorted(map(re.escape, table), key=len, reverse=True)
    return table, re.compile(r"\b(" + "|".join(words) + r")\b")


_ANTONYM, _ANTONYM_RE = _antonyms(_PAIRS)
# style 3 adds outcomes, verdicts and the sides of contested incidents (separate
# tables so that styles 1 and 2 rebuild the same rows)
_PAIRS_3 = [("acquitted", "convicted"), ("recovered", "died"), ("discharged", "died"),
            ("ordered", "refused"), ("destroyed", "spared"), ("returned", "kept"),
            ("expelled", "welcomed"), ("withdrew", "advanced"), ("proved", "disproved"),
            ("agreed", "refused"), ("supported", "opposed"), ("killed", "wounded"),
            ("civilians", "fighters"), ("hit", "missed"), ("attack", "accident"),
            ("international", "territorial"), ("Russia", "Ukraine"), ("Moscow", "Kyiv"),
            ("Syria", "the rebels"), ("separatist", "government"), ("sarin", "chlorine"),
            ("dropped", "planted"), ("entered", "left"), ("all", "none of the"),
            ("found", "ruled out"), ("rebels", "government forces"), ("the West", "Russia")]
_ANTONYM_3, _ANTONYM_3_RE = _antonyms(_PAIRS_3, _ANTONYM)
_QUANTIFIED = re.compile(r"\b(?:(?:at least|more than|over|nearly|almost|about|around|some|"
                         r"up to|fewer than|less than|only|just)\s+)?(\d{1,3}(?:,\d{3})+|\d+)\b",
                         re.IGNORECASE)
SPEAKERS = ["officials", "the government", "the ministry", "a spokesman", "the Kremlin",
            "the company", "police", "the White House", "state media", "the army",
            "investigators", "the prosecutor", "a senior official", "the foreign ministry",
            "witnesses", "the opposition", "local authorities", "the embassy", "critics"]
_DENIALS = [
    "{Speaker} denied that {s}.", "{Speaker} rejected claims that {s}.",
    "{Speaker} dismissed reports that {s} as fabricated.", "It is not true that {s}.",
    "There is no evidence that {s}.", "Claims that {s} are a hoax.",
    "{Speaker} called the claim that {s} a false flag.", "Reports that {s} were staged.",
    "The story that {s} was made up.", "{Speaker} said it was false that {s}.",
    "{Speaker} insisted that the allegation that {s} was a fabrication.",
    "Contrary to reports, it is false that {s}.", "{Speaker} branded as fake news the claim that {s}.",
    "Footage said to show that {s} was staged, {speaker} said.",
    "{Speaker} flatly denied allegations that {s}.", "Nobody has shown that {s}; the claim is baseless.",
]
_ATTRIBUTIONS = ["{Speaker} said that {s}.", "According to {speaker}, {s}.", "{S}, {speaker} said.",
                 "{Speaker} confirmed that {s}.", "{Speaker} reported that {s}.",
                 "{S}, according to {speaker}.", "{Speaker} told reporters that {s}."]
# named parties for style-2 augmentation: two sides of a story reported in one outlet
PARTIES = ["Russian officials", "the Russian defence ministry", "Western governments",
           "the UN commission", "Syrian state media", "Ukrainian officials", "the OPCW",
           "independent investigators", "the State Department", "Chinese officials",
           "the Israeli army", "Hamas officials", "the police", "the company", "activists",
           "the government", "opposition leaders", "the prosecutor", "the defence lawyers",
           "state television", "forensic experts", "the Kremlin", "NATO", "local residents"]
# style 3: the verbs of contested claims, beside the neutral reporting verbs
_ATTRIBUTIONS_3 = _ATTRIBUTIONS + ["{Speaker} claimed that {s}.", "{Speaker} insisted that {s}.",
                                   "{Speaker} argued that {s}.", "{Speaker} maintained that {s}.",
                                   "{S}, {speaker} claimed.", "{Speaker} alleged that {s}."]
_HEDGES = ["It is alleged that {s}.", "Reports suggest that {s}.", "{S}, it was reported.",
           "It appears that {s}.", "{Speaker} suggested that {s}."]
_COMMON_FIRST = {"the", "a", "an", "it", "there", "this", "that", "these", "those", "two",
                 "three", "some", "many", "most", "all", "several", "no", "one", "his", "her",
                 "their", "its", "our", "we", "they", "he", "she", "in", "on", "at", "after"}


def _body(sentence: str) -> str:
    """The sentence without its final punctuation, first letter lowered when safe."""
    s = sentence.strip().rstrip(".!?;: ")
    first = s.split(" ", 1)[0]
    if first.lower() in _COMMON_FIRST:
        s = s[0].lower() + s[1:]
    return s


def _fill(template: str, sentence: str, rng: np.random.Generator,
          speaker: str | None = None) -> str:
    if speaker is None:
        speaker = SPEAKERS[int(rng.integers(len(SPEAKERS)))]
    body = _body(sentence)
    text = template.format(s=body, S=body[:1].upper() + body[1:],
                           speaker=speaker, Speaker=speaker[:1].upper() + speaker[1:])
    return text[:1].upper() + text[1:]


def negate(sentence: str, rng: np.random.Generator) -> str | None:
    """Negate the first auxiliary verb, or remove an existing negation."""
    if _NEG.search(sentence):
        return _NEG.sub("", sentence, count=1)
    match = _AUX.search(sentence)
    if match is None:
        return None
    word = "never" if match.group(1).lower() in {"was", "were", "has", "have", "had", "did"} \
        and rng.random() < 0.3 else "not"
    return sentence[: match.end()] + " " + word + sentence[match.end():]


def _names(sentence: str) -> list[str]:
    found = (m.group(1) for m in _ENTITY.finditer(sentence))
    return list(dict.fromkeys(n for n in found if n not in MONTH_NAMES and n not in _ANTONYM
                              and n.split()[0].lower() not in _COMMON_FIRST and len(n) > 2))


def swap_actors(sentence: str, rng: np.random.Generator, pool: list[str] = ()) -> str | None:
    """Exchange two named entities, or replace one with an entity from ``pool``."""
    names = _names(sentence)
    if len(names) >= 2 and rng.random() < 0.6:
        first, second = names[0], names[1]
        marker = "\x00"
        return sentence.replace(first, marker).replace(second, first).replace(marker, second)
    if names and len(pool):
        target = names[int(rng.integers(len(names)))]
        choices = [p for p in pool if p != target and p not in sentence]
        if choices:
            return sentence.replace(target, choices[int(rng.integers(len(choices)))])
    return None


def _new_number(text: str, rng: np.random.Generator) -> str:
    value = float(text.replace(",", ""))
    if 1900 <= value <= 2035 and "." not in text:
        return str(int(value) + int(rng.choice([-5, -3, -2, -1, 1, 2, 3, 4])))
    factor = float(rng.choice([0.1, 0.25, 0.5, 2.0, 3.0, 5.0, 10.0]))
    new = max(value * factor, value + 2) if factor > 1 else value * factor
    new = int(round(new)) if new >= 2 else int(value) + 3
    return f"{new:,}" if "," in text else str(new)


def change_numbers(sentence: str, rng: np.random.Generator) -> str | None:
    """Replace a number, year or month with an incompatible value."""
    numbers = list(_NUMBER.finditer(sentence))
    months = list(_MONTH.finditer(sentence))
    if numbers and (not months or rng.random() < 0.7):
        match = numbers[int(rng.integers(len(numbers)))]
        return sentence[: match.start()] + _new_number(match.group(0), rng) + sentence[match.end():]
    if months:
        match = months[0]
        others = [m for m in MONTH_NAMES if m != match.group(0)]
        return sentence[: match.start()] + others[int(rng.integers(len(others)))] + sentence[match.end():]
    return None


def antonym(sentence: str, rng: np.random.Generator, style: int = 1) -> str | None:
    """Replace one word by its opposite (increase/decrease, confirmed/denied, ...).

    ``style=3`` also knows verdicts, outcomes and the sides of contested
    incidents (acquitted/convicted, Russia/Ukraine, sarin/chlorine, ...).
    """
    table, pattern = (_ANTONYM_3, _ANTONYM_3_RE) if style == 3 else (_ANTONYM, _ANTONYM_RE)
    matches = list(pattern.finditer(sentence))
    if not matches:
        return None
    match = matches[int(rng.integers(len(matches)))]
    return sentence[: match.start()] + table[match.group(0)] + sentence[match.end():]


def quantity_clash(sentence: str, rng: np.random.Generator) -> str | None:
    """Replace a count (with its qualifier) by an incompatible quantity phrase.

    "At least 18 trucks were destroyed" may become "Only one trucks were
    destroyed" or "More than 90 trucks ...": the grammar can suffer, the
    numbers cannot both be true. Years are left alone.
    """
    counts = [m for m in _QUANTIFIED.finditer(sentence)
              if not 1900 <= int(m.group(1).replace(",", "")) <= 2035]
    if not counts:
        return None
    match = counts[int(rng.integers(len(counts)))]
    value = int(match.group(1).replace(",", ""))
    if value >= 6 and rng.random() < 0.6:
        low = max(value // int(rng.choice([3, 4, 10])), 1)
        phrase = str(rng.choice(["only one", "just one", "only two", "no more than {}".format(low),
                                 "fewer than {}".format(low), "a handful of"]))
    else:
        high = value * int(rng.choice([5, 10, 20])) + 10
        phrase = str(rng.choice(["more than {:,}".format(high), "at least {:,}".format(high),
                                 "hundreds of", "thousands of"]))
    rest = sentence[match.end():]
    if phrase.endswith(" of") and rest.startswith(" of "):
        phrase = phrase[:-3]
    if match.start() == 0:
        phrase = phrase[:1].upper() + phrase[1:]
    return sentence[: match.start()] + phrase + rest


def deny(sentence: str, rng: np.random.Generator) -> str:
    """Wrap the sentence in one of many denial / 'staged' / 'hoax' phrasings."""
    return _fill(_DENIALS[int(rng.integers(len(_DENIALS)))], sentence, rng)


def attribute(sentence: str, rng: np.random.Generator, speaker: str | None = None,
              style: int = 1) -> str:
    """Wrap the sentence in a reporting frame that keeps its content.

    ``style=3`` adds the verbs of contested claims (claimed, insisted, alleged, ...).
    """
    frames = _ATTRIBUTIONS_3 if style == 3 else _ATTRIBUTIONS
    return _fill(frames[int(rng.integers(len(frames)))], sentence, rng, speaker)


def _two_parties(rng: np.random.Generator) -> tuple[str, str]:
    first, second = rng.choice(len(PARTIES), 2, replace=False)
    return PARTIES[int(first)], PARTIES[int(second)]


def hedge(sentence: str, rng: np.random.Generator) -> str:
    """Weaken the sentence without changing its content."""
    return _fill(_HEDGES[int(rng.integers(len(_HEDGES)))], sentence, rng)


def contradict_rewrite(sentence: str, rng: np.random.Generator, pool=(),
                       style: int = 1) -> str | None:
    """Try content-changing rewrites in random order; return the first that applies.

    ``style=3`` uses the larger antonym table and adds :func:`quantity_clash`.
    """
    rewrites = [lambda s: negate(s, rng), lambda s: swap_actors(s, rng, pool),
                lambda s: change_numbers(s, rng), lambda s: antonym(s, rng, style),
                lambda s: deny(s, rng)]
    if style == 3:
        rewrites.append(lambda s: quantity_clash(s, rng))
    for index in rng.permutation(len(rewrites)):
        result = rewrites[int(index)](sentence)
        if result and result != sentence:
            return result
    return None


def _entity_pool(texts) -> list[str]:
    return sorted({n for t in texts for n in _names(t) if len(n) > 3})


def augment_pairs(agree: pd.DataFrame, n: int, rng: np.random.Generator,
                  contradict_share: float = 0.6, style: int = 1) -> pd.DataFrame:
    """Make ``n`` augmented pairs from agreeing pairs (columns ``a``, ``b``).

    A share ``contradict_share`` are contradictions (one side's content rewritten,
    the other side optionally framed); the rest keep agreement under frames
    (attribution, hedge, or the same denial on both sides).

    ``style=2`` adds the frames of contested news: both sides attributed to two
    different named parties (for contradictions *and* agreements, so that two
    opposing speakers alone never decide the label) and hedged counter-claims
    ("X suggested that <rewritten>") labelled contradict. ``style=3`` is style 2
    with the verbs of contested claims in the frames (claimed, insisted,
    alleged), a larger antonym table (verdicts, outcomes, the sides of an
    incident) and incompatible quantities (:func:`quantity_clash`). ``style=1``
    is the original recipe; every style rebuilds the same rows it always did.
    """
    if style not in (1, 2, 3):
        raise ValueError(f"The 'style' parameter of augment_pairs must be 1, 2 or 3. "
                         f"Got {style!r} instead.")
    contested = style >= 2
    pool = _entity_pool(agree["a"].tolist() + agree["b"].tolist())
    rows = []
    order = rng.permutation(len(agree))
    for index in np.resize(order, max(n * 2, 1)):
        if len(rows) >= n:
            break
        a, b = agree.iloc[int(index)][["a", "b"]]
        if rng.random() < 0.5:
            a, b = b, a
        if rng.random() < contradict_share:
            new = contradict_rewrite(b, rng, pool, style)
            if new is None:
                continue
            frame = rng.random() if contested else 1.0
            if frame < 0.35:
                first, second = _two_parties(rng)
                a, new = attribute(a, rng, first, style), attribute(new, rng, second, style)
            elif frame < 0.5:
                new = hedge(new, rng)
            elif rng.random() < 0.3:
                a = attribute(a, rng, style=style)
            rows.append((a, new, "contradict"))
        else:
            kind = rng.random()
            if contested and kind < 0.3:
                first, second = _two_parties(rng)
                rows.append((attribute(a, rng, first, style), attribute(b, rng, second, style),
                             "agree"))
            elif kind < 0.4:
                rows.append((attribute(a, rng, style=style), b, "agree"))
            elif kind < 0.6:
                rows.append((a, hedge(b, rng), "agree"))
            else:
                rows.append((deny(a, rng), deny(b, rng), "agree"))
    frame = pd.DataFrame(rows, columns=["a", "b", "label"])
    frame["source"] = "augmented"
    return frame
