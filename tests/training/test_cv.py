"""Cross-validation and train → test through `veille eval --cv / --train`, on small gold files of our
own (the real numbers are bench/accuracy.py's, over tests/data/gold)."""
from __future__ import annotations

import json

import pytest

from veille.cli.main import main

ARTICLES = [
    ("Des rebelles ont attaqué un camp militaire au Mali. Le gouvernement malien a condamné cette attaque.",
     [("ASSAULT", "Des rebelles ont attaqué un camp militaire au Mali"),
      ("ACCUSE", "Le gouvernement malien a condamné cette attaque")]),
    ("Le président nigérien a rencontré son homologue tchadien. Il pleuvait sur Niamey.",
     [("CONSULT", "Le président nigérien a rencontré son homologue tchadien")]),
    ("Des hommes armés ont attaqué une patrouille de l'armée burkinabè. La police a arrêté trois suspects.",
     [("ASSAULT", "Des hommes armés ont attaqué une patrouille de l'armée burkinabè"),
      ("COERCE", "La police a arrêté trois suspects")]),
    ("Le Sénégal a condamné les violences au Mali. Les marchés ouvrent tôt à Dakar.",
     [("ACCUSE", "Le Sénégal a condamné les violences au Mali")]),
    ("Le ministre français a rencontré le Premier ministre malien à Bamako. La France a promis une aide au Mali.",
     [("CONSULT", "Le ministre français a rencontré le Premier ministre malien à Bamako"),
      ("AID", "La France a promis une aide au Mali")]),
]


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gold")
    for n, (text, events) in enumerate(ARTICLES):
        doc = {"doc_id": f"own-{n}", "published": None, "title": "", "url": None, "text": text, "quotes": [],
               "timexes": [], "events": [{"type": t, "mode": None, "source": None, "target": None, "evidence": ev,
                                           "status": "asserted", "attributed_to": None, "date": None, "place": None}
                                          for t, ev in events]}
        (folder / f"own-{n}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def _rows(out: str) -> dict[str, list[str]]:
    rows = [line.strip("|").split("|") for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    return {r[0].strip().split()[0] + " " + r[1].strip(): [c.strip() for c in r[2:]] for r in rows[1:]}


def test_eval_cv_scores_every_design_on_held_out_articles(gold_dir, capsys):
    assert main(["eval", "--cv", "--gold", str(gold_dir)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert set(rows) == {"rules 5-fold CV on train", "learned 5-fold CV on train", "hybrid, 5-fold CV on train",
                         "hybrid: 5-fold CV on train"}
    typed_f1 = {k: float(v[2]) for k, v in rows.items()}
    assert typed_f1["rules 5-fold CV on train"] > 0.5  # these plain sentences are within the lexicon's reach
    assert all(0.0 <= f <= 1.0 for f in typed_f1.values())


def test_eval_train_then_score_another_folder(gold_dir, tmp_path, capsys):
    test_dir = tmp_path / "test"
    test_dir.mkdir()
    for f in sorted(gold_dir.glob("*.json"))[:2]:
        (test_dir / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["eval", "--train", str(gold_dir), "--gold", str(test_dir), "--design", "rules"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert list(rows) == ["rules train → dev"]
