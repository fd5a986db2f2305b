"""A researcher's session: JupyterLab on localhost, the Douma notebook run in headless Chromium.

Starts JupyterLab (no token, loopback only, ``--allow-root`` for CI's root user) on a copy of the
notebook and the example corpus, opens ``02-douma-case-study`` with Playwright driving Debian's
Chromium (``executable_path``; never ``playwright install``), runs all cells, and checks that no
cell shows an error and that the plotly figures rendered (their SVG elements exist). A screenshot
is saved in the test's tmp dir (and in $NARRCOMP_ARTIFACTS when set).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests._browser import CHROMIUM_FLAGS, system_chromium

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "02-douma-case-study.ipynb"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / NOTEBOOK, tmp_path / "notebooks" / NOTEBOOK)
    shutil.copytree(ROOT / "examples" / "douma", tmp_path / "examples" / "douma")
    port = _free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "JUPYTER_PLATFORM_DIRS": "1"}
    log = open(tmp_path / "jupyterlab.log", "w")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
           "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
           f"--ServerApp.root_dir={tmp_path}", "--LabApp.news_url=", "--LabApp.collaborative=False"]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("JupyterLab did not start: " + (tmp_path / "jupyterlab.log").read_text()[-2000:])
    if proc.poll() is not None:
        pytest.fail("JupyterLab exited: " + (tmp_path / "jupyterlab.log").read_text()[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_douma_notebook_runs_in_jupyterlab(jupyterlab, tmp_path):
    chromium = system_chromium()
    if chromium is None:
        pytest.skip("no system Chromium (apt-get install chromium) for the browser test")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium,
                                    args=[f for f in CHROMIUM_FLAGS if f != "--headless"], headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{jupyterlab}/lab/tree/notebooks/{NOTEBOOK}", timeout=90_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        # JupyterLab may ask which kernel to use: take the notebook's own (python3).
        try:
            page.locator(".jp-Dialog button:has-text('Select')").click(timeout=15_000)
        except playwright.Error:
            pass
        # Wait for the kernel to be ready, then Run > Run All Cells.
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item:has-text('Run All Cells')")
        n_code = page.locator(".jp-CodeCell").count()
        deadline = time.time() + 420
        started = False
        while time.time() < deadline:
            prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
            done = [t for t in prompts if t.strip() not in ("[ ]:", "[*]:", "")]
            if len(done) == n_code:
                break
            started = started or any(t.strip() == "[*]:" for t in prompts) or bool(done)
            if not started and time.time() > deadline - 360:
                break  # "Run All Cells" never started anything: fail now, with the screenshot
            if page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                            ":has-text('Traceback')").count():
                break
            time.sleep(2)
        page.wait_for_timeout(2000)
        page.screenshot(path=str(tmp_path / "jupyterlab.png"), full_page=True)
        artifacts = os.environ.get("NARRCOMP_ARTIFACTS")
        if artifacts:
            Path(artifacts).mkdir(parents=True, exist_ok=True)
            shutil.copy(tmp_path / "jupyterlab.png", Path(artifacts) / "jupyterlab-douma.png")
        errors = page.locator(".jp-OutputArea-output:has-text('Traceback'), .jp-OutputArea-output:has-text('Error:')")
        error_text = errors.all_inner_texts()
        n_svg = page.locator(".js-plotly-plot .main-svg").count()
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        browser.close()
    assert not error_text, "a cell failed:\n" + "\n---\n".join(t[:1500] for t in error_text)
    assert all(t.strip() not in ("[ ]:", "[*]:") for t in prompts), f"cells did not finish: {prompts}"
    # Nine figures in the notebook; plotly draws at least one main-svg per figure.
    assert n_svg >= 9, f"only {n_svg} plotly SVG layers rendered"
