import bisect

import pandas as pd
import pytest

from narrcomp.corpus.readers import read_file, read_html, read_pdf, read_sheet, read_text
from narrcomp.errors import CorpusError

from ._builders import (
    ARTICLE_SENTENCES, CLUTTER, FRONT_MATTER_DOC, PDF_PAGES, RUSSIAN, article_html, encrypted_pdf_bytes,
    no_article_html, pdf_bytes, write,
)


def reason(exc_info) -> str:
    return exc_info.value.reason


# -- text ---------------------------------------------------------------------------------------

def test_markdown_front_matter(tmp_path):
    doc, = read_text(write(tmp_path / "b.md", FRONT_MATTER_DOC))
    assert doc.text == "Bellingcat says the cylinders match those seen in earlier attacks.\n"
    assert doc.meta == {"title": "Bellingcat survey", "source": "Bellingcat", "kind": "media",
                        "date": "2018-04-11", "url": "https://www.bellingcat.com/x"}
    assert doc.page_starts is None


def test_windows_1251_file(tmp_path):
    doc, = read_text(write(tmp_path / "ru.txt", RUSSIAN, encoding="cp1251"))
    assert doc.text == RUSSIAN


def test_utf16_file(tmp_path):
    doc, = read_text(write(tmp_path / "u.txt", RUSSIAN, encoding="utf-16"))
    assert doc.text == RUSSIAN


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.html", "empty.csv", "empty.xlsx"])
def test_zero_byte_files(tmp_path, name):
    with pytest.raises(CorpusError) as info:
        read_file(write(tmp_path / name, b""))
    assert reason(info) == "empty file (0 bytes)"


def test_binary_file(tmp_path):
    with pytest.raises(CorpusError) as info:
        read_text(write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    assert reason(info) == "binary file, not text"


def test_front_matter_only_has_no_text(tmp_path):
    with pytest.raises(CorpusError, match="file has no text"):
        read_text(write(tmp_path / "a.md", "---\ntitle: x\n---\n\n"))


# -- HTML ---------------------------------------------------------------------------------------

def test_html_keeps_only_the_article(tmp_path):
    doc, = read_html(write(tmp_path / "page.html", article_html()))
    for sentence in ARTICLE_SENTENCES:
        assert sentence in doc.text
    for clutter in CLUTTER:
        assert clutter not in doc.text
    assert doc.meta == {"title": "Inspectors publish Douma report", "source": "Example News", "kind": None,
                        "date": "2019-03-01", "url": "https://news.example.org/douma-report"}


def test_html_in_windows_1251(tmp_path):
    page = f"<html><head><meta charset='windows-1251'></head><body><article><p>{RUSSIAN}</p></article></body></html>"
    doc, = read_html(write(tmp_path / "ru.htm", page, encoding="cp1251"))
    assert "Инспекторы ОЗХО не нашли следов" in doc.text


def test_html_without_article(tmp_path):
    with pytest.raises(CorpusError) as info:
        read_html(write(tmp_path / "nav.html", no_article_html()))
    assert reason(info) == "HTML with no article text"


# -- PDF ----------------------------------------------------------------------------------------

def test_pdf_pages_and_page_starts(tmp_path):
    doc, = read_pdf(write(tmp_path / "r.pdf", pdf_bytes()))
    assert doc.text == "\n\n".join(PDF_PAGES)
    assert doc.page_starts == [0, len(PDF_PAGES[0]) + 2]
    second = doc.text.index("cylinders")
    assert bisect.bisect_right(doc.page_starts, second) == 2
    assert bisect.bisect_right(doc.page_starts, doc.text.index("chlorine")) == 1
    start, end = doc.page_starts[1], len(doc.text)
    assert doc.text[start:end] == PDF_PAGES[1]


def test_pdf_blank_page_keeps_page_numbers(tmp_path):
    doc, = read_pdf(write(tmp_path / "r.pdf", pdf_bytes(["First page text.", "", "Third page text."])))
    assert len(doc.page_starts) == 3
    assert doc.text[doc.page_starts[2]:] == "Third page text."


def test_encrypted_pdf_needs_password(tmp_path):
    with pytest.raises(CorpusError) as info:
        read_pdf(write(tmp_path / "locked.pdf", encrypted_pdf_bytes("secret")))
    assert reason(info) == "encrypted PDF (password required)"


def test_encrypted_pdf_with_empty_password_loads(tmp_path):
    doc, = read_pdf(write(tmp_path / "open.pdf", encrypted_pdf_bytes("")))
    assert doc.text == "\n\n".join(PDF_PAGES)


def test_truncated_pdf(tmp_path):
    data = pdf_bytes()
    with pytest.raises(CorpusError) as info:
        read_pdf(write(tmp_path / "cut.pdf", data[: len(data) // 2]))
    assert reason(info).startswith("damaged or truncated PDF: ")


def test_not_a_pdf(tmp_path):
    with pytest.raises(CorpusError) as info:
        read_pdf(write(tmp_path / "fake.pdf", "This is a text file with a .pdf name."))
    assert reason(info) == "damaged or truncated PDF: not a PDF (no %PDF header)"


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(CorpusError) as info:
        read_pdf(write(tmp_path / "scan.pdf", pdf_bytes(["", ""])))
    assert reason(info) == "PDF has no text layer (scanned?)"


# -- claim sheets -------------------------------------------------------------------------------

CLAIMS = pd.DataFrame({
    "text": ["Chlorine was used in Douma.", "No attack took place.", None],
    "source": ["OPCW FFM", "Russian MoD", None],
    "date": ["2019-03-01", "2018-04-13", None],
    "url": ["https://opcw.org", None, None],
})


def test_claim_sheet_csv(tmp_path):
    path = tmp_path / "claims.csv"
    CLAIMS.to_csv(path, index=False)
    docs = read_sheet(path)
    assert [(d.text, d.meta["source"], d.row) for d in docs] == [
        ("Chlorine was used in Douma.", "OPCW FFM", 2), ("No attack took place.", "Russian MoD", 3)]
    assert docs[0].meta["url"] == "https://opcw.org" and docs[1].meta["url"] is None
    assert docs[1].meta["date"] == "2018-04-13"


def test_claim_sheet_xlsx(tmp_path):
    path = tmp_path / "claims.xlsx"
    frame = CLAIMS.rename(columns={"text": "Text", "source": "Source"})
    frame["date"] = pd.to_datetime(frame["date"])
    frame.to_excel(path, index=False)
    docs = read_sheet(path)
    assert [(d.text, d.meta["source"], d.meta["date"]) for d in docs] == [
        ("Chlorine was used in Douma.", "OPCW FFM", "2019-03-01"),
        ("No attack took place.", "Russian MoD", "2018-04-13")]


def test_sheet_missing_columns(tmp_path):
    path = write(tmp_path / "notes.csv", "claim,outlet\nChlorine was used.,OPCW\n")
    with pytest.raises(CorpusError) as info:
        read_sheet(path)
    assert reason(info) == "claim sheet is missing column(s): text, source"


def test_sheet_rows_without_text_or_source_carry_an_error(tmp_path):
    path = write(tmp_path / "claims.csv", "text,source\nFirst claim.,OPCW\nSecond claim.,\n,\n,Bellingcat\n")
    docs = read_sheet(path)
    assert [(d.row, d.error) for d in docs] == [
        (2, None), (3, "claim sheet row has no source"), (5, "claim sheet row has no text")]


def test_sheet_with_header_only(tmp_path):
    with pytest.raises(CorpusError, match="claim sheet has no rows"):
        read_sheet(write(tmp_path / "claims.csv", "text,source\n"))


def test_damaged_workbook(tmp_path):
    with pytest.raises(CorpusError, match="damaged spreadsheet"):
        read_sheet(write(tmp_path / "bad.xlsx", b"PK\x03\x04 not really a zip file"))


def test_unsupported_extension(tmp_path):
    with pytest.raises(CorpusError, match="unsupported file type '.docx'"):
        read_file(write(tmp_path / "a.docx", "x"))
