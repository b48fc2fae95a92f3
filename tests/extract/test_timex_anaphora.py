"""extract/timex/anaphora.py: expressions counted from the last year or day named before them."""
from __future__ import annotations

from datetime import date

from veille.extract.timex import find_timexes


def spans(text: str, published: date | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, published)]


def test_year_anaphors_count_from_the_last_year_named():
    assert spans("Le barrage fut achevé en 1987. L'année suivante, la vallée fut inondée.") == [
        ("1987", "1987"), ("L'année suivante", "1988")]
    assert spans("La mine a fermé en 2011 ; l'année précédente, elle employait 300 mineurs.") == [
        ("2011", "2011"), ("l'année précédente", "2010")]
    assert spans("Il fut élu en mars 2004 et démissionna cette année-là.") == [
        ("mars 2004", "2004-03"), ("cette année-là", "2004")]


def test_a_month_of_the_same_year_takes_the_last_year():
    assert spans("Le parti est fondé en 1995, puis interdit en octobre de la même année.") == [
        ("1995", "1995"), ("octobre de la même année", "1995-10")]
    assert spans("Le traité signé en 2003 entre en vigueur en mai de l'année suivante.") == [
        ("2003", "2003"), ("mai de l'année suivante", "2004-05")]


def test_days_counted_from_the_last_date():
    assert spans("Il est arrêté le 4 mars 2015 et libéré trois jours plus tard, sans charges.") == [
        ("le 4 mars 2015", "2015-03-04"), ("trois jours plus tard", "2015-03-07")]
    assert spans("Le pont a cédé le 10 juin 2019 ; deux jours avant, une fissure était signalée.") == [
        ("le 10 juin 2019", "2019-06-10"), ("deux jours avant", "2019-06-08")]


def test_no_anchor_no_value():
    assert spans("L'année suivante, la vallée fut inondée.") == []
    assert spans("Il a été libéré trois jours plus tard.") == []


def test_counted_from_an_event_is_left_out():
    assert spans("Le 2 mai 2014, la ville est tombée. Trois jours après l'attaque, l'armée est revenue.") == [
        ("Le 2 mai 2014", "2014-05-02")]
    assert spans("En 1990 la guerre éclate ; dix ans plus tard, la paix revient.") == [("1990", "1990")]
