"""Docs that cannot rot: README's commands parse, every command has an example, the export
carries every field the contract documents."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from veille.cli.main import build_parser
from veille.model import Analysis, Article, SourceKind
from veille.store.export import article_to_export

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests" / "data" / "spec" / "export-format.md"


def spec_fields() -> set[str]:
    """The top-level keys of the contract's example object (two-space indented)."""
    block = re.search(r"```json\n(.*?)```", SPEC.read_text(encoding="utf-8"), flags=re.S).group(1)
    return set(re.findall(r'^  "(\w+)":', block, flags=re.M))


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S)
    lines = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        lines += [ln.split("#")[0].strip() for ln in joined.splitlines() if ln.strip().startswith("veille ")]
    return lines


def test_readme_quick_start_has_exactly_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```(?:sh)?\n(.*?)```", quick, flags=re.S).group(1)
    assert [ln.split("#")[0].strip() for ln in block.splitlines() if ln.strip()] == ["make demo", "make test"]


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_parses(command):
    argv = [a for a in shlex.split(command)[1:]]
    args = build_parser().parse_args(argv)
    assert hasattr(args, "run")


def test_every_command_help_has_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, cmd in sub.choices.items():
        assert "example" in (cmd.epilog or ""), f"veille {name} --help has no example"


def test_export_carries_every_contract_field():
    art = Article(doc_id="d1", title="T", text="x", content_hash="h", source_kind=SourceKind.TEXT, locator="f")
    out = article_to_export(art, Analysis(doc_id="d1"))
    fields = spec_fields()
    assert {"doc_id", "text", "events", "quotes", "timexes", "entities"} <= fields
    assert fields <= set(out)
