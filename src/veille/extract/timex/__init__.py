"""Time expressions normalised against the publication date: the grammar and its lexicon (grammar,
lexicon), the calendar arithmetic (calendar), tense and context (tense, context), assembled by find."""
from veille.extract.timex.find import find_timexes, resolve_timex

__all__ = ["find_timexes", "resolve_timex"]
