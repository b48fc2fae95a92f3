"""Bytes to text: BOM, then the declared charset, then UTF-8 (strict, then "mostly UTF-8"), then
windows-1252 for Western text, then charset-normalizer's best guess; UTF-16 without a BOM is
recognised, and mojibake ("prÃ©sident") repaired with ftfy. What was guessed or repaired is logged
as a warning naming the input (the pipeline records it with the run)."""
from __future__ import annotations

import codecs
import logging
import re

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

from veille.errors import RejectedInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
SNIFF_BYTES = 4096
MAX_BAD_CHAR_SHARE = 0.02  # share of control / replacement characters above which a text is junk
# In a Western European text read as windows-1252, accented letters are a minority of the letters;
# bytes of another script read that way are nearly all "accented letters".
MAX_WESTERN_NON_ASCII_LETTERS = 0.3
_WESTERN_PUNCTUATION = set("’‘“”«»–—…€°§©®·•\xa0")

MOJIBAKE_SAMPLE = 50_000  # characters checked for mojibake (the whole text is repaired when found)
UTF16_MIN_NUL_SHARE = 0.3  # share of NUL bytes on one side of the pairs for UTF-16 without a BOM
log = logging.getLogger(__name__)

UNDECODABLE = "could not decode the text: it is not UTF-8 and no known encoding fits; re-save it as UTF-8"


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML <meta> or an XML declaration announces in the first bytes."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _HTML_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return match.group(1).lower() if match else None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        encoding = "cp1252"  # what browsers do for these labels (WHATWG encoding standard)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def looks_like_text(text: str) -> bool:
    """False when control or replacement characters show the bytes were not text in this encoding."""
    sample = text[:20_000]
    return not sample or len(_BAD_CHARS.findall(sample)) <= MAX_BAD_CHAR_SHARE * len(sample)


def _western(data: bytes) -> str | None:
    """``data`` as windows-1252 when it reads as Western European text (what browsers assume
    for undeclared pages in these languages, and what charset guessers get wrong on short texts)."""
    text = _try(data, "cp1252")
    if text is None:
        return None
    letters = [c for c in text[:20_000] if c.isalpha()]
    foreign = [c for c in letters if not c.isascii()]
    odd = [c for c in text[:20_000] if not c.isascii() and not c.isalpha() and c not in _WESTERN_PUNCTUATION]
    if not letters or len(foreign) > MAX_WESTERN_NON_ASCII_LETTERS * len(letters) or len(odd) > len(foreign):
        return None
    return text


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` has no BOM but NUL bytes on one side of most pairs
    (Latin text in UTF-16), else None."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(head) < 4 or bom_encoding(data):
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    encoding = None
    if odd >= UTF16_MIN_NUL_SHARE * pairs and even <= 0.05 * pairs:
        encoding = "utf-16-le"
    elif even >= UTF16_MIN_NUL_SHARE * pairs and odd <= 0.05 * pairs:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    sample = head.decode(encoding, errors="replace")
    return encoding if looks_like_text(sample) and any(c.isalpha() for c in sample) else None


def _latin_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 read as windows-1252 when that gives a French letter or guillemet ("é" saved as
    Latin-1 in a UTF-8 file), else U+FFFD."""
    char = error.object[error.start:error.start + 1].decode("cp1252", errors="replace")
    return (char if char in _FRENCH_LETTERS else "\ufffd"), error.start + 1


_FRENCH_LETTERS = frozenset("àâäçéèêëîïôöùûüÀÂÄÇÉÈÊËÎÏÔÖÙÛÜœŒ«»°")
codecs.register_error("veille-latin-bytes", _latin_byte)
_NON_ASCII_TEXT = re.compile("[^\x00-\x7f\ufffd]")


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad byte sequences) when ``data`` is UTF-8 but for a minority of bad bytes (a few corrupt
    bytes, or Latin-1 lines pasted into a UTF-8 file); None when it is not UTF-8 at all."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(_NON_ASCII_TEXT.findall(replaced))
    if bad <= 0 or good == 0 or bad > good:
        return None
    return data.decode("utf-8", errors="veille-latin-bytes"), bad


def repair_mojibake(text: str, locator: str | None = None) -> str:
    """``text`` with mojibake repaired ("prÃ©sident" -> "président"), logged as a warning; a garbled
    text ftfy cannot repair is kept as it is, with a warning."""
    if text.isascii() or not is_bad(text[:MOJIBAKE_SAMPLE]):
        return text
    fixed = ftfy.fix_encoding(text)
    where = f"{locator}: " if locator else ""
    if fixed != text:
        log.warning("%smojibake repaired (text encoded twice, e.g. 'Ã©' for 'é')", where)
    else:
        log.warning("%sthe text looks garbled (mojibake) and could not be repaired; check its encoding", where)
    return fixed


def decode_bytes(data: bytes, declared: str | None = None, locator: str | None = None) -> str:
    """Decode ``data``: BOM, then ``declared`` (HTTP header) or the in-document declaration,
    then UTF-8, then mostly-UTF-8 (bad bytes replaced, with a warning), then windows-1252 if it
    reads as Western text, then charset-normalizer's best guess; mojibake is then repaired.
    Raise RejectedInput when nothing gives text. ``locator`` names the input in warnings."""
    text = _decoded(data, declared, f"{locator}: " if locator else "")
    if text is None or not looks_like_text(text):
        raise RejectedInput(UNDECODABLE)
    return repair_mojibake(text, locator)


def _decoded(data: bytes, declared: str | None, where: str) -> str | None:
    bom = bom_encoding(data) or utf16_without_bom(data)
    if bom:
        return _try(data, bom)
    for encoding in (_known(declared), _known(declared_encoding(data)), "utf-8"):
        text = _try(data, encoding)
        if text is not None:
            return text
    mostly = mostly_utf8(data)
    if mostly is not None:
        log.warning("%sread as UTF-8 though %d byte sequence(s) are not UTF-8 (read as Latin-1 French characters "
                    "or replaced by U+FFFD); re-save the file as UTF-8", where, mostly[1])
        return mostly[0]
    text = _western(data)
    if text is None:
        best = from_bytes(data[:200_000]).best()
        text = _try(data, best.encoding) if best is not None else None
    return text
