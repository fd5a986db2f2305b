"""Site chrome detection: menus, forms, notices and captions are not claims.

Scraped and copied web pages keep the page's *chrome* next to the article:
navigation ("Listen Live", "All news"), registration and log-in forms, cookie
and GDPR notices, community rules, push-notification prompts, photo credits
("(c) Sputnik / ..."), image URLs and lists of related headlines. None of it is
a claim of the outlet.

Method (block level, in the spirit of jusText)
----------------------------------------------
The text is cut into blocks at line breaks. Each block gets a chrome score in
[0, 1] that adds up evidence:

* **link / credit**: a URL, e-mail address or copyright sign -> 0.9;
* **related list**: a short line after a marker such as ``Related:``,
  ``Read more:`` or ``See also:`` -> 0.95 (the list ends at the first long,
  sentence-like block);
* **menu item**: fewer than five words and no sentence-final punctuation
  (only when the document has several blocks) -> 0.8;
* **headline**: no sentence-final punctuation and mostly capitalised words
  -> +0.45;
* **boilerplate lexicon**: words and phrases of forms and notices (cookie,
  privacy policy, register, log in, account, captcha, subscribe, push
  notifications, comment, community standards, moderators, users, ...):
  +0.35 for the first hit, +0.2 for each further hit;
* **stopword density**: English prose has many stopwords; a block of six or
  more words with fewer than 10 % stopwords -> +0.3 (lists, foreign text);
* **bullet fragment**: a bullet line starting in lower case -> +0.3;
* **relevance** to the article: the content words of the densest good blocks
  form the *core* vocabulary. Good blocks have 15 or more words, at least
  25 % stopwords, no link and no lexicon hit; the core starts with the longest
  one (and the title) and grows with every good block that shares at least
  20 % of its content words with it. A block with at least four content words of which fewer than
  20 % are in the core gets +0.35; one with at least 40 % gets -0.3.

* **context**: a block that is not clearly article text (relevance below
  0.4) between two chrome blocks becomes chrome (score 0.6).

A sentence alone in its block inherits the block's score. A sentence inside
a multi-sentence block is also scored on its own: if that score reaches the
threshold, or the sentence is not relevant to the article (relevance below
0.4), it keeps the higher of the two; otherwise it gets their weighted mean
(block 2/3, sentence 1/3), so a relevant sentence next to a "Log in to
comment." sentence stays a claim while the rest of a notice stays chrome. Blocks and
sentences scoring at least :data:`CHROME_THRESHOLD` are chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

__all__ = [
    "CHROME_THRESHOLD", "BOILERPLATE_TERMS", "BlockScore", "score_blocks", "chrome_score",
    "sentence_chrome", "core_vocabulary",
]

#: Score at or above which a block is treated as site chrome.
CHROME_THRESHOLD = 0.5

#: Words and phrases typical of forms, notices and page furniture.
BOILERPLATE_TERMS = (
    "cookie", "cookies", "privacy policy", "privacy notice", "terms of use", "terms of service",
    "register", "registration", "log in", "login", "sign in", "sign up", "log out", "account",
    "password", "captcha", "subscribe", "subscription", "newsletter", "push notifications",
    "notifications", "comment", "comments", "community standards", "moderator", "moderators",
    "users", "user", "discussion", "click here", "all rights reserved", "share this", "follow us",
    "advertisement", "personal data", "gdpr", "e-mail address", "short url", "related:",
    "read more", "see also", "listen live", "all news", "website", "websites", "\u00a9",
)
_TERM_RE = re.compile(
    "|".join(
        (re.escape(t) if not t[0].isalnum() else r"(?<![\w])" + re.escape(t) + r"(?![\w])")
        for t in sorted(BOILERPLATE_TERMS, key=len, reverse=True)
    ),
    re.I,
)
_LINK = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\u00a9|\(c\)\s", re.I)
_RELATED = re.compile(r"^(?:related|read more|see also|more on this|more from|recommended)\s*:?\s*$", re.I)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\-*\u2013]\s*")
STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers him his how i if in into is it its itself just "
    "me more most my no nor not now of off on once only or other our out over own same she should "
    "so some such than that the their them then there these they this those through to too under "
    "until up very was we were what when where which while who whom why will with would you your "
    "said says".split()
)


@dataclass(frozen=True)
class BlockScore:
    """Chrome score of one block ``text[start:end]``."""

    start: int
    end: int
    score: float
    relevance: float | None

    @property
    def is_chrome(self) -> bool:
        return self.score >= CHROME_THRESHOLD


def content_words(text: str) -> list[str]:
    """Lower-cased words of three or more letters that are not stopwords."""
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if len(w) > 2 and w not in STOPWORDS]


def score_blocks(
    text: str,
    blocks: Sequence[tuple[int, int]],
    title: str | None = None,
    *,
    core: frozenset[str] | None = None,
) -> list[BlockScore]:
    """Score every block of a document for chrome.

    Parameters
    ----------
    text : str
        The document text.
    blocks : sequence of (int, int)
        Block spans, e.g. from :func:`narrcomp.claims.sentences.split_blocks`.
    title : str, optional
        The document title; its words join the core vocabulary.
    core : frozenset of str, optional
        A precomputed :func:`core_vocabulary`.

    Returns
    -------
    list of BlockScore

    Examples
    --------
    >>> from narrcomp.claims.sentences import split_blocks
    >>> page = ("Listen Live\\nSyrian troops took the city of Maarat al-Numan in Idlib on Tuesday "
    ...         "after weeks of fighting with militants in the province.\\n"
    ...         "Please review our Privacy Policy and log in to your account.")
    >>> [round(b.score, 2) >= CHROME_THRESHOLD for b in score_blocks(page, split_blocks(page))]
    [True, False, True]
    """
    if core is None:
        core = core_vocabulary(text, blocks, title)
    scores: list[BlockScore] = []
    in_related = False
    multi = len(blocks) > 1
    for start, end in blocks:
        block = text[start:end]
        words = _WORD.findall(block)
        if _RELATED.match(block):
            in_related = True
            scores.append(BlockScore(start, end, 1.0, None))
            continue
        if in_related and (len(words) >= 25 or (_TERMINAL.search(block) and len(words) >= 12)):
            in_related = False
        if in_related:
            scores.append(BlockScore(start, end, 0.95, None))
            continue
        score, relevance = _score_text(block, core, multi=multi)
        scores.append(BlockScore(start, end, score, relevance))
    return _smooth(scores)


def _smooth(scores: list[BlockScore]) -> list[BlockScore]:
    """A block that is not clearly article text, between two chrome blocks, is chrome."""
    out = list(scores)
    for i in range(1, len(scores) - 1):
        block = scores[i]
        if block.is_chrome or (block.relevance is not None and block.relevance >= 0.4):
            continue
        if out[i - 1].is_chrome and scores[i + 1].is_chrome:
            out[i] = BlockScore(block.start, block.end, max(block.score, 0.6), block.relevance)
    return out


def sentence_chrome(text: str, sentences, title: str | None = None) -> list[float]:
    """Chrome score of every sentence of a document.

    Parameters
    ----------
    text : str
        The document text.
    sentences : sequence of Sentence
        From :func:`narrcomp.claims.sentences.sentence_spans`.
    title : str, optional
        The document title.

    Returns
    -------
    list of float
        One score in [0, 1] per sentence.

    Examples
    --------
    >>> from narrcomp.claims.sentences import sentence_spans
    >>> page = "Subscribe\\nThe mission found chlorine in Douma. Log in to comment."
    >>> [s >= CHROME_THRESHOLD for s in sentence_chrome(page, sentence_spans(page))]
    [True, False, True]
    """
    from narrcomp.claims.sentences import split_blocks

    blocks = split_blocks(text)
    core = core_vocabulary(text, blocks, title)
    scored = score_blocks(text, blocks, title, core=core)
    per_block: dict[int, int] = {}
    for s in sentences:
        per_block[s.block] = per_block.get(s.block, 0) + 1
    out = []
    for s in sentences:
        block = scored[s.block]
        if per_block[s.block] > 1:
            out.append(chrome_score(text[s.start:s.end], block, core))
        else:
            out.append(block.score)
    return out


def chrome_score(sentence: str, block_score: BlockScore, core: frozenset[str] | None = None) -> float:
    """Chrome score of one sentence inside a scored block.

    Examples
    --------
    >>> b = BlockScore(0, 10, 0.1, 0.8)
    >>> chrome_score("Please log in to your account to comment.", b) >= CHROME_THRESHOLD
    True
    """
    own, relevance = _score_text(sentence, core or frozenset(), multi=True, sentence_level=True)
    if own < CHROME_THRESHOLD and (relevance is None or relevance >= 0.4):
        return (2 * block_score.score + own) / 3
    return max(block_score.score, own)


def _score_text(block: str, core: frozenset[str], *, multi: bool, sentence_level: bool = False) -> tuple[float, float | None]:
    words = _WORD.findall(block)
    if _LINK.search(block):
        return 0.9, None
    terminal = bool(_TERMINAL.search(block))
    score = 0.0
    if multi and len(words) < 5 and not terminal and not sentence_level:
        score = 0.8
    elif not terminal and len(words) >= 3 and _capitalised_share(words) >= 0.6:
        score += 0.45
    hits = len(_TERM_RE.findall(block))
    if hits:
        score += 0.35 + 0.2 * (hits - 1)
    if len(words) >= 6:
        density = sum(w.lower() in STOPWORDS for w in words) / len(words)
        if density < 0.1:
            score += 0.3
    if _BULLET.match(block) and block.lstrip("\u2022\u25aa\u25cf-*\u2013 ")[:1].islower():
        score += 0.3
    relevance = None
    cws = content_words(block)
    if core and len(cws) >= 4:
        relevance = sum(w in core for w in cws) / len(cws)
        if relevance < 0.2:
            score += 0.35
        elif relevance >= 0.4:
            score -= 0.3
    return min(max(score, 0.0), 1.0), relevance


def _capitalised_share(words: list[str]) -> float:
    return sum(w[:1].isupper() for w in words) / len(words)


def core_vocabulary(text: str, blocks: Sequence[tuple[int, int]], title: str | None = None) -> frozenset[str]:
    """Content words of the densest good blocks (and the title): the article's vocabulary."""
    good = []
    for start, end in blocks:
        block = text[start:end]
        words = _WORD.findall(block)
        if len(words) < 15 or _LINK.search(block) or _TERM_RE.search(block):
            continue
        if sum(w.lower() in STOPWORDS for w in words) / len(words) < 0.25:
            continue
        good.append((len(words), block))
    good.sort(key=lambda item: -item[0])
    vocab: set[str] = set(content_words(title or ""))
    if not good:
        return frozenset(vocab)
    vocab.update(content_words(good[0][1]))
    # grow the core with good blocks that share vocabulary with it (the
    # densest cluster); unrelated long blocks stay out
    for _, block in good[1:]:
        words = content_words(block)
        if words and sum(w in vocab for w in words) / len(words) >= 0.2:
            vocab.update(words)
    return frozenset(vocab)
