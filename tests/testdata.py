"""Paths of the test data copies (tests/data), importable from any test module."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
SEED_PATH = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
GOLD_DIR = DATA / "gold" / "dev"
WIKINEWS_DIR = DATA / "corpus" / "wikinews-fr-2012"
