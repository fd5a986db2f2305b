"""Builders for the corpus tests' fixture files (always written under tmp_path)."""

from __future__ import annotations

import io
from pathlib import Path

ARTICLE_SENTENCES = [
    "The fact-finding mission said on Friday that it had found reasonable grounds to believe "
    "that chlorine was used as a weapon in Douma on 7 April 2018.",
    "According to the report, two yellow industrial cylinders were found at the scene, one on a "
    "rooftop terrace and one on a bed in an apartment below.",
    "The inspectors said they had interviewed witnesses, taken samples from the sites and "
    "analysed them in designated laboratories before reaching their conclusions.",
    "The Syrian government and its Russian allies have rejected the findings and called the "
    "incident a staged provocation by rebel groups.",
]

CLUTTER = [
    "World news section", "Sport and football scores", "We use cookies", "cookie policy",
    "Accept all cookies", "Sign in to your account", "Register for a free account", "Log in now",
    "Reader4521", "obviously fake", "Totally agree", "Related stories", "Missile strikes hit",
    "Watchdog chief defends", "All rights reserved",
]

_NAV = ('<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news section</a></li>'
        '<li><a href="/sport">Sport and football scores</a></li></ul></nav></header>')
_BANNERS = (
    '<div id="cookie-banner" class="banner">We use cookies to improve your experience on our website. '
    'By continuing to browse you accept our cookie policy and our privacy statement. '
    '<button>Accept all cookies</button></div>'
    '<div class="login-box"><form action="/login"><p>Sign in to your account to keep reading premium '
    'stories.</p><label>Email address</label><input name="email"><label>Password</label>'
    '<input type="password" name="pw"><button>Log in now</button>'
    '<p>New here? Register for a free account today.</p></form></div>'
)
_AFTER = (
    '<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Reader4521 wrote: '
    'This is obviously fake and everyone knows it, wake up people.</p></div><div class="comment"><p>'
    'JaneDoe replied: Totally agree with the previous commenter about everything here.</p></div></section>'
    '<aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Missile strikes hit '
    'Syrian research centre in overnight raid</a></li><li><a href="/b">Watchdog chief defends the '
    'integrity of the investigation</a></li></ul></aside>'
)
_FOOTER = "<footer><p>Copyright 2019 Example News. All rights reserved. Contact us.</p></footer>"
_HEAD = (
    '<head><meta charset="utf-8"><title>Douma report | Example News</title>'
    '<meta property="og:title" content="Inspectors publish Douma report">'
    '<meta property="og:site_name" content="Example News">'
    '<meta property="article:published_time" content="2019-03-01T09:30:00Z">'
    '<meta property="og:url" content="https://news.example.org/douma-report"></head>'
)


def article_html() -> str:
    """A news page: navigation, cookie banner, login form, article, comments, related links."""
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in ARTICLE_SENTENCES)
    article = f"<main><article><h1>Inspectors publish Douma report</h1>{paragraphs}</article>{_AFTER}</main>"
    return f"<!DOCTYPE html><html lang='en'>{_HEAD}<body>{_NAV}{_BANNERS}{article}{_FOOTER}</body></html>"


def no_article_html() -> str:
    """A page with navigation, banners and a footer but no article."""
    return f"<!DOCTYPE html><html lang='en'>{_HEAD}<body>{_NAV}{_BANNERS}{_FOOTER}</body></html>"


PDF_PAGES = ["Page one says chlorine was used in Douma.", "Page two says the cylinders were placed by hand."]


def pdf_bytes(pages=PDF_PAGES) -> bytes:
    """A PDF with one line of text per page, written by fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def encrypted_pdf_bytes(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


RUSSIAN = (
    "Российские военные заявили, что инцидент в Думе был постановкой. "
    "По словам министерства, местные жители не видели никакой химической атаки. "
    "Инспекторы ОЗХО не нашли следов нервно-паралитических веществ."
)

FRONT_MATTER_DOC = (
    "---\n"
    'title: "Bellingcat survey"\n'
    "source: Bellingcat\n"
    "kind: media\n"
    "date: 2018-04-11\n"
    "url: https://www.bellingcat.com/x\n"
    "digest: true\n"
    "---\n\n"
    "Bellingcat says the cylinders match those seen in earlier attacks.\n"
)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path
