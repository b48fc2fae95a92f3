"""Speakers of quotes (extract/quotes/speaker.py, quotes/subjects.py): pronouns, names the tagger
mislabels, on sentences of our own."""
from __future__ import annotations

import pytest

from veille.extract.quotes import find_quotes
from veille.model import Quote


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(text: str) -> list[Quote]:
        return find_quotes(nlp(text), None)
    return run


def _speaker_of(quotes: list[Quote], start_of_text: str) -> str | None:
    quote = next(q for q in quotes if q.text.startswith(start_of_text))
    return quote.speaker.name if quote.speaker is not None else None


def test_quotes_speaker_pronoun_prefers_the_person_over_a_country(quotes_of):
    quotes = quotes_of("« Le Sénégal a beaucoup changé », indique la sociologue Aminata Ndiaye. "
                       "Selon elle, la Mauritanie voisine suit la même voie. "
                       "« La région entière bouge », ajoute-t-elle.")
    assert _speaker_of(quotes, "La région entière") == "Aminata Ndiaye"


def test_quotes_speaker_pronoun_elle_after_masculine_role_noun(quotes_of):
    quotes = quotes_of('"Les réformes prendront du temps", affirme le professeur Claire Martin. '
                       '"Il faudra au moins dix ans", ajoute-t-elle.')
    assert _speaker_of(quotes, "Il faudra") == "Claire Martin"


def test_quotes_speaker_title_gender_excludes_a_man_for_elle(quotes_of):
    quotes = quotes_of('"Le marché va reprendre", déclare M. Bernard Lefort. '
                       '"Les exportations restent faibles", indique Mme Sophie Aubry. '
                       '"Rien n\'est joué", conclut-elle.')
    assert _speaker_of(quotes, "Rien") == "Sophie Aubry"


def test_quotes_speaker_surname_tagged_as_a_verb(quotes_of):
    # the tagger reads "Verra" as the future of "voir"; its entity label still says person
    quotes = quotes_of('Le port a rouvert lundi. "Nous attendons les premiers navires", souligne Verra. '
                       "Les dockers sont prêts.")
    (quote,) = quotes
    assert quote.cue == "souligne"
    assert quote.speaker.name == "Verra"


@pytest.fixture(scope="module")
def resolved_quotes_of(nlp):
    from veille.knowledge.gazetteer import Gazetteer
    from veille.knowledge.kb import KnowledgeBase
    from veille.knowledge.resolver import resolve_doc
    kb, gazetteer = KnowledgeBase.load(), Gazetteer.load()

    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        return find_quotes(doc, resolve_doc(doc, None, kb, gazetteer))
    return run


def test_quotes_speaker_trade_description_is_the_named_expert(resolved_quotes_of):
    quotes = resolved_quotes_of('"Les pluies arrivent plus tard chaque année", explique le climatologue Paul Ekwueme. '
                                "Les récoltes de mil ont baissé de moitié dans la région. "
                                '"Il faut changer les semences", ajoute le chercheur.')
    assert _speaker_of(quotes, "Il faut changer") == "Paul Ekwueme"


def test_quotes_speaker_preposed_pronoun_is_the_previous_subject(quotes_of):
    quotes = quotes_of('"Nous ne céderons pas", a déclaré le ministre Koffi Mensah. '
                       "Le président Alain Dossou a critiqué l'opposition lors d'un meeting à Cotonou. "
                       "Il a déclaré que les élections auraient lieu en mars.")
    assert _speaker_of(quotes, "les élections") == "Alain Dossou"


def test_quotes_speaker_fronted_prepositional_phrase_is_no_subject(quotes_of):
    quotes = quotes_of("Dans un entretien accordé à la radio, Kamara a prévenu que les négociations reprendraient.")
    assert _speaker_of(quotes, "les négociations") == "Kamara"


def test_quotes_speaker_hearer_after_the_inverted_name(quotes_of):
    quotes = quotes_of('"Nous manquons de tout", a raconté Fatou Sarr à la radio nationale.')
    assert _speaker_of(quotes, "Nous manquons") == "Fatou Sarr"


def test_quotes_speaker_incise_verb_tagged_as_a_noun(quotes_of):
    # "note" after a quote and its comma is the verb noter, though the tagger reads the noun
    quotes = quotes_of('Le village a été reconstruit. "La route était un endroit dangereux pour les enfants", '
                       "note Ferrand. Les travaux ont duré deux ans.")
    (quote,) = quotes
    assert quote.cue == "note"
    assert quote.speaker.name == "Ferrand"


@pytest.mark.parametrize("text, quote_start, speaker", [
    # a pronoun skips the subject of a reported clause
    ("Moussa Traoré, l'un des responsables de la coopérative, affirme que la sécheresse a détruit les récoltes "
     'du village. "Les familles ont faim", dit-il.', "Les familles", "Moussa Traoré"),
    # a standalone quote goes on from a recent quote
    ('"Le fleuve a débordé en une nuit", raconte Aïssata Diallo. Sa maison a été emportée. Elle vit désormais '
     'chez sa sœur. "Nous avons tout perdu, même les papiers."', "Nous avons tout perdu", "Aïssata Diallo"),
    # the apposed name, not lower-case words the tagger labels PER ("président de la"): a name has a capital
    ("Le président de la Cour constitutionnelle du Bénin, Joseph Djogbénou, a déclaré que le scrutin était "
     "valide.", "le scrutin était valide", "Joseph Djogbénou"),
    # a participle after an incise speaks for the incise's subject, not for the one spoken to
    ("Awa Diallo est chercheuse à Dakar. « Le pays change vite », dit-elle à la BBC, ajoutant que tout reste "
     "à faire.", "tout reste à faire", "Awa Diallo"),
    # an inverted subject after a named addressee of several words
    ("« Le barrage tiendra », explique à CNN International Aïcha Touré, ingénieure.",
     "Le barrage tiendra", "Aïcha Touré"),
    ("« Le barrage tiendra », explique à RFI Afrique Aïcha Touré, ingénieure.", "Le barrage tiendra", "Aïcha Touré"),
])
def test_quotes_speaker_in_context(quotes_of, text, quote_start, speaker):
    assert _speaker_of(quotes_of(text), quote_start) == speaker


def test_quotes_speaker_selon_after_quote_then_conjunction(quotes_of):
    # "« ... » selon X et « ... »": X said both, not the speaker quoted before
    quotes = quotes_of('"Les prix vont encore monter", déclare M. Paul Girard. '
                       '"La ville a obtenu un net avantage" selon le professeur Martin et '
                       '"il est normal qu\'il veuille en profiter."')
    assert _speaker_of(quotes, "La ville a obtenu") == "Martin"
    assert _speaker_of(quotes, "il est normal") == "Martin"


def test_quotes_speaker_je_of_the_quote_is_its_speaker(quotes_of):
    # the parser gives the quote's "Je" as the subject of "ajoutant": the quote's speaker adds
    quotes = quotes_of('Paul Roche est arrivé lundi. "Je refuse de signer", a-t-il déclaré, '
                       "ajoutant qu'il attendait des garanties.")
    assert _speaker_of(quotes, "il attendait") == "Paul Roche"


def test_quotes_speaker_je_after_a_quote_is_the_one_quoted(quotes_of):
    # an interview's answer without quote marks: "je" is the person quoted just before
    quotes = quotes_of('"La récolte sera mauvaise", affirme l\'agronome Luc Benoit. '
                       "Les pluies ont manqué. Je pense que les prix vont monter.")
    assert _speaker_of(quotes, "les prix") == "Luc Benoit"


def test_quotes_speaker_elle_skips_a_plural_proper_noun(quotes_of):
    # the tagger makes "Zintanis" a singular proper noun; "Les" and "ont" say it is plural
    quotes = quotes_of("Les Zintanis ont affirmé qu'ils resteraient neutres. Mais la chercheuse Marie Lambert "
                       'ne croit pas à cette neutralité. "Cette promesse ne tiendra pas longtemps", dit-elle.')
    assert _speaker_of(quotes, "Cette promesse") == "Marie Lambert"


def test_quotes_speaker_lone_name_apposed_to_a_description(quotes_of):
    # "l'une des visiteuses, Kadiatou": the tagger labels the name a place; it still names her,
    # and she is not the earlier "l'une des vendeuses"
    quotes = quotes_of('"La saison a été bonne", raconte l\'une des vendeuses, Irina. '
                       '"Nous reviendrons l\'an prochain", dit l\'une des visiteuses, Kadiatou.')
    assert _speaker_of(quotes, "Nous reviendrons") == "Kadiatou"


def test_quotes_speaker_answer_is_the_one_asked_with_lui(quotes_of):
    # "X lui a demandé s'il signerait ... « Sans doute », a-t-il répondu": he who answers was asked, X asked
    quotes = quotes_of('Le président Paul Girard a visité la base mardi. Le lendemain, le journal Le Matin '
                       'lui a demandé s\'il signerait le traité. "Sans doute", a-t-il répondu, "avant l\'été".')
    assert _speaker_of(quotes, "Sans doute") == "Paul Girard"


def test_quotes_speaker_answer_is_the_one_asked_with_a(quotes_of):
    # "j'ai demandé à Y comment ... « ... », répond-il": Y answers, not the last one quoted
    quotes = quotes_of('Le directeur Marc Petit a parlé au ministre. "Tout ira bien", dit le directeur. '
                       "Après le meeting, nous avons demandé à M. Girard comment il voyait l'avenir. "
                       '"Je reste optimiste pour la suite", répond-il.')
    assert _speaker_of(quotes, "Je reste") == "Girard"


def test_quotes_speaker_pour_x_after_a_quote_ending_a_sentence(quotes_of):
    # the parser opens the next sentence with the closing mark: "Pour X," still starts a clause
    quotes = quotes_of('Il a parlé longtemps : "Le pays avance." Pour Martin, le pays est '
                       '"un modèle de résilience pour toute la région".')
    assert _speaker_of(quotes, "le pays est") == "Martin"


def test_quotes_speaker_decrire_incise(quotes_of):
    quotes = quotes_of('"Trois maisons ont brûlé dans la nuit", décrit le pompier Paul Martin.')
    assert _speaker_of(quotes, "Trois maisons") == "Paul Martin"


def test_quotes_speaker_il_falls_back_to_a_person_just_named(quotes_of):
    # in the cleft "C'est dans ... que X a ..." the parser gives X no subject role: "il" is
    # still the person named in the sentence before
    quotes = quotes_of("C'est dans un entretien accordé à la télévision nationale que le colonel Oumar Tall, "
                       "commandant des forces aériennes, a surpris les observateurs. "
                       "Il y annonce avoir dissous le gouvernement.")
    assert _speaker_of(quotes, "avoir dissous") == "Oumar Tall"


def test_quotes_speaker_il_after_the_writer_names_someone(quotes_of):
    # "Nous avons présenté ... au colonel X. ..., il a nié": X, not the soldier quoted before
    quotes = quotes_of('"Nous tiendrons jusqu\'au bout", dit le sergent Ali Koné. Nous avons présenté ces '
                       "accusations au colonel Pierre Durand, chef de la garnison. Dans un communiqué, "
                       "il a nié que ses hommes aient tiré sur la foule.")
    assert _speaker_of(quotes, "ses hommes") == "Pierre Durand"


def test_quotes_speaker_il_is_not_a_feminine_country(quotes_of):
    # "la Turquie" is feminine by its article: "déclare-t-il" cannot stand for it
    quotes = quotes_of('La Turquie a affirmé que les pêcheurs étaient en règle. '
                       '"Ils m\'ont chassé sans raison", déclare-t-il.')
    assert _speaker_of(quotes, "Ils m'ont") != "Turquie"


def test_quotes_speaker_subject_modified_by_a_participle_clause(quotes_of):
    # "Une femme tenant un drapeau rouge chante :": the woman, not the flag
    quotes = quotes_of('Une femme tenant un drapeau rouge chante : '
                       '"Nous voulons du pain et du travail."')
    name = _speaker_of(quotes, "Nous voulons")
    assert name is not None and "femme" in name and not name.startswith("drapeau")


def test_quotes_speaker_acronym_defined_in_parentheses(quotes_of):
    # the letters of "RA" are not those of "Armée révolutionnaire": the parentheses define it
    quotes = quotes_of("Les combattants du groupe d'Armée révolutionnaire (RA) ont attaqué la ville. "
                       "Selon la RA, trois villages sont désormais sous son contrôle.")
    assert _speaker_of(quotes, "trois villages") == "Armée révolutionnaire"


def test_quotes_speaker_quote_after_a_sentence_attributed_by_an_incise(quotes_of):
    quotes = quotes_of("Pour la plupart des habitants du quartier, l'eau reste rare chaque semaine, "
                       "explique Joseph Mbarga. « Nous faisons la queue tous les matins devant la fontaine "
                       "du marché. »")
    assert _speaker_of(quotes, "Nous faisons") == "Joseph Mbarga"


def test_quotes_speaker_quote_after_a_selon_sentence(quotes_of):
    quotes = quotes_of("Selon la géographe Lucie Ondoa, les pluies arrivent plus tard chaque année. "
                       "« Les semis de mai sont devenus un pari pour les familles. »")
    assert _speaker_of(quotes, "Les semis") == "Lucie Ondoa"


def test_quotes_speaker_participle_after_an_inverted_t_il_incise(quotes_of):
    quotes = quotes_of("Le maire Paul Essomba a visité le chantier jeudi. « Les travaux avancent bien », "
                       "ajoute-t-il, précisant que le pont sera livré en décembre.")
    assert _speaker_of(quotes, "le pont") == "Paul Essomba"


def test_quotes_speaker_definite_role_noun_names_the_person_introduced_with_it(quotes_of):
    quotes = quotes_of("Le sociologue camerounais Jean Mbida publie ce mois-ci un livre sur les marchés de Yaoundé. "
                       "Les commerçantes y racontent leurs journées. "
                       "« Les femmes tiennent l'économie du quartier », explique le sociologue.")
    assert _speaker_of(quotes, "Les femmes tiennent") == "Jean Mbida"


def test_quotes_speaker_definite_role_noun_in_apposition(quotes_of):
    quotes = quotes_of("Awa Sissoko, juriste à Bamako, a suivi le procès depuis le début. "
                       "Les audiences ont duré trois semaines. "
                       "La juriste estime que le verdict sera contesté en appel.")
    assert _speaker_of(quotes, "le verdict") == "Awa Sissoko"


def test_quotes_speaker_subject_before_a_parenthesis_between_dashes(quotes_of):
    quotes = quotes_of("La militante écologiste Mariam Touré - qui a grandi au bord du fleuve et a fondé une "
                       "association de pêcheurs à l'âge de 20 ans - a prévenu que la pollution du fleuve "
                       "menaçait la pêche.")
    assert _speaker_of(quotes, "la pollution") is not None
    assert "Mariam Touré" in _speaker_of(quotes, "la pollution")


def test_quotes_speaker_incise_with_a_day_before_the_hearer_and_the_speaker(quotes_of):
    quotes = quotes_of("« Les tarifs baisseront en juin », a expliqué jeudi soir aux clients "
                       "la directrice commerciale de la banque.")
    assert _speaker_of(quotes, "Les tarifs").startswith("directrice commerciale")
