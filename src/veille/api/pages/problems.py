"""Invalid query parameters explained to a person: what was given, what is expected, an example.

The JSON API returns pydantic's errors as they are; the pages say it in words instead of
showing ``from: String should match pattern '^\\d{4}...'``.
"""
from __future__ import annotations

from veille.model import EventType, QuadClass, Status

# What each parameter of the pages means, and how to write it.
FIELDS = {
    "from": ("the start date", "a year (2020), a month (2020-08) or a day (2020-08-21)"),
    "to": ("the end date", "a year (2020), a month (2020-08) or a day (2020-08-21)"),
    "status": ("the status", "one of " + ", ".join(s.value for s in Status)),
    "type": ("the event type", "a PLOVER type such as " + ", ".join(t.value for t in list(EventType)[:4]) + "…"),
    "quad": ("the quad class", "one of " + ", ".join(q.value for q in QuadClass)),
    "country": ("the country", "a three-letter code such as MLI or RUS"),
    "a": ("the first actor", "a name, an alias or a code: Russie, junte malienne, RUS, org:CNSP"),
    "b": ("the second actor", "a name, an alias or a code: Russie, junte malienne, RUS, org:CNSP"),
    "offset": ("the position in the list", "a whole number, 0 or more"),
    "limit": ("the number of rows", "a whole number"),
    "members": ("the members switch", "true or false"),
    "region": ("the map view", "world, africa, sahel, europe or middle-east"),
    "sort": ("the order", "-date, date, -confidence or confidence"),
}


def explain(errors: list[dict]) -> str:
    """One sentence per invalid parameter, e.g. "“2020-1” is not a valid start date: write a year …"."""
    sentences = []
    for error in errors:
        name = str(error["loc"][-1]) if error.get("loc") else "?"
        what, how = FIELDS.get(name, (f"“{name}”", "see /docs for what it accepts"))
        if error.get("type") == "missing":
            sentences.append(f"{what[0].upper()}{what[1:]} is missing: give {how}.")
        else:
            given = error.get("input")
            shown = given if isinstance(given, str) else str(given)
            sentences.append(f"“{shown[:80]}” is not a valid value for {what}: write {how}.")
    return " ".join(dict.fromkeys(sentences))
