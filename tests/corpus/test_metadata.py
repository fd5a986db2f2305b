import datetime as dt
import hashlib

import lxml.html
import pytest

from narrcomp.corpus.metadata import (
    clean_metadata, doc_id, guess_language, html_metadata, normalize_date, sha256_text, split_front_matter,
)

from ._builders import FRONT_MATTER_DOC, RUSSIAN, article_html


def test_front_matter_is_parsed_and_removed():
    meta, body = split_front_matter(FRONT_MATTER_DOC)
    assert meta["source"] == "Bellingcat"
    assert meta["date"] == dt.date(2018, 4, 11)
    assert meta["digest"] is True
    assert body == "Bellingcat says the cylinders match those seen in earlier attacks.\n"


def test_text_without_front_matter_is_untouched():
    text = "  Leading spaces stay.\n---\nA rule later is not front matter.\n"
    assert split_front_matter(text) == ({}, text)


def test_invalid_yaml_block_is_left_in_the_text():
    text = "---\ntitle: [unclosed\n---\nBody.\n"
    assert split_front_matter(text) == ({}, text)


def test_horizontal_rules_that_are_not_a_mapping_stay():
    text = "---\nJust a sentence.\n---\nBody.\n"
    assert split_front_matter(text) == ({}, text)


def test_html_meta_tags():
    meta = html_metadata(lxml.html.fromstring(article_html()))
    assert meta == {
        "title": "Inspectors publish Douma report",
        "source": "Example News",
        "date": "2019-03-01T09:30:00Z",
        "url": "https://news.example.org/douma-report",
    }


def test_html_title_and_canonical_fallbacks():
    tree = lxml.html.fromstring(
        '<html><head><title> The  page </title><link rel="canonical" href="https://x.org/a"></head><body/></html>')
    meta = html_metadata(tree)
    assert (meta["title"], meta["url"], meta["source"]) == ("The page", "https://x.org/a", None)


@pytest.mark.parametrize("value,expected", [
    ("2018-04-07", "2018-04-07"),
    ("2018-04-07T10:00:00+03:00", "2018-04-07"),
    ("2018/4/7", "2018-04-07"),
    ("7 April 2018", "2018-04-07"),
    ("April 7, 2018", "2018-04-07"),
    (dt.datetime(2018, 4, 7, 23, 59), "2018-04-07"),
    (dt.date(2018, 4, 7), "2018-04-07"),
    ("2018-02-30", None),
    ("spring 2018", None),
    ("", None),
    (float("nan"), None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_clean_metadata_keeps_only_known_fields():
    meta = clean_metadata({"title": "  T ", "source": 7, "kind": "", "date": "7 April 2018", "note": "x"})
    assert meta == {"title": "T", "source": "7", "kind": None, "date": "2018-04-07", "url": None}


@pytest.mark.parametrize("text,language", [
    ("The inspectors found chlorine.", "en"),
    (RUSSIAN, "ru"),
    ("قالت البعثة إن الكلور استخدم كسلاح في دوما", "ar"),
    ("ОЗХО (OPCW) заявила, что хлор применялся в Думе", "ru"),
    ("12345 -- !!!", "und"),
    ("", "und"),
    ("化学兵器禁止機関", "und"),
])
def test_guess_language(text, language):
    assert guess_language(text) == language


def test_doc_id_and_sha256_follow_the_schema():
    text = "Chlorine was used."
    expected = hashlib.sha256("OPCW FFM\x00Chlorine was used.".encode()).hexdigest()[:16]
    assert doc_id("OPCW FFM", text) == "d-" + expected
    assert doc_id("Sputnik", text) != doc_id("OPCW FFM", text)
    assert sha256_text(text) == hashlib.sha256(text.encode()).hexdigest()
