"""A hostile corpus of 1,000 manifest entries, about 5 % of them bad (issue 10).

The corpus comes from :mod:`hostile` (see its docstring for what is in it).
It is generated and loaded once per module; every test then checks one
promise of ``load_corpus`` + ``extract_claims``: good documents all present
with their exact text and claims, bad files all in ``Corpus.errors`` with the
right reason, duplicates dropped with a warning, scripts and iframes never
becoming text.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from narrcomp import extract_claims, load_corpus
from narrcomp.errors import CorpusError
from .hostile import build_hostile_corpus


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    spec = build_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus", n_files=1000)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(spec.root, show_progress=False)
    claims = extract_claims(corpus, show_progress=False)
    return spec, corpus, claims, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def test_the_corpus_is_as_hostile_as_asked(hostile):
    spec, corpus, _, _ = hostile
    assert corpus.n_inputs == 1000
    assert len(spec.bad) == 50
    kinds = {reason for reason in spec.bad.values()}
    assert len(kinds) >= 10


def test_every_bad_file_is_an_error_with_its_reason(hostile):
    spec, corpus, _, _ = hostile
    errors = dict(zip(corpus.errors["path"], corpus.errors["error"]))
    assert len(errors) == len(corpus.errors), "one error row per bad file"
    assert set(errors) == set(spec.bad)
    wrong = {path: (errors[path], reason) for path, reason in spec.bad.items() if reason not in errors[path]}
    assert not wrong
    assert all("\n" not in reason for reason in errors.values())


def test_every_good_document_is_loaded_with_its_exact_text(hostile):
    spec, corpus, _, _ = hostile
    documents = corpus.documents.set_index("path")
    assert set(documents.index) == set(spec.good)
    for path, expected in spec.good.items():
        row = documents.loc[path]
        assert row["source"] == expected.source, path
        if expected.text is not None:
            assert row["text"] == expected.text, f"{path} ({expected.encoding}) decoded wrongly"


def test_windows_1251_and_utf16_documents_keep_their_script(hostile):
    spec, corpus, _, _ = hostile
    documents = corpus.documents.set_index("path")
    cyrillic = [path for path, doc in spec.good.items() if doc.encoding == "cp1251"]
    utf16 = [path for path, doc in spec.good.items() if doc.encoding.startswith("utf-16")]
    assert len(cyrillic) > 20 and len(utf16) > 20
    for path in cyrillic:
        first_line = documents.loc[path, "text"].split("\n", 1)[0]
        assert sum("\u0400" <= char <= "\u04ff" for char in first_line) > 40, (path, first_line)
    assert not documents.loc[utf16, "text"].str.contains("\x00", regex=False).any()


def test_every_good_document_has_its_claims(hostile):
    spec, corpus, claims, _ = hostile
    doc_ids = dict(zip(corpus.documents["path"], corpus.documents["doc_id"]))
    by_doc = claims.groupby("doc_id")["text"].apply(set).to_dict()
    missing = [(path, sentence) for path, doc in spec.good.items() for sentence in doc.sentences
               if sentence not in by_doc.get(doc_ids[path], set())]
    assert not missing, missing[:5]
    assert len(claims) >= spec.n_claims


def test_claim_offsets_index_the_document_text(hostile):
    _, corpus, claims, _ = hostile
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    assert all(texts[d][s:e] == t for d, s, e, t in zip(claims["doc_id"], claims["start"], claims["end"],
                                                         claims["text"]))


def test_scripts_iframes_and_script_output_never_become_text(hostile):
    _, corpus, claims, _ = hostile
    html = corpus.documents[corpus.documents["path"].str.endswith(".html")]
    assert len(html) > 20
    for marker in ("document.cookie", "tracker", "Injected paragraph", "Advertisement frame", "<script", "<iframe"):
        assert not html["text"].str.contains(marker, regex=False).any(), marker
        assert not claims["text"].str.contains(marker, regex=False).any(), marker


def test_duplicates_are_dropped_with_a_warning_naming_both(hostile):
    spec, corpus, _, messages = hostile
    assert len(spec.duplicates) == 10
    assert not set(spec.duplicates) & set(corpus.documents["path"])
    for duplicate in spec.duplicates:
        assert any(f"Duplicate document: {duplicate} repeats text/" in message for message in messages), duplicate
    assert corpus.documents["doc_id"].is_unique


def test_a_second_generation_and_load_gives_the_same_tables(tmp_path):
    first = build_hostile_corpus(tmp_path / "a", n_files=60, seed=3)
    second = build_hostile_corpus(tmp_path / "b", n_files=60, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the duplicates, checked above
        corpus_a, corpus_b = load_corpus(first.root), load_corpus(second.root)
    assert corpus_a.documents.equals(corpus_b.documents)
    assert corpus_a.errors.equals(corpus_b.errors)
    assert extract_claims(corpus_a).equals(extract_claims(corpus_b))


def test_strict_stops_at_the_first_bad_entry(tmp_path):
    spec = build_hostile_corpus(tmp_path / "c", n_files=40, seed=1)
    listed = pd.read_csv(spec.root / "corpus.csv")["path"].tolist()
    first_bad = next(path for path in listed if path in spec.bad)
    with pytest.raises(CorpusError) as info:
        load_corpus(spec.root, strict=True)
    assert info.value.path == first_bad
    assert spec.bad[first_bad] in info.value.reason
