"""Resolver behaviour on the seed article and on sentences of our own (real model, real KB)."""
from veille.model import EntityKind


def token(doc, text: str, nth: int = 0):
    """The nth token whose text is `text`."""
    found = [t for t in doc if t.text == text]
    assert len(found) > nth, f"{text!r} not in {doc.text!r}"
    return found[nth]


def _at(actors, doc, text, nth=0):
    return actors.actor_for_token(token(doc, text, nth))


# ----------------------------------------------------------------------------- the seed article


def test_seed_junta_is_the_cnsp(seed_doc, seed_actors):
    a = _at(seed_actors, seed_doc, "junte")
    assert (a.country, a.org, a.kb_id) == ("MLI", "CNSP", "org:CNSP")
    assert set(a.sector) == {"GOV", "MIL"}


def test_seed_russian_ambassador_is_russia_gov(seed_doc, seed_actors):
    a = _at(seed_actors, seed_doc, "Ambassadeur")
    assert (a.country, a.sector) == ("RUS", ("GOV",))


def test_seed_malian_soldiers_and_russian_forces(seed_doc, seed_actors):
    soldiers = _at(seed_actors, seed_doc, "militaires", 1)  # "Les militaires maliens, auteurs du coup d'Etat"
    assert (soldiers.country, soldiers.org) == ("MLI", "CNSP")  # the apposition names the junta
    assert "MIL" in soldiers.sector
    forces = _at(seed_actors, seed_doc, "forces")
    assert (forces.country, forces.sector) == ("RUS", ("MIL",))


def test_seed_organisations(seed_doc, seed_actors):
    ecowas = _at(seed_actors, seed_doc, "CEDEAO")
    assert (ecowas.name, ecowas.country, ecowas.org) == ("CEDEAO", "IGO", "ECOWAS")
    g5 = _at(seed_actors, seed_doc, "G5")  # tagged LOC by the model: the KB decides
    assert (g5.country, g5.org) == ("IGO", "G5S")
    delegation = _at(seed_actors, seed_doc, "délégation")
    assert (delegation.country, delegation.org) == ("IGO", "ECOWAS")


def test_seed_people_at_the_publication_date(seed_doc, seed_actors):
    goita = _at(seed_actors, seed_doc, "Goita")
    assert (goita.name, goita.country, goita.org) == ("Assimi Goïta", "MLI", "CNSP")
    assert goita.kind == EntityKind.PERSON
    ibk = _at(seed_actors, seed_doc, "Keita")
    assert (ibk.name, ibk.country, ibk.sector) == ("Ibrahim Boubacar Keïta", "MLI", ("ELI", "GOV"))
    president = _at(seed_actors, seed_doc, "président")  # "le renversement du président Ibrahim Boubacar Keita"
    assert president.kb_id == "person:ibrahim-boubacar-keita"


def test_seed_apposition_names_the_cnsp_chief(seed_doc, seed_actors):
    chief = _at(seed_actors, seed_doc, "chef")  # "Assimi Goita, le chef du CNSP," (parsed as the subject)
    assert chief.kb_id == "person:assimi-goita"


def test_seed_moscow_as_a_place(seed_doc, seed_actors):
    moscou = token(seed_doc, "Moscou", 1)  # "une formation à Moscou"
    assert seed_actors.actor_for_token(moscou) is None
    place = seed_actors.place_for_token(moscou)
    assert (place.name, place.country) == ("Moscou", "RUS")  # as written; GeoNames' point and id
    assert place.geonames_id == 524901


def test_seed_unknown_researcher_from_apposition(seed_doc, seed_actors):
    a = _at(seed_actors, seed_doc, "Fatoumata")
    assert (a.name, a.country, a.sector, a.kind) == ("Fatoumata Coulibaly", "MLI", ("EDU",), EntityKind.PERSON)


def test_seed_pronoun_refers_to_protesters(seed_doc, seed_actors):
    ils = _at(seed_actors, seed_doc, "ils")  # "Des manifestants montrent des affiches sur lesquelles ils remercient"
    assert ils is not None and ils.sector == ("CVL",) and ils.name == "manifestants"


def test_seed_abstract_nouns_are_not_actors(seed_doc, seed_actors):
    assert _at(seed_actors, seed_doc, "relations") is None
    assert _at(seed_actors, seed_doc, "formation") is None
    assert _at(seed_actors, seed_doc, "audience") is None


def test_seed_entities_group_mentions(seed_actors):
    ents = {e.id: e for e in seed_actors.entities()}
    cnsp = ents["org:CNSP"]
    assert cnsp.country == "MLI" and cnsp.kind == EntityKind.ORGANISATION
    assert len(cnsp.mentions) >= 4  # "la junte" x4, "CNSP", "militaires au pouvoir"...
    russia = ents["country:RUS"]
    assert russia.kind == EntityKind.COUNTRY and len(russia.mentions) >= 8
    for e in ents.values():
        for m in e.mentions:
            assert m.text and m.end > m.start


# ----------------------------------------------------------------------------- capitals as actors


def test_capital_acting_is_the_government(resolve):
    doc, actors = resolve("Moscou a condamné le coup d'État au Mali.", "2020-08-20")
    a = _at(actors, doc, "Moscou")
    assert (a.name, a.country, a.sector, a.kind) == ("Russie", "RUS", ("GOV",), EntityKind.COUNTRY)
    assert _at(actors, doc, "Mali") is None  # "au Mali": a place


def test_country_as_a_whole_is_its_government(resolve):
    doc, actors = resolve("Bamako a rejeté les sanctions. La Russie a signé un accord avec le Mali.", "2021-01-10")
    assert _at(actors, doc, "Bamako").country == "MLI"
    assert (_at(actors, doc, "Russie").country, _at(actors, doc, "Russie").sector) == ("RUS", ("GOV",))
    assert _at(actors, doc, "Mali").country == "MLI"  # "avec le Mali": an actor


# ----------------------------------------------------------------------------- time


def test_malian_president_depends_on_the_date(resolve):
    text = "Le président malien a reçu l'ambassadeur de France."
    doc, actors = resolve(text, "2019-05-01")
    assert _at(actors, doc, "président").name == "Ibrahim Boubacar Keïta"
    doc, actors = resolve(text, "2021-08-01")
    assert _at(actors, doc, "président").name == "Assimi Goïta"
    assert _at(actors, doc, "ambassadeur").country == "FRA"


def test_burkinabe_president_depends_on_the_date(resolve):
    text = "Le président burkinabè a limogé le chef d'état-major des armées."
    doc, actors = resolve(text, "2021-06-01")
    assert _at(actors, doc, "président").name == "Roch Marc Christian Kaboré"
    doc, actors = resolve(text, "2022-11-15")
    assert _at(actors, doc, "président").name == "Ibrahim Traoré"


def test_junta_in_a_niger_article_of_august_2023(resolve):
    text = ("Au Niger, la junte a fermé l'espace aérien. Les militaires nigériens affirment que "
            "la CEDEAO prépare une intervention à Niamey.")
    doc, actors = resolve(text, "2023-08-10")
    a = _at(actors, doc, "junte")
    assert (a.org, a.country) == ("CNSP_NER", "NER")
    assert _at(actors, doc, "militaires").country == "NER"


def test_putschists_in_2012_mali_are_the_cnrdre(resolve):
    doc, actors = resolve("À Bamako, les putschistes ont arrêté plusieurs ministres.", "2012-03-30")
    assert _at(actors, doc, "putschistes").org == "CNRDRE"


# ----------------------------------------------------------------------------- phrase structure


def test_coordination_gives_one_actor_per_conjunct(resolve):
    doc, actors = resolve("La Russie et la Chine ont bloqué la résolution du Conseil de sécurité.", "2012-07-03")
    russia = token(doc, "Russie")
    china = next(c for c in russia.children if c.dep_ == "conj")
    assert actors.actor_for_token(russia).country == "RUS"
    assert actors.actor_for_token(china).country == "CHN"
    council = _at(actors, doc, "Conseil")
    assert (council.country, council.org) == ("UNO", "UN")


def test_complements_give_the_country(resolve):
    doc, actors = resolve("L'armée du Burkina a repoussé une attaque près de Djibo.", "2021-06-01")
    assert (_at(actors, doc, "armée").country, _at(actors, doc, "armée").sector) == ("BFA", ("MIL",))
    doc, actors = resolve("Le président du Niger a dénoncé le coup.", "2022-01-25")
    assert _at(actors, doc, "président").name == "Mohamed Bazoum"


def test_apposition_of_an_unknown_person(resolve):
    doc, actors = resolve("Moussa Diallo, journaliste malien, a été arrêté par la police.", "2022-05-02")
    a = _at(actors, doc, "Moussa")
    assert (a.name, a.country, a.sector) == ("Moussa Diallo", "MLI", ("JRN",))
    assert _at(actors, doc, "police").sector == ("COP",)


def test_pronoun_coreference_with_gender(resolve):
    text = ("Le ministre malien de la Défense est arrivé à Moscou. Il a rencontré des responsables russes. "
            "La CEDEAO a réagi : elle exige des élections.")
    doc, actors = resolve(text, "2021-09-01")
    minister = _at(actors, doc, "ministre")
    assert minister.name == "Sadio Camara"
    assert _at(actors, doc, "Il").name == "Sadio Camara"
    assert _at(actors, doc, "elle").org == "ECOWAS"
    assert _at(actors, doc, "responsables").country == "RUS"


def test_former_officials_are_eli(resolve):
    doc, actors = resolve("L'ancien Premier ministre libanais a été assassiné.", "2012-07-04")
    a = _at(actors, doc, "ministre")
    assert a.country == "LBN" and a.sector[0] == "ELI"


def test_unresolved_mentions_keep_what_was_inferred(resolve):
    doc, actors = resolve("Des hommes armés ont attaqué le village de Solenzo, au Burkina Faso.", "2023-03-01")
    gunmen = _at(actors, doc, "hommes")
    assert gunmen.sector == ("UAF",) and gunmen.country == "BFA" and gunmen.kb_id is None


def test_relative_and_demonstrative_anaphors(resolve):
    text = ("Les rebelles, qui occupent plusieurs villes du Mali, ont détruit des mausolées. "
            "Les habitants ont alerté les soldats maliens. Ces derniers sont arrivés le lendemain.")
    doc, actors = resolve(text, "2012-07-02")
    qui = actors.actor_for_token(token(doc, "qui"))
    assert qui is not None and qui.sector == ("REB",) and qui.country == "MLI"
    derniers = actors.actor_for_token(token(doc, "derniers"))
    assert derniers is not None and derniers.sector == ("MIL",) and derniers.country == "MLI"


def test_jihadist_fighters_belong_to_the_transnational_movement(resolve):
    """GUIDELINES §3: jihadist groups and their fighters are IMG, wherever they fight; terrorists and
    rebels with no more said take the country of the text."""
    doc, actors = resolve("Des djihadistes ont enlevé deux enseignants nigériens. Les rebelles touareg ont "
                          "condamné l'attaque. Des terroristes ont frappé Niamey.", "2021-05-02")
    assert (_at(actors, doc, "djihadistes").country, _at(actors, doc, "djihadistes").sector) == ("IMG", ("REB",))
    assert _at(actors, doc, "rebelles").country == "NER"
    assert _at(actors, doc, "terroristes").country == "NER"


def test_ngo_named_then_referred_to(resolve):
    text = ("L'ONG Human Rights Watch a publié un rapport sur la Syrie. "
            "L'ONG dénonce la torture dans les prisons syriennes.")
    doc, actors = resolve(text, "2012-07-03")
    first = _at(actors, doc, "ONG")
    assert (first.country, first.org) == ("NGO", "HRW")
    again = _at(actors, doc, "ONG", 1)
    assert (again.country, again.org) == ("NGO", "HRW")


def test_people_named_by_demonym_and_span_lookup(resolve):
    doc, actors = resolve("Les Maliens ont manifesté contre la France à Bamako.", "2022-02-18")
    assert (_at(actors, doc, "Maliens").country, _at(actors, doc, "Maliens").sector) == ("MLI", ("CVL",))
    span = doc[token(doc, "la").i:token(doc, "France").i + 1]
    assert actors.actor_for_span(span).country == "FRA"
    assert actors.place_for_token(token(doc, "Bamako")).country == "MLI"


def test_recipient_after_a_dative_noun_is_an_actor(resolve):
    doc, actors = resolve("Les États-Unis ont suspendu leur aide au Niger après le coup d'État.", "2023-08-05")
    assert _at(actors, doc, "Niger").country == "NER"
    doc, actors = resolve("Les anciens ministres ont été arrêtés.", "2023-08-05")
    assert _at(actors, doc, "ministres").sector[0] == "ELI"


def test_title_names_the_article_country(nlp, kb, gazetteer):
    from datetime import date

    from veille.knowledge.resolver import resolve_doc

    doc = nlp("La Russie soutient la junte. Les manifestants ont remercié Moscou. La Russie a salué le geste.")
    actors = resolve_doc(doc, date(2020, 9, 1), kb, gazetteer, title="Mali : la Russie, soutien de la junte ?")
    assert actors.context_countries[0] == "MLI"
    assert _at(actors, doc, "manifestants").country == "MLI"
    assert _at(actors, doc, "junte").org == "CNSP"


def test_title_description_gives_its_country_to_the_body(nlp, kb, gazetteer):
    from datetime import date

    from veille.knowledge.resolver import resolve_doc

    doc = nlp("Le journaliste français a été tué à Homs. Selon Le Figaro, les rebelles ont tiré un obus.")
    actors = resolve_doc(doc, date(2012, 7, 18), kb, gazetteer,
                         title="Le journaliste aurait été victime d'une bavure des rebelles syriens")
    assert _at(actors, doc, "rebelles").country == "SYR"
    assert _at(actors, doc, "journaliste").country == "FRA"
    assert _at(actors, doc, "Figaro").org == "LE_FIGARO"


def test_a_former_state_is_a_country_of_its_own(resolved):
    # the USSR (ISO 3166 SUN) acted as a state until 1991: its troops and its leaders are not Russia's
    r = resolved("En 1988, l'URSS a commencé à retirer ses troupes. Les troupes soviétiques ont quitté "
                 "Kaboul en 1989, sur ordre de Mikhaïl Gorbatchev.", "1989-03-01")
    assert (r.actor("URSS").country, r.actor("URSS").kind) == ("SUN", EntityKind.COUNTRY)
    assert (r.actor("troupes").country, r.actor("troupes").sector) == ("SUN", ("MIL",))
    assert (r.actor("Gorbatchev").country, r.actor("Gorbatchev").sector) == ("SUN", ("GOV",))


def test_a_town_abroad_of_the_same_name_does_not_set_the_scene(resolved):
    r = resolved("En RDC, les combats continuent. Après des affrontements au Kasaï, des milliers d'habitants ont "
                 "quitté leurs maisons. Le gouvernement a suspendu les convois humanitaires.", "2021-03-01")
    assert r.actor("habitants").country == "COD"  # not Kasai, a town in Japan
    assert r.actor("gouvernement").country == "COD"
