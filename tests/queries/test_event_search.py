"""Event search: every filter, and pages that neither repeat nor skip."""
from __future__ import annotations

import pytest

from veille.errors import RejectedInput
from veille.model import EventType, QuadClass, Status
from veille.queries import ActorSelector, EventFilters, search_events

RUSSIA = ActorSelector("Russie", "RUS")


def _all(gold_store, filters, **kw):
    return search_events(gold_store, filters, limit=500, **kw)


def test_search_without_filters_returns_every_event(gold_store):
    page = search_events(gold_store, EventFilters(), limit=10)
    assert page.total == gold_store.stats()["events"]
    assert len(page.items) == 10 and page.next_offset == 10


@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-confidence"])
def test_pages_are_stable_and_complete(gold_store, sort):
    whole = [e.id for e in _all(gold_store, EventFilters(), sort=sort).items]
    paged, offset = [], 0
    while offset is not None:
        page = search_events(gold_store, EventFilters(), limit=7, offset=offset, sort=sort)
        paged.extend(e.id for e in page.items)
        offset = page.next_offset
    assert paged == whole and len(set(paged)) == len(paged)


def test_sort_by_date_newest_first_weeks_among_days(gold_store):
    dates = [e.date for e in _all(gold_store, EventFilters(country="MLI")).items]
    assert dates == sorted(dates, reverse=True)
    week = next(e for e in _all(gold_store, EventFilters(doc_id="wikinews-44485")).items if e.date_text == "2012-W26")
    assert week.date == "2012-06-25"  # the Monday of ISO week 26 of 2012


def test_filter_by_status_and_type(gold_store):
    page = _all(gold_store, EventFilters(statuses=(Status.ALLEGED,), types=(EventType.AID,)))
    assert page.total == 6  # three training claims in the seed and its copy
    assert {e.status for e in page.items} == {Status.ALLEGED}


def test_filter_by_quad_class(gold_store):
    page = _all(gold_store, EventFilters(quads=(QuadClass.MATERIAL_CONFLICT,), actor=RUSSIA))
    assert [(e.type, e.target.name) for e in page.items] == [(EventType.ASSAULT, "Alexandre Litvinenko")]
    page = _all(gold_store, EventFilters(quads=(QuadClass.MATERIAL_COOPERATION,), actor=RUSSIA))
    assert {e.type for e in page.items} == {EventType.AID}


def test_filter_by_source_and_target(gold_store):
    junta = ActorSelector("CNSP", "MLI", ("GOV", "MIL"), "CNSP", "org:CNSP")
    page = _all(gold_store, EventFilters(source=RUSSIA, target=junta, members=False))
    assert {(e.type, e.status) for e in page.items} == {(EventType.SUPPORT, Status.ALLEGED),
                                                        (EventType.CONSULT, Status.ASSERTED)}


def test_filter_by_words_ignores_accents_and_case(gold_store):
    page = _all(gold_store, EventFilters(text="RECONNAÎTRAIT junte"))
    assert page.total == 2
    assert all("reconnaitrait la junte" in e.evidence.text for e in page.items)


def test_filter_by_words_needs_a_word(gold_store):
    with pytest.raises(RejectedInput):
        search_events(gold_store, EventFilters(text="  --  "))


def test_filter_by_date_range_keeps_coarser_dates_that_overlap(gold_store):
    page = _all(gold_store, EventFilters(date_from="2020-01-15", date_to="2020-01-31"))
    assert page.total == 2 and {e.date for e in page.items} == {"2020-01"}


def test_filter_by_place_name_or_country(gold_store):
    by_name = _all(gold_store, EventFilters(place="bamako"))
    assert by_name.total > 0 and {e.place.name for e in by_name.items} == {"Bamako"}
    by_country = _all(gold_store, EventFilters(place="egy"))
    assert by_country.total > 0 and {e.place.country for e in by_country.items} == {"EGY"}


def test_filter_by_country_of_either_actor(gold_store):
    page = _all(gold_store, EventFilters(country="afg"))
    assert page.total > 0
    assert all("AFG" in {e.source and e.source.country, e.target and e.target.country} for e in page.items)


def test_filter_by_article(gold_store, builder):
    page = _all(gold_store, EventFilters(doc_id=builder.SEED_ID))
    assert page.total == len(next(g for g in builder.gold_files() if g["doc_id"] == builder.SEED_ID)["events"])
    assert all(e.title.startswith("Mali : la Russie") for e in page.items)


def test_limit_is_capped_and_offset_past_the_end_is_empty(gold_store):
    assert search_events(gold_store, EventFilters(), limit=10_000).limit == 500
    page = search_events(gold_store, EventFilters(), offset=10_000)
    assert page.items == () and page.next_offset is None


def test_unknown_sort_is_refused(gold_store):
    with pytest.raises(ValueError, match="unknown sort"):
        search_events(gold_store, EventFilters(), sort="random")


def test_query_indexes_are_used(gold_store):
    """The expressions in queries/sqlparts.py must stay identical to the indexes of migrations 0050-0051."""
    from veille.queries.sqlparts import DATE_SORT, EVENT_FROM

    def plan(sql: str) -> str:
        return " | ".join(row[3] for row in gold_store.execute("EXPLAIN QUERY PLAN " + sql))

    assert "events_sort_date" in plan(f"SELECT e.id FROM events AS e ORDER BY {DATE_SORT} DESC, e.id DESC LIMIT 5")
    assert "COVERING INDEX articles_event_meta" in plan(f"SELECT a.title, a.published FROM {EVENT_FROM}")
