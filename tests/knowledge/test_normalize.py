from veille.knowledge.normalize import is_acronym, key, role_words, singular


def test_key_ignores_accents_case_apostrophes_and_articles():
    assert key("l’Élysée") == key("L'Elysee") == "elysee"
    assert key("Côte d’Ivoire") == key("Cote d'Ivoire") == "cote d ivoire"
    assert key("États-Unis") == key("Etats Unis") == "etats unis"
    assert key("la Maison Blanche") == "maison blanche"


def test_singular_folds_plurals_the_same_way_on_both_sides():
    assert singular("militaires") == "militaire"
    assert singular("généraux".replace("é", "e")) == "general"
    assert role_words("forces armées") == role_words("force armée") == ("force", "armee")


def test_acronyms():
    assert is_acronym("CEDEAO") and is_acronym("G5") is False and not is_acronym("Mali")
