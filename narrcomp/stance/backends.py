"""Cross-encoder backends behind one small interface.

A backend scores ordered sentence pairs and returns probabilities in the fixed
column order ``agree, contradict, neutral`` whatever the model's own label
order; the label order is read from the model config (``id2label``), never
assumed.

>>> from narrcomp.stance.backends import label_order
>>> label_order({0: "CONTRADICTION", 1: "entailment", 2: "Neutral"})
[1, 0, 2]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from narrcomp.errors import ModelNotAvailableError, NarrcompError

__all__ = ["StanceBackend", "TransformersBackend", "CrossEncoderBackend", "StanceLabelError",
           "label_order", "default_weights_path", "DEFAULT_MODEL_NAME", "STANCE_LABELS"]

STANCE_LABELS = ("agree", "contradict", "neutral")
DEFAULT_MODEL_NAME = "narrcomp-stance-minilm-l6"
_SYNONYMS = {
    "agree": "agree", "entailment": "agree", "entails": "agree", "entail": "agree",
    "support": "agree", "supports": "agree", "supported": "agree",
    "contradict": "contradict", "contradiction": "contradict", "contradicts": "contradict",
    "refute": "contradict", "refutes": "contradict", "refuted": "contradict",
    "disagree": "contradict",
    "neutral": "neutral", "not_enough_info": "neutral", "nei": "neutral", "discuss": "neutral",
}


class StanceLabelError(NarrcompError, ValueError):
    """A model's labels cannot be mapped to agree / contradict / neutral."""


@runtime_checkable
class StanceBackend(Protocol):
    """What :func:`narrcomp.stance.classify_stance` needs from a model."""

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities ``(n, 3)`` in ``agree, contradict, neutral`` order for ordered pairs."""

    def identity(self) -> dict:
        """``{"name": ..., "weights_sha256": ...}`` for the analysis manifest."""


def label_order(id2label: dict) -> list[int]:
    """Model output indices for ``agree, contradict, neutral`` read from ``id2label``.

    Matching is case-insensitive and accepts NLI names (entailment / contradiction
    / neutral) and fact-checking names (supports / refutes / not_enough_info).

    Raises
    ------
    StanceLabelError
        When a label is unknown or one of the three stances is missing.
    """
    found: dict[str, int] = {}
    for index, name in sorted(((int(k), v) for k, v in dict(id2label).items())):
        key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
        if key not in _SYNONYMS:
            raise StanceLabelError(
                f"the model's label {name!r} (id {index}) is not a stance label; expected "
                "entailment/contradiction/neutral (or agree/contradict/neutral) in id2label, "
                f"got {dict(id2label)}")
        found[_SYNONYMS[key]] = index
    missing = [label for label in STANCE_LABELS if label not in found]
    if missing:
        raise StanceLabelError(f"the model's id2label {dict(id2label)} has no label for "
                               f"{', '.join(missing)}; a 3-way NLI / stance model is required")
    return [found[label] for label in STANCE_LABELS]


def default_weights_path() -> Path:
    """The folder of the shipped stance model (``narrcomp/stance/weights``)."""
    return Path(__file__).resolve().parent / "weights"


def _length_order(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    return np.argsort([-(len(a) + len(b)) for a, b in pairs], kind="stable")


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class TransformersBackend:
    """A sequence-classification folder run with plain ``transformers`` in float32.

    Parameters
    ----------
    path : str or os.PathLike
        A folder with ``config.json``, weights and tokenizer files.
    batch_size : int
        Pairs per forward pass (pairs are sorted by length; padding is dynamic).
    max_length : int
        Tokens per pair after truncation.
    name : str, optional
        Name reported by :meth:`identity` (default: the folder name).
    """

    def __init__(self, path, *, batch_size: int = 64, max_length: int = 128, name=None):
        self.path = Path(os.fspath(path)).expanduser().resolve()
        if not (self.path / "config.json").is_file():
            raise ModelNotAvailableError(f"{self.path}: no config.json, so not a model folder")
        self.batch_size = batch_size
        self.max_length = max_length
        self.name = name or self.path.name
        self._model = None
        self._tokenizer = None
        self._order = None
        self._sha = None

    def _load(self):
        if self._model is None:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            try:
                self._tokenizer = AutoTokenizer.from_pretrained(self.path)
                model = AutoModelForSequenceClassification.from_pretrained(
                    self.path, dtype=torch.float32)
            except (OSError, ValueError) as exc:
                raise ModelNotAvailableError(f"{self.path}: could not load the stance model "
                                             f"({type(exc).__name__}: {exc})") from None
            self._order = label_order(model.config.id2label)
            self._model = model.float().eval()
        return self._model, self._tokenizer

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Raw logits ``(n, 3)`` in ``agree, contradict, neutral`` order."""
        import torch

        model, tokenizer = self._load()
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        order = _length_order(pairs)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start:start + self.batch_size]
                enc = tokenizer([pairs[i][0] for i in idx], [pairs[i][1] for i in idx],
                                truncation=True, max_length=self.max_length, padding=True,
                                return_tensors="pt")
                logits = model(**enc).logits.float().numpy()
                out[idx] = logits[:, self._order]
        return out

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        return _softmax(self.logits(pairs).astype(np.float64)).astype(np.float32)

    def identity(self) -> dict:
        if self._sha is None:
            from narrcomp.embeddings.models import weights_sha256

            self._sha = weights_sha256(self.path)
        return {"name": self.name, "path": str(self.path), "weights_sha256": self._sha}


class CrossEncoderBackend:
    """Any NLI cross-encoder loaded through ``sentence_transformers.CrossEncoder``.

    Parameters
    ----------
    name_or_path : str or os.PathLike
        A local folder, or a hub name already in the local Hugging Face cache.
    batch_size, max_length : int
        As for :class:`TransformersBackend`.
    """

    def __init__(self, name_or_path, *, batch_size: int = 64, max_length: int = 128):
        self.name_or_path = os.fspath(name_or_path)
        self.batch_size = batch_size
        self.max_length = max_length
        self._model = None
        self._order = None

    def _load(self):
        if self._model is None:
            from sentence_transformers import CrossEncoder

            try:
                model = CrossEncoder(self.name_or_path, max_length=self.max_length,
                                     local_files_only=os.environ.get("HF_HUB_OFFLINE") == "1"
                                     or Path(self.name_or_path).exists())
            except (OSError, ValueError) as exc:
                raise ModelNotAvailableError(
                    f"{self.name_or_path}: could not load the cross-encoder offline "
                    f"({type(exc).__name__}: {exc})") from None
            self._order = label_order(model.config.id2label)
            self._model = model
        return self._model

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        model = self._load()
        if not len(pairs):
            return np.zeros((0, 3), dtype=np.float32)
        order = _length_order(pairs)
        logits = model.predict([list(pairs[i]) for i in order], batch_size=self.batch_size,
                               activation_fn=_identity, show_progress_bar=False,
                               convert_to_numpy=True)
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        out[order] = _softmax(np.asarray(logits, dtype=np.float64)[:, self._order])
        return out

    def identity(self) -> dict:
        from narrcomp.embeddings.models import weights_sha256

        model = self._load()
        folder = Path(self.name_or_path)
        if not folder.is_dir():
            folder = Path(model.model.config._name_or_path)
        try:
            sha = weights_sha256(folder)
        except ModelNotAvailableError:
            sha = None
        return {"name": folder.name or self.name_or_path, "path": str(folder), "weights_sha256": sha}


def _identity(x):
    return x
