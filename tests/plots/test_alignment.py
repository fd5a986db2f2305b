"""alignment table on the hand-built comparison."""

import pytest

from narrcomp.plots import alignment
from narrcomp.plots._style import STANCE_TINTS, STATUS_TINTS

from .helpers import assert_no_raw_markup


def test_table_in_reading_order_with_counterparts(comparison):
    fig = alignment(comparison, "d-b2")
    (table,) = fig.data
    assert table.type == "table"
    assert [h.replace("<b>", "").replace("</b>", "") for h in table.header.values] == [
        "#", "Claim", "Status", "Counterpart", "Score", "Stance"]
    sentence, claim, status, counterpart, score, stance = table.cells.values
    assert list(sentence) == ["1", "3"]
    assert list(status) == ["contradicted", "related"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in claim[0]
    assert "OPCW" in counterpart[0] and "smell of chlorine" in counterpart[0]
    assert list(score) == ["0.72", "0.58"]
    assert list(stance) == ["contradict", "neutral"]
    assert comparison.calls == [("alignment", "d-b2", None)]
    assert fig.layout.title.text == "d-b2 read against OPCW"
    assert_no_raw_markup(fig)


def test_cells_are_colour_coded_by_status_and_stance(comparison):
    fills = alignment(comparison, "d-b2").data[0].cells.fill.color
    assert list(fills[1]) == [STATUS_TINTS["contradicted"], STATUS_TINTS["related"]]
    assert list(fills[5]) == [STANCE_TINTS["contradict"], STANCE_TINTS["neutral"]]


def test_unmatched_claims_say_so(comparison):
    fig = alignment(comparison, "d-a2", against="Outlet B")
    assert comparison.calls[-1] == ("alignment", "d-a2", "Outlet B")
    _, claim, status, counterpart, score, stance = fig.data[0].cells.values
    assert "smell &amp; burning" in claim[0]
    assert list(counterpart) == ["no counterpart", "no counterpart"]
    assert list(score) == list(stance) == ["\u2014", "\u2014"]
    assert fig.layout.title.text == "d-a2 read against Outlet B"


def test_comparison_needs_a_document(comparison):
    with pytest.raises(TypeError, match="source_or_doc_id"):
        alignment(comparison)
    with pytest.raises(TypeError, match="The 'against' parameter of alignment"):
        alignment(comparison, "d-b2", against=3)
