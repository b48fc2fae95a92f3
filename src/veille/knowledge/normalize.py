"""Text keys for matching names: accent-, case-, apostrophe- and article-insensitive."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = re.compile(r"[’'`´ʼ‘]")
_NON_WORD = re.compile(r"[^\w]+")
ARTICLES = ("l", "le", "la", "les", "the", "d", "de", "du", "des")
_LEADING = frozenset({"l", "le", "la", "les", "the"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents (œ -> oe); keeps punctuation."""
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Folded word tokens: apostrophes, hyphens and other punctuation separate words."""
    return tuple(w for w in _NON_WORD.split(_APOS.sub(" ", fold(text))) if w)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Matching key of a name: folded words without a leading article ("l'Élysée" -> "elysee")."""
    ws = list(words(text))
    while len(ws) > 1 and ws[0] in _LEADING:
        ws.pop(0)
    return " ".join(ws)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Crude French singular of a folded word, applied the same way to terms and text."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is", "os")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def role_words(text: str) -> tuple[str, ...]:
    """Words of a role term or phrase folded to the singular, feminine -e kept (lemma covers it)."""
    return tuple(singular(w) for w in words(text))


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
