"""Matching: find, for each query claim, the most similar candidate claims.

:func:`match` takes texts or claim tables; :func:`match_embeddings` takes
embedding arrays (reuse embeddings across calls). Methods: ``"dense"``
(cosine of all-MiniLM-L6-v2 embeddings), ``"lexical"`` (BM25) and
``"hybrid"`` (reciprocal rank fusion of cosine and BM25 over the union of both
top-100 lists; ``fusion="linear"`` adds ``weight`` * BM25 scaled to [0, 1] to
the cosine instead).

Tuned defaults
--------------
``method="auto"`` is ``"hybrid"`` with ``fusion="rrf"``, ``weight=1.0`` and
``pool=100``: the best MAP@5 on both CLEF 2020 CheckThat! task 2 splits used
for tuning (verified claim + title as candidate text, tweets normalised,
10,375 candidates), ``scripts/tune_matching.py``::

    method   settings        MAP@5 train   MAP@5 dev
    dense    -                  0.787        0.779
    lexical  bm25               0.808        0.768
    hybrid   linear w=0.1       0.828        0.821
    hybrid   linear w=0.2       0.837        0.816
    hybrid   linear w=0.3       0.841        0.808
    hybrid   linear w=0.5       0.837        0.799
    hybrid   rrf w=0.5          0.819        0.796
    hybrid   rrf w=1.0          0.868        0.839   <- default
    hybrid   rrf w=1.5          0.862        0.833
    hybrid   rrf w=2.0          0.860        0.826

The test split was not used for tuning. The table above was measured with
@handles dropped; keeping the handle's name (``@OPCW`` -> ``OPCW``, now the
default of :func:`narrcomp.normalize_text`) measured better on train and dev
and did not change the choice of method::

    method   settings        MAP@5 train   MAP@5 dev   MAP@5 test (reported only)
    dense    -                  0.805        0.789       0.938
    lexical  bm25               0.817        0.768       0.855
    hybrid   rrf w=1.0          0.878        0.843       0.934   <- default

``index="auto"`` in :func:`match_embeddings` switches from blocked numpy to
FAISS ``IndexFlatIP`` at ``AUTO_FAISS_MIN_PAIRS`` query x candidate pairs
(see :mod:`narrcomp.matching.dense` and ``benchmarks/bench_match.py``).
"""

from narrcomp.matching.api import (DEFAULT_FUSION, DEFAULT_METHOD, DEFAULT_POOL,
                                   DEFAULT_WEIGHT, METHODS, match)
from narrcomp.matching.dense import AUTO_FAISS_MIN_PAIRS, INDEXES, match_embeddings
from narrcomp.matching.lexical import BM25, tokenize

__all__ = [
    "match", "match_embeddings", "BM25", "tokenize", "METHODS", "INDEXES",
    "DEFAULT_METHOD", "DEFAULT_WEIGHT", "DEFAULT_POOL", "DEFAULT_FUSION",
    "AUTO_FAISS_MIN_PAIRS",
]
