"""The event and claim lexicon (extract/lexicon.py and extract/lexicon/*.yaml): schema and codes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from veille.extract.lexicon import DATA_DIR, FILES, Lexicon, LexiconError, SlotKind
from veille.model import EventType

PLOVER_MODES = {  # the mode tables of the PLOVER manual (reference/PLOVER_MANUAL.tex)
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def all_senses(lexicon: Lexicon):
    for table in (lexicon.verbs, lexicon.nouns):
        for senses in table.values():
            yield from senses


def copy_lexicon(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def test_lexicon_load_is_cached_and_versioned(lexicon):
    assert Lexicon.load() is lexicon
    assert len(lexicon.version) == 12 and int(lexicon.version, 16) >= 0


def test_lexicon_covers_hundreds_of_french_predicates(lexicon):
    assert len(lexicon.verbs) >= 250
    assert len(lexicon.nouns) >= 120
    assert {s.type for s in all_senses(lexicon)} == set(EventType)


def test_lexicon_every_mode_is_a_plover_mode_of_its_type(lexicon):
    for etype, modes in lexicon.modes.items():
        assert modes == PLOVER_MODES.get(etype.value, set()), etype
    for sense in all_senses(lexicon):
        assert isinstance(sense.type, EventType)
        assert sense.mode is None or sense.mode in PLOVER_MODES[sense.type.value], (sense.lemma, sense.mode)
        for key, mode in sense.complement_modes.items():
            assert mode in PLOVER_MODES[sense.type.value], (sense.lemma, key)
    for etype, cues in lexicon.mode_cues.items():
        assert set(cues.values()) <= PLOVER_MODES[etype.value]


def test_lexicon_every_entry_cites_its_source(lexicon):
    assert all(sense.ref.strip() for sense in all_senses(lexicon))
    for name in FILES:
        data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        for key in ("verbs", "nouns"):
            for group in data.get(key, []):
                assert group.get("ref"), (name, group.get("type"))


def test_lexicon_reflexive_entries_require_the_clitic(lexicon):
    s_attaquer = [s for s in lexicon.verb_senses("attaquer") if s.when.refl]
    assert s_attaquer and s_attaquer[0].type is EventType.ASSAULT
    assert s_attaquer[0].target[0].kind is SlotKind.OBL and s_attaquer[0].target[0].prep == "à"


def test_lexicon_conditional_senses_come_before_the_default(lexicon):
    condamner = lexicon.verb_senses("condamner")
    assert [s.type for s in condamner][-1] is EventType.ACCUSE  # verbal condemnation is the default
    assert any(s.type is EventType.SANCTION and s.mode == "convict" for s in condamner)  # a court's
    recevoir = lexicon.verb_senses("recevoir")
    assert all(s.type is EventType.CONSULT and s.mode == "visit" for s in recevoir)
    assert ("en", "audience") in recevoir[0].when.obl


def test_lexicon_word_sets_expand_in_conditions(lexicon):
    former = lexicon.verb_senses("former")[0]
    assert former.type is EventType.AID
    assert {"soldat", "officier", "militaire"} <= former.when.obj


def test_lexicon_claim_cues_are_loaded(lexicon):
    cues = lexicon.claims
    assert {"selon", "d'après"} <= cues.reporting_preps
    assert {"affirmer", "déclarer", "annoncer"} <= cues.reporting_verbs
    assert "pas" in cues.negation_particles and "que" in cues.restrictive
    assert "prévoir" in cues.future_governors and "pouvoir" in cues.hypothetical_modals
    assert "présumé" in cues.alleged_words


def test_lexicon_rejects_a_mode_foreign_to_the_type(tmp_path):
    copy_lexicon(tmp_path)
    path = tmp_path / "predicates.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{lemma: bombarder, mode: aerial}", "{lemma: bombarder, mode: visit}"), encoding="utf-8")
    with pytest.raises(LexiconError, match="bombarder.*visit.*ASSAULT"):
        Lexicon.load(tmp_path)


def test_lexicon_rejects_an_unknown_type(tmp_path):
    copy_lexicon(tmp_path)
    path = tmp_path / "nominals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("- type: AGREE", "- type: AGREEMENT"),
                    encoding="utf-8")
    with pytest.raises(LexiconError, match="AGREEMENT.*not a PLOVER event type"):
        Lexicon.load(tmp_path)


def test_lexicon_rejects_two_unconditional_senses_of_one_lemma(tmp_path):
    copy_lexicon(tmp_path)
    path = tmp_path / "predicates.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - saluer\n", "      - saluer\n      - tuer\n"),
                    encoding="utf-8")
    with pytest.raises(LexiconError, match="'tuer' has 2 unconditional senses"):
        Lexicon.load(tmp_path)


def test_lexicon_rejects_unknown_conditions_and_word_sets(tmp_path):
    copy_lexicon(tmp_path)
    path = tmp_path / "predicates.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('when: {obj: ["@forces", "@persons"]}, target: [obj]}',
                                 'when: {objet: ["@forces"]}, target: [obj]}', 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown condition"):
        Lexicon.load(tmp_path)
    path.write_text(text.replace('"@forces", "@persons"', '"@armies"', 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown word set '@armies'"):
        Lexicon.load(tmp_path)


def test_lexicon_missing_file_names_it(tmp_path):
    copy_lexicon(tmp_path)
    (tmp_path / "claims.yaml").unlink()
    with pytest.raises(LexiconError, match="claims.yaml: missing"):
        Lexicon.load(tmp_path)
