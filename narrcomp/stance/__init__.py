"""Stance between claim pairs: agree, contradict or neutral.

Similarity is not stance: two claims about the same event sit close in
embedding space whether they agree or contradict. :func:`classify_stance`
decides relatedness with the embedding cosine and stance with a cross-encoder
fine-tuned for news-style agreement and contradiction (shipped in
``narrcomp/stance/weights``, see its MODEL_CARD.md and docs/stance.md), then
calibrates both on development data.

>>> from narrcomp.stance import classify_stance
>>> classify_stance(["The ministry claimed no attack took place."],
...                 ["An attack took place."])[["label", "attribution_a"]]  # doctest: +SKIP
        label attribution_a
0  contradict  The ministry
"""

from __future__ import annotations

from narrcomp.stance.api import classify_stance, stance_model_info
from narrcomp.stance.backends import (CrossEncoderBackend, StanceBackend, StanceLabelError,
                                      TransformersBackend)
from narrcomp.stance.calibration import Calibration

__all__ = ["classify_stance", "stance_model_info", "StanceBackend", "TransformersBackend",
           "CrossEncoderBackend", "StanceLabelError", "Calibration"]
