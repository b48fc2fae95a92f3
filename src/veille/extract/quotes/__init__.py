"""Quotes and their speakers: quoted segments (marks, segments), reported speech (clauses, frames,
preps), speakers (speaker, subjects, describe), assembled by find."""
from veille.extract.quotes.find import find_quotes

__all__ = ["find_quotes"]
