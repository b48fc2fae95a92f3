"""Exact and near-duplicate detection: a normalised content hash and MinHash-LSH over word 5-shingles."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
# invisible characters that page markup leaves inside words: soft hyphen, zero-width space,
# word joiner, zero-width no-break space (BOM); joiners and direction marks are kept
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def normalise(text: str) -> str:
    """Text as compared for duplicates: NFC, no invisible characters (soft hyphens, zero-width
    spaces), white space collapsed, case folded."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text: equal for texts that differ only in white space or case."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise(text))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def minhash_signature(text: str, num_perm: int = 128) -> bytes:
    """A serialised (LeanMinHash) MinHash of the word 5-shingles of ``text``."""
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch(list(_shingles(text)))
    lean = LeanMinHash(minhash)
    buf = bytearray(lean.bytesize())
    lean.serialize(buf)
    return bytes(buf)


def signature_minhash(signature: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(signature)


class NearDuplicateIndex:
    """Documents added by id and signature; ``query`` returns the ids of those whose estimated
    Jaccard similarity with a signature is above ``threshold``."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128):
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._count = 0

    def add(self, doc_id: str, signature: bytes) -> None:
        """Add a document; adding the same id again is a no-op."""
        if doc_id in self._lsh:
            return
        self._lsh.insert(doc_id, self._minhash(signature))
        self._count += 1

    def query(self, signature: bytes) -> list[str]:
        return sorted(self._lsh.query(self._minhash(signature)))

    def __len__(self) -> int:
        return self._count

    def _minhash(self, signature: bytes) -> LeanMinHash:
        minhash = signature_minhash(signature)
        if len(minhash.hashvalues) != self.num_perm:
            raise ValueError(f"signature has {len(minhash.hashvalues)} permutations, the index {self.num_perm}")
        return minhash
