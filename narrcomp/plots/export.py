"""Write figures to disk: self-contained HTML always, PNG/SVG/PDF through kaleido.

HTML needs nothing but plotly and opens offline (plotly.js is embedded).
Static formats are rendered by kaleido (>= 1.0), which drives a local Chrome
or Chromium. The browser is looked up in this order: the ``browser_path``
argument, the ``BROWSER_PATH`` environment variable (the variable kaleido's
browser driver, choreographer, reads), then ``chromium``, ``chromium-browser``,
``google-chrome`` ... on ``PATH``. Nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import plotly.graph_objects as go

from narrcomp._validation import check_choice, check_float, check_int, check_str, param_error
from narrcomp.errors import NarrcompError

__all__ = ["save", "find_browser"]

FORMATS = ("html", "png", "svg", "pdf")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                 "chrome")
INSTALL_HINT = ("install chromium: apt-get install -y chromium (Debian/Ubuntu), "
                "or set BROWSER_PATH to a Chrome/Chromium executable")
_FUNC = "save"


def find_browser(browser_path: str | os.PathLike | None = None) -> str | None:
    """Return the Chrome/Chromium executable used for static export, or None.

    Parameters
    ----------
    browser_path : str or path, optional
        Use this executable (it must exist and be executable).

    Examples
    --------
    >>> find_browser("/nonexistent/chrome") is None
    True
    """
    candidates = [browser_path] if browser_path is not None else [os.environ.get("BROWSER_PATH")]
    if browser_path is None:
        candidates += [shutil.which(name) for name in BROWSER_NAMES]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def save(fig: go.Figure, path: str | os.PathLike, *, format: str | None = None,
         width: int | None = None, height: int | None = None, scale: float = 1.0,
         browser_path: str | os.PathLike | None = None) -> Path:
    """Save a figure as HTML, PNG, SVG or PDF.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        The figure (any narrcomp plot function returns one).
    path : str or path
        Destination; parent folders are created. The format comes from the
        suffix unless ``format`` is given.
    format : {"html", "png", "svg", "pdf"}, optional
        Output format.
    width, height : int, optional
        Image size in CSS pixels for static formats (default: the figure's
        own size, else 1000 x 700). Ignored for HTML, which fills the window.
    scale : float
        Pixel density for PNG (2 for print-quality images).
    browser_path : str or path, optional
        Chrome/Chromium executable for static formats (see :func:`find_browser`).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    NarrcompError
        A static format was asked for and no browser or kaleido is available,
        or the browser failed to render the figure.

    Examples
    --------
    >>> import plotly.graph_objects as go, tempfile, pathlib
    >>> out = save(go.Figure(go.Bar(y=[1, 2])), pathlib.Path(tempfile.mkdtemp()) / "f.html")
    >>> out.suffix, out.stat().st_size > 1_000_000
    ('.html', True)
    """
    if not isinstance(fig, go.Figure):
        raise param_error("fig", _FUNC, "a plotly.graph_objects.Figure", fig, TypeError)
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise param_error("path", _FUNC, "a non-empty str or path", path, TypeError)
    path = Path(path)
    fmt = format if format is not None else path.suffix.lstrip(".").lower()
    if format is not None:
        check_str(format, "format", _FUNC)
    fmt = check_choice(fmt, "format", _FUNC, FORMATS)
    width = check_int(width, "width", _FUNC, min=1, allow_none=True)
    height = check_int(height, "height", _FUNC, min=1, allow_none=True)
    scale = check_float(scale, "scale", _FUNC, min=0, min_inclusive=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        _write_html(fig, path)
    else:
        _write_static(fig, path, fmt, width, height, scale, browser_path)
    return path


def _write_html(fig: go.Figure, path: Path) -> None:
    # A fixed div id keeps the file identical when the same figure is saved again.
    fig.write_html(path, include_plotlyjs=True, full_html=True, div_id="narrcomp-figure",
                   config={"displaylogo": False, "responsive": True})


def _write_static(fig: go.Figure, path: Path, fmt: str, width, height, scale,
                  browser_path) -> None:
    try:
        import kaleido
        from kaleido.errors import ChromeNotFoundError
    except ImportError as exc:
        raise NarrcompError(f"Cannot write {path}: saving {fmt.upper()} needs the kaleido "
                            f"package (pip install 'kaleido>=1'), which is not installed.") from exc
    browser = find_browser(browser_path)
    if browser is None:
        where = f" at {browser_path}" if browser_path is not None else ""
        raise NarrcompError(f"Cannot write {path}: saving {fmt.upper()} needs Chrome or "
                            f"Chromium and none was found{where}; {INSTALL_HINT}. "
                            f"HTML export works without a browser.")
    layout = fig.layout
    opts = dict(format=fmt, scale=scale,
                width=width or layout.width or 1000, height=height or layout.height or 700)
    try:
        data = kaleido.calc_fig_sync(fig, opts=opts, kopts=dict(path=browser, mathjax=False))
    except ChromeNotFoundError as exc:
        raise NarrcompError(f"Cannot write {path}: {exc}; {INSTALL_HINT}.") from exc
    except Exception as exc:  # kaleido/choreographer raise many types; name the cause
        raise NarrcompError(f"Cannot write {path}: rendering with the browser {browser} "
                            f"failed ({type(exc).__name__}: {exc}).") from exc
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
