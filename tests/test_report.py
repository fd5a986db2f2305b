"""report.html: self-contained, every figure, escaped text, the manifest."""

import re

from narrcomp.report import build_report


def test_report_is_self_contained_and_complete(tiny_comparison):
    html = build_report(tiny_comparison, title="Tiny <test>")
    assert "<title>Tiny &lt;test&gt;</title>" in html
    # plotly.js is inline: nothing is loaded from elsewhere.
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html)
    assert "Plotly" in html
    assert html.count("Plotly.newPlot") >= 7  # every figure, including one alignment per non-reference source
    for heading in ("Divergence from the reference", "Agreement between sources", "Narratives",
                    "Coverage of the reference findings", "Claim map", "Timeline", "Alignment: Outlet",
                    "Claims contradicted by the reference", "Claims no other source makes", "Manifest"):
        assert heading in html, heading
    assert tiny_comparison.manifest is None or tiny_comparison.manifest["manifest_sha256"] in html
    assert "could not be drawn" not in html


def test_claim_text_is_escaped(tiny_comparison):
    comparison = tiny_comparison
    claims = comparison.claims.copy()
    i = claims.index[claims["source"] == "Outlet"][0]
    claims.loc[i, "text"] = 'Evil <script>alert(1)</script> <img src=x onerror=alert(2)>'
    claims.loc[i, "status"] = "contradicted"
    hacked = type(comparison)(claims=claims, matches=comparison.matches, embeddings=comparison.embeddings,
                              params=comparison.params, models=comparison.models)
    html = build_report(hacked)
    assert "<script>alert(1)</script>" not in html
    assert not re.search(r"<img src=x onerror", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
