"""`veille export --format polecat|gdelt|acled|csv`: one event per line, to stdout or a file."""
from __future__ import annotations

import csv
import io
import json


def test_gdelt_to_stdout_one_line_per_event(veille, db):
    code, out, err = veille("export", "--format", "gdelt", "--db", db)
    assert code == 0 and err.strip() == "exported 1 events (gdelt)"
    fields = out.splitlines()[0].split("\t")
    assert len(out.splitlines()) == 1 and len(fields) == 61 + 11
    assert fields[26:30] == ["070", "070", "07", "2"]  # EventCode, EventBaseCode, EventRootCode, QuadClass
    assert fields[5:8] == ["RUSGOV", "Russie", "RUS"] and fields[63] == "alleged"


def test_gdelt_header_line_on_request(veille, db):
    code, out, _ = veille("export", "--format", "gdelt", "--header", "--db", db)
    assert code == 0 and out.splitlines()[0].split("\t")[:3] == ["GlobalEventID", "Day", "MonthYear"]


def test_polecat_to_file(veille, db, tmp_path):
    target = tmp_path / "events.jsonl"
    code, out, err = veille("export", "--format", "polecat", "--out", target, "--db", db)
    assert code == 0 and out == "" and err.strip() == f"exported 1 events (polecat) to {target}"
    record = json.loads(target.read_text(encoding="utf-8"))
    assert record["event"] == ["AID"] and record["status"] == "alleged"
    assert record["attributed_to"]["entity_text"] == "sources militaires maliennes"
    assert not (tmp_path / "events.jsonl.partial").exists()


def test_csv_and_acled_headers(veille, db):
    _, out, _ = veille("export", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["doc_id"], r["type"], r["target_name"]) for r in rows] == [("seed-000", "AID", "militaires maliens")]
    code, out, err = veille("export", "--format", "acled", "--db", db)
    assert code == 0 and out.splitlines()[0].startswith("event_id_cnty,event_date,year,")
    assert len(out.splitlines()) == 1 and err.strip() == "exported 0 events (acled)"  # AID is not an ACLED type


def test_event_format_unknown_doc_id_is_an_error(veille, db):
    code, out, err = veille("export", "--format", "csv", "nope", "--db", db)
    assert code == 1 and out == "" and "no article 'nope'" in err
