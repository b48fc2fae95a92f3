"""The map's shapes: no country draws a band across the map where it crosses the antimeridian."""
from __future__ import annotations

import re

from veille.api.pages import geo

_POINT = re.compile(r"([ML])(-?[\d.]+),(-?[\d.]+)")


def test_no_line_crosses_the_antimeridian():
    widest = 0.0
    for shape in geo.countries("world"):
        previous = None
        for pen, x, _ in _POINT.findall(shape.path):
            x = float(x)
            if pen == "L" and previous is not None:
                widest = max(widest, abs(x - previous))
            previous = x
    assert widest < geo.WIDTH / 2


def test_a_ring_across_the_antimeridian_lifts_the_pen():
    proj = geo.projection("world")
    path = geo._path([(179.0, 65.0), (-179.0, 66.0), (-178.0, 64.0)], proj)
    assert path.count("M") == 2 and not path.endswith("Z")
    assert geo._path([(10.0, 10.0), (12.0, 10.0), (11.0, 12.0)], proj).endswith("Z")
