"""Ship a trained checkpoint: fp16 safetensors, tokenizer, manifest, figures, model card.

>>> from narrcomp.stance.training.export import MAX_WEIGHTS_BYTES
>>> MAX_WEIGHTS_BYTES // (1024 * 1024)
50
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["export_weights", "write_figures", "MAX_WEIGHTS_BYTES"]

MAX_WEIGHTS_BYTES = 50 * 1024 * 1024
_KEEP = ("calibration.json", "MODEL_CARD.md", "figures", "lr_trace_stage1.json")


def export_weights(checkpoint, dest) -> dict:
    """Write ``checkpoint`` to ``dest`` as fp16 safetensors plus tokenizer and config.

    Files that belong to the shipped folder (calibration, card, figures) are kept.
    Returns the weights' size in bytes and the number of tensors.
    """
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    checkpoint, dest = Path(checkpoint), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for item in dest.iterdir():
        if item.name not in _KEEP:
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    model = AutoModelForSequenceClassification.from_pretrained(checkpoint, dtype=torch.float32)
    model.half().save_pretrained(dest)
    AutoTokenizer.from_pretrained(checkpoint).save_pretrained(dest)
    (dest / "model.safetensors").chmod(0o644)
    size = (dest / "model.safetensors").stat().st_size
    if size > MAX_WEIGHTS_BYTES:
        raise ValueError(f"{dest / 'model.safetensors'}: {size} bytes is over the 50 MB budget")
    return {"bytes": size, "tensors": len(model.state_dict())}


def write_figures(results: dict, folder) -> list[str]:
    """Confusion matrix (claimpairs held-out half) and p_contradict by gold label, as PNG
    (HTML when no static image engine is available)."""
    import plotly.graph_objects as go

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    labels = ["agree", "contradict", "neutral"]
    conf = results["claimpairs"]["heldout (even ids)"]["model"]["confusion"]
    z = [[conf[g][p] for p in labels] for g in labels]
    heat = go.Figure(go.Heatmap(z=z, x=labels, y=labels, text=z, texttemplate="%{text}",
                                colorscale="Blues", showscale=False))
    heat.update_layout(title="claimpairs held-out half (even ids): gold (rows) vs predicted",
                       xaxis_title="predicted", yaxis_title="gold", yaxis_autorange="reversed",
                       width=560, height=480)
    preds = results["claimpairs_predictions"]
    box = go.Figure()
    for gold4 in ("agree", "contradict", "related", "unrelated"):
        box.add_trace(go.Box(y=[p["p_contradict"] for p in preds if p["gold4"] == gold4],
                             name=gold4, boxpoints="all", jitter=0.4))
    box.update_layout(title="calibrated p_contradict by gold label (claimpairs, all 200)",
                      yaxis_title="p_contradict", width=640, height=440, showlegend=False)
    written = []
    for name, fig in (("confusion_heldout", heat), ("p_contradict_by_label", box)):
        try:
            fig.write_image(folder / f"{name}.png")
            written.append(f"{name}.png")
        except Exception:  # noqa: BLE001 - no kaleido/chrome: fall back to HTML
            fig.write_html(folder / f"{name}.html", include_plotlyjs="cdn")
            written.append(f"{name}.html")
    return written
