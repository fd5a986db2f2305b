"""save(): self-contained HTML, static formats through kaleido, and a real render in Chromium."""

from __future__ import annotations

import re
import subprocess

import pytest

from narrcomp.errors import NarrcompError
from narrcomp.plots import (
    agreement_matrix, alignment, claim_map, coverage, divergence, find_browser,
    narrative_matrix, save, timeline,
)

FIGURES = {
    "agreement_matrix": lambda c: agreement_matrix(c),
    "claim_map": lambda c: claim_map(c, show_matches=True),
    "alignment": lambda c: alignment(c, "d-b2"),
    "coverage": lambda c: coverage(c),
    "timeline": lambda c: timeline(c),
    "narrative_matrix": lambda c: narrative_matrix(c),
    "divergence": lambda c: divergence(c),
}
BROWSER = find_browser()
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no Chrome/Chromium found (apt-get install -y chromium, or set "
                            "BROWSER_PATH)")


def test_html_is_self_contained_and_reproducible(comparison, tmp_path):
    fig = divergence(comparison)
    first = save(fig, tmp_path / "a" / "divergence.html")
    second = save(fig, tmp_path / "b.html")
    html = first.read_text(encoding="utf-8")
    assert first.exists() and first.parent.name == "a"
    assert not re.search(r"<script[^>]+src=", html)  # plotly.js is inlined, no CDN
    assert "Plotly.newPlot" in html and len(html) > 1_000_000
    assert first.read_bytes() == second.read_bytes()


def test_html_keeps_claim_text_escaped(comparison, tmp_path):
    html = save(claim_map(comparison), tmp_path / "map.html").read_text(encoding="utf-8")
    # plotly's JSON encoder writes < > / as \u003c \u003e \u002f inside the page
    assert r"&lt;script&gt;alert(1)&lt;\u002fscript&gt;" in html
    assert "<script>alert(1)" not in html and r"\u003cscript\u003ealert" not in html


def test_format_and_path_checks(comparison, tmp_path):
    fig = divergence(comparison)
    with pytest.raises(ValueError, match="The 'format' parameter of save must be one of"):
        save(fig, tmp_path / "fig.jpeg")
    with pytest.raises(TypeError, match="The 'fig' parameter of save"):
        save({"data": []}, tmp_path / "fig.html")
    with pytest.raises(ValueError, match="The 'scale' parameter of save"):
        save(fig, tmp_path / "fig.png", scale=0)
    written = save(fig, tmp_path / "fig.out", format="html")
    assert written.read_bytes().startswith(b"<!doctype html>")


def test_static_export_without_browser_names_the_fix(comparison, tmp_path):
    with pytest.raises(NarrcompError, match="apt-get install -y chromium") as info:
        save(divergence(comparison), tmp_path / "fig.png", browser_path=tmp_path / "no-chrome")
    assert "fig.png" in str(info.value)
    assert not (tmp_path / "fig.png").exists()


def test_browser_path_env_var_is_honoured(monkeypatch, tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert find_browser() == str(fake)
    assert find_browser(tmp_path / "missing") is None


@pytest.mark.browser
@needs_browser
def test_png_through_kaleido(comparison, tmp_path):
    out = save(divergence(comparison), tmp_path / "divergence.png", width=800, height=400)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _render(page, tmp_path):
    """Open ``page`` in headless Chromium once: DOM on stdout, console on stderr, screenshot."""
    shot = page.with_suffix(".png")
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / page.stem}",
               "--enable-logging=stderr", "--v=0", "--window-size=1200,900",
               "--hide-scrollbars", f"--screenshot={shot}", "--dump-dom", page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=90), shot


@pytest.mark.browser
@needs_browser
def test_render_check_catches_a_javascript_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>undefinedFunction();</script></body></html>")
    dom, _ = _render(page, tmp_path)
    assert "Uncaught" in dom.stderr
    assert "main-svg" not in dom.stdout


@pytest.mark.browser
@needs_browser
def test_every_figure_renders_in_chromium(comparison, tmp_path):
    """Each figure's HTML opens without a JavaScript error and draws plotly's SVG.

    Screenshots stay in ``tmp_path`` (``<figure>.png``) for a human look.
    """
    for name, make in FIGURES.items():
        page = save(make(comparison), tmp_path / f"{name}.html")
        dom, shot = _render(page, tmp_path)
        assert "Uncaught" not in dom.stderr, f"{name}: {dom.stderr[-2000:]}"
        assert 'class="main-svg"' in dom.stdout, name
        assert "<script>alert(1)</script>" not in dom.stdout, name
        assert shot.exists() and shot.stat().st_size > 10_000, name
