"""Evaluation: retrieval and stance metrics on DataFrames, readers for public benchmarks,
and the stance baselines (similarity-only and SICK-only).

>>> from narrcomp.evaluate import map_at_k, macro_f1, fnc_score     # doctest: +SKIP
"""

from narrcomp.evaluate.baselines import SickOnlyBaseline, SimilarityBaseline, fit_similarity_baseline
from narrcomp.evaluate.retrieval import map_at_k, mrr, recall_at_k, retrieval_report, success_at_k
from narrcomp.evaluate.stance_metrics import (accuracy, confusion, fnc_score, macro_f1, per_class,
                                              stance_report)

__all__ = ["map_at_k", "mrr", "recall_at_k", "success_at_k", "retrieval_report", "accuracy", "macro_f1",
           "per_class", "confusion", "fnc_score", "stance_report", "fit_similarity_baseline", "SimilarityBaseline",
           "SickOnlyBaseline"]
