import logging
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from narrcomp.corpus import DOCUMENT_COLUMNS, Corpus, load_corpus
from narrcomp.corpus.metadata import doc_id
from narrcomp.errors import CorpusError

from ._builders import (
    ARTICLE_SENTENCES, FRONT_MATTER_DOC, PDF_PAGES, RUSSIAN, article_html, encrypted_pdf_bytes, no_article_html,
    pdf_bytes, write,
)

SEED = "000_d947d8aa6ba2612f.txt"


@pytest.fixture
def messy(tmp_path) -> Path:
    """A folder without corpus.csv: good files, broken files, hidden and unsupported ones."""
    root = tmp_path / "messy"
    write(root / "bellingcat" / "survey.md", FRONT_MATTER_DOC)
    write(root / "sputnik" / "ru.txt", RUSSIAN, encoding="cp1251")
    write(root / "news" / "page.html", article_html())
    write(root / "news" / "menu.html", no_article_html())
    write(root / "reports" / "ffm.pdf", pdf_bytes())
    write(root / "reports" / "locked.pdf", encrypted_pdf_bytes("secret"))
    write(root / "reports" / "cut.pdf", pdf_bytes()[:900])
    write(root / "claims.csv", "text,source,kind\nNo attack took place.,Russian MoD,government\n")
    write(root / "empty.txt", b"")
    write(root / "blob.txt", bytes(range(256)) * 8)
    write(root / "notes.docx", b"PK\x03\x04")
    write(root / "image.png", b"\x89PNG")
    write(root / ".hidden.txt", "Hidden files are ignored.")
    write(root / ".git" / "HEAD.txt", "ref: refs/heads/main")
    return root


def test_folder_scan_loads_good_files_and_records_failures(messy):
    corpus = load_corpus(messy)
    docs = corpus.documents
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert docs["path"].tolist() == [
        "bellingcat/survey.md", "claims.csv#row=2", "news/page.html", "reports/ffm.pdf", "sputnik/ru.txt"]
    assert docs["source"].tolist() == ["Bellingcat", "Russian MoD", "Example News", "reports", "sputnik"]
    assert docs["kind"].tolist() == ["media", "government", "media", "media", "media"]
    assert docs["language"].tolist() == ["en", "en", "en", "en", "ru"]
    errors = dict(zip(corpus.errors["path"], corpus.errors["error"]))
    assert errors.keys() == {"blob.txt", "empty.txt", "news/menu.html", "reports/cut.pdf", "reports/locked.pdf"}
    assert errors["blob.txt"] == "binary file, not text"
    assert errors["empty.txt"] == "empty file (0 bytes)"
    assert errors["news/menu.html"] == "HTML with no article text"
    assert errors["reports/cut.pdf"].startswith("damaged or truncated PDF: ")
    assert errors["reports/locked.pdf"] == "encrypted PDF (password required)"
    assert corpus.summary() == "Loaded 5 documents from 10 files; 5 failed. 2 files skipped: unsupported type."
    assert len(corpus) == 5


def test_document_rows_follow_the_schema(messy):
    docs = load_corpus(messy).documents.set_index("path")
    pdf = docs.loc["reports/ffm.pdf"]
    assert pdf["text"] == "\n\n".join(PDF_PAGES)
    assert pdf["page_starts"] == [0, len(PDF_PAGES[0]) + 2]
    assert docs.loc["sputnik/ru.txt", "text"] == RUSSIAN
    assert docs.loc["sputnik/ru.txt", "page_starts"] is None
    page = docs.loc["news/page.html"]
    assert all(sentence in page["text"] for sentence in ARTICLE_SENTENCES)
    assert (page["date"], page["title"]) == ("2019-03-01", "Inspectors publish Douma report")
    assert docs.loc["claims.csv#row=2", "date"] is None
    for _, row in docs.iterrows():
        assert row["n_chars"] == len(row["text"])
        assert row["doc_id"] == doc_id(row["source"], row["text"])


def test_recursive_false_reads_only_the_top_folder(messy):
    corpus = load_corpus(messy, recursive=False)
    assert corpus.documents["path"].tolist() == ["claims.csv#row=2"]
    assert sorted(corpus.errors["path"]) == ["blob.txt", "empty.txt"]


def test_strict_raises_at_the_first_failure(messy):
    with pytest.raises(CorpusError) as info:
        load_corpus(messy, strict=True)
    assert (info.value.path, info.value.reason) == ("blob.txt", "binary file, not text")


def test_doc_ids_are_stable_across_loads_and_folders(messy, tmp_path):
    first = load_corpus(messy).documents
    moved = shutil.copytree(messy, tmp_path / "elsewhere" / "copy")
    second = load_corpus(moved).documents
    pd.testing.assert_frame_equal(first, second)


# -- corpus.csv -----------------------------------------------------------------------------------

@pytest.fixture
def listed(tmp_path) -> Path:
    root = tmp_path / "listed"
    write(root / "docs" / "b.md", FRONT_MATTER_DOC)
    write(root / "a.txt", "Moscow says the video was staged.\n")
    write(tmp_path / "outside.txt", "A file outside the corpus folder.")
    write(root / "corpus.csv",
          "path,source,kind,date,url,title\n"
          "a.txt,Russian MFA,government,2018-04-13,,Statement\n"
          "docs/b.md,,dissent,,,\n"
          "missing.txt,Nobody,media,,,\n"
          "../outside.txt,Outside,media,,,\n"
          "../../etc/passwd,Root,media,,,\n")
    write(root / "unlisted.txt", "Files not in corpus.csv are not loaded.")
    return root


def test_corpus_csv_order_overrides_and_errors(listed):
    corpus = load_corpus(listed)
    docs = corpus.documents
    assert docs["path"].tolist() == ["a.txt", "docs/b.md"]
    assert docs.iloc[0][["source", "kind", "date", "title", "url"]].tolist() == [
        "Russian MFA", "government", "2018-04-13", "Statement", None]
    # blank CSV cells fall back to the front matter; filled ones override it
    assert docs.iloc[1][["source", "kind", "date", "title"]].tolist() == [
        "Bellingcat", "dissent", "2018-04-11", "Bellingcat survey"]
    assert corpus.errors.values.tolist() == [
        ["missing.txt", "listed in corpus.csv but not found"],
        ["../outside.txt", "path escapes the corpus folder"],
        ["../../etc/passwd", "path escapes the corpus folder"],
    ]
    assert corpus.summary() == "Loaded 2 documents from 5 files; 3 failed."


def test_corpus_csv_strict(listed):
    with pytest.raises(CorpusError, match="missing.txt: listed in corpus.csv but not found"):
        load_corpus(listed, strict=True)


def test_corpus_csv_without_path_column(tmp_path):
    write(tmp_path / "corpus.csv", "file,source\na.txt,X\n")
    with pytest.raises(CorpusError, match="corpus.csv has no 'path' column"):
        load_corpus(tmp_path)


# -- duplicates ------------------------------------------------------------------------------------

def test_duplicate_documents_warn_and_keep_the_first(tmp_path):
    write(tmp_path / "tass" / "a.txt", "The attack was staged.")
    write(tmp_path / "tass" / "b.txt", "The attack was staged.")
    write(tmp_path / "rt" / "c.txt", "The attack was staged.")
    with pytest.warns(UserWarning, match=r"tass/b\.txt repeats tass/a\.txt"):
        corpus = load_corpus(tmp_path)
    assert corpus.documents["path"].tolist() == ["rt/c.txt", "tass/a.txt"]
    assert corpus.errors.empty


def test_same_file_listed_twice_is_a_duplicate(tmp_path):
    write(tmp_path / "a.txt", "The cylinders were placed by hand.")
    write(tmp_path / "corpus.csv", "path,source\na.txt,Henderson\na.txt,Whelan\n")
    with pytest.warns(UserWarning, match="a.txt repeats a.txt"):
        corpus = load_corpus(tmp_path)
    assert corpus.documents["source"].tolist() == ["Henderson"]


def test_no_warning_without_duplicates(messy):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(messy)


# -- other inputs ----------------------------------------------------------------------------------

def test_bad_sheet_rows_are_errors_and_good_rows_load(tmp_path):
    write(tmp_path / "claims.csv", "text,source\nChlorine was used.,OPCW FFM\nNo source here.,\n")
    corpus = load_corpus(tmp_path)
    assert corpus.documents["path"].tolist() == ["claims.csv#row=2"]
    assert corpus.errors.values.tolist() == [["claims.csv#row=3", "claim sheet row has no source"]]
    with pytest.raises(CorpusError, match=r"claims.csv#row=3: claim sheet row has no source"):
        load_corpus(tmp_path, strict=True)


def test_single_file(tmp_path):
    corpus = load_corpus(write(tmp_path / "tass.txt", "Moscow denies the attack.\r\n"))
    assert corpus.documents[["source", "kind", "path", "text"]].values.tolist() == [
        ["tass", "media", "tass.txt", "Moscow denies the attack.\n"]]
    assert corpus.root == str(tmp_path.resolve())


def test_single_bad_file_is_an_error_row(tmp_path):
    corpus = load_corpus(str(write(tmp_path / "x.pdf", encrypted_pdf_bytes("pw"))))
    assert corpus.errors.values.tolist() == [["x.pdf", "encrypted PDF (password required)"]]
    assert corpus.summary() == "Loaded 0 documents from 1 file; 1 failed."


def test_raw_text():
    corpus = load_corpus("Inspectors found two cylinders in Douma.")
    row = corpus.documents.iloc[0]
    assert (row["source"], row["kind"], row["path"], row["text"]) == (
        "text", "media", None, "Inspectors found two cylinders in Douma.")
    assert corpus.root is None


def test_list_of_dicts_and_dataframe_agree():
    records = [{"text": "Chlorine was used.", "source": "OPCW FFM", "date": "1 March 2019"},
               {"text": RUSSIAN, "kind": "government"},
               {"text": "  ", "source": "Empty"}]
    corpus = load_corpus(records)
    docs = corpus.documents
    assert docs[["source", "kind", "date", "language"]].values.tolist() == [
        ["OPCW FFM", "media", "2019-03-01", "en"], ["text", "government", None, "ru"]]
    assert corpus.errors.values.tolist() == [["<data>#row=2", "row has no text"]]
    pd.testing.assert_frame_equal(load_corpus(pd.DataFrame(records)).documents, docs)


def test_dataframe_language_column_is_kept():
    docs = load_corpus(pd.DataFrame({"text": ["Der Angriff war inszeniert."], "language": ["de"]})).documents
    assert docs.loc[0, "language"] == "de"


def test_large_text_file(tmp_path):
    line = "Inspectors say the cylinders were dropped from a helicopter. " * 16 + "\n"
    path = write(tmp_path / "big.txt", line * (50_000_000 // len(line)))
    docs = load_corpus(path).documents
    assert docs.loc[0, "n_chars"] == path.stat().st_size


def test_summary_is_logged(tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="narrcomp"):
        load_corpus(write(tmp_path / "a.txt", "Some text."))
    assert "Loaded 1 document from 1 file; 0 failed." in caplog.text


def test_progress_bar_can_be_forced(tmp_path, capsys):
    load_corpus(write(tmp_path / "a.txt", "Some text."), show_progress=True)
    assert "Loading documents" in capsys.readouterr().err


def test_from_documents_round_trip(messy):
    docs = load_corpus(messy).documents
    extra = docs.assign(note="dropped")
    wrapped = Corpus.from_documents(extra)
    pd.testing.assert_frame_equal(wrapped.documents, docs)
    with pytest.raises(ValueError, match=r"missing \['page_starts'\]"):
        Corpus.from_documents(docs.drop(columns="page_starts"))


# -- parameter checks --------------------------------------------------------------------------------

def test_parameter_errors(tmp_path):
    with pytest.raises(TypeError, match="The 'strict' parameter of load_corpus must be a bool. Got 1 instead."):
        load_corpus("text", strict=1)
    with pytest.raises(TypeError, match="'show_progress' parameter of load_corpus must be a bool"):
        load_corpus("text", show_progress="yes")
    with pytest.raises(TypeError, match="'path_or_data' parameter of load_corpus must be a path"):
        load_corpus(42)
    with pytest.raises(ValueError, match="with a 'text' column"):
        load_corpus(pd.DataFrame({"claim": ["x"]}))
    with pytest.raises(ValueError, match="non-empty str"):
        load_corpus("   ")
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")
    for mistyped in ["corpus/douma", "report.pdf", str(tmp_path / "missing.txt")]:
        with pytest.raises(CorpusError, match="looks like a path"):
            load_corpus(mistyped)


# -- the shared example corpus -------------------------------------------------------------------------

def test_douma_example_corpus(shared):
    corpus = load_corpus(shared / "corpus" / "douma")
    docs = corpus.documents
    assert len(docs) == 9
    assert docs["doc_id"].is_unique
    assert set(docs["kind"]) == {"media", "official", "government", "dissent"}
    assert docs["date"].notna().all() and (docs["language"] == "en").all()
    assert not docs["text"].str.startswith("---").any()
    assert corpus.errors.values.tolist() == [[f"../../seed/{SEED}", "path escapes the corpus folder"]]


def test_seed_article_as_a_single_file(shared):
    path = shared / "seed" / SEED
    docs = load_corpus(path).documents
    assert len(docs) == 1
    assert docs.loc[0, "text"] == path.read_text(encoding="utf-8")
