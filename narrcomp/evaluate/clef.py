"""Reader and evaluation for CLEF 2020 CheckThat! task 2 (verified claim retrieval).

Given a tweet, find the Snopes verified claim it makes among 10,375. The data
stays where the user keeps it (``path`` is the folder holding ``v3/`` and
``test/`` as unpacked from the organisers' repository
``sshaar/clef2020-factchecking-task2``)::

    path/v3/verified_claims.docs.tsv        vclaim_id, vclaim, title
    path/v3/{train,dev}/tweets.queries.tsv  tweet_id, tweet_content
    path/v3/{train,dev}/tweet-vclaim-pairs.qrels
    path/test/tweets.queries.tsv
    path/test/tweet-vclaim-pairs.qrels      (gold, released as v4.0)

The official metric is MAP@5. Report ``split="test"``; tune on train/dev.

Examples
--------
>>> queries, vclaims, qrels = load_clef2020("../shared/eval/clef2020_task2", "dev")  # doctest: +SKIP
>>> evaluate_clef2020("../shared/eval/clef2020_task2", "test")["map@5"]  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from narrcomp._validation import check_choice, check_int, param_error
from narrcomp.evaluate.retrieval import retrieval_report

__all__ = ["load_clef2020", "evaluate_clef2020", "SPLITS"]

SPLITS = ("train", "dev", "test")
_VCLAIMS = "verified_claims.docs.tsv"
_QUERIES = "tweets.queries.tsv"
_QRELS = "tweet-vclaim-pairs.qrels"


def load_clef2020(path, split: str = "test") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read one split of CLEF 2020 CheckThat! task 2.

    Parameters
    ----------
    path : str or Path
        Folder holding ``v3/`` (and ``test/`` for the test split).
    split : {"train", "dev", "test"}, default "test"

    Returns
    -------
    queries : DataFrame
        ``claim_id`` (the tweet id, str) and ``text`` (the tweet as given).
    vclaims : DataFrame
        ``claim_id`` (the vclaim id, str), ``vclaim``, ``title`` and ``text``
        (``vclaim`` and ``title`` joined by a space: the text to match).
    qrels : DataFrame
        ``query_id``, ``candidate_id`` (str ids) and ``relevance`` (int).

    Both tables can go straight into :func:`narrcomp.match`, and its result
    with ``qrels`` into :mod:`narrcomp.evaluate.retrieval`.
    """
    split = check_choice(split, "split", "load_clef2020", SPLITS)
    root = _root(path)
    folder = root / "test" if split == "test" else root / "v3" / split
    queries = _read_tsv(folder / _QUERIES, ["claim_id", "text"])
    vclaims = _read_tsv(root / "v3" / _VCLAIMS, ["claim_id", "vclaim", "title"])
    vclaims["text"] = (vclaims["vclaim"].str.strip() + " " + vclaims["title"].str.strip()).str.strip()
    qrels = _read_qrels(folder / _QRELS)
    return queries, vclaims, qrels


def evaluate_clef2020(path, split: str = "test", method: str = "auto", model=None, *,
                      ks: Iterable[int] = (1, 3, 5, 10), show_progress: bool | None = None,
                      **match_options) -> dict:
    """Match a CLEF 2020 task 2 split and score it.

    Parameters
    ----------
    path, split
        As :func:`load_clef2020`.
    method, model
        Passed to :func:`narrcomp.match`, with any other ``match_options``.
    ks : iterable of int, default (1, 3, 5, 10)
        Cut-offs; the retrieval depth is ``max(ks)``.

    Returns
    -------
    dict
        ``"map@k"``, ``"recall@k"``, ``"success@k"`` for each ``k``, ``"mrr"``
        (within ``max(ks)``), ``"n_queries"``, ``"split"`` and ``"method"``.
    """
    from narrcomp.matching import match

    ks = [check_int(k, "ks", "evaluate_clef2020", min=1) for k in ks]
    if not ks:
        raise param_error("ks", "evaluate_clef2020", "a non-empty sequence of ints >= 1", ks)
    queries, vclaims, qrels = load_clef2020(path, split)
    found = match(queries, vclaims, k=max(ks), method=method, model=model,
                  show_progress=show_progress, **match_options)
    report = retrieval_report(found, qrels, ks=ks).set_index("k")
    out: dict = {"split": split, "method": method}
    for k in ks:
        for name in ("map", "recall", "success"):
            out[f"{name}@{k}"] = float(report.loc[k, name])
    out["mrr"] = float(report.loc[max(ks), "mrr"])
    out["n_queries"] = int(report.loc[max(ks), "n_queries"])
    return out


def _root(path) -> Path:
    root = Path(path).expanduser()
    if not (root / "v3").is_dir():
        raise FileNotFoundError(
            f"{root}: not a CLEF 2020 task 2 folder (no 'v3' sub-folder; give the folder that "
            "holds v3/ and test/ from sshaar/clef2020-factchecking-task2)"
        )
    return root


def _read_tsv(file: Path, columns: list[str]) -> pd.DataFrame:
    if not file.is_file():
        raise FileNotFoundError(f"{file}: CLEF 2020 task 2 file not found")
    table = pd.read_csv(file, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8")
    if table.shape[1] != len(columns):
        raise ValueError(f"{file}: expected {len(columns)} tab-separated columns "
                         f"({', '.join(columns)}), found {table.shape[1]}")
    table.columns = columns
    table["claim_id"] = table["claim_id"].str.strip()
    return table


def _read_qrels(file: Path) -> pd.DataFrame:
    if not file.is_file():
        raise FileNotFoundError(f"{file}: CLEF 2020 task 2 file not found")
    table = pd.read_csv(file, sep=r"\s+", header=None, dtype=str, engine="python")
    if table.shape[1] != 4:
        raise ValueError(f"{file}: expected TREC qrels (query 0 doc relevance), "
                         f"found {table.shape[1]} columns")
    return pd.DataFrame({"query_id": table[0], "candidate_id": table[2],
                         "relevance": table[3].astype(int)})
