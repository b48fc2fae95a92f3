"""Install like a library: the wheel `python -m build` makes holds the code, the data files and
the entry points, and works from a fresh virtual environment.

The wheel is built offline (``--no-isolation``: setuptools and wheel of the test extra) from
a copy of the tree. The fresh environment gets the wheel itself (``pip install --no-deps``)
and reaches the dependencies already installed here through a ``.pth`` line, so the test
takes seconds and needs no network; the editable install of this tree is not on its path.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
ANALYZE = ("import veille; r = veille.analyze('Le Burkina Faso a expulsé deux diplomates français mercredi.', "
           "published='2022-03-01'); print(veille.__file__); print([e.type.value for e in r.events])")

pytestmark = pytest.mark.slow


def _run(args: list, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["VEILLE_WORKERS"] = "1"
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path_factory.mktemp("dist")
    done = _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, tree], tree)
    assert done.returncode == 0, done.stderr[-2000:]
    (found,) = dist.glob("veille-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh_env(wheel, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("env")
    venv.EnvBuilder(with_pip=False).create(home / "venv")
    python = home / "venv" / "bin" / "python"
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], home).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel], home)
    assert done.returncode == 0, done.stderr[-2000:]
    return home


def test_wheel_holds_the_data_files_and_entry_points(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("veille/store/data/CAMEO2PLOVER-2021.txt", "veille/store/data/README.md",
                     "veille/store/data/acled.yaml", "veille/extract/lexicon/predicates.yaml",
                     "veille/knowledge/data/countries.yaml", "veille/store/migrations/0001_initial.sql",
                     "veille/web/templates/article.html", "veille/py.typed"):
        assert expected in names, expected
    entry_points = zipfile.ZipFile(wheel).read("veille-0.1.0.dist-info/entry_points.txt").decode()
    assert "veille = veille.cli.main:main" in entry_points
    assert "[spacy_factories]\nveille = veille.spacy_component:make_veille" in entry_points


def test_installed_wheel_runs_the_command_and_the_library(fresh_env):
    bin_dir = fresh_env / "venv" / "bin"
    version = _run([bin_dir / "veille", "--version"], fresh_env)
    assert version.returncode == 0 and version.stdout.strip() == "veille 0.1.0"
    db = fresh_env / "sample.db"
    ingest = _run([bin_dir / "veille", "ingest", SAMPLE, "--db", db], fresh_env)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    assert f"{len(list(SAMPLE.glob('*.*'))) - 1} new articles" in ingest.stdout  # all but README.md
    export = _run([bin_dir / "veille", "export", "--format", "gdelt", "--db", db], fresh_env)
    assert export.returncode == 0 and len(export.stdout.splitlines()) > 20
    analyze = _run([bin_dir / "python", "-c", ANALYZE], fresh_env)
    where, types = analyze.stdout.splitlines()
    assert Path(where).is_relative_to(fresh_env / "venv") and types == "['SANCTION']"
