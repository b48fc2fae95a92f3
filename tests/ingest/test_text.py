from datetime import date

import pytest

from veille.errors import RejectedInput
from veille.ingest.text import is_heading, parse_text, read_scraped_text
from veille.model import Source, SourceKind

FIRST_SENTENCE = "Depuis le départ de la délégation de la CEDEAO, la junte a multiplié des contacts avec les partenaires étrangers."
LAST_SENTENCE = "Le Mali a besoin de la Russie dans la perspective de diversifier ses partenaires."
HEADINGS = ["L’audience accordée à l’Ambassadeur russe par la junte", "Les officiers putschistes formés par la Russie"]


@pytest.fixture(scope="module")
def seed(settings, seed_path):
    return parse_text(Source(str(seed_path), seed_path.read_bytes()), settings)


def article(raw: str, settings):
    return parse_text(Source("test.txt", raw.encode("utf-8")), settings)


BODY = ("La junte a reçu l’ambassadeur de Russie à Bamako mardi, selon un communiqué.\n\n"
        "Les deux parties ont évoqué la coopération militaire entre les deux pays.")


def test_seed_text_equals_gold_text(seed, seed_gold):
    assert seed.text == seed_gold["text"]


def test_seed_metadata_fields(seed):
    assert seed.title == "Mali : la Russie, véritable soutien à la junte au pouvoir ?"
    assert seed.standfirst == ("Depuis le départ de la délégation de la CEDEAO, la junte a multiplié des contacts "
                               "avec les partenaires étrangers. Si…")
    assert seed.byline == "rédaction"
    assert seed.section == "Politique"
    assert seed.published == date(2020, 9, 1)
    assert seed.tags == ()
    assert seed.language == "fr"
    assert seed.source_kind is SourceKind.TEXT
    assert seed.doc_id == "h-" + seed.content_hash[:16]


def test_seed_first_and_last_sentences(seed):
    assert seed.text.startswith(FIRST_SENTENCE + " Si jusqu’ici")
    assert seed.text.endswith(LAST_SENTENCE)


def test_seed_headings_are_their_own_paragraphs(seed):
    assert [seed.text[h.start : h.end] for h in seed.headings] == HEADINGS
    for heading in HEADINGS:
        assert f"\n\n{heading}\n\n" in seed.text


def test_seed_line_without_period_is_not_glued_to_the_next_sentence(seed):
    assert "avec la Russie\nL’ambition de la Russie" in seed.text


def test_seed_has_no_comment_form_or_metadata_in_text(seed):
    for junk in ("Comments", "commentaire", "adresse e-mail", "champs obligatoires", "Parredaction", "Étiquettes"):
        assert junk not in seed.text


def test_seed_standfirst_is_not_repeated_in_body(seed):
    assert seed.text.count(FIRST_SENTENCE) == 1


def test_text_byline_with_space_and_la_redaction(settings):
    assert article(f"Titre\n\nPar Jean Dupont\n\n{BODY}", settings).byline == "Jean Dupont"
    assert article(f"Titre\n\nPar la rédaction\n\n{BODY}", settings).byline == "rédaction"


@pytest.mark.parametrize("written", ["le 1 septembre 2020", "1er septembre 2020", "01/09/2020", "2020-09-01",
                                     "Publié le 1er septembre 2020"])
def test_text_date_forms(written, settings):
    assert article(f"Titre\n\n{written}\n\n{BODY}", settings).published == date(2020, 9, 1)


def test_text_tags_listed_and_tags_cue(settings):
    assert article(f"Titre\n\nÉtiquettes : Mali, Russie\n\n{BODY}", settings).tags == ("Mali", "Russie")
    assert article(f"Titre\n\nTags: Mali, Russie\n\n{BODY}", settings).tags == ("Mali", "Russie")


def test_text_tags_line_after_body_is_metadata(settings):
    doc = article(f"Titre\n\n{BODY}\n\nÉtiquettes : Mali, Junte", settings)
    assert doc.tags == ("Mali", "Junte")
    assert "Étiquettes" not in doc.text


def test_text_english_comment_form_removed(settings):
    tail = "Share this:\nTwitter\nFacebook\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *"
    doc = article(f"Titre\n\n{BODY}\n\n{tail}", settings)
    assert doc.text == BODY


def test_text_signature_at_the_end_is_the_byline(settings):
    doc = article(f"Titre\n\n{BODY}\n\nPar Jean Dupont", settings)
    assert doc.byline == "Jean Dupont"
    assert doc.text == BODY


def test_text_sentence_starting_with_par_is_body(settings):
    raw = f"Titre\n\nPar ailleurs, le 1 septembre 2020 la junte a reçu l’ambassadeur.\n\n{BODY}"
    doc = article(raw, settings)
    assert doc.byline is None
    assert doc.text.startswith("Par ailleurs, le 1 septembre 2020 la junte")


def test_text_hard_wrapped_lines_are_unwrapped(settings):
    doc = article("Titre\n\nLa junte a reçu l’ambassadeur\nde Russie à Bamako mardi.\nLe ministre était présent.", settings)
    assert doc.text == "La junte a reçu l’ambassadeur de Russie à Bamako mardi.\nLe ministre était présent."


def test_text_heading_detection_rules():
    assert is_heading("Les officiers putschistes formés par la Russie")
    assert is_heading("Que va faire la junte ?")
    assert not is_heading("La junte a reçu l’ambassadeur.")
    assert not is_heading("et de s'interroger")
    assert not is_heading("Un paragraphe long " + "très " * 30 + "sans point final")


def test_text_last_short_line_is_not_a_heading(settings):
    doc = article(f"Titre\n\n{BODY}\n\nAffaire à suivre", settings)
    assert doc.headings == ()
    assert doc.text.endswith("\n\nAffaire à suivre")


def test_text_empty_file_rejected():
    with pytest.raises(RejectedInput, match="empty"):
        read_scraped_text("  \n\n \t\n")


def test_text_latin1_bytes_decoded(settings):
    raw = f"Élections au Mali\n\n{BODY}".encode("cp1252")
    doc = parse_text(Source("latin1.txt", raw), settings)
    assert doc.title == "Élections au Mali"
    assert "l’ambassadeur" in doc.text
