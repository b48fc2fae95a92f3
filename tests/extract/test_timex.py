"""extract/timex/find.py: French time expressions with offsets and ISO values (GUIDELINES §5)."""
from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from veille.extract.timex import find_timexes, resolve_timex
from veille.extract.timex.lexicon import build_grammar, load_lexicon
from veille.model import Timex

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_DIR = DATA / "gold" / "dev"
PUB = date(2020, 9, 1)  # a Tuesday, ISO week 36 — the seed article's publication date
DEV_GOLD_FLOOR = 0.96  # bench/timebank.py measured 0.983 on gold/dev; floor = that - 0.02


def spans(text: str, published: date | None = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, published)]


def expect(text: str, *pairs: tuple[str, str], published: date | None = PUB) -> None:
    """find_timexes(text) is exactly `pairs`, each at the offset where it occurs in `text`."""
    wanted, pos = [], 0
    for expr, value in pairs:
        start = text.index(expr, pos)
        wanted.append(Timex(text=expr, start=start, end=start + len(expr), value=value))
        pos = start + len(expr)
    assert find_timexes(text, published) == wanted


# --------------------------------------------------------------------------- full dates

@pytest.mark.parametrize("text, expr, value", [
    ("Le sommet s'est tenu le 21 août 2020 à Bamako.", "le 21 août 2020", "2020-08-21"),
    ("Il a pris ses fonctions le 1er septembre 2020.", "le 1er septembre 2020", "2020-09-01"),
    ("L'accord signé 1 septembre 2020 reste secret.", "1 septembre 2020", "2020-09-01"),
    ("Le décret du 21/08/2020 est paru.", "21/08/2020", "2020-08-21"),
    ("Mise à jour : 2020-08-21.", "2020-08-21", "2020-08-21"),
    ("Il a été libéré le 5 janv. 2020 à l'aube.", "le 5 janv. 2020", "2020-01-05"),
    ("Le traité du 14 juillet 1789 n'existe pas.", "14 juillet 1789", "1789-07-14"),
    ("Il est mort le 10 novembre 93 à Lyon.", "le 10 novembre 93", "1993-11-10"),
])
def test_timex_full_date_value_and_offsets(text, expr, value):
    expect(text, (expr, value))


def test_timex_weekday_and_date_without_year_takes_the_year_before_publication():
    expect("La mobilisation du vendredi 21 août a réuni des milliers de personnes.",
           ("vendredi 21 août", "2020-08-21"))


def test_timex_wikinews_dateline():
    expect("3 juillet 2012. - Le président a démissionné.", ("3 juillet 2012", "2012-07-03"),
           published=date(2012, 7, 3))


@pytest.mark.parametrize("text, published, expr, value", [
    # the nearest year, a future date counting double: 6 days ahead beats 359 days back
    ("Il doit remettre le pouvoir avant le 30 juin.", date(2012, 6, 24), "le 30 juin", "2012-06-30"),
    ("Ils ont plaidé coupable le 22 octobre.", date(2003, 1, 31), "le 22 octobre", "2002-10-22"),
    ("Elle a été élue le 30 juin dernier.", date(2012, 7, 2), "le 30 juin dernier", "2012-06-30"),
    ("Il sera jugé le 1er septembre prochain.", date(2003, 2, 7), "le 1er septembre prochain", "2003-09-01"),
    ("Il a été tué le 11 janvier dernier.", date(2012, 7, 18), "le 11 janvier dernier", "2012-01-11"),
    # the weekday picks the year: samedi 29 mai is 1999, not 1998
    ("La battue aura lieu samedi 29 mai.", date(1999, 5, 26), "samedi 29 mai", "1999-05-29"),
])
def test_timex_date_without_year_resolved_against_publication(text, published, expr, value):
    expect(text, (expr, value), published=published)


def test_timex_day_list_takes_month_from_the_last_day():
    expect("Le second tour, les 16 et 17 juin, a été serré.",
           ("les 16", "2012-06-16"), ("17 juin", "2012-06-17"), published=date(2012, 6, 24))


def test_timex_range_takes_year_from_its_end():
    expect("Les soldes vont du 27 décembre au 3 janvier 2013.",
           ("27 décembre", "2012-12-27"), ("3 janvier 2013", "2013-01-03"))


def test_timex_range_takes_year_from_l_an_prochain():
    expect("Nice les accueille du 6 au 15 septembre l'an prochain.",
           ("6", "2013-09-06"), ("15 septembre", "2013-09-15"), ("l'an prochain", "2013"),
           published=date(2012, 7, 4))


# --------------------------------------------------------------------------- months

def test_timex_depuis_month_year_leaves_the_preposition_out():
    expect("Ils sont en Russie depuis janvier 2020.", ("janvier 2020", "2020-01"))
    assert resolve_timex("depuis janvier 2020", PUB) == "2020-01"


@pytest.mark.parametrize("text, published, expr, value", [
    ("Il a été élu en mars.", PUB, "mars", "2020-03"),
    ("Il a été élu en mars dernier.", PUB, "mars dernier", "2020-03"),
    ("Il a été élu en mars dernier.", date(2020, 3, 15), "mars dernier", "2019-03"),
    ("Le texte sera signé en juin prochain.", date(1999, 5, 23), "juin prochain", "1999-06"),
    ("Les chiffres du mois dernier sont mauvais.", PUB, "mois dernier", "2020-08"),
    ("Les soldes reprendront le mois prochain.", PUB, "le mois prochain", "2020-10"),
    ("Le bataillon partira début octobre.", PUB, "début octobre", "2020-10"),
    ("Les accords de mai 68 sont oubliés.", PUB, "mai 68", "1968-05"),
    ("Il avait signé à la fin du mois de mars 2019.", PUB, "à la fin du mois de mars 2019", "2019-03"),
])
def test_timex_month_value(text, published, expr, value):
    expect(text, (expr, value), published=published)


def test_timex_month_takes_the_year_of_the_period_after_it():
    expect("Il est arrivé en mars de l'année dernière.", ("mars", "2019-03"), ("l'année dernière", "2019"))


def test_timex_month_range_and_planet():
    expect("Les hausses ont eu lieu entre mars et avril.", ("mars", "2020-03"), ("avril", "2020-04"))
    expect("La sonde a atteint Mars en février.", ("février", "2020-02"))


# --------------------------------------------------------------------------- years

@pytest.mark.parametrize("text, expr, value", [
    ("Il a été élu en 2011 contre toute attente.", "2011", "2011"),
    ("Les troupes quitteront le pays fin 2014.", "fin 2014", "2014"),
    ("Ils partiront avant la fin de l'année 2012.", "la fin de l'année 2012", "2012"),
    ("Les candidats à la présidentielle de 2002, réunis hier...", "2002", "2002"),
    ("Les investissements de l'année 2001 sont gelés.", "l'année 2001", "2001"),
    ("Deux ruptures en 97, aucune depuis.", "97", "1997"),
])
def test_timex_year_value(text, expr, value):
    assert (expr, value) in spans(text)


def test_timex_year_ranges():
    expect("La population a augmenté entre 1990 et 1999, moins que sur 1982-1990.",
           ("1990", "1990"), ("1999", "1999"), ("1982-1990", "1982/1990"))
    expect("Pour la saison 2002/2003, rendez-vous à Lyon.", ("2002/2003", "2002/2003"))


@pytest.mark.parametrize("text", [
    "Environ 2000 manifestants ont défilé.",
    "Plus de 2000 personnes étaient présentes.",
    "Le vol AF2020 a été annulé.",
    "Il a couru 1950 mètres.",
    "La loi 2020-1234 est parue.",
])
def test_timex_numbers_that_are_not_years_are_left_out(text):
    assert spans(text) == []


# --------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize("text, expr, value", [
    ("Il a été arrêté lundi à Bamako.", "lundi", "2020-08-31"),
    ("Les manifestants se sont rassemblés mardi.", "mardi", "2020-09-01"),  # the same day
    ("Le texte a été voté mardi dernier.", "mardi dernier", "2020-08-25"),
    ("Le vote aura lieu vendredi prochain.", "vendredi prochain", "2020-09-04"),
    ("Les rebelles ont attaqué ce jeudi.", "ce jeudi", "2020-08-27"),
    ("Le ministre se rendra jeudi à Paris.", "jeudi", "2020-09-03"),
    ("Le président doit rencontrer samedi son homologue.", "samedi", "2020-09-05"),
    ("Les écuries estiment que les modifications annoncées mercredi vont nuire.", "mercredi", "2020-08-26"),
    ("Le Figaro annonce mardi soir que le journaliste est mort.", "mardi soir", "2020-09-01"),
    ("Obama a prévu de revenir chaque jour jusqu'à vendredi.", "vendredi", "2020-09-04"),
])
def test_timex_weekday_resolved_by_tense(text, expr, value):
    expect(text, (expr, value))


@pytest.mark.parametrize("text", [
    "Le musée est fermé le lundi.",
    "Il vient chaque mardi et tous les jeudis.",
    "L'accord du Vendredi Saint tient toujours.",
])
def test_timex_habitual_weekdays_are_left_out(text):
    assert spans(text) == []


# --------------------------------------------------------------------------- relative

@pytest.mark.parametrize("text, expr, value", [
    ("Ils manifestent aujourd'hui à Bamako.", "aujourd'hui", "2020-09-01"),
    ("Ils manifestent aujourd’hui à Bamako.", "aujourd’hui", "2020-09-01"),
    ("Le texte a été adopté hier.", "hier", "2020-08-31"),
    ("Le texte a été adopté avant-hier.", "avant-hier", "2020-08-30"),
    ("Les résultats seront annoncés demain.", "demain", "2020-09-02"),
    ("Les résultats seront annoncés après-demain.", "après-demain", "2020-09-03"),
    ("L'armée a attaqué ce matin.", "ce matin", "2020-09-01"),
    ("Cette nuit, les talibans ont attaqué un hôtel.", "Cette nuit", "2020-09-01"),
    ("Il a été agressé hier soir dans un train.", "hier soir", "2020-08-31"),
    ("La semaine dernière, la commissaire a parlé.", "La semaine dernière", "2020-W35"),
    ("Il reviendra la semaine prochaine.", "la semaine prochaine", "2020-W37"),
    ("Le taux a baissé cette semaine.", "cette semaine", "2020-W36"),
    ("Le taux avait baissé l'année dernière.", "l'année dernière", "2019"),
    ("Le taux avait baissé l'an dernier.", "l'an dernier", "2019"),
    ("Cette année, le nombre de manifestants est en baisse.", "Cette année", "2020"),
    ("Le mur a été construit il y a trois jours.", "il y a trois jours", "2020-08-29"),
    ("Le mur a été construit il y a deux mois.", "il y a deux mois", "2020-07"),
    ("Le minitel a été créé il y a 30 ans.", "il y a 30 ans", "1990"),
    ("Le verdict tombera dans deux semaines.", "dans deux semaines", "2020-W38"),
    ("Le verdict tombera dans 3 jours.", "dans 3 jours", "2020-09-04"),
])
def test_timex_relative_value(text, expr, value):
    expect(text, (expr, value))


def test_timex_weekend_dernier_is_the_previous_iso_week():
    expect("Ansar Eddine avait menacé le week-end dernier de détruire les mosquées.",
           ("le week-end dernier", "2012-W26"), published=date(2012, 7, 2))


def test_timex_la_veille_is_the_day_before_the_last_date_named():
    expect("Il a décidé hier, jeudi 16 août 2012, d'accorder l'asile. Londres avait menacé la veille d'agir.",
           ("hier", "2012-08-16"), ("jeudi 16 août 2012", "2012-08-16"), ("la veille", "2012-08-15"),
           published=date(2012, 8, 17))
    assert spans("Arrestations à la veille des Jeux olympiques.") == []


@pytest.mark.parametrize("text", [
    "Ce conflit dure depuis longtemps.",
    "Le texte a été modifié récemment et sera bientôt voté.",
    "Ils ont marché pendant trois jours.",
    "Ils sont en grève depuis trois jours.",
    "Au chapitre XV, un siècle plus tard, tout change.",  # a numeral, then "siècle": not a century
])
def test_timex_durations_and_vague_expressions_are_left_out(text):
    assert spans(text) == []


def test_timex_century_is_iso_reduced_precision():
    expect("La mosquée date du XVe siècle et le pont du 19e siècle.", ("XVe siècle", "14"), ("19e siècle", "18"))
    assert spans("Le IIVe siècle n'existe pas.") == []  # ill-formed numeral


# --------------------------------------------------------------------------- contract

def test_timex_empty_and_timeless_texts():
    assert find_timexes("", PUB) == []
    assert find_timexes("Le gouvernement a démissionné sous la pression de la rue.", PUB) == []


def test_timex_without_publication_date_keeps_only_self_contained_dates():
    expect("Il est arrivé hier, le 21 août 2020, en mars 2019.",
           ("le 21 août 2020", "2020-08-21"), ("mars 2019", "2019-03"), published=None)
    assert resolve_timex("hier", None) is None


def test_timex_accepts_a_datetime_as_publication():
    assert resolve_timex("hier", datetime(2020, 9, 1, 18, 30)) == "2020-08-31"


def test_timex_resolve_returns_the_longest_expression_or_none():
    assert resolve_timex("vendredi 21 août", PUB) == "2020-08-21"
    assert resolve_timex("depuis longtemps", PUB) is None


def test_timex_lexicon_is_data_and_covers_every_month_and_weekday():
    lex = load_lexicon()
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(7))
    assert lex.months["févr."] == 2 and lex.day_words["avant-hier"] == -2
    assert build_grammar(lex).month.fullmatch("Janvier")


def test_timex_seed_article(seed_text, seed_published):
    found = {t.text: t for t in find_timexes(seed_text, seed_published)}
    for expr, value in (("vendredi 21 août", "2020-08-21"), ("janvier 2020", "2020-01")):
        start = seed_text.index(expr)
        assert found[expr] == Timex(text=expr, start=start, end=start + len(expr), value=value)


def _dev_gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def test_timex_offsets_sorted_and_non_overlapping_on_dev_gold_texts():
    for doc in _dev_gold():
        found = find_timexes(doc["text"], date.fromisoformat(doc["published"]))
        assert all(doc["text"][t.start:t.end] == t.text for t in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_timex_value_f1_on_dev_gold_with_the_scorer_rule():
    spec = importlib.util.spec_from_file_location("gold_scorer", DATA / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    right = n_sys = n_gold = 0
    for doc in _dev_gold():
        system = [{"text": t.text, "value": t.value}
                  for t in find_timexes(doc["text"], date.fromisoformat(doc["published"]))]
        gold = doc["timexes"]
        n_sys, n_gold = n_sys + len(system), n_gold + len(gold)
        right += sum(gold[i]["value"] == system[j]["value"]
                     for i, j in scorer.greedy_match(gold, system, scorer.timex_score))
    p, r, f1 = scorer.prf(right, n_sys, n_gold)
    assert n_gold == 59
    assert f1 >= DEV_GOLD_FLOOR, (p, r, f1)
