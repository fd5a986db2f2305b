"""Speaker noun phrases: tidy the subject of a reporting verb into a speaker.

Used by :mod:`narrcomp.claims.attribution`. A speaker is plausible when it is
short (ten words or fewer), contains no clause word (``that``, ``was``,
``has`` ...) and does not end in a function word. Tidying drops leading time
adverbials (``On Monday,``, ``In June 2019``), ``citing`` asides, resolves
appositives (``The militant, a man named Abu Hamza`` -> ``Abu Hamza``;
``Damascus, an OPCW member`` -> ``Damascus``) and drops a role noun before a
name (``MoD spokesman Maj. Gen. Yuri Borenkov`` -> ``Maj. Gen. Yuri Borenkov``).
"""

from __future__ import annotations

import re

__all__ = ["subject_speaker", "plausible_speaker", "clean_speaker", "strip_lead", "LEAD_ADVERBIAL", "CLAUSE_WORDS"]

_WORD = re.compile(r"[\w.'\u2019-]+")

_FUNCTION_END = frozenset(
    "the a an of for in on at to by with from and or but as that which who whom "
    "whose this these those its their his her than been be being was were is are "
    "has have had not no".split()
)
CLAUSE_WORDS = frozenset(
    "that which who whom whose when while because although if is are was were "
    "has have had been being be will would could should can may might do does did "
    "not comes came began begin".split()
)
_ROLE_LEFT_STOP = frozenset("the a an of for and or in on at to by with from".split())
LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:on|in|at|during|after|before|by|since|earlier|later|last|this|"
    r"meanwhile|however|also|separately|then|now|yesterday|today)\b[^,]{0,40},\s*)",
    re.I,
)
_TIME_WORDS = frozenset(
    "on in at during since by early late earlier later last this that the of "
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday week month "
    "year morning evening afternoon night day".split()
)
_NAMED = re.compile(r"\b(?:named|called|identified as)\s+(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*)")


def subject_speaker(subject: str) -> str | None:
    subject = subject.strip()
    if not subject:
        return None
    subject = strip_lead(subject)
    parts = [p.strip() for p in subject.split(",")]
    parts = [p for p in parts if p and not re.match(r"(?:citing|quoting|referring)\b", p, re.I)]
    if not parts:
        return None
    for part in parts[1:]:
        named = _NAMED.search(part)
        if named:
            return named.group("name")
    if len(parts) > 2:
        return None
    if len(parts) == 2 and _looks_appositive(parts[1]) and _name_like(parts[0]):
        speaker = clean_speaker(parts[0])  # "Damascus, an OPCW member, said"
    else:
        speaker = clean_speaker(parts[-1])  # "Unfamiliar with the area, the man said"
    return speaker if plausible_speaker(speaker) else None


def _name_like(part: str) -> bool:
    words = part.split()
    content = [w for w in words if w.lower() not in {"the", "a", "an", "of", "for", "and"}]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content[:1]) and (
        sum(w[:1].isupper() for w in content) / len(content) >= 0.5
    )


def _looks_appositive(part: str) -> bool:
    first = part.split()[0].lower()
    return first in {"a", "an", "the", "who", "whose", "his", "her", "its", "their", "former"} or part[:1].isupper()


def strip_lead(subject: str) -> str:
    m = LEAD_ADVERBIAL.match(subject)
    if m:
        return subject[m.end():]
    tokens = subject.split()
    if tokens and tokens[0].lower() in {"on", "in", "at", "during", "since", "by", "earlier", "later", "last"}:
        i = 0
        while i < len(tokens) - 1 and (tokens[i].lower() in _TIME_WORDS or tokens[i].isdigit()):
            i += 1
        if i > 0:
            return " ".join(tokens[i:])
    return subject


def plausible_speaker(spk: str | None, *, max_words: int = 10) -> bool:
    if not spk:
        return False
    words = _WORD.findall(spk)
    if not words or len(words) > max_words:
        return False
    if words[-1].lower() in _FUNCTION_END:
        return False
    if any(w.lower() in CLAUSE_WORDS for w in words):
        return False
    return True


def clean_speaker(spk: str) -> str:
    spk = strip_lead(spk.strip(" ,;:\t\n"))
    tokens = spk.split()
    # drop a role noun phrase before a capitalised name: "MoD spokesman Maj. Gen. Yuri Borenkov"
    i = len(tokens)
    while i > 0 and tokens[i - 1][:1].isupper():
        i -= 1
    if 0 < i < len(tokens):
        left = tokens[i - 1]
        if left[:1].islower() and left.lower() not in _ROLE_LEFT_STOP and not left[:1].isdigit():
            return " ".join(tokens[i:])
    return spk
