"""The comparison stage: every claim against every other source and the official record."""

from narrcomp.comparison.result import Comparison, load_comparison
from narrcomp.comparison.pipeline import DEFAULT_K, DEFAULT_THRESHOLD, compare

__all__ = ["compare", "Comparison", "load_comparison", "DEFAULT_THRESHOLD", "DEFAULT_K"]
