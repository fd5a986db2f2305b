"""Safety (issue 10): nothing read back can run code, corpus paths stay inside
the corpus folder, and reading HTML never touches the network."""

from __future__ import annotations

import ast
import http.server
import os
import threading
import urllib.request
from pathlib import Path

import pytest

import narrcomp
from narrcomp import load_corpus

PACKAGE = Path(narrcomp.__file__).resolve().parent
ESCAPE = "path escapes the corpus folder"
ARTICLE = ("The inspectors said on Friday that two yellow cylinders had been found in Douma. "
           "The Syrian government rejected the findings of the mission in a statement on Saturday.")
SECRET = "The secret outside file says the cylinders were never in Douma at all on that day."

# ------------------------------------------------------------------ no code-executing formats

_UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "cloudpickle", "dill", "joblib", "shelve", "marshal"}
_UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}
_UNSAFE_ATTRIBUTES = {"read_pickle", "to_pickle", "unsafe_load", "full_load", "load_pickle"}
_PICKLE_SUFFIXES = {".pkl", ".pickle", ".joblib", ".pt", ".pth", ".ckpt", ".dill", ".npz"}


def unsafe_calls(source: str) -> list[str]:
    """Constructs in ``source`` that can execute code or unpickle data (docstrings are ignored)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in _UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _UNSAFE_MODULES:
            found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Call):
            found += _unsafe_call(node)
    return found


def _unsafe_call(node: ast.Call) -> list[str]:
    func = node.func
    keywords = {k.arg: k.value for k in node.keywords}
    if isinstance(func, ast.Name) and func.id in _UNSAFE_BUILTINS:
        return [f"{func.id}()"]
    if not isinstance(func, ast.Attribute):
        return []
    owner = func.value.id if isinstance(func.value, ast.Name) else ""
    if func.attr in _UNSAFE_ATTRIBUTES:
        return [f"{owner}.{func.attr}()"]
    if func.attr == "load" and owner == "yaml":
        return ["yaml.load()"]
    if func.attr == "load" and owner in ("np", "numpy") and not _is_constant(keywords.get("allow_pickle"), False):
        return ["np.load() without allow_pickle=False"]
    if func.attr == "load" and owner == "torch" and not _is_constant(keywords.get("weights_only"), True):
        return ["torch.load() without weights_only=True"]
    return []


def _is_constant(node, value) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def test_the_scanner_finds_unsafe_constructs():
    source = ("import pickle\nfrom joblib import load\nimport numpy as np\nimport yaml, torch\n"
              "eval('1')\nnp.load('x.npy')\nyaml.load(s)\ntorch.load('m.pt')\npd.read_pickle('t')\n")
    assert len(unsafe_calls(source)) == 7
    safe = ("import numpy as np, re, yaml\nnp.load('x.npy', allow_pickle=False)\nyaml.safe_load(s)\n"
            "re.compile('x')\n'''import pickle; eval(x)'''\n")
    assert unsafe_calls(safe) == []


def test_the_package_never_unpickles_or_evaluates():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    found = {str(f.relative_to(PACKAGE)): unsafe_calls(f.read_text(encoding="utf-8")) for f in files}
    assert not {name: calls for name, calls in found.items() if calls}


def test_the_package_ships_no_pickled_files():
    shipped = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix.lower() in _PICKLE_SUFFIXES]
    assert not shipped


def test_yaml_front_matter_cannot_run_code(tmp_path):
    marker = tmp_path / "pwned"
    doc = tmp_path / "corpus" / "a.md"
    doc.parent.mkdir()
    doc.write_text(f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n{ARTICLE}\n",
                   encoding="utf-8")
    corpus = load_corpus(doc.parent)
    assert not marker.exists()
    assert ARTICLE in corpus.documents.loc[0, "text"]


# ------------------------------------------------------------------ paths stay in the corpus


@pytest.fixture
def outside(tmp_path) -> Path:
    """A corpus folder ``corpus/`` next to a secret file and folder it must not read."""
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "inner").mkdir(parents=True)
    (root / "inner" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot create symbolic links here: {exc}")


@pytest.mark.parametrize("listed", [
    "../../etc/passwd", "../secret.txt", "inner/../../secret.txt", "/etc/passwd", "ABSOLUTE", "..\\secret.txt",
    "link.txt", "linkdir/secret.txt",
])
def test_corpus_csv_paths_cannot_escape_the_folder(outside, listed):
    _symlink(outside / "link.txt", outside.parent / "secret.txt")
    _symlink(outside / "linkdir", outside.parent / "secret")
    if listed == "ABSOLUTE":
        listed = str(outside.parent / "secret.txt")
    (outside / "corpus.csv").write_text(f"path,source\n{listed},Evil\ninner/article.txt,Good\n", encoding="utf-8")
    corpus = load_corpus(outside)
    assert corpus.errors.values.tolist() == [[listed, ESCAPE]]
    assert corpus.documents["text"].tolist() == [ARTICLE]


def test_corpus_csv_paths_with_windows_separators_are_read(outside):
    (outside / "corpus.csv").write_text("path,source\ninner\\article.txt,Good\n", encoding="utf-8")
    corpus = load_corpus(outside)
    assert corpus.documents[["path", "text"]].values.tolist() == [["inner\\article.txt", ARTICLE]]


def test_a_symlink_inside_the_folder_is_read(outside):
    _symlink(outside / "alias.txt", outside / "inner" / "article.txt")
    (outside / "corpus.csv").write_text("path,source\nalias.txt,Alias\n", encoding="utf-8")
    assert load_corpus(outside).documents["text"].tolist() == [ARTICLE]


def test_a_folder_scan_does_not_follow_symlinks_out(outside):
    _symlink(outside / "link.txt", outside.parent / "secret.txt")
    _symlink(outside / "linkdir", outside.parent / "secret")
    corpus = load_corpus(outside)
    assert corpus.errors.values.tolist() == [["link.txt", ESCAPE]]
    assert corpus.documents["text"].tolist() == [ARTICLE]
    assert not any(SECRET in text for text in corpus.documents["text"])


# ------------------------------------------------------------------ no network from HTML


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        type(self).requests.append(self.path)
        body = b"<p>Remote content the loader must never fetch, about Douma in April 2018.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def server():
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _remote_page(base: str) -> str:
    return (
        f'<!DOCTYPE html [<!ENTITY remote SYSTEM "{base}/entity"><!ENTITY local SYSTEM "file:///etc/passwd">]>'
        f'<html><head><link rel="stylesheet" href="{base}/style.css"><script src="{base}/script.js"></script>'
        f'<meta http-equiv="refresh" content="0; url={base}/refresh"><base href="{base}/base/">'
        f'<style>@import url("{base}/import.css");</style></head><body>'
        f'<iframe src="{base}/frame.html"></iframe><img src="{base}/x.png" srcset="{base}/y.png 2x">'
        f'<object data="{base}/object.swf"></object><video poster="{base}/poster.jpg" src="{base}/v.mp4"></video>'
        f"<article><h1>Douma report</h1><p>{ARTICLE}</p><p>&remote; &local;</p></article></body></html>"
    )


def test_the_test_server_answers(server):
    with urllib.request.urlopen(f"{server}/control", timeout=10) as response:
        assert response.status == 200
    assert _Recorder.requests == ["/control"]


def test_html_readers_never_fetch_remote_resources(server, tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "page.html").write_text(_remote_page(server), encoding="utf-8")
    (root / "page.htm").write_text(_remote_page(server).replace("Douma report", "Second copy"), encoding="utf-8")
    corpus = load_corpus(root)
    assert _Recorder.requests == []
    assert len(corpus.documents) == 2, corpus.errors
    for text in corpus.documents["text"]:
        assert "inspectors said on Friday" in text
        assert "Remote content" not in text and "root:" not in text
