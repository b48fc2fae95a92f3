"""Calendar arithmetic for timex values: pure functions of dates, no text.

Values are ISO 8601 strings at the precision of the expression: "2020", "2020-01",
"2020-08-21", "2020-W35".
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

# With no verb tense to go by, a date in the future is this many times "further" than one in
# the past at the same distance: news mostly reports what happened ("le 30 juin" read on
# 24 June is still the coming 30 June, "le 22 octobre" read on 31 January is last October).
FUTURE_COST = 2.0
# A publication date outside these years is a metadata error (0001-01-01, 9999-12-31): it anchors
# nothing, so "hier" or "demain" never leave the calendar.
MIN_PUBLISHED_YEAR, MAX_PUBLISHED_YEAR = 1800, 2200


def sane_published(published: date | None) -> date | None:
    """The publication date when it can anchor relative expressions, else None."""
    if published is None or not MIN_PUBLISHED_YEAR <= published.year <= MAX_PUBLISHED_YEAR:
        return None
    return published


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    """"2020"; a year before 1 AD (astronomical numbering) keeps four digits: "-0440"."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def week_value(d: date) -> str:
    iso_year, week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= year <= 9999:
        return None
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def expand_year(yy: int, published: date | None) -> int:
    """Two-digit year: the century that does not put it more than 10 years after publication."""
    ref = published.year if published else 2000
    year = (ref // 100) * 100 + yy
    return year - 100 if year > ref + 10 else year


def _cost(delta: int, future: bool) -> float:
    """How unlikely a candidate is at `delta` days (or months) after publication."""
    return -delta if delta <= 0 else delta * (1.0 if future else FUTURE_COST)


def _pick(options: list, here, direction: int, lean: int):
    """Among candidate dates (or month indexes): strictly before/after `here` for "dernier" /
    "prochain" (direction); else the nearest, a future one counting double unless the verb is
    in the future (lean +1). A past tense does not exclude the future: "il a donné jusqu'au
    30 juin" is a deadline ahead, so tense only weighs, it never filters."""
    if direction:
        options = [o for o in options if (o < here if direction < 0 else o > here)]
    if not options:
        return None
    return min(options, key=lambda o: _cost(o - here if isinstance(o, int) else (o - here).days, lean > 0))


def nearest_day(month: int, day: int, published: date, weekday: int | None = None,
                direction: int = 0, lean: int = 0) -> date | None:
    """The (month, day) named without a year, in the year around publication that fits:
    "le 30 juin dernier" (direction -1), "il sera jugé le 3 mars" (lean +1, future tense);
    a weekday ("vendredi 21 août") must agree when one year lets it."""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := safe_date(y, month, day))]
    agreeing = [d for d in options if weekday is None or d.weekday() == weekday]
    return _pick(agreeing or options, published, direction, lean)


def nearest_month(month: int, published: date, direction: int = 0, lean: int = 0) -> tuple[int, int] | None:
    """(year, month) for a month named without a year ("en mars", "juin dernier")."""
    here = published.year * 12 + published.month - 1
    options = [y * 12 + month - 1 for y in (published.year - 1, published.year, published.year + 1)]
    best = _pick(options, here, direction, lean)
    return None if best is None else (best // 12, best % 12 + 1)


def weekday_date(weekday: int, published: date, direction: int = 0, future: bool = False) -> date:
    """The date of a weekday named in an article published on `published`.

    direction -1 ("mardi dernier"): strictly before; +1 ("vendredi prochain"): strictly after.
    Otherwise the tense decides: past = the last 7 days, future = the next 7 days, both
    including the publication day (news names today's weekday: "se rassemblent vendredi").
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction < 0:
        return published - timedelta(days=back or 7)
    if direction > 0:
        return published + timedelta(days=ahead or 7)
    return published + timedelta(days=ahead) if future else published - timedelta(days=back)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shift_value(published: date, unit: str, amount: int) -> str | None:
    """Value of "il y a 3 jours" (amount -3, unit day), "le mois prochain" (+1, month)...;
    None when it leaves the calendar ("il y a 999999 jours")."""
    try:
        return _shifted(published, unit, amount)
    except (OverflowError, ValueError):
        return None


def _shifted(published: date, unit: str, amount: int) -> str | None:
    if unit == "day":
        return day_value(published + timedelta(days=amount))
    if unit == "week":
        return week_value(published + timedelta(weeks=amount))
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, amount))
    if unit == "year":
        return year_value(published.year + amount)
    return None


def weekend_value(published: date, direction: int, future: bool) -> str:
    """The ISO week of the weekend meant by "le week-end dernier / prochain", "ce week-end"."""
    in_weekend = published.weekday() >= 5
    if direction < 0:
        shift = -1
    elif direction > 0:
        shift = 1 if in_weekend else 0
    else:  # "ce week-end": the coming one when told in the future, else the last one
        shift = 0 if (future or in_weekend) else -1
    return week_value(published + timedelta(weeks=shift))
