"""Honest decoding (issue 10): mostly-UTF-8 stays UTF-8 with a warning, mojibake is repaired,
UTF-16 without a BOM is text, not "binary"."""
from __future__ import annotations

import logging

import pytest

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest import iter_articles
from veille.ingest.decode import decode_bytes, mostly_utf8, repair_mojibake, utf16_without_bom
from veille.model import Article
from veille.pipeline import run_ingest

TEXT = ("Le préfet de Sikasso a réuni jeudi les élus de la région pour évoquer la sécheresse. "
        "« Nous devons agir vite », a déclaré le maire, très ému.\n")


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(caplog):
    data = TEXT.encode() * 3 + b"\x81\x8d " + TEXT.encode()
    with caplog.at_level(logging.WARNING, logger="veille"):
        text = decode_bytes(data, locator="abimé.txt")
    assert text == TEXT * 3 + "\ufffd\ufffd " + TEXT  # every accent intact
    assert "abimé.txt: read as UTF-8 though 2 byte sequence(s) are not UTF-8" in caplog.text


def test_latin1_lines_in_a_utf8_file_keep_their_accents(caplog):
    data = TEXT.encode() * 2 + TEXT.encode("latin-1")
    with caplog.at_level(logging.WARNING, logger="veille"):
        assert decode_bytes(data, locator="mêlé.txt") == TEXT * 3
    assert "mêlé.txt: read as UTF-8" in caplog.text


def test_a_latin1_file_is_not_mostly_utf8():
    assert mostly_utf8(TEXT.encode("latin-1")) is None
    assert decode_bytes(TEXT.encode("latin-1")) == TEXT


def test_mojibake_is_repaired_with_a_warning(caplog):
    garbled = TEXT.encode().decode("cp1252").encode()  # "prÃ©fet"
    with caplog.at_level(logging.WARNING, logger="veille"):
        assert decode_bytes(garbled, locator="double.txt") == TEXT
    assert "double.txt: mojibake repaired" in caplog.text
    assert repair_mojibake(TEXT) == TEXT  # clean French untouched


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(encoding, settings):
    data = TEXT.encode(encoding)
    assert utf16_without_bom(data) == encoding
    assert decode_bytes(data) == TEXT
    (article,) = iter_articles(["-"], settings, stdin=_Stream(data))
    assert isinstance(article, Article) and article.text.startswith("Le préfet de Sikasso")


def test_nul_junk_is_still_binary():
    assert utf16_without_bom(b"\x00\x01" * 100) is None
    with pytest.raises(RejectedInput):
        decode_bytes(b"\x00\x01" * 100)


def test_the_run_records_the_warnings(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mêlé.txt").write_bytes(TEXT.encode() * 2 + TEXT.encode("latin-1"))
    (corpus / "propre.txt").write_text(TEXT.replace("Sikasso", "Kayes"), encoding="utf-8")
    summary = run_ingest([str(corpus)], Settings(db_path=tmp_path / "v.db", analyze=False))
    assert summary.ingested == 2 and len(summary.warnings) == 1 and "mêlé.txt: read as UTF-8" in summary.warnings[0]
    assert summary.counts()["warnings"] == list(summary.warnings)


class _Stream:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, n: int = -1) -> bytes:
        return self.data
