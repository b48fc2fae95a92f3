"""veille: reads French news and turns it into evidence.

    import veille
    result = veille.analyze(text, published="2020-09-01")   # one article: events, quotes, timexes
    for result in veille.analyze_many(texts, workers=2): ...  # many, streamed
    corpus = veille.open("veille.db")                        # a store made by `veille ingest`
    corpus.dyad("Russie", "junte malienne"); corpus.events(status="alleged").to_pandas()

These names are the public API (docs/python.md); everything else may change. They are
imported on first use, so ``import veille`` stays cheap.
"""

__version__ = "0.1.0"

__all__ = [
    "Actor", "Analysis", "Corpus", "Entity", "Event", "EventType", "Quote", "RejectedInput", "Status",
    "Table", "Timex", "__version__", "analyze", "analyze_many", "open",
]

_LAZY = {
    "analyze": "veille.library", "analyze_many": "veille.library",
    "open": "veille.corpus", "Corpus": "veille.corpus", "Table": "veille.tables",
    "RejectedInput": "veille.errors",
    "Actor": "veille.model", "Analysis": "veille.model", "Entity": "veille.model", "Event": "veille.model",
    "EventType": "veille.model", "Quote": "veille.model", "Status": "veille.model", "Timex": "veille.model",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'veille' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
