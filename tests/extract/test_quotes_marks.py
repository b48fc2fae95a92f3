"""Quoted segments (extract/quotes/marks.py): which marks pair, on sentences of our own."""
from __future__ import annotations

from veille.extract.quotes.marks import find_quoted_segments, straight_pairs


def _inner(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_segments(text)]


def test_quotes_marks_french_guillemets():
    assert _inner("Il a dit : « Nous partirons demain. » Puis il est parti.") == ["Nous partirons demain."]


def test_quotes_marks_straight_nested_quote_stays_inside():
    text = 'Le fermier raconte : "Les soldats criaient "rendez-vous" en entrant dans la cour." Il se tait.'
    assert _inner(text) == ['Les soldats criaient "rendez-vous" en entrant dans la cour.']


def test_quotes_marks_straight_stray_opening_does_not_invert_later_quotes():
    text = ('La chanteuse a sorti l\'album "Nuits blanches en 2019. '
            '"Le public a changé", dit-elle. "Il écoute autrement", ajoute-t-elle.')
    assert _inner(text) == ["Le public a changé", "Il écoute autrement"]


def test_quotes_marks_straight_pairs_by_direction():
    text = 'Il parle de "paix" et de "justice".'
    assert straight_pairs(text) == {text.index('"paix'): text.index('" et'),
                                    text.index('"justice'): text.index('".')}


def test_quotes_marks_straight_pairs_stop_at_paragraph_end():
    text = 'Elle écrit "bonjour\nPuis "merci" encore.'
    assert _inner(text) == ["merci"]


def test_quotes_marks_two_apostrophes_stand_for_a_double_quote():
    text = "Le maire a promis de ''tout reconstruire'' avant l'hiver. ''Nous y arriverons'', dit-il."
    segments = find_quoted_segments(text)
    assert [text[s.start:s.end] for s in segments] == ["tout reconstruire", "Nous y arriverons"]
    assert [text[s.open_at:s.close_end] for s in segments] == ["''tout reconstruire''", "''Nous y arriverons''"]
