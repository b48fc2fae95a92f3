"""Evidence queries over a veille store: the library the CLI, the HTTP API and the web UI share.

    from veille.queries import dyad, resolve_actor
    with Store.open("veille.db") as store:
        answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "junte malienne", kb))

Everything here reads the store (``Store.execute``) and returns frozen dataclasses
from ``veille.queries.types``; nothing writes.
"""
from veille.queries.actors import label_selector, lookup_actors, parse_key, present_actors, resolve_actor
from veille.queries.articles import ArticlePage, ArticleSummary, ArticleView, article_view, list_articles
from veille.queries.dyad import dyad, dyad_events
from veille.queries.events import search_events
from veille.queries.network import map_points, network
from veille.queries.profile import actor_profile, top_partners
from veille.queries.quotes import quotes_about, quotes_between, quotes_by
from veille.queries.resolution import Resolution, best_actor, pair_in_text, resolution
from veille.queries.types import (
    ActorHit,
    ActorProfile,
    ActorSelector,
    Breakdown,
    Dyad,
    Edge,
    EventFilters,
    EventHit,
    EventPage,
    MapPoint,
    MonthActivity,
    Network,
    Partner,
    QuoteHit,
    SourceArticle,
    StatusCounts,
    TypeSummary,
)

__all__ = [
    "ActorHit", "ActorProfile", "ActorSelector", "ArticlePage", "ArticleSummary", "ArticleView", "Breakdown",
    "Dyad", "Edge", "EventFilters", "EventHit", "EventPage", "MapPoint", "MonthActivity", "Network", "Partner",
    "QuoteHit", "SourceArticle", "StatusCounts", "TypeSummary", "actor_profile", "article_view", "dyad",
    "dyad_events", "label_selector", "list_articles", "lookup_actors", "map_points", "network", "parse_key",
    "present_actors", "quotes_about", "quotes_by", "resolve_actor", "search_events", "top_partners",
    "Resolution", "best_actor", "pair_in_text", "quotes_between", "resolution",
]
