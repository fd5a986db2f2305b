"""The comparison stage: every claim against every other source and the official record."""

from narrcomp.compare.comparison import Comparison, load_comparison
from narrcomp.compare.pipeline import DEFAULT_K, DEFAULT_THRESHOLD, compare

__all__ = ["compare", "Comparison", "load_comparison", "DEFAULT_THRESHOLD", "DEFAULT_K"]
