from datetime import date

import pytest

from veille.ingest.dates import dateline_date, find_dates, parse_date_value


@pytest.mark.parametrize("value", ["le 1 septembre 2020", "1er septembre 2020", "mardi 1er sept. 2020", "01/09/2020",
                                   "2020-09-01", "2020-09-01T08:00:00Z", "Tue, 01 Sep 2020 08:00:00 +0000",
                                   "September 1, 2020", "1 Sep 2020"])
def test_dates_forms_read(value):
    assert parse_date_value(value) == date(2020, 9, 1)


def test_dates_invalid_and_missing():
    assert parse_date_value("31/02/2020") is None
    assert parse_date_value("") is None
    assert parse_date_value(None) is None


def test_dates_found_with_offsets():
    text = "Il est arrivé le 21 août 2020 et reparti le 3 septembre."
    (found,) = find_dates(text)
    assert (found.value, text[found.start : found.end]) == (date(2020, 8, 21), "21 août 2020")


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("3 juillet 2012. - L'ONG Human Rights Watch vient de publier", date(2012, 7, 3)),
    ("22 août 2012, Espagne. - Le Parti populaire", date(2012, 8, 22)),
    ("PARIS, 3 juillet 2012 (AFP) - Le gouvernement", date(2012, 7, 3)),
    ("Le 14 juillet 1789, la Bastille est prise.", None),
    ("La canonisation aura lieu le 21 octobre 2012 à Rome.", None),
])
def test_dates_dateline(paragraph, expected):
    assert dateline_date(paragraph) == expected
