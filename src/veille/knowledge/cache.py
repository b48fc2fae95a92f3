"""A per-user disk cache for derived indexes (a speed-up only: deleting it loses nothing).

Worker processes load the knowledge base and the gazetteer once each; parsing YAML and
GeoNames JSON every time would cost seconds, unpickling a ready index costs milliseconds.
Entries are keyed by the version of what they were built from; $VEILLE_CACHE_DIR overrides
the location (default ~/.cache/veille); an unwritable location just means no cache.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
from pathlib import Path
from typing import Any, Callable


def code_version(*modules: str) -> str:
    """Hash of the source of the modules an index is built by: code changes invalidate the cache too."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in modules:
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()[:10]


def cache_dir() -> Path:
    return Path(os.environ.get("VEILLE_CACHE_DIR") or Path.home() / ".cache" / "veille")


def cached(name: str, build: Callable[[], Any], *, fast: bool = False) -> Any:
    """The cached value for `name` (which must embed the source version), built and stored if missing.

    fast=True uses marshal (plain dicts, lists, tuples, str, numbers only), else pickle."""
    path = cache_dir() / (name + (".marshal" if fast else ".pickle"))
    try:
        with path.open("rb") as fh:
            return marshal.load(fh) if fast else pickle.load(fh)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            if fast:
                marshal.dump(value, fh)
            else:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        _prune(path)
    except OSError:
        pass
    return value


def _prune(current: Path) -> None:
    """Remove the entries of the same kind built from older versions ("kb-*" beside a new "kb-...")."""
    kind = current.name.split("-", 1)[0]
    for old in current.parent.glob(f"{kind}-*"):
        if old != current and not old.name.endswith(".tmp"):
            try:
                old.unlink()
            except OSError:
                pass
