"""Figures of a comparison, one module per chart family.

Every function takes a :class:`narrcomp.Comparison` or the DataFrame
its matching method returns, does no similarity math of its own, and returns
a :class:`plotly.graph_objects.Figure`. Sources keep their colour across all
figures of a comparison (:func:`source_colors`); corpus text is always
escaped, never rendered as markup.

>>> import narrcomp.plots as nplots
>>> fig = nplots.agreement_matrix(comparison)        # doctest: +SKIP
>>> nplots.save(fig, "agreement.html")               # doctest: +SKIP
"""

from narrcomp.plots._style import escape_text, source_colors, wrap_text
from narrcomp.plots.agreement import agreement_matrix
from narrcomp.plots.alignment import alignment
from narrcomp.plots.claim_map import claim_map
from narrcomp.plots.coverage import coverage
from narrcomp.plots.divergence import divergence
from narrcomp.plots.export import find_browser, save
from narrcomp.plots.narratives import narrative_matrix
from narrcomp.plots.timeline import timeline

__all__ = [
    "agreement_matrix",
    "claim_map",
    "alignment",
    "coverage",
    "timeline",
    "narrative_matrix",
    "divergence",
    "save",
    "find_browser",
    "source_colors",
    "escape_text",
    "wrap_text",
]
