"""Timeline charts drawn on the server: geometry for an SVG the template writes out (no JS needed).

Bars are months (years when the span is long), stacked by status; an optional
second series is drawn below the axis (an actor's events as target under its
events as source).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from veille.model import Status
from veille.queries import StatusCounts

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 200, 34, 26, 10
MAX_MONTHS = 48
MAX_BAR = 44


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    status: str
    title: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    left: int
    bars: tuple[Bar, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    periods: int
    upper_label: str = ""
    lower_label: str = ""

    @property
    def empty(self) -> bool:
        return not self.bars


def timeline(upper: Sequence[tuple[str, StatusCounts]], lower: Sequence[tuple[str, StatusCounts]] = (), *,
             upper_label: str = "", lower_label: str = "") -> Chart:
    """A stacked bar chart of events per month (or per year) coloured by status."""
    periods, by_year = _periods([m for m, _ in upper] + [m for m, _ in lower])
    up, down = _bucket(upper, by_year), _bucket(lower, by_year)
    peak = max([c.total() for c in up.values()] + [c.total() for c in down.values()] + [1])
    half = bool(lower)
    plot_h = HEIGHT - BOTTOM - TOP
    axis_y = TOP + (plot_h / 2 if half else plot_h)
    scale = (plot_h / 2 if half else plot_h) / peak
    slot = (WIDTH - LEFT - 4) / max(len(periods), 1)
    bars = []
    width = min(slot * 0.76, MAX_BAR)
    for i, period in enumerate(periods):
        x = LEFT + i * slot + (slot - width) / 2
        bars += _stack(x, width, axis_y, scale, up.get(period, Counter()), period, +1, upper_label)
        bars += _stack(x, width, axis_y, scale, down.get(period, Counter()), period, -1, lower_label)
    return Chart(WIDTH, HEIGHT, axis_y, LEFT, tuple(bars), _x_ticks(periods, slot), _y_ticks(peak, axis_y, scale, half),
                 len(periods), upper_label, lower_label)


def _periods(months: list[str]) -> tuple[list[str], bool]:
    if not months:
        return [], False
    first, last = min(months), max(months)
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    if span > MAX_MONTHS:
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)], True
    out, year, month = [], int(first[:4]), int(first[5:7])
    for _ in range(span):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out, False


def _bucket(series: Sequence[tuple[str, StatusCounts]], by_year: bool) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for month, counts in series:
        key = month[:4] if by_year else month
        bucket = out.setdefault(key, Counter())
        for status, n in counts.items:
            bucket[status] += n
    return out


def _stack(x, w, axis_y, scale, counts: Counter, period: str, direction: int, label: str) -> list[Bar]:
    bars, offset = [], 0.0
    for status in Status:
        n = counts.get(status, 0)
        if not n:
            continue
        h = n * scale
        y = axis_y - offset - h if direction > 0 else axis_y + offset
        what = f"{label}: " if label else ""
        bars.append(Bar(round(x, 1), round(y, 1), round(w, 1), round(h, 1), status.value,
                        f"{period} — {what}{n} {status.value}"))
        offset += h
    return bars


def _x_ticks(periods: list[str], slot: float) -> tuple[Tick, ...]:
    if not periods:
        return ()
    every = max(1, round(len(periods) / 8))
    return tuple(Tick(round(LEFT + i * slot + slot / 2, 1), HEIGHT - 8, p) for i, p in enumerate(periods)
                 if i % every == 0)


def _y_ticks(peak: int, axis_y: float, scale: float, half: bool) -> tuple[Tick, ...]:
    top = Tick(LEFT - 6, round(axis_y - peak * scale + 4, 1), str(peak))
    ticks = [Tick(LEFT - 6, round(axis_y + 4, 1), "0"), top]
    if half:
        ticks.append(Tick(LEFT - 6, round(axis_y + peak * scale + 4, 1), str(peak)))
    return tuple(ticks)
