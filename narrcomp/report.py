"""``report.html``: one self-contained file that summarises a comparison.

The report only composes: the corpus summary, every figure of
:mod:`narrcomp.plots`, the tables of contradicted and unique claims (with their
sources and character offsets) and the manifest, so a reader can reproduce it.
plotly.js is embedded once, so the file works offline; every piece of corpus
text is HTML-escaped (a claim containing ``<script>`` shows as text).
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pandas as pd

from narrcomp._version import __version__

__all__ = ["build_report", "write_report"]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1200px;
color:#222;line-height:1.45;padding:0 1rem}
h1{font-size:1.7rem;margin-bottom:.2rem} h2{margin-top:2.4rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;font-size:.86rem;margin:.6rem 0}
th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f5f5f5} .muted{color:#666;font-size:.9rem} .figure{margin:1rem 0 2rem}
pre{background:#f7f7f7;padding:1rem;overflow-x:auto;font-size:.8rem}
"""


def _esc(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _table(df: pd.DataFrame, columns: list[str], *, limit: int = 500, floats: int = 3) -> str:
    cols = [c for c in columns if c in df.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
    body = []
    for row in df[cols].head(limit).itertuples(index=False):
        cells = []
        for v in row:
            if isinstance(v, float):
                v = "" if v != v else f"{v:.{floats}f}"
            cells.append(f"<td>{_esc(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = f'<p class="muted">{len(df) - limit} more rows in the Parquet tables.</p>' if len(df) > limit else ""
    if not body:
        return '<p class="muted">None.</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def _figures(comparison) -> list[tuple[str, str, object]]:
    """(title, explanation, figure) for every chart; a chart that cannot be drawn
    for this comparison is replaced by its error message, never dropped silently."""
    from narrcomp import plots

    specs = [
        ("Divergence from the reference", "Share of each source's claims that the reference record agrees with, "
         "contradicts, only relates to, or does not address.", lambda: plots.divergence(comparison)),
        ("Agreement between sources", "Net agreement (share agreed minus share contradicted) of each source's "
         "claims with each other source.", lambda: plots.agreement_matrix(comparison)),
        ("Narratives", "Groups of claims that say the same thing, and which sources assert, contradict or are "
         "silent on each.", lambda: plots.narrative_matrix(comparison)),
        ("Coverage of the reference findings", "Which findings of the reference each source repeats, "
         "contradicts or omits.", lambda: plots.coverage(comparison)),
        ("Claim map", "Every claim in two dimensions (similar claims sit together), coloured by source; "
         "marker by status against the reference.", lambda: plots.claim_map(comparison, show_matches=True)),
        ("Timeline", "Claims over time by source and status.", lambda: plots.timeline(comparison)),
    ]
    for source in _non_reference_sources(comparison):
        specs.append((f"Alignment: {source}", "The document read top to bottom, each claim beside its "
                      "counterpart in the reference and the stance.",
                      (lambda s=source: plots.alignment(comparison, s))))
    out = []
    for title, text, make in specs:
        try:
            out.append((title, text, make()))
        except Exception as exc:  # noqa: BLE001 - a report shows what failed instead of failing whole
            out.append((title, text, f"This figure could not be drawn: {type(exc).__name__}: {exc}"))
    return out


def _non_reference_sources(comparison) -> list[str]:
    claims = comparison.claims
    return sorted(claims.loc[~claims["is_reference"], "source"].astype(str).unique())


def build_report(comparison, *, documents: pd.DataFrame | None = None, errors: pd.DataFrame | None = None,
                 title: str = "narrcomp report") -> str:
    """Return the report as one HTML string (plotly.js embedded)."""
    from plotly.offline import get_plotlyjs

    from narrcomp.comparison.persist import build_manifest

    manifest = comparison.manifest or build_manifest(comparison)
    claims = comparison.claims
    parts = [f"<h1>{_esc(title)}</h1>",
             f'<p class="muted">narrcomp {_esc(__version__)} &middot; manifest {_esc(manifest["manifest_sha256"][:16])}'
             f" &middot; reference: {_esc(', '.join(comparison.reference_sources) or 'none')}</p>",
             "<h2>Corpus</h2>"]
    if documents is not None:
        parts.append(f"<p>{len(documents)} documents, {len(claims)} claims, {len(comparison.matches)} matched "
                     f"pairs{'' if errors is None else f', {len(errors)} files failed to load'}.</p>")
        n = claims.groupby("doc_id").size().rename("n_claims")
        docs = documents.merge(n, left_on="doc_id", right_index=True, how="left").fillna({"n_claims": 0})
        parts.append(_table(docs, ["source", "kind", "date", "title", "n_chars", "n_claims", "url", "doc_id"]))
        if errors is not None and len(errors):
            parts.append("<h3>Files that failed to load</h3>" + _table(errors, ["path", "error"]))
    else:
        parts.append(f"<p>{len(claims)} claims from {claims['source'].nunique()} sources, "
                     f"{len(comparison.matches)} matched pairs.</p>")
    parts.append("<h2>Status against the reference</h2>")
    parts.append(_table(comparison.divergence(), ["source", "n_claims", "n_agreed", "n_contradicted", "n_related",
                                                  "n_unmatched", "divergence"]))
    for fig_title, text, fig in _figures(comparison):
        parts.append(f"<h2>{_esc(fig_title)}</h2><p class='muted'>{_esc(text)}</p>")
        if isinstance(fig, str):
            parts.append(f"<p><em>{_esc(fig)}</em></p>")
        else:
            parts.append('<div class="figure">' + fig.to_html(full_html=False, include_plotlyjs=False,
                                                             config={"displaylogo": False}) + "</div>")
    contradicted = comparison.contradicted()
    parts.append("<h2>Claims contradicted by the reference</h2>")
    parts.append(_table(contradicted, ["source", "text", "attribution", "start", "end", "page",
                                       "reference_source", "reference_text"]))
    parts.append("<h2>Claims no other source makes</h2>")
    parts.append(_table(comparison.unique(), ["source", "text", "attribution", "start", "end", "page",
                                              "best_score"]))
    parts.append("<h2>Manifest</h2><p class='muted'>Everything needed to reproduce these numbers.</p>")
    parts.append(f"<pre>{_esc(json.dumps(manifest, indent=2, sort_keys=True))}</pre>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{_esc(title)}</title>"
            f"<style>{_CSS}</style><script type='text/javascript'>{get_plotlyjs()}</script></head><body>"
            + "\n".join(parts) + "</body></html>")


def write_report(comparison, path, **kwargs) -> Path:
    """Write :func:`build_report` to ``path`` atomically and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(build_report(comparison, **kwargs), encoding="utf-8")
    os.replace(tmp, path)
    return path
