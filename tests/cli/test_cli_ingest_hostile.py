"""`veille ingest` over the inputs that once ended a whole run (issue 10): each bad one is a
rejection naming its file and line, the others are stored and analysed, the exit status is 0."""
from __future__ import annotations

import json
import sqlite3


def test_hostile_folder_costs_only_its_bad_items(veille, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "homonymes.txt").write_text(
        "Réunion à Ségou\n\nSeydou Diarra, enseignant à Ségou, a pris la parole hier. Oumar Diarra, journaliste "
        "à Kayes, l'a contredit. Bakary Diarra, enseignant à Sikasso, a conclu. Diarra a quitté la salle.",
        encoding="utf-8")
    (corpus / "flux.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Un &#1114112;</title><description>Le maire de Kita a inauguré mardi un marché couvert "
        "pour les commerçants de la ville.</description></item></channel></rss>", encoding="utf-8")
    lines = [json.dumps({"id": "ok-1", "text": "Le gouverneur de Gao a reçu hier les chefs de quartier.",
                         "published": "0001-01-01"}),
             '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
             '{"id": "surrogate", "text": "Bamako \\ud800"}',
             json.dumps({"id": "ok-2", "text": "La préfète de Koutiala a annoncé demain la réouverture des écoles.",
                         "published": "9999-12-31"})]
    (corpus / "lot.jsonl").write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "v.db"
    code, out, err = veille("ingest", corpus, "--db", db)
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{db}: 4 new articles stored")
    assert f"{corpus / 'lot.jsonl'}#line-2: JSON nested more than 64 levels" in out
    assert f"{corpus / 'lot.jsonl'}#line-3: field 'text' holds an invalid character" in out
    assert "  warnings:               2   (read, but check these)" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(analysed_at) FROM articles").fetchone() == (4, 4)
    assert conn.execute("SELECT count(*) FROM runs WHERE finished IS NULL").fetchone()[0] == 0
    warnings = json.loads(conn.execute("SELECT counts FROM runs").fetchone()[0])["warnings"]
    assert any("publication date 0001-01-01 is outside 1800-2200" in w for w in warnings)
    conn.close()
