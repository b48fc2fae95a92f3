"""The reporting lexicon (extract/lexicon/reporting.yaml) and its loader."""
from __future__ import annotations

import pytest

from veille.extract.reporting import CueType, Frame, Position, ReportingLexicon, Scope, Stance


@pytest.fixture(scope="module")
def lex() -> ReportingLexicon:
    return ReportingLexicon.load()


def test_reporting_verbs_carry_their_frames(lex):
    assert lex.is_reporting_verb("affirmer")
    assert lex.verb("affirmer").frames >= {Frame.QUE, Frame.INF, Frame.INCISE}
    assert Frame.OBJ_INF in lex.verb("demander").frames
    assert Frame.NP in lex.verb("constater").frames
    # "dénoncer" + a plain noun phrase is an accusation, not a quote
    assert Frame.NP not in lex.verb("dénoncer").frames
    assert not lex.is_reporting_verb("manger")


def test_reporting_verbs_default_frames_and_stance(lex):
    assert lex.verb("démentir").stance is Stance.DENY
    assert lex.verb("promettre").stance is Stance.COMMIT
    assert lex.verb("indiquer").stance is Stance.REPORT
    assert lex.verb("déclarer").type is CueType.VERB


def test_reporting_reflexive_entries_found_under_the_bare_verb(lex):
    cue = lex.verb("féliciter")
    assert cue is not None and cue.lemma == "se féliciter" and cue.reflexive


def test_reporting_multiword_verbs_listed_with_their_words(lex):
    words = {cue.words for cue in lex.multiword_verbs()}
    assert ("faire", "état") in words
    assert ("faire", "savoir") in words


def test_reporting_verb_for_form_recovers_a_missed_lemma(lex):
    # the small model lemmatises "estime" as the noun "estime", "nuancé" as an adjective
    assert lex.verb_for_form("estime", "estime").lemma == "estimer"
    assert lex.verb_for_form("nuancé", "nuancé").lemma == "nuancer"
    assert lex.verb_for_form("table", "table") is None


def test_reporting_cue_prepositions_and_positions(lex):
    assert {"selon", "d'après", "pour"} <= lex.cue_prepositions
    assert lex.preposition("Selon").position is Position.ANYWHERE
    assert lex.preposition("pour").position is Position.CLAUSE_INITIAL
    assert lex.preposition("d’après").lemma == "d'après"
    assert lex.preposition("l'avis de").scope is Scope.PREVIOUS_SENTENCE


def test_reporting_incises_listed(lex):
    forms = {cue.lemma for cue in lex.incises}
    assert {"selon lui", "a-t-il déclaré", "comme"} <= forms
    assert all(cue.type is CueType.INCISE for cue in lex.incises)


def test_reporting_source_nouns_tell_documents_from_people(lex):
    assert lex.source_noun("communiqué").document is True
    assert lex.source_noun("source").document is False
    assert lex.source_noun("table") is None


def test_reporting_impersonal_subjects(lex):
    assert lex.is_impersonal("On")
    assert lex.is_impersonal("c’")
    assert not lex.is_impersonal("il")


def test_reporting_every_entry_cites_a_known_source(lex):
    known = {key for key, _ in lex.sources}
    assert "grammar" in known
    for cue in lex.verbs + lex.prepositions + lex.incises:
        assert cue.source in known, cue.lemma


def test_reporting_loader_rejects_a_misfiled_entry(tmp_path):
    bad = tmp_path / "reporting.yaml"
    bad.write_text(
        "version: 1\nsources: {grammar: x}\n"
        "verbs: [{lemma: selon, type: preposition}]\n"
        "prepositions: []\nincises: []\nsource_nouns: []\nclause_breakers: []\n"
        "impersonal_subjects: []\nname_titles: []\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="selon"):
        ReportingLexicon.load(bad)
