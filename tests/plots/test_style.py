"""Palette and text helpers shared by all figures."""

import pytest

from narrcomp.plots import _style
from narrcomp.plots._style import (
    COVERAGE_COLORS, POSITION_COLORS, STATUS_COLORS, escape_text, source_colors, wrap_text,
)


def test_source_colors_depend_only_on_the_sorted_set():
    a = source_colors(["Outlet B", "OPCW", "Outlet A"])
    b = source_colors(["Outlet A", "Outlet A", "OPCW", "Outlet B"])
    assert a == b
    assert list(a) == ["OPCW", "Outlet A", "Outlet B"]
    assert len(set(a.values())) == 3


def test_source_colors_start_with_okabe_ito_then_tol():
    colors = source_colors([f"s{i:02d}" for i in range(10)])
    assert list(colors.values())[:7] == list(_style.OKABE_ITO)
    assert list(colors.values())[7:] == list(_style.TOL_MUTED[:3])


def test_status_colours_are_distinct_and_fixed():
    for palette in (STATUS_COLORS, COVERAGE_COLORS, POSITION_COLORS):
        assert len(set(palette.values())) == len(palette)
    assert STATUS_COLORS["contradicted"] == COVERAGE_COLORS["contradicted"] == \
        POSITION_COLORS["contradicts"]


def test_escape_text_neutralises_markup():
    assert escape_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape_text("<b>bold</b> & co") == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert escape_text("already &amp; escaped") == "already &amp;amp; escaped"


def test_wrap_text_escapes_each_line_and_never_splits_an_entity():
    text = "Witnesses said they smelled nothing unusual <script>alert(1)</script>."
    wrapped = wrap_text(text, width=20)
    lines = wrapped.split("<br>")
    assert len(lines) >= 3
    assert "<script>" not in wrapped and "&lt;script&gt;" in wrapped
    for line in lines:
        assert line.count("&") == line.count(";")  # entities stay whole


def test_wrap_text_truncates_with_ellipsis():
    wrapped = wrap_text("Chlorine was likely used as a chemical weapon in Douma", 15, max_lines=2)
    assert wrapped.count("<br>") == 1
    assert wrapped.endswith("\u2026")


def test_wrap_text_checks_its_parameters():
    with pytest.raises(ValueError, match="The 'width' parameter of wrap_text must be an int >= 10"):
        wrap_text("text", width=3)
