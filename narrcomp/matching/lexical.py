"""A small Okapi BM25 for lexical matching.

Texts are normalised with :func:`narrcomp.text.normalize_text` (by the
caller), lower-cased and split into Unicode word tokens; a short list of
English function words is dropped. Scores follow Robertson's BM25 with the
Lucene idf ``log(1 + (N - df + 0.5) / (df + 0.5))``, which is never negative.

Examples
--------
>>> bm25 = BM25().fit(["chlorine found in Douma", "the weather in Kyiv"])
>>> bm25.top_k(["Douma chlorine attack"], k=1)
   query_id  candidate_id  rank     score
0         0             0     1  1.281449
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from narrcomp._validation import check_float, check_int

__all__ = ["BM25", "tokenize", "STOPWORDS"]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

#: Function words dropped before scoring (deliberately short).
STOPWORDS = frozenset(
    "a an and are as at be by for from has have he her his i in is it its of on or "
    "she that the their they this to was were will with you".split()
)


def tokenize(text: str, stopwords: Iterable[str] = STOPWORDS) -> list[str]:
    """Lower-cased word tokens of ``text`` without ``stopwords``.

    Examples
    --------
    >>> tokenize("The OPCW's report, on Douma!")
    ['opcw', 's', 'report', 'douma']
    """
    stop = stopwords if isinstance(stopwords, frozenset) else frozenset(stopwords)
    return [t for t in _TOKEN.findall(text.lower()) if t not in stop]


class BM25:
    """Okapi BM25 over a fixed candidate collection.

    Parameters
    ----------
    k1 : float, default 1.2
        Term-frequency saturation.
    b : float, default 0.75
        Length normalisation.

    Examples
    --------
    >>> bm25 = BM25().fit(["red apples", "green pears", "red pears"])
    >>> bm25.scores(["red pears"]).round(3)
    array([[0.47, 0.47, 0.94]])
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1 = check_float(k1, "k1", "BM25", min=0.0)
        self.b = check_float(b, "b", "BM25", min=0.0, max=1.0)
        self.vocabulary_: dict[str, int] = {}
        self.weights_: sparse.csr_matrix | None = None

    def fit(self, texts: Sequence[str]) -> "BM25":
        """Index the candidate ``texts`` (already normalised)."""
        docs = [tokenize(t) for t in texts]
        vocab: dict[str, int] = {}
        for doc in docs:
            for tok in doc:
                vocab.setdefault(tok, len(vocab))
        tf = _count_matrix(docs, vocab)
        n_docs = max(len(docs), 1)
        df = np.bincount(tf.indices, minlength=len(vocab))
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        lengths = np.asarray(tf.sum(axis=1)).ravel()
        avg = lengths.mean() if len(lengths) and lengths.mean() > 0 else 1.0
        norm = self.k1 * (1.0 - self.b + self.b * lengths / avg)
        w = tf.astype(np.float64).tocsr()
        row_norm = np.repeat(norm, np.diff(w.indptr))
        w.data = idf[w.indices] * w.data * (self.k1 + 1.0) / (w.data + row_norm)
        self.vocabulary_, self.weights_ = vocab, w
        return self

    def query_matrix(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Binary term matrix of the query ``texts`` over the fitted vocabulary."""
        docs = [[t for t in tokenize(x) if t in self.vocabulary_] for x in texts]
        q = _count_matrix(docs, self.vocabulary_)
        q.data[:] = 1.0
        return q

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Dense (n_queries, n_candidates) BM25 scores; for small inputs."""
        self._check_fitted()
        return np.asarray((self.query_matrix(texts) @ self.weights_.T).todense())

    def pair_scores(self, texts: Sequence[str], q_pos: np.ndarray, c_pos: np.ndarray) -> np.ndarray:
        """BM25 score of query ``texts[q_pos[i]]`` against candidate ``c_pos[i]``."""
        self._check_fitted()
        q = self.query_matrix(texts)
        a = q[q_pos]
        b = self.weights_[c_pos]
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    def top_k(self, texts: Sequence[str], k: int = 5, *, block: int = 512) -> pd.DataFrame:
        """The ``k`` best candidates per query (ties: lower position first).

        Candidates sharing no token with a query are not returned.
        """
        self._check_fitted()
        k = check_int(k, "k", "BM25.top_k", min=1)
        q = self.query_matrix(texts)
        wt = self.weights_.T.tocsc()
        parts = [_sparse_topk((q[s:s + block] @ wt).tocsr(), k, s)
                 for s in range(0, q.shape[0], block)]
        cols = ["query_id", "candidate_id", "rank", "score"]
        if not parts:
            return pd.DataFrame({c: [] for c in cols})
        return pd.concat(parts, ignore_index=True)[cols]

    def _check_fitted(self) -> None:
        if self.weights_ is None:
            raise RuntimeError("BM25 is not fitted: call fit(candidate_texts) first.")


def _count_matrix(docs: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for doc in docs:
        indices.extend(vocab[t] for t in doc)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
                          shape=(len(docs), len(vocab)))
    m.sum_duplicates()
    return m


def _sparse_topk(scores: sparse.csr_matrix, k: int, offset: int) -> pd.DataFrame:
    rows = []
    for i in range(scores.shape[0]):
        lo, hi = scores.indptr[i], scores.indptr[i + 1]
        cand, vals = scores.indices[lo:hi], scores.data[lo:hi]
        keep = vals > 0
        cand, vals = cand[keep], vals[keep]
        order = np.lexsort((cand, -vals))[:k]
        for r, j in enumerate(order, start=1):
            rows.append((offset + i, int(cand[j]), r, float(vals[j])))
    return pd.DataFrame(rows, columns=["query_id", "candidate_id", "rank", "score"])
