"""GET /api/export/{format}: the event-data exports as streamed downloads."""
from __future__ import annotations

import csv
import io
import json

from veille.store import Store


def _events_in(store_path) -> int:
    with Store.open(store_path, create=False) as store:
        return store.execute("SELECT count(*) FROM events").fetchone()[0]


def test_gdelt_download_has_every_event(client, store_path):
    response = client.get("/api/export/gdelt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.headers["content-disposition"] == 'attachment; filename="veille-gdelt.tsv"'
    lines = response.text.splitlines()
    assert len(lines) == _events_in(store_path) > 50
    assert {len(line.split("\t")) for line in lines} == {72}


def test_gdelt_download_with_header(client):
    lines = client.get("/api/export/gdelt", params={"header": "true"}).text.splitlines()
    assert lines[0].split("\t")[-2:] == ["veille_date_precision", "veille_confidence"]


def test_polecat_and_csv_downloads_agree(client, store_path):
    records = [json.loads(line) for line in client.get("/api/export/polecat").text.splitlines()]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert len(records) == len(rows) == _events_in(store_path)
    assert [r["event"][0] for r in records] == [r["type"] for r in rows]
    assert [r["status"] for r in records] == [r["status"] for r in rows]


def test_acled_download_is_csv_with_acled_columns(client):
    response = client.get("/api/export/acled")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {r["disorder_type"] for r in rows} <= {"Political violence", "Demonstrations",
                                                           "Strategic developments"}


def test_unknown_format_is_refused(client):
    assert client.get("/api/export/xml").status_code == 422
