"""`veille export --format jsonl`: to stdout or to a file, one article per line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def test_export_to_stdout_writes_one_line_per_article(veille, db):
    code, out, err = veille("export", "--format", "jsonl", "--db", db)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err.strip() == "exported 7 articles"
    assert [line["doc_id"] for line in lines][:2] == ["seed-000", "seed-copy"]
    seed = lines[0]
    assert seed["events"][0]["type"] == "AID" and seed["events"][0]["status"] == "alleged"
    assert seed["events"][0]["attributed_to"]["name"] == "sources militaires maliennes"
    assert seed["quotes"][0]["speaker"]["role"] == "enseignante-chercheuse à Bamako"
    assert seed["timexes"] == [{"text": "vendredi 21 août", "start": 1202, "end": 1218, "value": "2020-08-21"}]
    assert seed["text"][1202:1218] == "vendredi 21 août"
    assert lines[1]["duplicate_of"] == "seed-000" and len(lines[1]["events"]) == 1


def test_export_to_file_and_selected_doc_ids(veille, db, tmp_path):
    out_file = tmp_path / "export.jsonl"
    code, out, err = veille("export", "seed-000", "--out", out_file, "--db", db)
    assert code == 0 and out == "" and err.strip() == f"exported 1 articles to {out_file}"
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["seed-000"]
    assert not (tmp_path / "export.jsonl.partial").exists()


def test_export_unknown_doc_id_is_an_error(veille, db):
    code, out, err = veille("export", "nope", "--db", db)
    assert code == 1 and out == "" and "no article 'nope'" in err


def test_export_into_missing_folder_is_an_error(veille, db, tmp_path):
    code, _, err = veille("export", "--out", tmp_path / "no" / "export.jsonl", "--db", db)
    assert code == 1 and "folder" in err and "does not exist" in err


def test_export_unknown_format_is_a_usage_error(veille, db):
    code, out, err = veille("export", "--format", "xml", "--db", db)
    assert code == 2 and "invalid choice: 'xml'" in err


def test_export_is_read_by_the_reference_scorer(veille, db, tmp_path):
    out_file = tmp_path / "export.jsonl"
    assert veille("export", "--out", out_file, "--db", db)[0] == 0
    scored = subprocess.run([sys.executable, str(DATA / "eval" / "score.py"), "--gold", str(DATA / "gold" / "dev"),
                             "--system", str(out_file)], capture_output=True, text=True, timeout=60)
    assert scored.returncode == 0, scored.stderr
    assert "documents: 17  missing from system: 16" in scored.stdout  # seed-000 is in the export
    timexes = next(line for line in scored.stdout.splitlines() if line.startswith("timexes_value"))
    assert float(timexes.split()[1]) == 1.0  # our one timex of the seed is right
