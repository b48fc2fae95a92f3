"""Actor names as people would name them: the knowledge base's name, else the most informative
mention, never a bare common noun; identical names told apart in the label itself."""
from __future__ import annotations

from veille.queries.actors import distinct_names
from veille.queries.grouping import ActorGroups, informative
from veille.queries.types import ActorHit, ActorSelector


def test_a_bare_common_noun_is_not_informative():
    assert not informative("fenêtre") and not informative("personnes")
    assert informative("gendarmerie nationale") and informative("Karim Diallo") and informative("ONG")


def test_a_group_named_only_by_common_nouns_is_named_by_country_and_sector():
    groups = ActorGroups()
    key = groups.add("fenêtre", "SEN", '["REL"]', None, None, "group", 3)
    groups.add("imams", "SEN", '["REL"]', None, None, "group", 1)
    assert groups.label(key, "Sénégal") == "Sénégal (religieux)"


def test_a_phrase_beats_a_more_frequent_bare_noun():
    groups = ActorGroups()
    key = groups.add("soldats", "SEN", '["MIL"]', None, None, "group", 4)
    groups.add("armée sénégalaise", "SEN", '["MIL"]', None, None, "group", 1)
    assert groups.label(key, "Sénégal") == "armée sénégalaise"


def test_state_organs_take_the_country_s_name():
    groups = ActorGroups()
    key = groups.add("ministre sénégalais", "SEN", '["GOV"]', None, None, "group", 2)
    groups.add("Sénégal", "SEN", '["GOV"]', None, None, "group", 1)
    assert groups.label(key, "Sénégal") == "Sénégal"


def test_identical_names_are_told_apart_in_the_label():
    hits = [ActorHit(ActorSelector("Sénégal", "SEN"), "Sénégal", events=5),
            ActorHit(ActorSelector("Sénégal", "SEN", ("GOV",)), "Sénégal", events=3),
            ActorHit(ActorSelector("Sénégal", "SEN", ("MIL",)), "Sénégal", events=1)]
    assert [h.name for h in distinct_names(hits)] == ["Sénégal", "Sénégal (gouvernement)", "Sénégal (armée)"]
    assert distinct_names(hits)[2].selector.label == "Sénégal (armée)"


def test_a_person_s_name_does_not_name_the_group_they_fall_in():
    groups = ActorGroups()
    key = groups.add("Karim Diallo", "SEN", '["CVL"]', None, None, "person", 3)
    groups.add("habitants", "SEN", '["CVL"]', None, None, "group", 1)
    assert groups.label(key, "Sénégal") == "Sénégal (civils)"
