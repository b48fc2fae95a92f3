"""docs/python.md and docs/exports.md: their examples run, and every exported field is documented."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from veille.cli.main import main
from veille.store.formats import acled, csv_flat, gdelt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SAMPLE = ROOT / "data" / "sample" / "mali-russie-junte-2020-09-01.txt"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, store_path) -> Path:  # store_path first: the model is loaded already
    """What the pages say to run first: `veille ingest data/sample/<the seed> --db veille.db`."""
    folder = tmp_path_factory.mktemp("docs")
    assert main(["ingest", str(SAMPLE), "--db", str(folder / "veille.db")]) == 0
    return folder


@pytest.mark.parametrize("page", ["python.md", "exports.md"])
def test_page_examples_run(page, sample_store, monkeypatch):
    monkeypatch.chdir(sample_store)
    result = doctest.testfile(str(DOCS / page), module_relative=False, report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 5 and result.failed == 0


def test_every_exported_column_is_documented():
    text = (DOCS / "exports.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([A-Za-z0-9_]+)`", text))
    for columns in (gdelt.VEILLE_COLUMNS, acled.COLUMNS):
        assert set(columns) <= named, set(columns) - named
    covered = named | {f"Actor{n}{part}" for n in (1, 2) for part in gdelt._ACTOR} \
        | {f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in gdelt._GEO}
    assert set(gdelt.GDELT_COLUMNS) <= covered
    flat = {f"{side}_{part}" for side in ("source", "target", "attributed") for part in csv_flat.ACTOR_PARTS}
    assert set(csv_flat.COLUMNS) - flat <= named
