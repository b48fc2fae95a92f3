"""In-article coreference (knowledge/coref.py): role nouns, repeated descriptions, short names, pronouns."""
from veille.model import EntityKind


# ----------------------------------------------------------------------------- role nouns


def test_role_noun_refers_to_the_person_named_with_that_role(resolved):
    r = resolved("Moussa Keïta, candidat du RPM, a dénoncé des fraudes. "
                 "Le candidat a ensuite appelé ses partisans au calme.", "2020-09-01")
    first, again = r.actor("Moussa"), r.actor("candidat", 1)
    assert (first.name, first.country, first.sector) == ("Moussa Keïta", "MLI", ("PTY",))
    assert again.name == "Moussa Keïta" and again.kind == EntityKind.PERSON


def test_role_noun_coreference_needs_gender_agreement(resolved):
    r = resolved("Moussa Keïta, candidat du RPM, a dénoncé des fraudes. "
                 "La candidate a ensuite appelé ses partisans au calme.", "2020-09-01")
    assert r.actor("candidate").name == "candidate"  # not the man named before


def test_surname_inside_another_full_name_is_not_the_kb_person(resolved):
    r = resolved("Moussa Keïta, candidat du RPM, a dénoncé des fraudes.", "2020-09-01")
    assert r.actor("Keïta").kb_id is None  # not Ibrahim Boubacar Keïta


def test_founder_named_after_the_complement_then_referred_to(resolved):
    r = resolved("L'Équateur a accordé l'asile au fondateur de WikiLeaks Julian Assange. "
                 "Le fondateur de WikiLeaks a remercié le président équatorien.", "2012-08-17")
    assert r.actor("fondateur").kb_id == "person:julian-assange"
    again = r.actor("fondateur", 1)
    assert (again.name, again.country) == ("Julian Assange", "AUS")


def test_short_name_of_an_organisation_and_its_leader(resolved):
    r = resolved("Le Conseil national syrien s'est réuni à Doha. Le chef du Conseil a critiqué Washington.",
                 "2012-11-02")
    council = r.actor("Conseil", 1)
    assert (council.org, council.country) == ("SNC", "SYR")
    assert r.actor("chef").name == "Abdel Basset Sayda"  # the leader of the SNC on the date


def test_short_name_needs_an_organisation_named_before(resolved):
    r = resolved("Le Conseil a rejeté la demande.", "2012-11-02")
    assert r.actor("Conseil") is None


# ----------------------------------------------------------------------------- repeated descriptions


def test_work_stands_for_its_author_and_again_later(resolved):
    r = resolved("Le documentaire d'Al Jazeera accuse Israël. Selon le documentaire, le poison a été utilisé.",
                 "2012-07-04")
    first, again = r.actor("documentaire"), r.actor("documentaire", 1)
    assert (first.name, first.country, first.org) == ("Al Jazeera", "QAT", "AL_JAZEERA")
    assert again.org == "AL_JAZEERA"


def test_work_without_an_author_is_no_actor(resolved):
    r = resolved("Un rapport publié mardi dénonce la torture.", "2012-07-03")
    assert r.actor("rapport") is None


def test_bare_description_repeats_the_country_given_before(resolved):
    r = resolved("Les rebelles syriens ont pris la ville. La France a salué l'offensive. "
                 "Les rebelles contrôlent désormais la route.", "2012-11-02")
    assert r.actor("rebelles", 1).country == "SYR"


def test_described_person_found_again_by_surname(resolved):
    r = resolved("Gilles Durand, journaliste français, a été blessé à Homs. Durand a été évacué vers Beyrouth.",
                 "2012-07-18")
    again = r.actor("Durand", 1)
    assert (again.name, again.country, again.sector) == ("Gilles Durand", "FRA", ("JRN",))


# ----------------------------------------------------------------------------- pronouns


def test_impersonal_il_with_negation_is_no_actor(resolved):
    r = resolved("Amnesty International a condamné les exécutions. "
                 "Il n'y a pas eu de réaction du gouvernement syrien.", "2012-11-02")
    assert r.actor("Il") is None


def test_demonstrative_defined_by_a_clause_is_no_anaphor(resolved):
    r = resolved("La procureure a averti les habitants. Son message s'adresse à ceux qui sont impliqués.",
                 "2012-07-02")
    assert r.actor("ceux") is None


def test_organisation_anaphor_skips_a_name_given_in_the_phrase(resolved):
    r = resolved("Scotland Yard a mené l'opération. Deux membres de l'organisation séparatiste basque ETA "
                 "ont été arrêtés.", "2012-07-05")
    members = r.actor("membres")
    assert (members.country, members.org) == ("ESP", "ETA")


def test_heading_a_body_is_one_role_whatever_the_title(resolved):
    r = resolved("Moussa Ag Sidi, président du MSA, a signé l'accord. Le chef du MSA a ensuite rencontré "
                 "le gouverneur.", "2020-09-01")
    chief = r.actor("chef")
    assert (chief.name, chief.org) == ("Moussa Ag Sidi", "MSA")


def test_pronoun_inside_a_quote_is_not_its_speaker(resolved):
    r = resolved("Les rebelles ont attaqué la ville. Des habitants ont déclaré : « Ils ont brûlé le marché ».",
                 "2021-03-01")
    assert r.actor("Ils").sector == ("REB",)  # the rebels, not the residents who speak


def test_pronoun_after_a_quote_can_be_its_speaker(resolved):
    r = resolved("Des habitants ont déclaré : « La ville est calme ». Ils demandent des renforts.", "2021-03-01")
    assert r.actor("Ils").name == "habitants"


def test_repeated_pronoun_keeps_its_referent(resolved):
    r = resolved("Les rebelles sont entrés dans la ville. Ils ont crié, puis ils ont brûlé le marché.", "2021-03-01")
    assert r.actor("ils").sector == ("REB",)


def test_the_group_is_the_organisation_named_before(resolved):
    r = resolved("Le MNLA a revendiqué l'embuscade près de Kidal. L'armée traque le groupe depuis des mois.",
                 "2020-09-01")
    group = r.actor("groupe")
    assert group is not None and group.org == "MNLA"
    crowd = resolved("Un groupe de manifestants a bloqué la route.", "2020-09-01").actor("groupe")
    assert crowd is None or crowd.org is None  # no organisation was named: nothing to take up
