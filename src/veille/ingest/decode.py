"""Bytes to text: BOM, then the declared charset, then UTF-8, then charset-normalizer's best guess."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

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


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then ``declared`` (HTTP header) or the in-document declaration,
    then UTF-8, then windows-1252 if it reads as Western text, then charset-normalizer's best
    guess; raise RejectedInput when nothing gives text."""
    bom = bom_encoding(data)
    if bom:
        text = _try(data, bom)
    else:
        text = None
        for encoding in (_known(declared), _known(declared_encoding(data)), "utf-8"):
            text = _try(data, encoding)
            if text is not None:
                break
        if text is None:
            text = _western(data)
        if text is None:
            best = from_bytes(data[:200_000]).best()
            text = _try(data, best.encoding) if best is not None else None
    if text is None or not looks_like_text(text):
        raise RejectedInput(UNDECODABLE)
    return text
