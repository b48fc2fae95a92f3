"""The actor network drawn on the server: a radial layout (the actor at the centre when there is one).

Edges are coloured by what dominates between the two actors (cooperation,
conflict, or mixed), their width grows with the number of events, and each is a
link to the dyad page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from veille.queries import Network
from veille.queries.jsonable import actor_link, dyad_link

WIDTH, HEIGHT = 640, 460
LABEL_ROOM = 165  # horizontal room kept for the labels beside the ring


@dataclass(frozen=True, slots=True)
class NodeView:
    x: float
    y: float
    r: float
    label: str
    link: str
    events: int
    centre: bool
    anchor: str      # text-anchor of the label: start | middle | end
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class EdgeView:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    kind: str        # cooperation | conflict | mixed
    link: str
    title: str


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]

    @property
    def empty(self) -> bool:
        return not self.edges


def layout(network: Network, *, centred: bool) -> GraphView:
    nodes = list(network.nodes)
    if not nodes:
        return GraphView(WIDTH, HEIGHT, (), ())
    cx, cy = WIDTH / 2, HEIGHT / 2
    ring = _ring_order(nodes[1:] if centred else nodes, network)
    radius_x, radius_y = WIDTH / 2 - LABEL_ROOM, HEIGHT / 2 - 48
    peak = max(n.events for n in nodes) or 1
    places: dict[str, NodeView] = {}
    if centred:
        places[nodes[0].selector.key] = _node(nodes[0], cx, cy, peak, True, cx, cy)
    for i, hit in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        x, y = cx + radius_x * math.cos(angle), cy + radius_y * math.sin(angle)
        places[hit.selector.key] = _node(hit, x, y, peak, False, cx, cy)
    most = max((e.events for e in network.edges), default=1)
    edges = []
    for edge in network.edges:
        a, b = places.get(edge.a.key), places.get(edge.b.key)
        if a is None or b is None:
            continue
        kind = "cooperation" if edge.cooperation > edge.conflict else "conflict" if edge.conflict > edge.cooperation \
            else "mixed"
        title = (f"{edge.a_name} ↔ {edge.b_name}: {edge.events} events "
                 f"({edge.cooperation} cooperation, {edge.conflict} conflict)")
        edges.append(EdgeView(a.x, a.y, b.x, b.y, round(1.5 + 7 * edge.events / most, 1), kind,
                              dyad_link(edge.a, edge.b), title))
    return GraphView(WIDTH, HEIGHT, tuple(places.values()), tuple(edges))


def _ring_order(nodes: list, network: Network) -> list:
    """Neighbours next to each other on the ring (fewer crossing edges): start with the most
    active actor, then always take the one most linked to those already placed."""
    weight: dict[tuple[str, str], int] = {}
    for edge in network.edges:
        weight[edge.a.key, edge.b.key] = weight[edge.b.key, edge.a.key] = edge.events
    left = list(nodes)
    placed = [left.pop(0)] if left else []
    while left:
        recent = placed[-3:]
        best = max(left, key=lambda n: (sum(weight.get((n.selector.key, p.selector.key), 0) * (1 + i)
                                            for i, p in enumerate(recent)), n.events))
        left.remove(best)
        placed.append(best)
    return placed


def _node(hit, x: float, y: float, peak: int, centre: bool, cx: float, cy: float) -> NodeView:
    r = round(6 + 12 * math.sqrt(hit.events / peak), 1)
    if centre:
        anchor, lx, ly = "middle", x, y + r + 16
    else:
        anchor = "start" if x > cx + 5 else "end" if x < cx - 5 else "middle"
        dx = r + 6 if anchor == "start" else -(r + 6) if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (-(r + 8) if y < cy else r + 16)
        lx, ly = x + dx, y + dy
    return NodeView(round(x, 1), round(y, 1), r, hit.name, actor_link(hit.selector), hit.events, centre, anchor,
                    round(lx, 1), round(ly, 1))
