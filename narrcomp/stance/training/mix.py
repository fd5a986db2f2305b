"""Build the stance training mix: read each source, cap and balance it, augment.

The mix is a pure function of the data folder, the caps and the seed, so the
same command rebuilds the same rows. :func:`data_files` lists every file read,
for the sha256 manifest.

>>> from narrcomp.stance.training.mix import DEFAULT_CAPS
>>> DEFAULT_CAPS["sick"]["agree"]
2234
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from narrcomp.stance.features import MONTH_NAMES
from narrcomp.stance.training import sources
from narrcomp.stance.training.augment import augment_pairs

__all__ = ["DEFAULT_CAPS", "build_mix", "data_files", "news_pairs", "restated_pairs", "sha256_file"]

# per source, per label: the most rows to keep (sampled without replacement)
DEFAULT_CAPS: dict[str, dict[str, int]] = {
    "sick": {"agree": 2234, "contradict": 1161, "neutral": 3600},
    "snli": {"agree": 1500, "contradict": 1800, "neutral": 1800},
    "perspectrum": {"agree": 1500, "contradict": 1500},
    "emergent": {"agree": 1238, "contradict": 395, "neutral": 962},
    "fever_symmetric": {"agree": 826, "contradict": 833},
    "climate_fever": {"agree": 900, "contradict": 802, "neutral": 1200},
    "healthver": {"agree": 700, "contradict": 816, "neutral": 500},
    "covidfact": {"agree": 900, "contradict": 1500},
    "fnc1": {"agree": 1500, "contradict": 840, "neutral": 1600},
    "arc": {"agree": 700, "contradict": 1000, "neutral": 800},
    "clef": {"agree": 801, "neutral": 801},
}
# sources whose agreeing pairs are news-style enough to seed augmentation
AUGMENT_SEEDS = ("clef", "emergent", "fnc1", "arc", "fever_symmetric", "covidfact", "sick")
MAX_BODY_WORDS = 60


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _paths(root: Path) -> dict[str, list[Path]]:
    st = root / "stance-train"
    return {
        "sick": [st / "sick_split" / "SICK.txt"],
        "snli": sorted((st / "snli_devtest_esnli").glob("[sl]*.[dt]e*")),
        "perspectrum": [st / "perspectrum" / "perspectrum_claim_perspective_pairs.tsv"],
        "emergent": [st / "emergent" / "url-versions-2015-06-14-clean.csv"],
        "fever_symmetric": sorted((st / "fever_symmetric").glob("fever_symmetric_*.jsonl")),
        "climate_fever": [st / "climate_fever" / "climate-fever.jsonl"],
        "healthver": [st / "healthver" / f"healthver_{s}.csv" for s in ("dev", "test")],
        "covidfact": [st / "covidfact" / "COVIDFACT_dataset.jsonl"],
        "fnc1": [st / "fnc1_train" / "train_stances_labeled.csv", st / "fnc1_train" / "train_bodies.csv"],
        "arc": [st / "arc_stance" / "arc_stances_train.csv", st / "arc_stance" / "arc_bodies.csv"],
        "clef": [root / "clef2020_task2" / "v3" / p for p in
                 ("verified_claims.docs.tsv", "train/tweets.queries.tsv", "train/tweet-vclaim-pairs.qrels")],
    }


def data_files(root: Path, caps=None) -> dict[str, str]:
    """``{path: sha256}`` for every file the mix reads (only sources in ``caps``)."""
    caps = DEFAULT_CAPS if caps is None else caps
    paths = _paths(Path(root))
    return {str(p): sha256_file(p) for name in caps for p in paths[name]}


def _sample_rows(table: pd.DataFrame, caps: dict[str, int], rng) -> pd.DataFrame:
    parts = []
    for label, cap in caps.items():
        rows = table[table["label"] == label]
        if len(rows) > cap:
            rows = rows.iloc[np.sort(rng.choice(len(rows), cap, replace=False))]
        parts.append(rows)
    return pd.concat(parts, ignore_index=True)


def _read_headline_source(name: str, files: list[Path], caps: dict[str, int], rng) -> pd.DataFrame:
    stances = pd.read_csv(files[0], dtype=str)
    mapped = stances["Stance"].map({"agree": "agree", "disagree": "contradict",
                                    "discuss": "neutral", "unrelated": "neutral"})
    keep = []
    for label, cap in caps.items():
        index = np.flatnonzero((mapped == label).to_numpy())
        if label == "neutral":  # half discuss, half unrelated
            index = np.concatenate([
                rng.permutation(np.flatnonzero((stances["Stance"] == s).to_numpy()))[: cap // 2]
                for s in ("discuss", "unrelated")])
        elif len(index) > cap:
            index = rng.choice(index, cap, replace=False)
        keep.extend(index.tolist())
    return sources.read_headline_body(files[0], files[1], name, rows=stances.index[sorted(keep)])


def _read(name: str, files: list[Path], caps, rng) -> pd.DataFrame:
    if name in ("fnc1", "arc"):
        return _read_headline_source(name, files, caps, rng)
    folder = files[0].parent
    readers = {"sick": sources.read_sick_train, "snli": sources.read_snli,
               "perspectrum": sources.read_perspectrum, "emergent": sources.read_emergent,
               "fever_symmetric": sources.read_fever_symmetric,
               "climate_fever": sources.read_climate_fever, "healthver": sources.read_healthver,
               "covidfact": sources.read_covidfact}
    if name == "clef":
        return sources.read_clef_train(files[0].parent)
    return readers[name](folder)


def _shorten(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_BODY_WORDS else " ".join(words[:MAX_BODY_WORDS])


def _news_table(paths) -> pd.DataFrame:
    """The rows of claimpairs-format files, in file order."""
    from narrcomp.evaluate.stance_data import load_claimpairs

    return pd.concat([load_claimpairs(path, "all") for path in paths], ignore_index=True)


def news_pairs(paths, repeat: int = 5) -> pd.DataFrame:
    """Hand-written news claim pairs (claimpairs format) as training rows.

    Every pair is used in both orders (the stance model is applied to both and
    averaged) and repeated ``repeat`` times, so that a few hundred natural news
    pairs weigh in a mix of tens of thousands. ``related`` and ``unrelated`` are
    ``neutral``. The source column is ``newspairs``.

    >>> import json, tempfile
    >>> from narrcomp.stance.training.mix import news_pairs
    >>> pair = {"id": "x-01", "topic": "t", "a": "The dam broke on 6 June.",
    ...         "b": "The dam was intact on 6 June.", "label": "contradict", "note": ""}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(json.dumps(pair) + "\\n")
    >>> rows = news_pairs([f.name], repeat=2)
    >>> len(rows), rows["b"].iloc[1]
    (4, 'The dam broke on 6 June.')
    """
    table = _news_table(paths)
    both = pd.concat([table[["a", "b", "label"]],
                      table[["b", "a", "label"]].set_axis(["a", "b", "label"], axis=1)],
                     ignore_index=True)
    rows = pd.concat([both] * int(repeat), ignore_index=True)
    rows["source"] = "newspairs"
    return rows[["a", "b", "label", "source"]]


# a trailing time expression: "on 7 April 2018", "in March 2017", "on Tuesday", "in 1999"
_TRAILING_TIME = re.compile(
    rf",?\s+(?:on|in)\s+(?:(?:\d{{1,2}}\s+)?(?:{'|'.join(MONTH_NAMES)})(?:\s+\d{{1,2}})?"
    rf"(?:,?\s+\d{{4}})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\d{{4}})\s*\.?$")



def restated_pairs(paths, repeat: int = 1) -> pd.DataFrame:
    """Agreements of a claim with itself and with itself less a trailing date.

    Every distinct claim of the news files is paired with itself, and a claim
    that ends in a time expression ("... in Douma on 7 April 2018.") with the
    same claim without it, in both orders; all labelled ``agree`` (a claim
    entails itself, and adding when it happened adds a detail, not a
    contradiction). Natural news contradictions often differ from their
    counterpart in one detail; these rows keep the model from reading every
    near-copy about a contested topic as a contradiction. Source ``restated``.

    >>> import json, tempfile
    >>> from narrcomp.stance.training.mix import restated_pairs
    >>> pair = {"id": "x-01", "topic": "t", "a": "Sarin was used in the attack on 4 April.",
    ...         "b": "Chlorine was used.", "label": "contradict", "note": ""}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(json.dumps(pair) + "\\n")
    >>> rows = restated_pairs([f.name])
    >>> sorted(set(rows["label"])), len(rows)
    (['agree'], 4)
    >>> rows["b"].iloc[2]
    'Sarin was used in the attack.'
    """
    table = _news_table(paths)
    claims = list(dict.fromkeys(table["a"].tolist() + table["b"].tolist()))
    rows = [(claim, claim) for claim in claims]
    for claim in claims:
        core = _TRAILING_TIME.sub("", claim).rstrip(" ,.")
        if core != claim.rstrip(" .") and len(core.split()) >= 4:
            rows += [(claim, core + "."), (core + ".", claim)]
    out = pd.DataFrame(rows * int(repeat), columns=["a", "b"])
    out["label"] = "agree"
    out["source"] = "restated"
    return out


def build_mix(root: Path, *, caps=None, augment_share: float = 0.2, seed: int = 0,
              augment_style: int = 1, news=None, news_repeat: int = 5, restated_repeat: int = 0,
              log=print) -> pd.DataFrame:
    """Read, cap, augment and shuffle the training pairs (columns a, b, label, source).

    ``augment_style`` is passed to :func:`~narrcomp.stance.training.augment.augment_pairs`.
    ``news`` (paths of claimpairs-format files) adds :func:`news_pairs`, repeated
    ``news_repeat`` times; without it the mix is the same rows as before the
    option existed. ``restated_repeat`` > 0 adds :func:`restated_pairs` of the
    same files that many times.
    """
    caps = DEFAULT_CAPS if caps is None else caps
    rng = np.random.default_rng(seed)
    paths = _paths(Path(root))
    frames = []
    for name in caps:
        table = _read(name, paths[name], caps[name], rng)
        table = _sample_rows(table, caps[name], rng)
        log(f"{name}: {len(table)} pairs {table['label'].value_counts().to_dict()}")
        frames.append(table)
    base = pd.concat(frames, ignore_index=True)
    base["a"] = base["a"].map(_shorten)
    base["b"] = base["b"].map(_shorten)
    seeds = base[(base["label"] == "agree") & base["source"].isin(AUGMENT_SEEDS)
                 & (base["a"].str.split().str.len() <= 40) & (base["b"].str.split().str.len() <= 40)]
    n_aug = int(round(len(base) * augment_share / (1 - augment_share)))
    augmented = augment_pairs(seeds.reset_index(drop=True), n_aug, rng, style=augment_style)
    log(f"augmented: {len(augmented)} pairs {augmented['label'].value_counts().to_dict()}")
    parts = [base, augmented]
    if news:
        natural = news_pairs(news, news_repeat)
        log(f"newspairs: {len(natural)} rows {natural['label'].value_counts().to_dict()}")
        parts.append(natural)
        if restated_repeat:
            restated = restated_pairs(news, restated_repeat)
            log(f"restated: {len(restated)} rows")
            parts.append(restated)
    mix = pd.concat(parts, ignore_index=True)
    return mix.iloc[rng.permutation(len(mix))].reset_index(drop=True)
