"""Publication dates outside a sane window anchor nothing; relative dates never overflow (issue 10)."""
from datetime import date

import pytest

from veille.extract.timex import find_timexes
from veille.extract.timex.calendar import sane_published, shift_value

RELATIVE = ["hier", "demain", "la veille", "le lendemain", "la semaine prochaine", "le mois dernier",
            "l'an prochain", "lundi", "le 3 mars", "en mars", "il y a 3 ans", "le week-end prochain"]


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31), date(1799, 12, 31), date(2201, 1, 1)])
def test_absurd_publication_date_anchors_no_relative_expression(published):
    for expr in RELATIVE:
        assert find_timexes(f"Le ministre est arrivé à Kayes {expr}.", published) == [], expr


def test_dates_with_their_own_year_survive_an_absurd_publication_date():
    found = find_timexes("Le traité fut signé le 12 mai 1998 à Niamey, hier.", date(9999, 12, 31))
    assert [t.value for t in found] == ["1998-05-12"]


def test_window_edges_still_resolve():
    assert [t.value for t in find_timexes("Il est parti demain.", date(2200, 12, 31))] == ["2201-01-01"]
    assert [t.value for t in find_timexes("Il est parti hier.", date(1800, 1, 1))] == ["1799-12-31"]
    assert sane_published(date(2024, 2, 29)) == date(2024, 2, 29) and sane_published(None) is None


def test_huge_shifts_leave_the_calendar_quietly():
    assert shift_value(date(2020, 1, 1), "day", -99_999_999) is None
    assert shift_value(date(2020, 1, 1), "week", 10**12) is None
    assert shift_value(date(2020, 1, 1), "day", -3) == "2019-12-29"
    assert find_timexes("Cela s'est passé il y a 99999999 jours.", date(2020, 1, 1)) == []
