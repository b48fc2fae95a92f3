"""The event-data exports (store/formats): the published column lists, the mapping of real
values, streaming in constant memory."""
from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import date

import pytest
from conftest import make_article, seed_analysis, seed_article

from veille.model import Actor, Analysis, Event, EventType, Place, Span
from veille.store import Store
from veille.store.formats import EVENT_FORMATS, event_format, export_events, iter_event_rows
from veille.store.formats.cameo import CameoCodes, parse_table

# GDELT 2.0 event table, in file order: GDELT Event Codebook V2.0
# (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf), 61 fields.
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_V2 = (["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
            + [f"Actor1{f}" for f in _ACTOR] + [f"Actor2{f}" for f in _ACTOR]
            + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
               "NumMentions", "NumSources", "NumArticles", "AvgTone"]
            + [f"Actor1Geo_{f}" for f in _GEO] + [f"Actor2Geo_{f}" for f in _GEO] + [f"ActionGeo_{f}" for f in _GEO]
            + ["DATEADDED", "SOURCEURL"])
# ACLED's columns, in export order: ACLED Codebook (2023), "ACLED Data Columns at a Glance".
ACLED = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
         "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
         "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
         "tags timestamp").split()


@pytest.fixture
def seeded(store):
    """The seed with its hand-made analysis (CONSULT visit in Bamako, AID alleged, PROTEST demo),
    an exact copy of it, and an article never analysed."""
    seed = seed_article()
    copy = make_article("seed-copy", seed.text, title=seed.title)
    store.add_articles([seed, copy, make_article("wait", "Un article pas encore analysé.")])
    store.save_analyses([seed_analysis(seed)])
    return store


def _export(store, name: str, **options) -> str:
    out = io.StringIO()
    export_events(store, name, out, **options)
    return out.getvalue()


def test_gdelt_columns_are_the_61_of_gdelt_2_then_ours(seeded):
    lines = _export(seeded, "gdelt", header=True).splitlines()
    header = lines[0].split("\t")
    assert len(GDELT_V2) == 61 and header[:61] == GDELT_V2
    assert all(name.startswith("veille_") for name in header[61:])
    assert len(lines) == 4 and {len(line.split("\t")) for line in lines} == {len(header)}
    assert _export(seeded, "gdelt").splitlines() == lines[1:]  # no header unless asked: as GDELT's files


def test_gdelt_maps_the_consult_visit_to_cameo_and_fips(seeded):
    header, consult, aid, protest = (line.split("\t") for line in _export(seeded, "gdelt", header=True).splitlines())
    row = dict(zip(header, consult))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("042", "042", "04", "1")
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == \
        ("RUSGOV", "Russie", "RUS", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2Type2Code"]) == ("MLIGOV", "MLI", "MIL")
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("4", "Bamako", "ML")
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_FeatureID"]) == ("12.65", "-8", "2460596")
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == ("20200801", "202008", "2020", "2020.5863")
    assert (row["NumArticles"], row["GoldsteinScale"], row["AvgTone"]) == ("1", "", "")
    assert row["SOURCEURL"] == "https://example.org/mali-russie" and len(row["DATEADDED"]) == 14
    assert (row["veille_status"], row["veille_plover_type"], row["veille_plover_mode"]) == ("asserted", "CONSULT", "visit")
    row = dict(zip(header, aid))
    assert (row["EventCode"], row["QuadClass"], row["veille_status"]) == ("070", "2", "alleged")
    assert row["veille_attributed_to"] == "sources militaires maliennes"
    assert row["veille_evidence"] == "recevraient une formation à Moscou auprès des forces armées russes"
    assert dict(zip(header, protest))["EventCode"] == "141"


def test_acled_keeps_only_the_types_acled_codes(seeded):
    rows = list(csv.DictReader(io.StringIO(_export(seeded, "acled"))))
    header = _export(seeded, "acled").splitlines()[0].split(",")
    assert header[:31] == ACLED and all(name.startswith("veille_") for name in header[31:])
    assert len(rows) == 1  # CONSULT and AID are talk and help, not ACLED events
    row = rows[0]
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == \
        ("Demonstrations", "Protests", "Peaceful protest")
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("manifestants", "6", "60")
    assert (row["notes"], row["source"], row["event_date"], row["time_precision"]) == \
        ("mobilisation", "example.org", "2020-09-01", "2")
    assert row["fatalities"] == "" and row["veille_status"] == "asserted"


def test_acled_inter_codes_and_battles(store):
    text = "Les FAMa ont affronté des jihadistes près de Gao. Des hommes armés ont tué des villageois."
    army = Actor("FAMa", "MLI", ("MIL",))
    gao = Place("Gao", "MLI", 16.27, -0.04, geonames_id=2457163)
    events = (Event(EventType.ASSAULT, army, Actor("jihadistes", "IMG", ("REB",)), Span(0, 48, text[:48]),
                    mode="firearms", place=gao),
              Event(EventType.ASSAULT, Actor("hommes armés", None, ("UAF",)), Actor("villageois", "MLI", ("CVL",)),
                    Span(50, 89, text[50:89]), place=gao))
    store.add_articles([make_article("clash", text, published=date(2021, 3, 2))])
    store.save_analyses([Analysis("clash", events=events)])
    rows = list(csv.DictReader(io.StringIO(_export(store, "acled"))))
    assert [(r["event_type"], r["sub_event_type"], r["inter1"], r["inter2"], r["interaction"]) for r in rows] == [
        ("Battles", "Armed clash", "1", "2", "12"), ("Violence against civilians", "Attack", "3", "7", "37")]
    assert [r["civilian_targeting"] for r in rows] == ["", "Civilian targeting"]
    assert (rows[0]["iso"], rows[0]["country"], rows[0]["location"], rows[0]["geo_precision"]) == \
        ("466", "Mali", "Gao", "1")


def test_polecat_records_have_plover_fields_and_ours(seeded):
    records = [json.loads(line) for line in _export(seeded, "polecat").splitlines()]
    assert [r["event"] for r in records] == [["CONSULT"], ["AID"], ["PROTEST"]]
    consult = records[0]
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_loc",
            "event_text", "cite_info"} <= set(consult)
    assert consult["actor"] == [{"code": "RUS", "sector": ["GOV"], "entity_text": "Russie", "identifier_id": "Q159",
                                 "identifier_text": "Russie", "org": None}]
    assert consult["recipient"][0]["code"] == "MLI" and consult["mode"] == ["visit"] and consult["quad_code"] == 1
    assert consult["event_loc"]["geonameid"] == 2460596 and consult["event_loc"]["country_code"] == "MLI"
    assert consult["cite_info"]["url"] == "https://example.org/mali-russie"
    assert consult["id"] == "veille-seed-000-0" and consult["date"] == "2020-08-01"
    assert records[1]["status"] == "alleged" and records[1]["attributed_to"]["entity_text"] == \
        "sources militaires maliennes"
    assert records[1]["date_value"] == "2020-01" and records[1]["date_precision"] == "month"


def test_csv_is_flat_with_one_row_per_event(seeded):
    rows = list(csv.DictReader(io.StringIO(_export(seeded, "csv"))))
    assert [(r["doc_id"], r["event_idx"], r["type"], r["status"]) for r in rows] == [
        ("seed-000", "0", "CONSULT", "asserted"), ("seed-000", "1", "AID", "alleged"),
        ("seed-000", "2", "PROTEST", "asserted")]
    assert (rows[0]["source_sector"], rows[0]["target_sector"], rows[0]["quad_class"]) == \
        ("GOV", "GOV;MIL", "verbal cooperation")
    assert rows[1]["attributed_name"] == "sources militaires maliennes" and rows[1]["date_precision"] == "month"


def test_every_format_exports_chosen_articles_only(seeded):
    for name in EVENT_FORMATS:
        assert _export(seeded, name, doc_ids=["wait", "seed-copy"]) == event_format(name).header()


def test_cameo_table_read_backwards():
    codes = CameoCodes.load()
    assert len(codes.lines) > 250
    assert codes.code(EventType.COERCE, "arrest") == "173" and codes.code(EventType.ACCUSE, "allege") == "114"
    assert codes.code(EventType.ASSAULT, "aerial") == "195" and codes.code(EventType.ASSAULT) == "180"
    assert [codes.quad_class(c) for c in ("057", "0841", "112", "145")] == [1, 2, 3, 4]
    assert set(codes.defaults) == {t.value for t in EventType}
    assert parse_table("042: CONSULT, visit,   # Make a visit")[0].description == "Make a visit"


def _filled(path, n: int) -> None:
    """A store of n analysed articles, one event each."""
    with Store.open(path) as store:
        for start in range(0, n, 200):
            batch = [make_article(f"a{i}", f"Article {i} : le Niger a félicité le Bénin ({i * 7919})."
                                  + " Texte de remplissage." * 20) for i in range(start, min(n, start + 200))]
            store.add_articles(batch)
            store.save_analyses(Analysis(a.doc_id, events=(Event(
                EventType.SUPPORT, Actor("Niger", "NER"), Actor("Bénin", "BEN"), Span(0, 10, a.text[:10])),))
                for a in batch)


def test_exports_stream_in_constant_memory(tmp_path):
    peaks = []
    for n in (400, 1600):
        path = tmp_path / f"s{n}.db"
        _filled(path, n)
        with Store.open(path, create=False) as store:
            tracemalloc.start()
            written = export_events(store, "gdelt", _Sink())
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        assert written == n
    assert peaks[1] < peaks[0] * 1.5, peaks
    print(peaks)  # four times the articles, not four times the memory


def test_rows_skip_copies_and_unanalysed_articles(seeded):
    rows = list(iter_event_rows(seeded))
    assert {r.doc_id for r in rows} == {"seed-000"} and [r.idx for r in rows] == [0, 1, 2]
    assert rows[0].outlet == "example.org" and rows[0].event_id == list(iter_event_rows(seeded))[0].event_id


class _Sink:
    """A text stream that keeps nothing."""

    def write(self, text: str) -> int:
        return len(text)
