from veille.knowledge.gazetteer import Gazetteer


def test_gao_in_a_mali_article_is_gao_mali(gazetteer):
    place = gazetteer.lookup("Gao", context_countries=("MLI", "FRA"))
    assert (place.name, place.country) == ("Gao", "MLI")
    assert abs(place.lat - 16.27) < 0.1 and abs(place.lon + 0.04) < 0.1


def test_gao_in_a_burkina_article_prefers_burkina(gazetteer):
    assert gazetteer.lookup("Gao", context_countries=("BFA",)).country in ("MLI", "BFA")
    assert all(p.country != "CUB" for p in gazetteer.candidates("Gao"))  # "GAO" is an airport code


def test_french_exonyms(gazetteer):
    moscow = gazetteer.lookup("Moscou")
    assert (moscow.name, moscow.country) == ("Moscow", "RUS")
    assert abs(moscow.lat - 55.75) < 0.1 and abs(moscow.lon - 37.62) < 0.1
    assert gazetteer.lookup("Tombouctou").country == "MLI"
    assert gazetteer.lookup("Pékin").country == "CHN"
    assert gazetteer.lookup("Le Caire").country == "EGY"
    assert gazetteer.lookup("Alep").country == "SYR"
    assert gazetteer.lookup("Genève").country == "CHE"


def test_countries_regions_and_unknowns(gazetteer):
    mali = gazetteer.lookup("Mali")
    assert mali.country == "MLI" and 10 < mali.lat < 20
    assert gazetteer.country_centroid("MLI") == (mali.lat, mali.lon)
    assert gazetteer.lookup("Sahel").country is None
    assert gazetteer.lookup("Tibet").country == "CHN"
    assert gazetteer.lookup("Xyzzyville") is None


def test_gazetteer_is_cached_per_process(gazetteer):
    assert Gazetteer.load() is gazetteer


def test_a_small_namesake_abroad_is_not_the_place_of_the_article(gazetteer):
    assert gazetteer.lookup("Kasaï").country == "JPN"  # with nothing known of the article, the index's town
    assert gazetteer.lookup("Kasaï", context_countries=("COD", "BEL")) is None  # the Congolese province
    assert gazetteer.lookup("Oxford", context_countries=("FRA",)).country == "GBR"  # a city abroad stands
