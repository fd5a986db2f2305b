"""Turn the bytes of a text file into ``str``.

Researchers collect text from everywhere: UTF-8 from the web, UTF-16 from
Windows tools, Windows-1251 from Russian sites, and the odd file that is not
text at all. :func:`decode_bytes` tries, in order:

1. a byte order mark (UTF-8, UTF-16, UTF-32),
2. UTF-16 without a BOM (recognised by its pattern of NUL bytes),
3. strict UTF-8,
4. ``charset_normalizer``'s best guess (legacy code pages such as cp1251).

Files with NUL bytes (that are not UTF-16) or with many control characters are
rejected as binary. Line endings are normalised to ``"\\n"`` so a file checked
out on Windows hashes to the same document as on Linux.
"""

from __future__ import annotations

import codecs

from narrcomp.errors import CorpusError

__all__ = ["decode_bytes", "BINARY_REASON", "UNDECODABLE_REASON"]

BINARY_REASON = "binary file, not text"
UNDECODABLE_REASON = "undecodable bytes (unknown text encoding)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control bytes that never appear in ordinary text (tab, LF, FF, CR and ESC are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.05


def decode_bytes(data: bytes, path: str = "<bytes>") -> str:
    """Decode the bytes of a text file.

    Parameters
    ----------
    data : bytes
        The whole file.
    path : str
        Used in error messages only.

    Returns
    -------
    str
        The text, with ``\\r\\n`` and ``\\r`` line endings turned into ``\\n``.

    Raises
    ------
    CorpusError
        ``"binary file, not text"`` or ``"undecodable bytes (unknown text encoding)"``.

    Examples
    --------
    >>> text = "Инспекторы ОЗХО прибыли в Думу. Российская сторона отвергла эти выводы."
    >>> decode_bytes(text.encode("cp1251")) == text
    True
    >>> decode_bytes(b"line one\\r\\nline two")
    'line one\\nline two'
    """
    text = _decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data[:_SAMPLE])
        if encoding is None:
            raise CorpusError(path, BINARY_REASON)
        return _strict(data, encoding, path)
    if _control_share(data[:_SAMPLE]) > _MAX_CONTROL_SHARE:
        raise CorpusError(path, BINARY_REASON)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, path)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"{UNDECODABLE_REASON}: invalid {encoding} at byte {exc.start}") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when NULs sit on one side of byte pairs."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    n_control = len(sample) - len(sample.translate(None, _CONTROL))
    return n_control / len(sample)


def _guess(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise CorpusError(path, UNDECODABLE_REASON)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise CorpusError(path, UNDECODABLE_REASON) from None
