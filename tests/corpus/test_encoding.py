import codecs

import pytest

from narrcomp.corpus.encoding import BINARY_REASON, UNDECODABLE_REASON, decode_bytes
from narrcomp.errors import CorpusError

from ._builders import RUSSIAN


def test_windows_1251_russian_decodes():
    assert decode_bytes(RUSSIAN.encode("cp1251")) == RUSSIAN


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(encoding, bom):
    assert decode_bytes(bom + RUSSIAN.encode(encoding)) == RUSSIAN


def test_utf16_without_bom_is_recognised():
    text = "Chlorine was used in Douma, the report says.\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_utf8_bom_is_removed_and_line_endings_normalised():
    data = codecs.BOM_UTF8 + "Первая строка.\r\nSecond line.\rThird.".encode("utf-8")
    assert decode_bytes(data) == "Первая строка.\nSecond line.\nThird."


def test_nul_bytes_mean_binary():
    data = b"%PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(CorpusError, match=BINARY_REASON):
        decode_bytes(data, "image.txt")


def test_control_characters_mean_binary():
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 100
    with pytest.raises(CorpusError) as info:
        decode_bytes(data, "blob.txt")
    assert info.value.reason == BINARY_REASON and info.value.path == "blob.txt"


def test_undecodable_bytes():
    data = bytes((37 * i + 11) % 128 + 128 for i in range(400))
    with pytest.raises(CorpusError, match="undecodable bytes"):
        decode_bytes(data)
    assert UNDECODABLE_REASON.startswith("undecodable bytes")


def test_invalid_utf16_after_bom():
    with pytest.raises(CorpusError, match="invalid utf-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"A\x00\x00\xdc")
