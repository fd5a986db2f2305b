"""narrcomp: compare how outlets and official records tell the same story.

The pipeline::

    documents -> claims -> embeddings -> matches -> stance -> comparison -> figures / report

>>> import narrcomp
>>> corpus = narrcomp.load_corpus("examples/douma")          # doctest: +SKIP
>>> claims = narrcomp.extract_claims(corpus)                 # doctest: +SKIP
>>> comparison = narrcomp.compare(claims)                    # doctest: +SKIP
"""

from narrcomp._version import __version__
from narrcomp.errors import CorpusError, ModelNotAvailableError, NarrcompError

__all__ = ["__version__", "NarrcompError", "CorpusError", "ModelNotAvailableError"]


from narrcomp.text import normalize_text  # noqa: E402

__all__ += ["normalize_text"]

from narrcomp.corpus import Corpus, load_corpus  # noqa: E402
from narrcomp.claims import Attribution, extract_claims, split_attribution  # noqa: E402

__all__ += ["load_corpus", "Corpus", "extract_claims", "split_attribution", "Attribution"]

from narrcomp.matching import match, match_embeddings  # noqa: E402

__all__ += ["match", "match_embeddings"]

from narrcomp.comparison import Comparison, compare, load_comparison  # noqa: E402
from narrcomp.comparison.calibration import calibrate  # noqa: E402

__all__ += ["compare", "Comparison", "load_comparison", "calibrate"]


def __getattr__(name):
    # narrcomp.plots imports plotly: load it on first use, not at "import narrcomp".
    if name == "plots":
        import importlib

        return importlib.import_module("narrcomp.plots")
    raise AttributeError(f"module 'narrcomp' has no attribute {name!r}")
