"""Names next to descriptions and unknown people (knowledge/appositions.py)."""
from veille.model import EntityKind


def test_organisation_named_after_adjectives(resolved):
    r = resolved("Un reportage de la chaîne qatarie Al Jazeera sème le doute.", "2012-07-04")
    channel = r.actor("chaîne")
    assert (channel.name, channel.country, channel.org) == ("Al Jazeera", "QAT", "AL_JAZEERA")


def test_person_named_after_the_description_and_its_complement(resolved):
    r = resolved("Le journaliste de France 2 Gilles Durand a été tué à Homs.", "2012-07-18")
    journalist = r.actor("journaliste")
    assert (journalist.name, journalist.country, journalist.sector) == ("Gilles Durand", "FRA", ("JRN",))


def test_description_before_the_name_describes_it(resolved):
    r = resolved("« Nous ne partirons pas », affirme un jeune manifestant, Abdel Nasser.", "2012-06-23")
    person = r.actor("Abdel")
    assert (person.name, person.sector, person.kind) == ("Abdel Nasser", ("CVL",), EntityKind.PERSON)
    r = resolved("Un des chercheurs de HRW, Ole Solvang, précise que les tortures continuent.", "2012-07-03")
    researcher = r.actor("Ole")
    assert (researcher.country, researcher.org, researcher.sector) == ("NGO", "HRW", ("EDU",))


def test_head_of_a_body_is_not_the_head_of_state(resolved):
    r = resolved("Fatoumata Maïga, présidente d'une ONG féminine, a manifesté.", "2012-07-04")
    person = r.actor("Fatoumata")
    assert (person.name, person.country, person.sector) == ("Fatoumata Maïga", "NGO", ("SOC",))


def test_unknown_person_gets_the_country_of_a_one_country_article(resolved):
    r = resolved("Au Mali, les habitants de Gao ont manifesté. Le Mali attend des renforts. "
                 "Amadou Cissé a pris la parole.", "2012-07-04")
    assert r.actor("Amadou").country == "MLI"


def test_unknown_person_in_a_many_country_article_gets_no_country(resolved):
    r = resolved("L'Équateur a accordé l'asile à Julian Assange malgré le Royaume-Uni et les États-Unis. "
                 "Rafael Correa a rencontré Richard Stallman en 2006.", "2012-08-17")
    stallman = r.actor("Richard")
    assert (stallman.name, stallman.country) == ("Richard Stallman", None)  # no evidence: no country



def test_three_described_people_sharing_a_surname(resolved):
    """A third namesake once met the surname's "ambiguous" marker and raised AttributeError."""
    r = resolved("Seydou Diarra, enseignant à Ségou, a pris la parole. Oumar Diarra, journaliste à Kayes, l'a "
                 "contredit. Bakary Diarra, enseignant à Sikasso, a conclu. Diarra a ensuite quitté la salle.",
                 "2021-03-02")
    people = [r.actor(first) for first in ("Seydou", "Oumar", "Bakary")]
    assert [(p.name, p.sector) for p in people] == [
        ("Seydou Diarra", ("EDU",)), ("Oumar Diarra", ("JRN",)), ("Bakary Diarra", ("EDU",))]
    alone = r.actor("Diarra", nth=3)  # the bare surname names none of the three: it stays ambiguous
    assert alone.name == "Diarra" and alone.role is None


def test_title_before_an_unknown_name_gives_its_sector_to_every_mention(resolved):
    # the name is the holder the title introduces, not a "de X" body the title would take its sector from
    r = resolved("Le président Obinna Kalu a quitté le Zoulouland. Les juges ont ensuite convoqué Kalu.", None)
    for word in ("président", "Obinna", "Kalu"):
        person = r.actor(word)
        assert (person.name, person.sector, person.kind) == ("Obinna Kalu", ("GOV",), EntityKind.PERSON), word

