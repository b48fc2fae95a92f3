"""Time expressions normalised against the publication date: the grammar and its lexicon (grammar,
lexicon), the calendar arithmetic (calendar), tense and context (tense, context), assembled by find."""
# Loaded on first use: the package's own modules (and claims.py, which they share) import one
# another's submodules, so importing the assembled finder here would make a cycle.
__all__ = ["find_timexes", "resolve_timex"]


def __getattr__(name: str):
    if name in __all__:
        from veille.extract.timex import find

        return getattr(find, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
