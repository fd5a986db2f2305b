"""narrcomp: compare how outlets and official records tell the same story.

The pipeline is a line; each stage passes pandas DataFrames (columns in
``docs/design.md``)::

    documents -> claims -> embeddings -> matches -> stance -> comparison -> figures / report
    load_corpus  extract_claims  embed  match  classify_stance  compare  narrcomp.plots / narrcomp.report

>>> import narrcomp
>>> corpus = narrcomp.load_corpus("examples/douma")          # doctest: +SKIP
>>> claims = narrcomp.extract_claims(corpus)                 # doctest: +SKIP
>>> comparison = narrcomp.compare(claims)                    # doctest: +SKIP
>>> narrcomp.plots.divergence(comparison)                    # doctest: +SKIP
"""

from narrcomp._version import __version__
from narrcomp.errors import CacheError, CorpusError, ModelNotAvailableError, NarrcompError
from narrcomp.text import normalize_text

# documents -> claims
from narrcomp.corpus import Corpus, load_corpus
from narrcomp.claims import Attribution, extract_claims, split_attribution

# -> embeddings -> matches
from narrcomp.embeddings import cache_info, clear_cache, embed
from narrcomp.matching import match, match_embeddings

# -> stance -> comparison
from narrcomp.stance import classify_stance
from narrcomp.comparison import Comparison, compare, load_comparison
from narrcomp.comparison.calibration import calibrate

__all__ = [
    "__version__", "NarrcompError", "CorpusError", "ModelNotAvailableError", "CacheError", "normalize_text",
    "load_corpus", "Corpus", "extract_claims", "split_attribution", "Attribution",
    "embed", "cache_info", "clear_cache", "match", "match_embeddings",
    "classify_stance", "compare", "Comparison", "load_comparison", "calibrate",
]


def __getattr__(name):
    # Subpackages loaded on first use, not at "import narrcomp" (plots imports plotly).
    if name in ("plots", "evaluate", "report"):
        import importlib

        return importlib.import_module(f"narrcomp.{name}")
    raise AttributeError(f"module 'narrcomp' has no attribute {name!r}")
