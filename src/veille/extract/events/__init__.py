"""PLOVER events from a parsed article: frames from the lexicon and the syntax (frames, args,
nominal, span, syntax), their realisation as Events (find), participants left implicit (implicit),
verdicts and blame (verdict), one event per occurrence and claim (dedupe)."""
from veille.extract.events.find import find_events

__all__ = ["find_events"]
