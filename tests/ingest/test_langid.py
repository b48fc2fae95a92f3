from veille.ingest.langid import detect_language

LANGUAGES = ("fr", "en", "ar", "es", "pt", "de")


def test_langid_french_and_english_told_apart():
    assert detect_language("La junte au pouvoir au Mali a reçu l’ambassadeur de Russie à Bamako mardi.", LANGUAGES) == "fr"
    assert detect_language("The military junta in Mali received the Russian ambassador in Bamako on Tuesday.",
                           LANGUAGES) == "en"


def test_langid_bounded_to_the_given_languages():
    text = "La junta militar de Malí recibió al embajador ruso en Bamako el martes por la tarde."
    assert detect_language(text, LANGUAGES) == "es"
    assert detect_language(text, ("fr", "en")) in ("fr", "en")


def test_langid_too_short_is_none():
    assert detect_language("Mali", LANGUAGES) is None
    assert detect_language("   ", LANGUAGES) is None
