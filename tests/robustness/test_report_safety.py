"""Hostile claim text renders inert in report.html, checked in headless Chromium."""

from __future__ import annotations

import pandas as pd
import pytest

from tests._browser import CHROMIUM_FLAGS, system_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = [
    "The convoy was hit <script>window.__pwned = 'script'; alert('script')</script> near Aleppo.",
    "The convoy was struck <img src=x onerror=\"window.__pwned='img'; alert('img')\"> from the air.",
    "Read <a href=\"javascript:window.__pwned='link'\">the full report</a> on the convoy strike.",
    "The strike killed <b>twenty</b> aid workers <span style=\"color:red\" onmouseover=\"alert(1)\">here</span>.",
    "No air strike took place; the convoy caught fire <iframe src=\"javascript:alert('iframe')\"></iframe>.",
]
SAFE = ["An air strike hit the aid convoy near Aleppo on 19 September 2016.",
        "Around twenty aid workers were killed when the convoy was struck from the air."]


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    import narrcomp
    from narrcomp.report import write_report

    claims = pd.DataFrame({
        "claim_id": [f"c{i}" for i in range(len(HOSTILE) + len(SAFE))],
        "source": ["Hostile"] * len(HOSTILE) + ["UN inquiry"] * len(SAFE),
        "kind": ["media"] * len(HOSTILE) + ["official"] * len(SAFE),
        "date": ["2016-09-20"] * (len(HOSTILE) + len(SAFE)),
        "text": HOSTILE + SAFE,
    })
    comparison = narrcomp.compare(claims, show_progress=False)
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(comparison, path, title="<script>alert('title')</script>")
    return path


def test_markup_is_escaped_in_the_file(hostile_report):
    html = hostile_report.read_text()
    for raw in ("<script>window.__pwned", "<img src=x onerror", "<a href=\"javascript:", "<iframe src=\"javascript:",
                "<script>alert('title')"):
        assert raw not in html, raw


def test_no_script_runs_in_chromium(hostile_report, tmp_path):
    chromium = system_chromium()
    if chromium is None:
        pytest.skip("no system Chromium (apt-get install chromium) for the browser test")
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs, errors = [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=[f for f in CHROMIUM_FLAGS if f != "--headless"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(hostile_report.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        # Hover every point of every figure: hover labels must not run markup either.
        for point in page.locator(".js-plotly-plot .scatterlayer .point").all()[:40]:
            try:
                point.hover(timeout=1000, force=True)
            except Exception:  # noqa: BLE001 - points may be hidden under others
                pass
        for link in page.locator("a").all()[:20]:
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        pwned = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
        n_plots = page.locator(".js-plotly-plot").count()
        page.screenshot(path=str(tmp_path / "hostile-report.png"), full_page=False)
        browser.close()
    assert dialogs == []
    assert pwned is None
    assert errors == [], errors
    assert n_plots >= 6
    assert "&lt;script&gt;" in hostile_report.read_text()
