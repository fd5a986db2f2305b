"""Split a sentence into who says it (the attribution frame) and what is said.

News text reports claims through frames such as ``X said that Y``,
``According to X, Y`` or ``"Y," X said.`` Comparing outlets needs both parts:
the *speaker* (who the outlet attributes the claim to) and the *content* (the
claim itself, comparable across sources).

:func:`split_attribution` is rule based and deterministic. It recognises, in
this order:

1. quoted statements closed by a frame: ``"Y," X said.`` / ``Y," said X.``
   (also the last sentence of a multi-sentence quotation, which has no opening
   quote) -> ``quoted=True``;
2. ``According to X, Y`` and ``As reported by X, Y``;
3. ``Y, according to X.``;
4. trailing frames without quotes: ``Y, X said.`` / ``Y, said X.``;
5. parenthetical frames: ``There, he said, Y``;
6. subject frames: ``X <cue> [that] Y`` with a reporting verb (said, claimed,
   revealed, warned, alleged, insisted, stated, reported, confirmed, denied,
   blasted, told, accused, ...), allowing ``X, citing Z, said Y``,
   ``X reported, citing Z, that Y`` and up to six words between the verb and
   ``that`` (``revealed in the video that Y``).

Speakers are tidied: leading time adverbials (``On Monday,``) and ``citing``
asides are dropped, an appositive ``The militant, a man named Abu Hamza``
resolves to the name, and a role noun before a name (``MoD spokesman
Maj. Gen. Yuri Borenkov``) is dropped (``Maj. Gen. Yuri Borenkov``).

The content is always a slice of the input: ``text[content_start:content_end]
== content``. Cues that deny (``denied``, ``rejected``, ``dismissed``, ...) set
:attr:`Attribution.negated` so the stance stage can treat the content as
negated. :func:`attribute_sentences` extends quotation frames to every sentence
of a quotation that spans several sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from narrcomp.claims.speakers import CLAUSE_WORDS, LEAD_ADVERBIAL, clean_speaker, plausible_speaker, subject_speaker

__all__ = ["Attribution", "split_attribution", "attribute_sentences", "NEGATING_CUES"]

_CUES = (
    "said says say claimed claims claim revealed reveals warned warns alleged "
    "alleges insisted insists stated states reported reports confirmed confirms "
    "denied denies deny blasted blasts told tells added adds argued argues argue "
    "noted notes stressed stresses explained explains announced announces "
    "concluded concludes wrote writes accused accuses accuse suggested suggests "
    "asserted asserts maintained maintains maintain rejected rejects reject "
    "dismissed dismisses dismiss acknowledged acknowledges admitted admits "
    "disputed disputes refuted refutes contended contends charged charges "
    "declared declares testified testifies"
).split() + ["points out", "pointed out", "point out"]

#: Cues whose content the speaker rejects rather than asserts.
NEGATING_CUES = frozenset(
    "denied denies deny rejected rejects reject dismissed dismisses dismiss "
    "disputed disputes refuted refutes".split()
)

_CUE_ALT = "|".join(sorted(_CUES, key=len, reverse=True))
_END_CUE_ALT = (
    "said|says|added|adds|claimed|claims|warned|warns|insisted|insists|stated|"
    "states|told reporters|noted|notes|explained|argued|argues|wrote|writes|"
    "reported|reports|stressed|concluded|declared|confirmed"
)
_OPEN_Q = "\"\u201c\u201e"
_CLOSE_Q = "\"\u201d"
_SPEAKER = r"(?P<spk>[^,;:\"\u201c\u201d]{1,80}?)"
_TAIL = r"[\s.!?]*$"

_RE_QUOTED_END = re.compile(
    rf"^(?P<pre>\s*[{_OPEN_Q}]?)(?P<body>.+?)[,.!?]?\s*[{_CLOSE_Q}]\s*,?\s*"
    rf"(?:{_SPEAKER}\s+(?P<cue>{_END_CUE_ALT})|(?P<cue2>said|says|added|adds)\s+(?P<spk2>[^,;:\"]{{1,80}}?))"
    rf"{_TAIL}",
    re.S,
)
_RE_ACCORDING = re.compile(
    r"^(?P<lead>(?:[^,]{1,40},\s*)?)(?P<cue>[Aa]ccording to|[Aa]s reported by|[Aa]s (?:stated|claimed|reported) by)\s+"
    r"(?P<spk>[^,]{1,100}?),\s*(?P<body>\S.*)$",
    re.S,
)
_RE_ACCORDING_END = re.compile(
    r"^(?P<body>.+?),\s*(?P<cue>according to|as reported by)\s+(?P<spk>[^,]{1,100}?)" + _TAIL, re.S
)
_RE_END_FRAME = re.compile(
    rf"^(?P<body>.+?),\s*(?:{_SPEAKER}\s+(?P<cue>{_END_CUE_ALT})|(?P<cue2>said|says|added|adds)\s+(?P<spk2>[^,;:]{{1,80}}?)){_TAIL}",
    re.S,
)
_RE_PAREN_FRAME = re.compile(
    rf"^(?P<lead>[^,]{{1,40}}),\s*{_SPEAKER}\s+(?P<cue>said|says|added|argued|claimed|insisted),\s*(?P<body>\S.*)$",
    re.S,
)
_RE_CUE = re.compile(rf"\b(?P<cue>{_CUE_ALT})\b")

_WORD = re.compile(r"[\w.'\u2019-]+")
_PASSIVE_BEFORE = frozenset("been be being was were is are get got".split())


@dataclass(frozen=True)
class Attribution:
    """The attribution frame of one sentence.

    Attributes
    ----------
    speaker : str
        Who the sentence attributes its content to; ``""`` when the outlet
        asserts it itself.
    content : str
        The claim with the frame stripped; ``text[content_start:content_end]``.
    content_start, content_end : int
        Offsets of ``content`` in the sentence passed to :func:`split_attribution`.
    cue : str
        The reporting expression (``"said"``, ``"according to"``), ``""`` if none.
    quoted : bool
        The content is a quoted statement.
    """

    speaker: str
    content: str
    content_start: int
    content_end: int
    cue: str = ""
    quoted: bool = False

    @property
    def negated(self) -> bool:
        """True when the speaker denies the content (``X denied that Y``)."""
        return self.cue.lower() in NEGATING_CUES


def split_attribution(text: str) -> Attribution:
    """Split one sentence into speaker and content.

    Parameters
    ----------
    text : str
        One sentence.

    Returns
    -------
    Attribution
        ``speaker`` is ``""`` when the sentence is not reported speech; in that
        case ``content`` is the sentence without its final full stop.

    Examples
    --------
    >>> a = split_attribution("According to Henderson, the report omitted key findings.")
    >>> a.speaker, a.content
    ('Henderson', 'the report omitted key findings')
    >>> a = split_attribution("The ministry denied that any attack took place.")
    >>> a.speaker, a.content, a.negated
    ('The ministry', 'any attack took place', True)
    """
    if not isinstance(text, str):
        from narrcomp._validation import param_error

        raise param_error("text", "split_attribution", "a str", text, TypeError)
    for rule in (_quoted_end, _according, _according_end, _end_frame, _paren_frame, _subject_frame):
        found = rule(text)
        if found is not None:
            return found
    start, end = _trim(text, 0, len(text))
    return Attribution("", text[start:end], start, end)


def attribute_sentences(sentences: Sequence[str]) -> list[Attribution]:
    """Attribute consecutive sentences, carrying quotation frames across them.

    A quotation opened in one sentence and closed with a frame several
    sentences later (``"A. B. C," Hamza said.``) gives every sentence inside it
    the speaker and ``quoted=True``.

    Parameters
    ----------
    sentences : sequence of str
        Consecutive sentences of one text block.

    Returns
    -------
    list of Attribution
        One per sentence; offsets are relative to each sentence.

    Examples
    --------
    >>> out = attribute_sentences(["\\u201cWe saw tanks.", "They left,\\u201d Hamza said."])
    >>> [(a.speaker, a.content, a.quoted) for a in out]
    [('Hamza', 'We saw tanks', True), ('Hamza', 'They left', True)]
    """
    result = [split_attribution(s) for s in sentences]
    open_from: int | None = None
    for i, sentence in enumerate(sentences):
        balance = _quote_balance(sentence)
        if open_from is None:
            if balance > 0:
                open_from = i
            continue
        if balance < 0 or _closes_quote(sentence):
            closing = result[i]
            if closing.speaker and closing.quoted:
                for j in range(open_from, i):
                    result[j] = _as_quoted(sentences[j], closing)
            open_from = None
    return result


def _as_quoted(sentence: str, frame: Attribution) -> Attribution:
    start, end = _trim(sentence, 0, len(sentence), quotes=True)
    return Attribution(frame.speaker, sentence[start:end], start, end, frame.cue, True)


def _quote_balance(sentence: str) -> int:
    opens = sentence.count("\u201c") + sentence.count("\u201e")
    closes = sentence.count("\u201d")
    straight = sentence.count('"')
    if straight % 2 == 1:
        opens += 1 if sentence.lstrip().startswith('"') else 0
        closes += 0 if sentence.lstrip().startswith('"') else 1
    return opens - closes


def _closes_quote(sentence: str) -> bool:
    return bool(re.search(rf"[{_CLOSE_Q}]\s*,?\s*\w", sentence)) and _quote_balance(sentence) <= 0


def _trim(text: str, start: int, end: int, *, quotes: bool = False) -> tuple[int, int]:
    quote_chars = _OPEN_Q + _CLOSE_Q if quotes else ""
    lead = " \t\r\n" + quote_chars
    tail = " \t\r\n.,;:" + quote_chars
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in tail:
        end -= 1
    return start, end


def _make(text, spk, body_start, body_end, cue, quoted=False) -> Attribution | None:
    speaker = clean_speaker(spk)
    if not speaker:
        return None
    start, end = _trim(text, body_start, body_end, quotes=quoted)
    if end <= start:
        return None
    return Attribution(speaker, text[start:end], start, end, cue.strip().lower(), quoted)


def _quoted_end(text: str) -> Attribution | None:
    m = _RE_QUOTED_END.match(text)
    if not m:
        return None
    body = m.group("body")
    if any(q in body for q in _CLOSE_Q.replace('"', "")) and body.count("\u201c") == 0:
        return None
    spk, cue = _frame_speaker(m)
    if not plausible_speaker(spk):
        return None
    return _make(text, spk, m.start("body"), m.end("body"), cue, quoted=True)


def _according(text: str) -> Attribution | None:
    m = _RE_ACCORDING.match(text)
    if not m or (m.group("lead") and not LEAD_ADVERBIAL.match(m.group("lead"))):
        return None
    if not plausible_speaker(m.group("spk"), max_words=12):
        return None
    return _make(text, m.group("spk"), m.start("body"), m.end("body"), m.group("cue"))


def _according_end(text: str) -> Attribution | None:
    m = _RE_ACCORDING_END.match(text)
    if not m or not plausible_speaker(m.group("spk"), max_words=12):
        return None
    return _make(text, m.group("spk"), m.start("body"), m.end("body"), m.group("cue"))


def _end_frame(text: str) -> Attribution | None:
    m = _RE_END_FRAME.match(text)
    if not m:
        return None
    spk, cue = _frame_speaker(m)
    if not plausible_speaker(spk):
        return None
    return _make(text, spk, m.start("body"), m.end("body"), cue)


def _frame_speaker(m: re.Match) -> tuple[str | None, str]:
    if m.group("spk"):
        return m.group("spk"), m.group("cue")
    spk = m.group("spk2")
    # "Y, said X": X must look like a name or a definite noun phrase
    if not re.match(r"(?:[A-Z]|(?:the|a|an)\s)", spk):
        return None, m.group("cue2")
    return spk, m.group("cue2")


def _paren_frame(text: str) -> Attribution | None:
    m = _RE_PAREN_FRAME.match(text)
    if not m or not plausible_speaker(m.group("spk"), max_words=6):
        return None
    lead = m.group("lead").strip()
    if len(lead.split()) == 1 or LEAD_ADVERBIAL.match(lead + ", "):
        return _make(text, m.group("spk"), m.start("body"), len(text), m.group("cue"))
    # "Inspector A, the Director-General said, did not ...": the content is
    # not contiguous once the frame is removed, so keep the whole sentence.
    return _make(text, m.group("spk"), 0, len(text), m.group("cue"))


def _subject_frame(text: str) -> Attribution | None:
    for m in _RE_CUE.finditer(text):
        subject = text[: m.start()]
        words = _WORD.findall(subject)
        if not words or words[-1].lower() in _PASSIVE_BEFORE:
            continue
        speaker = subject_speaker(subject)
        if not speaker:
            continue
        body_start = _content_start(text, m.end())
        if body_start is None:
            continue
        return _make(text, speaker, body_start, len(text), m.group("cue"))
    return None


def _content_start(text: str, cue_end: int) -> int | None:
    rest = text[cue_end:]
    aside = re.match(r"\s*,\s*(?:citing|quoting)\b[^,]{1,80},\s*", rest)
    if aside:
        rest_offset = cue_end + aside.end()
    else:
        rest_offset = cue_end
    window = text[rest_offset:]
    that = re.match(r"\s*((?:[\w.'\u2019-]+\s+){0,6}?)that\s+", window)
    if that:
        between = that.group(1).lower().split()
        if not any(w in CLAUSE_WORDS for w in between):
            return rest_offset + that.end()
    lead = re.match(r"[\s,:]*", window)
    start = rest_offset + lead.end()
    return start if start < len(text) else None
