"""What ``narrcomp eval`` runs: each benchmark's reader, the stage under test,
and the metrics, composed. Data is read where the user points; nothing is
copied into the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from narrcomp.evaluate.stance_metrics import fnc_score, stance_report

BENCHMARKS = ("clef2020", "sick", "fnc1", "pairs")


def run(benchmark: str, path, *, split: str = "test", method: str | None = None, stance=None,
        limit: int | None = None) -> dict:
    """Evaluate on one benchmark and return a JSON-ready dict of metrics."""
    path = Path(path)
    if benchmark == "clef2020":
        from narrcomp.evaluate.clef import evaluate_clef2020

        return {"benchmark": "clef2020", **evaluate_clef2020(path, split=split, method=method or "auto")}
    if benchmark == "sick":
        from narrcomp.evaluate.stance_data import load_sick

        file = path / "SICK.txt" if path.is_dir() else path
        return _stance("sick", load_sick(file, split="test"), stance)
    if benchmark == "fnc1":
        from narrcomp.evaluate.stance_data import load_fnc1

        pairs = load_fnc1(path, max_rows=limit)
        out = _stance("fnc1", pairs, stance)
        return out
    if benchmark == "pairs":
        return _stance("pairs", read_pairs(path), stance)
    raise ValueError(f"The 'benchmark' parameter of narrcomp eval must be one of {BENCHMARKS}. "
                     f"Got {benchmark!r} instead.")


def read_pairs(path) -> pd.DataFrame:
    """A researcher's labelled pairs: JSONL or CSV with columns a, b, label
    (agree / contradict / neutral; related and unrelated count as neutral)."""
    path = Path(path)
    if path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as fh:
            table = pd.DataFrame([json.loads(line) for line in fh if line.strip()])
    elif path.suffix == ".csv":
        table = pd.read_csv(path, dtype=str)
    else:
        raise ValueError(f"{path}: labelled pairs must be a .jsonl or .csv file")
    missing = [c for c in ("a", "b", "label") if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: labelled pairs need the columns a, b, label; missing {missing}")
    table["label4"] = table["label"]
    table["label"] = table["label"].replace({"related": "neutral", "unrelated": "neutral"})
    bad = sorted(set(table["label"]) - {"agree", "contradict", "neutral"})
    if bad:
        raise ValueError(f"{path}: unknown labels {bad}; use agree, contradict, neutral, related or unrelated")
    return table


def _stance(name: str, pairs: pd.DataFrame, stance) -> dict:
    from narrcomp.stance import classify_stance

    result = classify_stance(pairs["a"].tolist(), pairs["b"].tolist(), model=stance)
    out = {"benchmark": name, "model": stance or "narrcomp default",
           **stance_report(pairs["label"].tolist(), result["label"].tolist())}
    if name == "fnc1" and "fnc_label" in pairs:
        out["fnc_score"] = round(fnc_score(pairs["fnc_label"].tolist(), _to_fnc(result, pairs)), 4)
    return out


def _to_fnc(result: pd.DataFrame, pairs: pd.DataFrame) -> list[str]:
    """Map 3-way predictions to FNC labels: agree -> agree, contradict ->
    disagree; a neutral pair is ``discuss`` when headline and body sentence are
    counterparts (cosine >= narrcomp's match threshold) and ``unrelated``
    otherwise, as the comparison itself would treat them."""
    import numpy as np

    from narrcomp.comparison.pipeline import DEFAULT_THRESHOLD
    from narrcomp.embeddings import embed

    cosine = np.einsum("ij,ij->i", embed(pairs["a"].tolist()), embed(pairs["b"].tolist()))
    mapping = {"agree": "agree", "contradict": "disagree"}
    return [mapping.get(label, "discuss" if c >= DEFAULT_THRESHOLD else "unrelated")
            for label, c in zip(result["label"], cosine)]


def format_table(metrics: dict) -> str:
    """A plain-text table of the scalar metrics (per-class F1 flattened)."""
    rows = []
    for key, value in metrics.items():
        if key == "per_class":
            for label, scores in value.items():
                rows.append((f"f1[{label}]", f"{scores['f1']:.4f}"))
        elif key == "confusion":
            continue
        elif isinstance(value, float):
            rows.append((key, f"{value:.4f}"))
        else:
            rows.append((key, str(value)))
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)
