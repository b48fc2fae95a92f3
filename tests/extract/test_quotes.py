"""Quotes and their speakers (extract/quotes/find.py), on the seed article, on one construction per
test, and against the development gold."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from veille.extract.quotes import find_quotes
from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import resolve_doc
from veille.model import Quote, QuoteKind

DATA = Path(__file__).parent.parent / "data"
DEV_FLOOR_WITH_SPEAKER = 0.93  # dev reaches 0.969 (65 gold quotes); bench/ re-measures it
DEV_FLOOR_QUOTES = 0.96


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def seed_quotes(seed_doc, seed_published, kb, gazetteer) -> list[Quote]:
    return find_quotes(seed_doc, resolve_doc(seed_doc, seed_published, kb, gazetteer))


@pytest.fixture(scope="module")
def quotes_of(nlp):
    """quotes_of(text) -> (text, quotes) without a resolver: speakers named from the text alone."""
    def run(text: str) -> tuple[str, list[Quote]]:
        return text, find_quotes(nlp(text), None)
    return run


def _at(text: str, quote: Quote, expected: str) -> None:
    """The quote is exactly `expected`, at its place in the text."""
    assert quote.text == expected
    assert quote.start == text.index(expected)
    assert quote.end == quote.start + len(expected)
    assert text[quote.start:quote.end] == quote.text


def _by_speaker(quotes: list[Quote], name: str) -> Quote:
    return next(q for q in quotes if q.speaker is not None and q.speaker.name == name)


# --------------------------------------------------------------------------- the seed


def test_quotes_seed_coulibaly_direct_with_role_and_sector(seed_quotes, seed_text):
    quote = _by_speaker(seed_quotes, "Fatoumata Coulibaly")
    _at(seed_text, quote, "les relations entre le Mali et la Russie sont anciennes")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.cue == "Selon"
    assert quote.speaker.role == "enseignante-chercheuse à Bamako"
    assert quote.speaker.country == "MLI"
    assert "EDU" in quote.speaker.sector


def test_quotes_seed_anonymous_military_sources(seed_quotes, seed_text, seed_gold):
    quote = _by_speaker(seed_quotes, "sources militaires maliennes")
    gold = next(q for q in seed_gold["quotes"] if q["speaker"]["name"] == "sources militaires maliennes")
    _at(seed_text, quote, gold["text"])  # two sentences: the fragment "Ceci, ..." continues the first
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.cue == "selon"
    assert quote.speaker.country == "MLI"
    assert "MIL" in quote.speaker.sector


def test_quotes_seed_demonstrators_thanks(seed_quotes, seed_text):
    quote = next(q for q in seed_quotes if q.text == "pour leur soutien au Mali")
    _at(seed_text, quote, "pour leur soutien au Mali")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.cue == "remercient"
    assert quote.speaker.name == "manifestants"  # "ils" is the demonstrators of the sentence
    assert quote.speaker.country == "MLI"


def test_quotes_seed_has_exactly_the_three_statements(seed_quotes):
    assert len(seed_quotes) == 3
    assert [q.start for q in seed_quotes] == sorted(q.start for q in seed_quotes)


# --------------------------------------------------------------------------- constructions


def test_quotes_incise_with_pronoun_speaker(quotes_of):
    text, quotes = quotes_of("Le ministre Jean Dupont a visité Bamako lundi. "
                             "« Nous resterons aux côtés du Mali », a-t-il déclaré.")
    (quote,) = quotes
    _at(text, quote, "Nous resterons aux côtés du Mali")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.cue == "a-t-il déclaré"
    assert quote.speaker.name == "Jean Dupont"
    assert quote.speaker.role == "ministre"


def test_quotes_incise_with_apposed_role(quotes_of):
    text, quotes = quotes_of("« La situation est grave. Nous demandons de l'aide », "
                             "a affirmé le maire de Gao, Moussa Traoré.")
    (quote,) = quotes
    _at(text, quote, "La situation est grave. Nous demandons de l'aide")  # two sentences, one quote
    assert quote.speaker.name == "Moussa Traoré"
    assert quote.speaker.role == "le maire de Gao"


def test_quotes_unquoted_incise(quotes_of):
    text, quotes = quotes_of("La capture de la ville est un sérieux revers pour le gouvernement, "
                             "affirme Rami Abd al-Rahman.")
    (quote,) = quotes
    _at(text, quote, "La capture de la ville est un sérieux revers pour le gouvernement")
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.speaker.name == "Rami Abd al-Rahman"


def test_quotes_quote_over_two_paragraphs(quotes_of):
    text, quotes = quotes_of("Le porte-parole du gouvernement a déclaré :\n"
                             "« Le premier paragraphe commence ici.\n"
                             "« Le second paragraphe le termine. »\n"
                             "La suite de l'article.")
    (quote,) = quotes
    _at(text, quote, "Le premier paragraphe commence ici.\n« Le second paragraphe le termine.")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker.name == "porte-parole du gouvernement"


def test_quotes_que_clause_is_indirect(quotes_of):
    text, quotes = quotes_of("Le gouvernement malien a affirmé que les élections auront lieu en février.")
    (quote,) = quotes
    _at(text, quote, "les élections auront lieu en février")
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.cue == "a affirmé que"
    assert quote.speaker.name == "gouvernement malien"


def test_quotes_infinitive_and_request(quotes_of):
    text, quotes = quotes_of("Plusieurs témoins ont raconté avoir vu des hommes armés. "
                             "L'ONG a demandé au gouvernement d'ouvrir une enquête.")
    told, asked = quotes
    _at(text, told, "avoir vu des hommes armés")
    assert told.speaker.name == "témoins"
    _at(text, asked, "au gouvernement d'ouvrir une enquête")
    assert asked.speaker.name == "ONG"


def test_quotes_selon_dapres_pour(quotes_of):
    text, quotes = quotes_of("Selon l'AFP, trois soldats ont été tués près de Gao. "
                             "Deux civils ont été blessés, d'après des sources sécuritaires. "
                             "Pour Amnesty International, ces arrestations sont arbitraires.")
    afp, sources, amnesty = quotes
    _at(text, afp, "trois soldats ont été tués près de Gao")
    assert (afp.cue, afp.speaker.name) == ("Selon", "AFP")
    _at(text, sources, "Deux civils ont été blessés")
    assert (sources.cue, sources.speaker.name) == ("d'après", "sources sécuritaires")
    _at(text, amnesty, "ces arrestations sont arbitraires")
    assert (amnesty.cue, amnesty.speaker.name) == ("Pour", "Amnesty International")


def test_quotes_selon_without_a_speaker_is_no_quote(quotes_of):
    _, quotes = quotes_of("Ces faits sont passibles de la peine de mort ou, selon les juridictions, "
                          "de la prison à vie. Pour la première fois, le fleuve a débordé.")
    assert quotes == []


def test_quotes_comme_le_rappelle(quotes_of):
    text, quotes = quotes_of("La résolution a échoué, bien que, comme le rappelle Human Rights Watch, "
                             "« la Russie a bloqué les efforts du Conseil ».")
    (quote,) = quotes
    _at(text, quote, "la Russie a bloqué les efforts du Conseil")
    assert quote.cue == "comme le rappelle"
    assert quote.speaker.name == "Human Rights Watch"


def test_quotes_speaker_in_the_sentence_before(quotes_of):
    text, quotes = quotes_of("Le ministre Amadou Koné a réagi dans la soirée et a déclaré :\n"
                             "« Nous ne céderons pas. »")
    (quote,) = quotes
    _at(text, quote, "Nous ne céderons pas.")
    assert quote.speaker.name == "Amadou Koné"


def test_quotes_pronoun_subject_of_a_que_clause(quotes_of):
    text, quotes = quotes_of("Le président de la transition, Bah N'Daw, a pris la parole. "
                             "Il a assuré que la sécurité reste la priorité.")
    (quote,) = quotes
    _at(text, quote, "la sécurité reste la priorité")
    assert quote.speaker.name == "Bah N'Daw"
    assert quote.speaker.role == "Le président de la transition"


def test_quotes_mixed_quote_keeps_its_marks(quotes_of):
    text, quotes = quotes_of("Le chef de l'opposition a estimé que le pays traverse « une crise sans précédent ».")
    (quote,) = quotes
    _at(text, quote, "le pays traverse « une crise sans précédent »")
    assert quote.kind is QuoteKind.MIXED


def test_quotes_quoted_object_of_a_reporting_verb_is_direct(quotes_of):
    # as the gold codes "a dénoncé « la furie destructrice ... »": the quoted words are the whole statement
    text, quotes = quotes_of("Le gouvernement a dénoncé « une politique d'État de torture ».")
    (quote,) = quotes
    _at(text, quote, "une politique d'État de torture")
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker.name == "gouvernement"


def test_quotes_quoted_terms_and_titles_are_not_quotes(quotes_of):
    _, quotes = quotes_of("Le film « Le Retour » sort en salle mercredi. "
                          "Les habitants se plaignent de « fêtes sauvages ». "
                          "Le gouvernement a salué la « détermination » des Grecs.")
    assert quotes == []


def test_quotes_incise_inside_the_quote(quotes_of):
    text, quotes = quotes_of("Hassan, un manifestant, est venu de Gao. "
                             "« Moi, dit-il, je reste ici avec ma famille ».")
    (quote,) = quotes
    _at(text, quote, "je reste ici avec ma famille")
    assert quote.cue == "dit-il"
    assert quote.speaker.name == "Hassan"


def test_quotes_negated_or_impersonal_reporting_is_no_quote(quotes_of):
    _, quotes = quotes_of("La police n'a pas confirmé ces informations. On dit que le camp est vide. "
                          "C'est dire que la junte a gagné.")
    assert quotes == []


def test_quotes_continuation_keeps_the_speaker(quotes_of):
    text, quotes = quotes_of("« Les analyses indiquent un tir de mortier » indique le quotidien Le Figaro. "
                             "« Tous les services spécialisés sont d'accord sur cette conclusion »")
    first, second = quotes
    assert first.speaker.name == "Le Figaro"
    _at(text, second, "Tous les services spécialisés sont d'accord sur cette conclusion")
    assert second.speaker == first.speaker
    assert second.cue is None


# --------------------------------------------------------------------------- dev gold


def _scorer():
    spec = importlib.util.spec_from_file_location("veille_gold_score", DATA / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotes_dev_gold_f1_floor(nlp, kb, gazetteer):
    score = _scorer()
    gold = score.load_gold(DATA / "gold" / "dev")
    system = {}
    for doc_id, g in gold.items():
        doc = nlp(g["text"])
        quotes = find_quotes(doc, resolve_doc(doc, date.fromisoformat(g["published"]), kb, gazetteer))
        assert all(g["text"][q.start:q.end] == q.text for q in quotes)
        system[doc_id] = {"doc_id": doc_id, "quotes": [
            {"speaker": q.speaker.to_json(with_role=True) if q.speaker else None, "text": q.text,
             "start": q.start, "end": q.end, "kind": q.kind.value, "cue": q.cue} for q in quotes]}
    result = score.score(gold, system)
    assert result["quotes"][2] >= DEV_FLOOR_QUOTES
    assert result["quotes_with_speaker"][2] >= DEV_FLOOR_WITH_SPEAKER


# --------------------------------------------------------------------------- issue 11: more constructions


def test_quotes_que_after_a_hearer(quotes_of):
    text, quotes = quotes_of("Sa sœur, Awa Konaté, a déclaré à la radio que la famille n'avait reçu aucune nouvelle.")
    (quote,) = quotes
    _at(text, quote, "la famille n'avait reçu aucune nouvelle")
    assert quote.speaker.name == "Awa Konaté"


def test_quotes_adverbial_participle_speaks_for_the_subject(quotes_of):
    text, quotes = quotes_of("Le syndicat des enseignants a rejeté l'accord, affirmant que les salaires restaient trop bas.")
    (quote,) = quotes
    _at(text, quote, "les salaires restaient trop bas")
    assert quote.cue == "affirmant que"
    assert quote.speaker.name == "syndicat des enseignants"


def test_quotes_gerund_speaks_for_the_subject(quotes_of):
    text, quotes = quotes_of("Le maire a fermé le marché en expliquant que les pluies avaient détruit les étals.")
    (quote,) = quotes
    _at(text, quote, "les pluies avaient détruit les étals")
    assert quote.speaker.name == "maire"


def test_quotes_alleging_verb(quotes_of):
    text, quotes = quotes_of("Le parquet allègue que l'ancien directeur a détourné des fonds publics.")
    (quote,) = quotes
    _at(text, quote, "l'ancien directeur a détourné des fonds publics")
    assert quote.speaker.name == "parquet"


def test_quotes_present_participle_is_no_incise(quotes_of):
    _, quotes = quotes_of("Le Maroc a présenté un plan de paix en mai, suggérant un cessez-le-feu dans tout le pays.")
    assert quotes == []


def test_quotes_selon_before_a_clause_whose_verb_is_tagged_as_a_noun(quotes_of):
    # "place" is read as a noun; the parser still makes it the head of a clause with a subject
    text, quotes = quotes_of("Selon l'historien Paul Mensah, la tradition populaire place toujours la reine "
                             "aux côtés des héros.")
    (quote,) = quotes
    _at(text, quote, "la tradition populaire place toujours la reine aux côtés des héros")
    assert quote.speaker.name == "Paul Mensah"


def test_quotes_trailing_selon_without_comma(quotes_of):
    text, quotes = quotes_of("Les pluies ont détruit plus de deux cents maisons dans la région selon la Croix-Rouge.")
    (quote,) = quotes
    _at(text, quote, "Les pluies ont détruit plus de deux cents maisons dans la région")
    assert quote.cue == "selon"


def test_quotes_admitting_with_an_infinitive(quotes_of):
    text, quotes = quotes_of("Plusieurs policiers ont admis avoir frappé des manifestants pendant la nuit.")
    (quote,) = quotes
    _at(text, quote, "avoir frappé des manifestants pendant la nuit")
    assert quote.speaker.name == "policiers"


INTERVIEW = ("Radio Sahel - Les récoltes de cette année vous inquiètent-elles ? "
             "Ibrahim Maïga - Oui, les pluies sont arrivées trop tard. Beaucoup de champs sont restés nus. "
             "Radio Sahel - Que demandez-vous aux autorités ? "
             "Maïga - Des semences pour la saison prochaine et des routes pour vendre ce que nous produisons.")


def test_quotes_interview_answers_are_direct_quotes_of_who_opens_them(nlp):
    quotes = find_quotes(nlp(INTERVIEW), None)
    answers = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    assert [q.text[:20] for q in answers] == ["Oui, les pluies sont", "Des semences pour la"]
    assert {q.speaker.name for q in answers} == {"Ibrahim Maïga"}
    assert not any(q.text.endswith("?") for q in quotes)


def test_quotes_interview_a_name_between_dashes_is_no_turn(nlp):
    quotes = find_quotes(nlp("Le maire Paul Biya - élu en 2019 - veut rouvrir le marché. Pourquoi maintenant ? "
                             "Les commerçants attendent. Pourquoi si tard ?"), None)
    assert not any(q.kind is QuoteKind.DIRECT for q in quotes)


def test_quotes_selon_a_speaker_placed_somewhere_with_a(nlp):
    quotes = find_quotes(nlp("Les routes du nord restent coupées par les eaux, selon la correspondante de "
                             "Radio Ndarason à Maroua."), None)
    (quote,) = quotes
    assert quote.text == "Les routes du nord restent coupées par les eaux"
    assert "correspondante" in quote.speaker.name or "correspondante" in (quote.speaker.role or "")


def test_quotes_selon_then_comma_and_conjunction_attributes_what_comes_before(nlp):
    quotes = find_quotes(nlp("Avant la crise, la région fournissait un tiers du cacao mondial selon la banque "
                             "Ecobank, et la moitié de son café."), None)
    assert [q.text for q in quotes] == ["la région fournissait un tiers du cacao mondial"]

