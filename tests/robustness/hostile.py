"""Generate a "hostile corpus": many good documents with bad files mixed in.

Used by ``tests/robustness/test_hostile.py`` and ``benchmarks/bench_ingest.py``.

:func:`build_hostile_corpus` writes a folder with a ``corpus.csv`` manifest and
returns a :class:`HostileCorpus` that says what a correct load must produce:

* ``good``: every readable document (by its ``documents.path``), with the
  exact text the loader must return and the sentences that must become claims;
* ``bad``: every file or manifest row that must end up in ``Corpus.errors``,
  with the reason it must give;
* ``duplicates``: manifest entries that repeat an earlier document and must be
  dropped with a warning.

Good documents are assembled from short templates of real-world style news
sentences (several topics, so that documents are coherent articles), written
in UTF-8, Windows-1251, UTF-16 (with and without a byte order mark), Markdown
with front matter, HTML pages full of scripts and iframes, PDFs and claim
sheets. Bad files are zero-byte, whitespace-only, binary, truncated, encrypted
or fake PDFs, script-only HTML, claim sheets missing a column, manifest rows
pointing at missing files and rows escaping the corpus folder.

Everything is deterministic for a given ``seed``.

Examples
--------
>>> import tempfile, pathlib
>>> spec = build_hostile_corpus(pathlib.Path(tempfile.mkdtemp()), n_files=40)
>>> len(spec.good) > len(spec.bad) > 0
True
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["TOPICS", "RUSSIAN", "HostileCorpus", "GoodDocument", "build_hostile_corpus", "write_big_text"]

#: Coherent groups of check-worthy English sentences; a document draws from one group.
TOPICS = {
    "douma": [
        "Inspectors from the OPCW arrived in Douma on 21 April 2018, two weeks after the attack.",
        "The fact-finding mission said it had found reasonable grounds to believe that chlorine was used.",
        "Two yellow industrial cylinders were found at the scene, one of them on a rooftop terrace.",
        "Russian officials said the incident had been staged by rebel groups and local volunteers.",
        "The United States, Britain and France launched missile strikes on Syrian targets on 14 April.",
        "The final report of the mission was published in March 2019 after months of analysis.",
        "Samples taken from the two locations were analysed in designated laboratories in Europe.",
        "The Syrian government denied that its forces had used chemical weapons in the town.",
    ],
    "mh17": [
        "Malaysia Airlines flight MH17 was shot down over eastern Ukraine on 17 July 2014.",
        "All 298 people on board the Boeing 777 were killed when the aircraft broke up in the air.",
        "The Dutch Safety Board concluded that a Buk surface-to-air missile had hit the aircraft.",
        "Investigators said the missile launcher had been brought in from Russia and later returned.",
        "Russian officials rejected the findings and said the investigation was politically biased.",
        "A Dutch court convicted three men of murder in November 2022 after a trial lasting two years.",
        "The joint investigation team included prosecutors from the Netherlands, Australia and Belgium.",
        "Debris from the aircraft was spread over an area of about 50 square kilometres near Hrabove.",
    ],
    "skripal": [
        "Sergei Skripal and his daughter Yulia were found unconscious on a bench in Salisbury in March 2018.",
        "British officials said the pair had been poisoned with a Novichok nerve agent.",
        "The OPCW later confirmed the identity of the toxic chemical used in the attack.",
        "Moscow denied any involvement and demanded access to the investigation and to the victims.",
        "Britain expelled 23 Russian diplomats in response to the poisoning of the former spy.",
        "A police officer who visited the house was also taken to hospital in a serious condition.",
        "Dawn Sturgess died in July 2018 after handling a perfume bottle that contained the agent.",
        "Investigators said traces of the nerve agent were found on the front door of the house.",
    ],
    "vaccine": [
        "The regulator approved the vaccine for emergency use on 2 December 2020 after reviewing trial data.",
        "The trial enrolled more than 43,000 volunteers in six countries over several months.",
        "Health officials reported that the vaccine was 95 percent effective at preventing symptomatic illness.",
        "Critics said the approval had been rushed and that long-term safety data were missing.",
        "The company said it expected to deliver 50 million doses by the end of the year.",
        "Several countries began vaccinating health workers and elderly residents in care homes first.",
        "The agency said rare allergic reactions had been reported in a small number of recipients.",
        "Independent experts reviewed the data at a public meeting that lasted more than eight hours.",
    ],
    "flood": [
        "Heavy rain caused the river to burst its banks in the early hours of 14 July 2021.",
        "Emergency services said more than 180 people had died in the region after the flooding.",
        "Thousands of residents were evacuated from towns along the valley as the water rose.",
        "The regional government said the warning system had worked and that alerts had been sent.",
        "Meteorologists reported that more than 150 litres of rain fell per square metre in a day.",
        "Opposition politicians accused officials of ignoring forecasts issued by the German weather service.",
        "The army deployed 850 soldiers to help clear debris and repair damaged bridges.",
        "Insurers estimated the damage at about 7 billion euros, making it the costliest disaster there.",
    ],
}

#: Russian sentences for the Windows-1251 documents (kept verbatim, never claims).
RUSSIAN = [
    "Российские военные заявили, что инцидент в Думе был постановкой.",
    "По словам министерства, местные жители не видели никакой химической атаки.",
    "Инспекторы ОЗХО не нашли следов нервно-паралитических веществ.",
    "Представитель МИД назвал доклад миссии предвзятым.",
    "Эксперты отметили, что баллоны могли быть размещены вручную.",
]

_SCRIPT = (
    "<script>var tracker = {id: 'UA-0000', user: document.cookie};"
    "document.write('<p>Injected paragraph from script that is not the article.</p>');</script>"
)
_IFRAME = '<iframe src="about:blank" width="300" height="250">Advertisement frame fallback text.</iframe>'


@dataclass
class GoodDocument:
    """A document a correct load must return.

    ``text`` is the exact ``documents.text`` (``None`` for HTML and PDF, whose
    text comes from an extractor); ``sentences`` must all be claims of it.
    """

    path: str
    source: str
    sentences: list[str]
    text: str | None = None
    encoding: str = "utf-8"


@dataclass
class HostileCorpus:
    """What :func:`build_hostile_corpus` wrote and what loading it must give."""

    root: Path
    good: dict[str, GoodDocument] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    n_files: int = 0

    @property
    def n_claims(self) -> int:
        """Number of sentences that must become claims."""
        return sum(len(doc.sentences) for doc in self.good.values())


class _Writer:
    """Writes files under ``root`` and the manifest rows that list them."""

    def __init__(self, root: Path, rng: random.Random):
        self.spec = HostileCorpus(root=root)
        self.rng = rng
        self.rows: list[dict] = []
        self._seen: set[tuple[str, str]] = set()

    def file(self, name: str, data: bytes, source: str) -> str:
        path = self.spec.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.spec.n_files += 1
        self.row(name, source)
        return name

    def row(self, name: str, source: str) -> None:
        self.rows.append({"path": name, "source": source, "kind": "media", "date": "2021-07-15"})

    def sentences(self, n: int, source: str, short: bool = False) -> list[str]:
        """``n`` sentences of one topic, never the same (source, text) twice."""
        while True:
            pool = TOPICS[self.rng.choice(sorted(TOPICS))]
            if short:
                pool = [s for s in pool if len(s) <= 88]
            picked = self.rng.sample(pool, min(n, len(pool)))
            key = (source, " ".join(picked))
            if key not in self._seen:
                self._seen.add(key)
                return picked

    def good(self, name: str, data: bytes, source: str, sentences: list[str], text: str | None,
             encoding: str = "utf-8") -> None:
        self.file(name, data, source)
        self.spec.good[name] = GoodDocument(name, source, sentences, text, encoding)

    def bad(self, name: str, data: bytes | None, reason: str) -> None:
        if data is None:
            self.row(name, "Missing")
        else:
            self.file(name, data, "Broken")
        self.spec.bad[name] = reason


def _paragraphs(sentences: list[str]) -> str:
    """Two sentences per paragraph, paragraphs separated by a blank line."""
    return "\n\n".join(" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)) + "\n"


def _html(sentences: list[str], title: str) -> str:
    paragraphs = "".join(f"<p>{s}</p>{_SCRIPT if i % 2 == 0 else _IFRAME}" for i, s in enumerate(sentences))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{_SCRIPT}"
        '<script src="https://tracker.invalid/t.js"></script></head><body>'
        f"<nav><a href='/'>Home</a></nav>{_IFRAME}<article><h1>{title}</h1>{paragraphs}</article>"
        f"{_SCRIPT}</body></html>"
    )


def _pdf(sentences: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for sentence in sentences:
        pdf.add_page()
        pdf.multi_cell(0, 8, sentence)
    return bytes(pdf.output())


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="secret", owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _add_good(w: _Writer, i: int, n_sentences: int) -> None:
    source = f"Outlet {i % 37:02d}"
    kind = i % 20
    if kind < 13:  # plain UTF-8 text, some with Windows line endings
        sentences = w.sentences(n_sentences, source)
        text = _paragraphs(sentences)
        data = text.replace("\n", "\r\n").encode() if i % 5 == 0 else text.encode()
        w.good(f"text/doc{i:04d}.txt", data, source, sentences, text)
    elif kind == 13:  # Markdown with front matter
        sentences = w.sentences(n_sentences, source)
        body = _paragraphs(sentences)
        front = f"---\ntitle: Report {i}\ndate: 2020-01-{i % 28 + 1:02d}\n---\n\n"
        w.good(f"md/doc{i:04d}.md", (front + body).encode(), source, sentences, body)
    elif kind in (14, 15):  # Windows-1251: a Russian paragraph, then English ones
        sentences = w.sentences(n_sentences, source)
        text = " ".join(w.rng.sample(RUSSIAN, 2)) + "\n\n" + _paragraphs(sentences)
        w.good(f"cp1251/doc{i:04d}.txt", text.encode("cp1251"), source, sentences, text, "cp1251")
    elif kind == 16:  # UTF-16, with a BOM or little-endian without one
        sentences = w.sentences(n_sentences, source)
        text = _paragraphs(sentences)
        encoding = "utf-16" if i % 2 else "utf-16-le"
        w.good(f"utf16/doc{i:04d}.txt", text.encode(encoding), source, sentences, text, encoding)
    elif kind in (17, 18):  # HTML with scripts and iframes around the article
        sentences = w.sentences(n_sentences + 1, source)
        w.good(f"html/doc{i:04d}.html", _html(sentences, f"Report number {i}").encode(), source, sentences, None)
    elif i % 60 == 19:  # a PDF, one short sentence per page (PDF generation is the slowest)
        sentences = w.sentences(2, source, short=True)
        w.good(f"pdf/doc{i:04d}.pdf", _pdf(sentences), source, sentences, None)
    else:  # a claim sheet: every row becomes a document of its own
        name = f"sheets/sheet{i:04d}.csv"
        rows = [{"text": s, "source": f"{source} row {r}", "date": "2020-02-02"}
                for r, s in enumerate(w.sentences(3, source))]
        w.file(name, _csv(rows, ["text", "source", "date"]), source)
        for r, row in enumerate(rows, start=2):
            label = f"{name}#row={r}"
            w.spec.good[label] = GoodDocument(label, row["source"], [row["text"]], row["text"])


def _bad_files(w: _Writer, n_bad: int) -> None:
    """Cycle through the kinds of bad input until ``n_bad`` were written."""
    valid_pdf = _pdf(["The inspectors found two cylinders in Douma on Saturday."])
    encrypted = _encrypted(valid_pdf)
    kinds = [
        ("empty{}.txt", b"", "empty file (0 bytes)"),
        ("blank{}.md", b"  \n\n\t \n", "file has no text"),
        ("binary{}.txt", bytes(range(256)) * 8, "binary file, not text"),
        ("zero{}.pdf", b"", "empty file (0 bytes)"),
        ("truncated{}.pdf", valid_pdf[: len(valid_pdf) // 2], "damaged or truncated PDF"),
        ("encrypted{}.pdf", encrypted, "encrypted PDF (password required)"),
        ("fake{}.pdf", b"<html><body>Not a PDF at all.</body></html>", "not a PDF"),
        ("scripts{}.html", ("<html><body>" + _SCRIPT * 3 + _IFRAME + "</body></html>").encode(),
         "HTML with no article text"),
        ("nosource{}.csv", _csv([{"text": "A claim without a source column."}], ["text"]),
         "claim sheet is missing column(s): source"),
        ("missing/gone{}.txt", None, "listed in corpus.csv but not found"),
    ]
    for n in range(n_bad):
        pattern, data, reason = kinds[n % len(kinds)]
        w.bad("bad/" + pattern.format(n) if data is not None else pattern.format(n), data, reason)
    w.bad("../outside.txt", None, "path escapes the corpus folder")


def build_hostile_corpus(root: Path, n_files: int = 1000, bad_share: float = 0.05, *, n_sentences: int = 3,
                         n_duplicates: int = 10, seed: int = 0) -> HostileCorpus:
    """Write a hostile corpus of about ``n_files`` files under ``root``.

    Parameters
    ----------
    root : Path
        An empty (or new) folder.
    n_files : int, default 1000
        Total number of manifest entries (good files, bad files and missing ones).
    bad_share : float, default 0.05
        Share of entries that must fail.
    n_sentences : int, default 3
        Sentences per good text document.
    n_duplicates : int, default 10
        Extra manifest rows repeating an earlier document (dropped with a warning).
    seed : int, default 0
        Seed of the generator (same seed, same bytes).

    Returns
    -------
    HostileCorpus
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    w = _Writer(root, random.Random(seed))
    n_bad = max(1, round(n_files * bad_share))
    for i in range(n_files - n_bad - n_duplicates):
        _add_good(w, i, n_sentences)
    _bad_files(w, n_bad - 1)
    w.rng.shuffle(w.rows)  # manifest order is not folder order
    texts = [name for name in w.spec.good if name.startswith("text/")]
    for name in texts[:n_duplicates]:  # listed last, so the original is the one kept
        copy = f"dupes/{Path(name).name}"
        w.file(copy, (root / name).read_bytes(), w.spec.good[name].source)
        w.spec.duplicates.append(copy)
    (root / "corpus.csv").write_bytes(_csv(w.rows, ["path", "source", "kind", "date"]))
    return w.spec


def write_big_text(path: Path, megabytes: float, *, seed: int = 0) -> int:
    """Write a UTF-8 text of about ``megabytes`` MB, in chunks; return its size in bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> write_big_text(pathlib.Path(tempfile.mkdtemp()) / "big.txt", 0.01) >= 10_000
    True
    """
    rng = random.Random(seed)
    sentences = [s for group in TOPICS.values() for s in group]
    target = int(megabytes * 1_000_000)
    written = 0
    with open(path, "wb") as handle:
        while written < target:
            chunk = "\n\n".join(" ".join(rng.sample(sentences, 4)) for _ in range(500)) + "\n\n"
            data = chunk.encode("utf-8")
            handle.write(data)
            written += len(data)
    return written
