"""The `veille` parser: every command documented with an example; usage errors exit 2."""
from __future__ import annotations

import pytest

from veille.cli.main import COMMAND_MODULES, build_parser

COMMANDS = ["ingest", "analyze", "articles", "show", "stats", "export"]


def test_every_command_is_registered():
    choices = build_parser()._subparsers._group_actions[0].choices
    assert set(COMMANDS) <= set(choices)
    assert {"ingest", "articles", "export"} <= set(COMMAND_MODULES)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(veille, command):
    code, out, _ = veille(command, "--help")
    assert code == 0
    example = out.split("example:\n", 1)[1].strip()
    assert example.startswith(f"veille {command}")


def test_commands_touching_the_store_take_db(veille):
    for command in COMMANDS:
        assert "--db PATH" in veille(command, "--help")[1]


def test_top_level_help_lists_commands_and_examples(veille):
    code, out, _ = veille("--help")
    assert code == 0
    for command in COMMANDS:
        assert f"    {command}" in out
    assert "veille ingest article.html" in out


def test_no_command_prints_usage_and_exits_2(veille):
    code, out, err = veille()
    assert code == 2 and out == "" and "usage: veille" in err


def test_unknown_command_exits_2(veille):
    code, _, err = veille("frobnicate")
    assert code == 2 and "invalid choice: 'frobnicate'" in err


def test_version(veille):
    code, out, _ = veille("--version")
    assert code == 0 and out.startswith("veille 0.")
