"""The query commands (`veille actors`, `veille events`, `veille dyad`) on the real store."""
from __future__ import annotations

import json

import pytest

from veille.cli.main import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dyad_prints_the_answer_then_the_evidence(capsys, store_path, seed_id):
    code, out, _ = run(capsys, "dyad", "Russie", "junte malienne", "--db", str(store_path))
    assert code == 0
    head, _, evidence = out.partition("\nEvidence (")
    assert head.splitlines()[0].startswith("Russie ↔ CNSP   [RUS ↔ kb:org:CNSP")
    assert "in 2 articles from 1 independent source (copies count once)" in head
    rows = head.splitlines()
    assert rows[2].startswith("  “junte malienne” → CNSP (MLI GOV+MIL, in power 2020-08-18 → 2021-01-18)")
    table = next(i for i, line in enumerate(rows) if line.startswith("type "))
    lines = {line.split()[0]: line for line in rows[table:] if line.strip()}
    assert "alleged" in rows[table] and lines["AID"].split()[1:4] == ["Russie", "→", "CNSP"]
    assert "(the articles' own voice)" in lines["AID"]  # the "selon" sentence is the army chiefs' (MLI MIL), not the CNSP's
    assert "« Les militaires maliens, auteurs du coup d’Etat, recevraient une formation à Moscou" in evidence
    assert f"{seed_id} #ev-" in evidence
    assert evidence.index("CONSULT   asserted") >= 0 and "AID       alleged" in evidence


def test_dyad_exact_and_status_filter(capsys, store_path):
    code, out, _ = run(capsys, "dyad", "RUS", "org:CNSP", "--exact", "--status", "asserted", "--db", str(store_path))
    assert code == 0 and "exact actors" in out
    evidence = out.partition("\nEvidence (")[2]
    assert "asserted" in evidence and "alleged " not in evidence


def test_dyad_json_is_the_api_body(capsys, store_path):
    code, out, _ = run(capsys, "dyad", "Russie", "CNSP", "--json", "--db", str(store_path))
    body = json.loads(out)
    assert code == 0 and body["a"]["key"] == "RUS" and body["overall"]["sources"] == 1


def test_dyad_unknown_actor_says_what_to_do(capsys, store_path):
    code, _, err = run(capsys, "dyad", "Russie", "Atlantide", "--db", str(store_path))
    assert code == 1 and "no actor matches 'Atlantide'" in err and "veille actors" in err


def test_actors_lookup_by_alias(capsys, store_path):
    code, out, _ = run(capsys, "actors", "Moscou", "--db", str(store_path))
    assert code == 0
    header, first = out.splitlines()[:2]
    assert header.split() == ["actor", "code", "events", "from", "also", "named"]
    assert first.split()[:2] == ["Russie", "RUS"] and "knowledge base" in first


def test_actors_check_validates_the_knowledge_files(capsys):
    code, out, _ = run(capsys, "actors", "check")
    assert code == 0 and out.strip() == "knowledge files: ok"


def test_events_filters_and_paging(capsys, store_path):
    code, out, _ = run(capsys, "events", "--actor", "Russie", "--status", "alleged", "--limit", "2",
                       "--db", str(store_path))
    assert code == 0
    assert out.count("alleged") == 2 and "1-2 of " in out and "next: --offset 2" in out


def test_events_bad_status_is_a_usage_error(capsys, store_path):
    code, _, err = run(capsys, "events", "--status", "rumoured", "--db", str(store_path))
    assert code == 2 and "'rumoured' is not one of: asserted, reported, alleged" in err


@pytest.mark.parametrize("command", ["actors", "events", "dyad", "serve"])
def test_every_command_has_help_with_an_example(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "example:\n  veille " + command in out
