"""The dyad on the seed's question: is Russia backing Mali's junta, how surely, according to whom, since when."""
from __future__ import annotations

import pytest

from veille.model import EventType, QuadClass, Status
from veille.queries import ActorSelector, dyad, resolve_actor

RUSSIA = ActorSelector("Russie", "RUS")


@pytest.fixture
def junta(gold_store, kb):
    return resolve_actor(gold_store, "CNSP", kb)


def _lines(answer):
    return {(s.direction, s.type): s.breakdown.by_status.as_dict() for s in answer.by_type}


def test_dyad_answers_by_type_and_status_with_members(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta)
    # Each line doubles: the seed and its syndicated copy both carry the events.
    assert _lines(answer) == {
        ("ab", EventType.SUPPORT): {"alleged": 4},
        ("ab", EventType.AID): {"alleged": 6},
        ("ab", EventType.CONSULT): {"asserted": 2},
        ("ab", EventType.AGREE): {"future": 2},
        ("ba", EventType.SUPPORT): {"asserted": 2},   # "Quatre des pays ont signé" : Mali's government
    }
    assert answer.by_type[0].type is EventType.AID  # the most frequent line first
    assert answer.overall.by_status.as_dict() == {"asserted": 4, "alleged": 10, "future": 2}


def test_dyad_exact_actors_leave_members_out(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta, members=False)
    # Russia as a state (GOV) and the CNSP itself: the ambassador's audience and the two SUPPORT claims.
    assert _lines(answer) == {("ab", EventType.SUPPORT): {"alleged": 4}, ("ab", EventType.CONSULT): {"asserted": 2}}


def test_dyad_counts_a_syndicated_copy_as_one_source(gold_store, junta, builder):
    answer = dyad(gold_store, RUSSIA, junta)
    assert answer.overall.articles == 2
    assert answer.overall.sources == 1
    assert [s.doc_id for s in answer.sources] == [builder.SEED_ID, builder.COPY_ID]
    assert answer.sources[1].duplicate_of == builder.SEED_ID
    assert all(line.breakdown.sources == 1 for line in answer.by_type)


def test_dyad_says_since_when(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta)
    assert (answer.overall.first, answer.overall.last) == ("2020-01", "2020-09-01")
    assert [m.key for m in answer.by_month] == ["2020-01", "2020-08", "2020-09"]
    aid = next(s for s in answer.by_type if s.type is EventType.AID)
    assert aid.breakdown.first == "2020-01"


def test_dyad_groups_by_quad_class(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta)
    quads = {b.key: b.total for b in answer.by_quad}
    assert quads == {QuadClass.VERBAL_COOPERATION.value: 10, QuadClass.MATERIAL_COOPERATION.value: 6}


def test_dyad_evidence_is_verbatim_with_offsets_and_attribution(gold_store, junta, builder):
    answer = dyad(gold_store, RUSSIA, junta)
    assert answer.evidence_total == len(answer.evidence) == 16
    for hit in answer.evidence:
        text = gold_store.get_article(hit.doc_id).text
        assert text[hit.evidence.start:hit.evidence.end] == hit.evidence.text
    training = [h for h in answer.evidence if h.doc_id == builder.SEED_ID and "programme de formation" in h.evidence.text]
    assert len(training) == 1
    assert training[0].status is Status.ALLEGED
    assert training[0].attributed_to.name == "sources militaires maliennes"
    assert training[0].date == "2020-01"
    audience = next(h for h in answer.evidence if h.doc_id == builder.SEED_ID and h.type is EventType.CONSULT)
    assert audience.status is Status.ASSERTED
    assert audience.evidence.text.startswith("l’Ambassadeur russe a été reçu en audience")
    assert audience.place.name == "Bamako" and audience.anchor == f"ev-{audience.idx}"


def test_dyad_evidence_limit_keeps_totals(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta, evidence_limit=3)
    assert len(answer.evidence) == 3
    assert answer.evidence_total == 16
    assert answer.overall.total == 16


def test_dyad_is_symmetric(gold_store, junta):
    ab, ba = dyad(gold_store, RUSSIA, junta), dyad(gold_store, junta, RUSSIA)
    assert ab.overall == ba.overall
    assert {(s.type, s.direction) for s in ab.by_type} == {
        (s.type, "ab" if s.direction == "ba" else "ba") for s in ba.by_type}


def test_dyad_of_strangers_is_empty(gold_store):
    answer = dyad(gold_store, RUSSIA, ActorSelector("Équateur", "ECU"))
    assert answer.overall.total == 0 and answer.by_type == () and answer.sources == ()
    assert answer.overall.first is None


def test_dyad_lines_say_according_to_whom(gold_store, junta):
    answer = dyad(gold_store, RUSSIA, junta)
    aid = next(s for s in answer.by_type if s.type is EventType.AID)
    assert aid.according_to == (("sources militaires maliennes", 2),)  # the other AID claims: the article's voice
    consult = next(s for s in answer.by_type if s.type is EventType.CONSULT)
    assert consult.according_to == ()


PARTIAL_TEXT = ("La junte a reçu l'ambassadeur russe lundi. Des officiers seraient formés à Moscou depuis mars, "
                "selon des sources sécuritaires. Des instructeurs russes seraient arrivés à Bamako.")


def test_dyad_counts_a_sourced_event_with_one_side_as_partial(tmp_path, kb):
    """An event of one side with no other participant named, that the article attributes to a source,
    is counted for the dyad the article is about, and said to be partial; unsourced ones are not."""
    from datetime import date

    from veille.model import Actor, Analysis, Article, EntityKind, Event, EventDate, SourceKind, Span
    from veille.store import Store
    from veille.ingest.dedup import content_hash

    russia = Actor("Russie", "RUS", ("GOV",), kind=EntityKind.COUNTRY)
    cnsp = Actor("CNSP", "MLI", ("GOV", "MIL"), org="CNSP", kb_id="org:CNSP")
    sources = Actor("sources sécuritaires", None, ("MIL",))

    def span(phrase: str) -> Span:
        start = PARTIAL_TEXT.index(phrase)
        return Span(start, start + len(phrase), phrase)

    events = (Event(EventType.CONSULT, cnsp, russia, span("La junte a reçu l'ambassadeur russe"),
                    date=EventDate("2020-09-07", "lundi")),
              Event(EventType.AID, russia, None, span("Des officiers seraient formés à Moscou"), Status.ALLEGED,
                    attributed_to=sources, date=EventDate("2020-03", "depuis mars")),
              Event(EventType.AID, russia, None, span("Des instructeurs russes seraient arrivés à Bamako"),
                    Status.ALLEGED))
    article = Article(doc_id="p1", title="Mali", text=PARTIAL_TEXT, content_hash=content_hash(PARTIAL_TEXT),
                      source_kind=SourceKind.TEXT, locator="p1.txt", language="fr", published=date(2020, 9, 10))
    with Store.open(tmp_path / "veille.db") as store:
        store.add_articles([article])
        store.save_analyses([Analysis("p1", events=events, versions={"test": "1"})])
        answer = dyad(store, RUSSIA, resolve_actor(store, "CNSP", kb))
    assert [(h.type, h.status, h.attributed_to.name) for h in answer.partial] == [
        (EventType.AID, Status.ALLEGED, "sources sécuritaires")]
    aid = next(s for s in answer.by_type if s.type is EventType.AID)
    assert (aid.direction, aid.partial, dict(aid.according_to)) == ("ab", 1, {"sources sécuritaires": 1})
    assert answer.overall.first == "2020-03"
