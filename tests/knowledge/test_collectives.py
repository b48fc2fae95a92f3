"""Groups of states (knowledge/collectives.py): actors_for_token gives one actor per member state."""


def test_two_countries_coordinated_before(resolved):
    r = resolved("Le Mali et le Niger ont signé un accord. Les deux pays prévoient des patrouilles communes.",
                 "2020-09-01")
    assert r.members("pays") == ["MLI", "NER"]
    first = r.actor("pays")
    assert (first.country, first.sector) == ("MLI", ("GOV",))  # actor_for_token: the first member


def test_two_states_after_a_coordination_in_a_quote(resolved):
    r = resolved("Selon elle, « les relations entre le Mali et la Russie sont anciennes ». "
                 "Cette audience traduit l'excellence des relations entre les deux Etats.", "2020-09-01")
    assert r.members("Etats") == ["MLI", "RUS"]


def test_two_countries_named_last_without_a_coordination(resolved):
    r = resolved("L'ambassade des États-Unis a été envahie par des étudiants iraniens. "
                 "Cet incident a provoqué la rupture des relations entre les deux pays.", "2012-11-02")
    assert sorted(r.members("pays")) == ["IRN", "USA"]


def test_members_of_an_organisation_on_the_date(resolved):
    r = resolved("Les pays membres de l'AES ont quitté la CEDEAO.", "2024-03-01")
    assert r.members("pays") == ["MLI", "BFA", "NER"]
    r = resolved("Les pays membres du G5 Sahel ont créé une force conjointe.", "2017-07-02")
    assert r.members("pays") == ["MRT", "MLI", "BFA", "NER", "TCD"]
    r = resolved("Les pays membres du G5 Sahel ont réaffirmé leur engagement.", "2022-09-01")
    assert "MLI" not in r.members("pays")  # Mali left on 15 May 2022


def test_subset_without_the_member_singled_out(resolved):
    r = resolved("Sur les cinq pays membres du G5 Sahel, seul le Tchad n'a pas signé. "
                 "Quatre des pays ont signé avec la Russie.", "2020-09-01")
    assert r.members("pays", 1) == ["MRT", "MLI", "BFA", "NER"]
    assert r.actor("pays") is None  # "sur les cinq pays": a location


def test_indefinite_subset_names_no_state(resolved):
    r = resolved("Le Mali et le Niger ont signé un accord. Certains pays ont protesté.", "2020-09-01")
    assert r.members("pays") == []
    r = resolved("Deux pays africains ont rappelé leur ambassadeur.", "2020-09-01")
    assert r.members("pays") == []


def test_single_actor_phrases_give_a_one_item_list(resolved):
    r = resolved("La Russie a signé un accord avec le Mali.", "2020-09-01")
    assert r.members("Russie") == ["RUS"]
    assert r.members("accord") == []


def test_three_countries_coordinated(resolved):
    r = resolved("Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO. Les trois pays ont créé une "
                 "confédération.", "2024-03-01")
    assert r.members("pays") == ["MLI", "BFA", "NER"]


def test_zero_countries_name_no_group(resolved):
    """"les 0 pays" once asked for the first of no states (ValueError, found by bench/fuzz.py)."""
    r = resolved("Le Sénégal a reçu le Ghana à Dakar. Plus tard, les 0 pays ont signé un accord.", "2021-03-02")
    assert r.members("pays") == []
