"""Quotes and their speakers: quoted segments (marks, segments), reported speech (clauses, frames,
preps), speakers (speaker, subjects, describe), assembled by find."""
# Loaded on first use: the package's own modules (and claims.py, which they share) import one
# another's submodules, so importing the assembled finder here would make a cycle.
__all__ = ["find_quotes"]


def __getattr__(name: str):
    if name in __all__:
        from veille.extract.quotes import find

        return getattr(find, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
