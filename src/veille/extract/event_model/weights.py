"""Saving learned weights: plain numpy arrays (no pickle) and a JSON sheet, versioned by their digest."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np


def save_weights(folder: Path, weights: str, meta: str, prefix: str, arrays: dict[str, np.ndarray],
                 info: dict) -> str:
    """Write ``arrays`` to ``folder/weights`` and ``info`` with the version to ``folder/meta``;
    returns the version: ``prefix`` and a digest of the arrays and ``info``."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(json.dumps(info, sort_keys=True, default=str).encode())
    for key in sorted(arrays):
        digest.update(np.ascontiguousarray(arrays[key]).tobytes())
    version = f"{prefix}-{digest.hexdigest()[:12]}"
    np.savez_compressed(folder / weights, **arrays)
    (folder / meta).write_text(json.dumps({"version": version, **info}, indent=1, ensure_ascii=False) + "\n",
                               encoding="utf-8")
    return version


def saved_version(folder: Path, meta: str) -> str | None:
    """The version recorded in ``folder/meta`` (no weights loaded); None when there is none."""
    path = folder / meta
    return str(json.loads(path.read_text(encoding="utf-8"))["version"]) if path.exists() else None
