"""Calendar arithmetic for date resolution: periods, shifts, parts, weekdays, Hijri.

A period is a pair of inclusive dates. Its ``value`` is the most precise calendar unit that
describes it: a day, a month or a year. A period that is not a whole unit (a week, the middle
third of a month, a Hijri month) takes the Gregorian unit that contains it, or, when it straddles
a boundary, the unit that holds its midpoint.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Gregorian, Hijri

Period = tuple[dt.date, dt.date]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day_period(day: dt.date) -> Period:
    return day, day


def month_period(year: int, month: int) -> Period:
    return dt.date(year, month, 1), month_end(year, month)


def year_period(year: int) -> Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_period(day: dt.date) -> Period:
    """The Monday-to-Sunday week holding ``day`` (ISO weeks, the same for every language)."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def shift_months(day: dt.date, offset: int) -> dt.date:
    year, month = shift_month(day.year, day.month, offset)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def relative_period(unit: str, offset: int, published: dt.date) -> Period:
    """The unit (day, week, month, year) ``offset`` steps from the one holding ``published``."""
    if unit == "day":
        return day_period(published + dt.timedelta(days=offset))
    if unit == "week":
        return week_period(published + dt.timedelta(weeks=offset))
    if unit == "month":
        return month_period(*shift_month(published.year, published.month, offset))
    return year_period(published.year + offset)


def ago_period(unit: str, count: int, published: dt.date) -> Period:
    """``count`` units before (negative: after) publication, at the unit's precision."""
    if unit == "day":
        return day_period(published - dt.timedelta(days=count))
    if unit == "week":
        return day_period(published - dt.timedelta(weeks=count))
    if unit == "month":
        return month_period(*shift_month(published.year, published.month, -count))
    return year_period(published.year - count)


def part_of(period: Period, part: str | None) -> Period:
    """The early, mid or late third of a period (for a month: days 1-10, 11-20, 21-end)."""
    first, last = period
    if part is None:
        return period
    if first.day == 1 and last == month_end(first.year, first.month):
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return first.replace(day=bounds[0]), first.replace(day=bounds[1])
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return dt.date(first.year, months[0], 1), month_end(first.year, months[1])
    days = (last - first).days + 1
    third = max(days // 3, 1)
    if part == "early":
        return first, first + dt.timedelta(days=third - 1)
    if part == "late":
        return last - dt.timedelta(days=third - 1), last
    return first + dt.timedelta(days=third), last - dt.timedelta(days=third)


def period_value(period: Period) -> str:
    first, last = period
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        if first.day == 1 and last == month_end(first.year, first.month):
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year:04d}"
    middle = first + (last - first) / 2
    if (last - first).days < 31:
        return f"{middle.year:04d}-{middle.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return f"{middle.year:04d}"


def most_recent_month(month: int, published: dt.date, direction: int, strict: bool) -> Period:
    """The month named ``month`` nearest to publication, looking back (direction -1) or ahead.

    ``strict`` excludes the month of publication itself (يوليو الماضي / next July).
    """
    year = published.year
    here = (published.year, published.month)
    if direction < 0:
        if (year, month) > here or (strict and (year, month) == here):
            year -= 1
    elif (year, month) < here or (strict and (year, month) == here):
        year += 1
    return month_period(year, month)


def most_recent_day(month: int, day: int, published: dt.date, direction: int) -> Period | None:
    year = published.year
    for candidate in (year, year - 1, year + 1):
        if not valid_day(candidate, month, day):
            continue
        date = dt.date(candidate, month, day)
        if direction < 0 and date <= published and (published - date).days < 366:
            return day_period(date)
        if direction > 0 and date >= published and (date - published).days < 366:
            return day_period(date)
    return None


def weekday_date(weekday: int, published: dt.date, direction: int, strict: bool) -> dt.date:
    """The weekday nearest publication: on or before it (direction -1) or on or after it."""
    if direction < 0:
        back = (published.weekday() - weekday) % 7
        if strict and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    ahead = (weekday - published.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return published + dt.timedelta(days=ahead)


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def hijri_day(year: int, month: int, day: int) -> Period | None:
    try:
        date = Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None
    return day_period(dt.date(date.year, date.month, date.day))


def hijri_month(year: int, month: int) -> Period | None:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        start, end = first.to_gregorian(), last.to_gregorian()
    except (OverflowError, ValueError):
        return None
    return dt.date(start.year, start.month, start.day), dt.date(end.year, end.month, end.day)


def hijri_year(year: int) -> Period | None:
    first = hijri_month(year, 1)
    last = hijri_month(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def hijri_recent_month(month: int, published: dt.date, direction: int) -> Period | None:
    """The Hijri month nearest publication, back (on or before) or ahead (on or after)."""
    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    year = today.year
    if direction < 0 and month > today.month:
        year -= 1
    elif direction > 0 and month < today.month:
        year += 1
    return hijri_month(year, month)


def hijri_recent_day(month: int, day: int, published: dt.date, direction: int) -> Period | None:
    """A Hijri day and month without a year, nearest publication back or ahead."""
    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    for year in (today.year, today.year - 1, today.year + 1):
        period = hijri_day(year, month, day)
        if period is None:
            continue
        gap = (published - period[0]).days * -direction
        if 0 <= gap < 355:
            return period
    return None
