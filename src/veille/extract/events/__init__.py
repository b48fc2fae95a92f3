"""PLOVER events from a parsed article: frames from the lexicon and the syntax (frames, args,
nominal, span, syntax), their realisation as Events (find), participants left implicit (implicit),
verdicts and blame (verdict), one event per occurrence and claim (dedupe)."""
# Loaded on first use: the package's own modules (and claims.py, which they share) import one
# another's submodules, so importing the assembled finder here would make a cycle.
__all__ = ["find_events"]


def __getattr__(name: str):
    if name in __all__:
        from veille.extract.events import find

        return getattr(find, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
