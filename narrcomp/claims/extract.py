"""Documents -> claims table (the ``claims`` schema of docs/design.md)."""

from __future__ import annotations

import bisect
import hashlib
from typing import Any, Iterable

import pandas as pd

from narrcomp._validation import check_bool, check_float, param_error
from narrcomp.claims.attribution import attribute_sentences
from narrcomp.claims.checkworthy import DEFAULT_THRESHOLD, checkworthiness
from narrcomp.claims.chrome import sentence_chrome
from narrcomp.claims.hedging import is_hedged, is_quoted
from narrcomp.claims.sentences import Sentence, sentence_spans

__all__ = ["extract_claims", "CLAIM_COLUMNS", "claim_id", "text_doc_id"]

#: The columns of the claims table, in order.
CLAIM_COLUMNS = [
    "claim_id", "doc_id", "source", "kind", "date", "sentence", "text", "start", "end", "page",
    "attribution", "content", "quoted", "hedged", "checkworthy",
]
_REQUIRED = ("doc_id", "source", "kind", "date", "text")
_FUNC = "extract_claims"
_AUTO_PROGRESS_DOCS = 20


def claim_id(doc_id: str, start: int, end: int) -> str:
    """Stable claim id: ``c-`` + 16 hex of sha256(``f"{doc_id}:{start}:{end}"``).

    Examples
    --------
    >>> claim_id("d-0123456789abcdef", 0, 10)
    'c-e3a984731dd0cbac'
    """
    digest = hashlib.sha256(f"{doc_id}:{start}:{end}".encode("utf-8")).hexdigest()
    return "c-" + digest[:16]


def text_doc_id(source: str, text: str) -> str:
    """The document id of design.md: ``d-`` + 16 hex of sha256(source + NUL + text)."""
    return "d-" + hashlib.sha256((source + "\x00" + text).encode("utf-8")).hexdigest()[:16]


def extract_claims(
    corpus_or_text: Any,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    keep_all: bool = False,
    show_progress: bool | None = None,
) -> pd.DataFrame:
    """Split documents into sentences and keep the check-worthy ones as claims.

    Parameters
    ----------
    corpus_or_text : Corpus, DataFrame or str
        A corpus (anything with a ``.documents`` DataFrame), a documents
        DataFrame with at least ``doc_id, source, kind, date, text`` (and
        optionally ``page_starts`` and ``title``), or one text (source
        ``"text"``, kind ``"text"``).
    threshold : float, default DEFAULT_THRESHOLD
        Minimum check-worthiness in [0, 1] for a sentence to be kept.
    keep_all : bool, default False
        Keep every sentence, also those below ``threshold`` (to inspect the filter).
    show_progress : bool or None, default None
        Show a progress bar over documents; ``None`` shows one for more than
        20 documents.

    Returns
    -------
    pandas.DataFrame
        One row per claim with the columns :data:`CLAIM_COLUMNS`;
        ``document.text[start:end] == text`` for every row.

    Examples
    --------
    >>> claims = extract_claims("The OPCW found chlorine in Douma. Why?")
    >>> claims[["text", "start", "end"]].values.tolist()
    [['The OPCW found chlorine in Douma.', 0, 33]]
    """
    threshold = check_float(threshold, "threshold", _FUNC, min=0, max=1)
    keep_all = check_bool(keep_all, "keep_all", _FUNC)
    if show_progress is not None:
        show_progress = check_bool(show_progress, "show_progress", _FUNC)
    documents = _as_documents(corpus_or_text)
    if show_progress is None:
        show_progress = len(documents) > _AUTO_PROGRESS_DOCS
    rows: list[dict] = []
    for doc in _progress(documents.to_dict("records"), show_progress):
        rows.extend(_document_claims(doc, threshold, keep_all))
    return _frame(rows)


def _as_documents(obj: Any) -> pd.DataFrame:
    if isinstance(obj, str):
        if not obj.strip():
            raise param_error("corpus_or_text", _FUNC, "a Corpus, a documents DataFrame or a non-empty str", obj)
        return pd.DataFrame([{
            "doc_id": text_doc_id("text", obj), "source": "text", "kind": "text", "date": None, "text": obj,
        }])
    if not isinstance(obj, pd.DataFrame) and isinstance(getattr(obj, "documents", None), pd.DataFrame):
        obj = obj.documents
    if not isinstance(obj, pd.DataFrame):
        raise param_error("corpus_or_text", _FUNC, "a Corpus, a documents DataFrame or a str", obj, TypeError)
    missing = [c for c in _REQUIRED if c not in obj.columns]
    if missing:
        raise ValueError(
            f"The documents passed to {_FUNC} lack the column(s) {', '.join(missing)}; "
            f"required: {', '.join(_REQUIRED)}."
        )
    bad = [i for i, t in zip(obj["doc_id"], obj["text"]) if not isinstance(t, str)]
    if bad:
        raise ValueError(f"The 'text' of document {bad[0]!r} passed to {_FUNC} is not a str.")
    return obj


def _progress(items: list, show: bool) -> Iterable:
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc="claims", unit="doc")


def _document_claims(doc: dict, threshold: float, keep_all: bool) -> list[dict]:
    text = doc["text"]
    sentences = sentence_spans(text)
    if not sentences:
        return []
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    chrome = sentence_chrome(text, sentences, title)
    attributions = _attributions(text, sentences)
    page_starts = _page_starts(doc.get("page_starts"))
    rows = []
    for index, (sent, chrome_score, att) in enumerate(zip(sentences, chrome, attributions)):
        sentence_text = text[sent.start:sent.end]
        score = checkworthiness(sentence_text, chrome_score)
        if score < threshold and not keep_all:
            continue
        rows.append({
            "claim_id": claim_id(doc["doc_id"], sent.start, sent.end),
            "doc_id": doc["doc_id"],
            "source": doc["source"],
            "kind": doc["kind"],
            "date": _date(doc["date"]),
            "sentence": index,
            "text": sentence_text,
            "start": sent.start,
            "end": sent.end,
            "page": _page(page_starts, sent.start),
            "attribution": att.speaker,
            "content": att.content,
            "quoted": bool(att.quoted or is_quoted(sentence_text)),
            "hedged": is_hedged(sentence_text),
            "checkworthy": score,
        })
    return rows


def _attributions(text: str, sentences: list[Sentence]) -> list:
    out: list = []
    i = 0
    while i < len(sentences):
        j = i
        while j < len(sentences) and sentences[j].block == sentences[i].block:
            j += 1
        out.extend(attribute_sentences([text[s.start:s.end] for s in sentences[i:j]]))
        i = j
    return out


def _page_starts(value: Any) -> list[int] | None:
    if value is None or isinstance(value, float):
        return None
    starts = [int(v) for v in value]
    return starts or None


def _page(page_starts: list[int] | None, start: int) -> int | None:
    if page_starts is None:
        return None
    return max(1, bisect.bisect_right(page_starts, start))


def _date(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    dtypes = {"sentence": "int64", "start": "int64", "end": "int64", "quoted": "bool", "hedged": "bool",
              "checkworthy": "float64"}
    frame = frame.astype(dtypes)
    frame["page"] = frame["page"].astype(object).where(frame["page"].notna(), None)
    return frame.reset_index(drop=True)
