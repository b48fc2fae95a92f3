"""extract/timex/spans.py and early years: decades, centuries, year ranges, years before Christ,
seasons and quarters (GUIDELINES §5: ISO 8601 reduced precision, TIMEX3 season/quarter codes)."""
from __future__ import annotations

from datetime import date

import pytest

from veille.extract.timex import find_timexes

PUB = date(2020, 9, 1)


def spans(text: str, published: date | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, published)]


# --------------------------------------------------------------------------- decades

@pytest.mark.parametrize("text, expected", [
    ("Le port a prospéré dans les années 1970, puis il a décliné.", [("les années 1970", "197")]),
    ("À la fin des années 1980, la ville comptait deux usines.", [("À la fin des années 1980", "198")]),
    ("Le parti est né au début des années 2000 à Dakar.", [("au début des années 2000", "200")]),
    ("Au cours des années 1930, le fleuve a débordé.", [("des années 1930", "193")]),
    ("Les années 1960 ont changé la mode.", [("Les années 1960", "196")]),
    ("Cette chanson des années 80 revient.", [("des années 80", "198")]),
    ("On en parlait depuis le milieu des années 1990.", [("le milieu des années 1990", "199")]),
])
def test_decade_is_three_digits(text, expected):
    assert spans(text) == expected


def test_decades_are_not_years():
    assert spans("La musique des années 2000 revient.") == [("des années 2000", "200")]
    assert spans("Les années 1990 et 2000 ont été difficiles.") == [("Les années 1990", "199"), ("2000", "200")]
    assert spans("Cette musique est née dans les années 60.") == [("les années 60", "196")]


def test_decades_listed_after_annees_are_all_decades():
    assert spans("Le cinéma des années 1940 et 1950 reste populaire.") == [
        ("des années 1940", "194"), ("1950", "195")]
    assert spans("La mode des années 70, 80 et 90 revient.") == [
        ("des années 70", "197"), ("80", "198"), ("90", "199")]


def test_decade_list_does_not_swallow_a_quantity_of_another_form():
    assert spans("Dans les années 1990, 20 villages furent vidés.") == [("les années 1990", "199")]


@pytest.mark.parametrize("text", [
    "Il a fallu des années pour reconstruire le pont.",
    "Les années passent et le pont reste fermé.",
    "Elle a travaillé des années 12 heures par jour.",
])
def test_annees_without_a_decade_is_nothing(text):
    assert spans(text, PUB) == []


# --------------------------------------------------------------------------- centuries

def test_centuries_singular_plural_and_listed():
    assert spans("Les remparts datent du XVIe siècle.") == [("XVIe siècle", "15")]
    assert spans("Ces routes existaient aux 9e et 10e siècles déjà.") == [("9e", "08"), ("10e siècles", "09")]
    assert spans("Des tombes des IIe, IIIe et IVe siècles ont été fouillées.") == [
        ("IIe", "01"), ("IIIe", "02"), ("IVe siècles", "03")]


def test_an_ordinal_without_siecle_is_nothing():
    assert spans("Il est arrivé 9e et 10e de la course.") == []


# --------------------------------------------------------------------------- year ranges

@pytest.mark.parametrize("text, expected", [
    ("Le chantier de 2004-2009 a coûté cher.", [("2004-2009", "2004/2009")]),
    ("La saison 2018-19 fut la meilleure.", [("2018-19", "2018/2019")]),
    ("L'exercice 2002/2003 est clos.", [("2002/2003", "2002/2003")]),
    ("Le siècle a tourné en 1999-00 sans bug.", [("1999-00", "1999/2000")]),
])
def test_two_years_joined_by_a_dash_are_one_range(text, expected):
    assert spans(text) == expected


def test_parenthesised_life_dates_are_two_years():
    assert spans("Le poète Jean Dupuis (1912-1987) est né ici.") == [("1912", "1912"), ("1987", "1987")]
    assert spans("Le roi Louis (1801-1840) a signé le traité.") == [("1801", "1801"), ("1840", "1840")]


@pytest.mark.parametrize("text", [
    "La loi 2020-1234 du code a été votée.",
    "Entre 1500-2000 soldats ont été déployés.",
    "Le score final fut 2010-2011 points.",
])
def test_a_range_needs_two_years_in_order_and_no_quantity(text):
    assert [v for _, v in spans(text)] == []


# --------------------------------------------------------------------------- before Christ

@pytest.mark.parametrize("text, expected", [
    ("La cité fut fondée vers 753 av. J.-C. selon la légende.", [("753 av. J.-C.", "-0752")]),
    ("Le pharaon régnait en 1250 avant J.-C. sur l'Égypte.", [("1250 avant J.-C.", "-1249")]),
    ("Un temple bâti en 1 avant Jésus-Christ, dit-on.", [("1 avant Jésus-Christ", "0000")]),
])
def test_years_before_christ_use_astronomical_numbering(text, expected):
    assert spans(text) == expected


# --------------------------------------------------------------------------- seasons, quarters

@pytest.mark.parametrize("text, expected", [
    ("Le festival reviendra à l'été 2023, promet le maire.", [("été 2023", "2023-SU")]),
    ("Les travaux ont repris au printemps 2019.", [("printemps 2019", "2019-SP")]),
    ("L'hiver 2010 fut rude en montagne.", [("hiver 2010", "2010-WI")]),
    ("La récolte de l'automne 2016 a été bonne.", [("automne 2016", "2016-FA")]),
    ("Les ventes du premier trimestre de l'année 2021 ont baissé.",
     [("premier trimestre de l'année 2021", "2021-Q1")]),
    ("Le bénéfice du 3e trimestre 2018 a doublé.", [("3e trimestre 2018", "2018-Q3")]),
    ("Au dernier trimestre 2015, la dette a crû.", [("dernier trimestre 2015", "2015-Q4")]),
    ("Le second semestre 2022 sera difficile.", [("second semestre 2022", "2022-H2")]),
])
def test_seasons_and_quarters_carry_their_year(text, expected):
    assert spans(text) == expected


def test_two_seasons_of_one_year_are_that_year():
    assert spans("La collection automne/hiver 2012 est sortie.") == [("automne/hiver 2012", "2012")]


# --------------------------------------------------------------------------- early years

@pytest.mark.parametrize("text, expected", [
    ("Le canal fut creusé en 1832, puis élargi.", [("1832", "1832")]),
    ("La ville est capitale depuis 1763 et le restera.", [("1763", "1763")]),
    ("Les révoltes éclatèrent entre 1848 et 1851, dit-il.", [("1848", "1848"), ("1851", "1851")]),
    ("C'est en 1789 qu'elle a commencé.", [("1789", "1789")]),
    ("On sait qu'en 1815, la bataille était perdue.", [("1815", "1815")]),
])
def test_years_before_1900_need_a_cue(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "L'armée a envoyé 1500 soldats dans la région.",
    "Il y avait 1832 habitants au dernier recensement.",
    "La ville est à 1200 km de la côte.",
    "Plus de 1800 personnes sont venues, en 1500 voitures.",
])
def test_early_four_digit_quantities_are_not_years(text):
    assert spans(text) == []


def test_a_year_listed_after_another_is_a_year():
    assert spans("Les traités furent signés en 1995 et 2001 successivement.") == [
        ("1995", "1995"), ("2001", "2001")]
