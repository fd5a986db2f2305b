"""Shared look of every narrcomp figure: palette, text escaping, layout.

One palette serves a whole comparison: :func:`source_colors` gives each
source a colour from the *sorted* list of all sources, so a source keeps its
colour in every figure drawn from the same comparison. Status colours are
fixed. All colours come from colour-blind-safe palettes (Okabe & Ito 2008,
then Paul Tol's "muted" scheme).

Plotly renders a subset of HTML in hover labels, tick labels and table cells,
so every text that comes from a corpus goes through :func:`escape_text` or
:func:`wrap_text` before it reaches a figure.
"""

from __future__ import annotations

import html
import textwrap
from typing import Iterable, Mapping

import plotly.graph_objects as go

from narrcomp._validation import check_int

__all__ = [
    "OKABE_ITO",
    "TOL_MUTED",
    "STATUS_COLORS",
    "COVERAGE_COLORS",
    "POSITION_COLORS",
    "STANCE_COLORS",
    "source_colors",
    "escape_text",
    "wrap_text",
]

#: Okabe-Ito palette without black (kept for text), most distinct first.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
             "#D55E00", "#F0E442")
#: Paul Tol's muted palette, used once Okabe-Ito is exhausted.
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
             "#DDCC77", "#CC6677", "#882255", "#AA4499")
_SOURCE_PALETTE = OKABE_ITO + TOL_MUTED

BLUE, VERMILLION, SKY, GREY, LIGHT_GREY = "#0072B2", "#D55E00", "#56B4E9", "#999999", "#DDDDDD"

#: Status of a claim against the other sources (``Comparison.claims.status``).
STATUS_COLORS = {"agreed": BLUE, "contradicted": VERMILLION, "related": SKY, "unmatched": GREY}
#: Light tints of the status colours, for table cells holding black text.
STATUS_TINTS = {"agreed": "#C6DBEF", "contradicted": "#F6C8A8", "related": "#DDEFFA",
                "unmatched": "#EEEEEE"}
#: Status of a reference finding in a source (``Comparison.coverage().status``).
COVERAGE_COLORS = {"repeated": BLUE, "contradicted": VERMILLION, "omitted": LIGHT_GREY}
#: Position of a source on a narrative (``Comparison.narratives().position``).
POSITION_COLORS = {"asserts": BLUE, "contradicts": VERMILLION, "silent": LIGHT_GREY}
#: Stance of a matched pair (``Comparison.matches.stance``).
STANCE_COLORS = {"agree": BLUE, "contradict": VERMILLION, "neutral": SKY}
STANCE_TINTS = {"agree": STATUS_TINTS["agreed"], "contradict": STATUS_TINTS["contradicted"],
                "neutral": STATUS_TINTS["related"]}
#: Marker symbols by status in scatter plots (shape carries status, colour the source).
STATUS_SYMBOLS = {"agreed": "circle", "contradicted": "x", "related": "diamond",
                  "unmatched": "circle-open"}
#: Diverging scale from "contradicted" (-1) through neutral (0) to "agreed" (+1).
DIVERGING_SCALE = [[0.0, VERMILLION], [0.5, "#F7F7F7"], [1.0, BLUE]]

FONT = dict(family="Arial, Helvetica, sans-serif", size=13, color="#222222")
MISSING = "\u2014"  # em dash shown for an absent value


def source_colors(sources: Iterable[str]) -> dict[str, str]:
    """Give each source a stable colour.

    The colour depends only on the source's position in the sorted list of
    distinct sources, so passing all sources of a comparison gives the same
    mapping in every figure. After 16 sources the palette repeats.

    Parameters
    ----------
    sources : iterable of str
        All sources of the comparison (duplicates and order do not matter).

    Returns
    -------
    dict
        ``{source: "#RRGGBB"}``.

    Examples
    --------
    >>> source_colors(["Outlet B", "OPCW", "Outlet A", "OPCW"])
    {'OPCW': '#0072B2', 'Outlet A': '#E69F00', 'Outlet B': '#009E73'}
    """
    names = sorted({str(s) for s in sources})
    return {name: _SOURCE_PALETTE[i % len(_SOURCE_PALETTE)] for i, name in enumerate(names)}


def escape_text(text) -> str:
    """Escape a corpus text so plotly shows it as text, never as markup.

    Examples
    --------
    >>> escape_text("<script>alert(1)</script> & co")
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
    >>> escape_text(None)
    '—'
    """
    if text is None or (isinstance(text, float) and text != text):
        return MISSING
    return html.escape(str(text), quote=False)


def wrap_text(text, width: int = 60, max_lines: int | None = None) -> str:
    """Escape ``text`` and wrap it into lines joined by ``<br>``.

    Parameters
    ----------
    text : str
        Raw corpus text (may contain ``<``, ``&`` ...).
    width : int
        Maximum characters per line.
    max_lines : int or None
        Keep at most this many lines, ending the last with an ellipsis.

    Examples
    --------
    >>> wrap_text("Chlorine was likely used as a weapon in <Douma>", width=20)
    'Chlorine was likely<br>used as a weapon in<br>&lt;Douma&gt;'
    >>> wrap_text("one two three four five six", width=14, max_lines=1)
    'one two three…'
    """
    width = check_int(width, "width", "wrap_text", min=10)
    max_lines = check_int(max_lines, "max_lines", "wrap_text", min=1, allow_none=True)
    if text is None or (isinstance(text, float) and text != text):
        return MISSING
    lines = textwrap.wrap(str(text), width=width, break_long_words=True,
                          break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" .,;:") + "\u2026"
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def source_label(source: str, colors: Mapping[str, str]) -> str:
    """Escaped source name preceded by a square in the source's colour."""
    color = colors.get(source, GREY)
    return f'<span style="color:{color}">\u25A0</span> {escape_text(source)}'


def base_layout(fig: go.Figure, title: str | None, *, height: int | None = None,
                width: int | None = None) -> go.Figure:
    """Apply the shared template, font and margins to ``fig`` (in place)."""
    fig.update_layout(
        template="plotly_white",
        font=FONT,
        title=dict(text=escape_text(title) if title else None, x=0.01, xanchor="left"),
        hoverlabel=dict(align="left", bgcolor="white", font=dict(size=12)),
        margin=dict(l=20, r=20, t=70 if title else 30, b=40),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
    )
    if height is not None:
        fig.update_layout(height=height)
    if width is not None:
        fig.update_layout(width=width)
    return fig


def empty_figure(title: str | None, message: str) -> go.Figure:
    """A figure with no data and a centred note saying why."""
    fig = go.Figure()
    fig.add_annotation(text=escape_text(message), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font=dict(size=15, color=GREY))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title, height=300)


def stepped_scale(colors: list[str]) -> list[list]:
    """Discrete colourscale for integer codes ``0 .. len(colors) - 1``."""
    n = len(colors)
    scale = []
    for i, color in enumerate(colors):
        scale.append([i / n, color])
        scale.append([(i + 1) / n, color])
    return scale


def categorical_heatmap(codes, categories: list[str], colors: Mapping[str, str], *,
                        x: list[str], y: list[str], hovertext, text=None,
                        legend_title: str) -> go.Heatmap:
    """Heatmap of category codes (``0 .. len(categories) - 1``) with a labelled colourbar.

    ``x`` and ``y`` must already be escaped display labels.
    """
    n = len(categories)
    return go.Heatmap(
        z=codes, x=x, y=y, zmin=-0.5, zmax=n - 0.5,
        colorscale=stepped_scale([colors[c] for c in categories]),
        hovertext=hovertext, hovertemplate="%{hovertext}<extra></extra>",
        text=text, texttemplate="%{text}" if text is not None else None,
        xgap=2, ygap=2,
        colorbar=dict(title=dict(text=legend_title), tickvals=list(range(n)),
                      ticktext=categories, lenmode="pixels", len=40 * n + 20,
                      y=1, yanchor="top"),
    )
