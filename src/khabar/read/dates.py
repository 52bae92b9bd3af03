"""Publication dates as given by inputs: normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: object) -> str | None:
    """Return ``value`` as an ISO date ``YYYY-MM-DD``, or ``None`` when it is not a date.

    Accepts ISO dates and datetimes, RFC 822 dates (feeds, e-mail) and
    ``date``/``datetime`` objects. Anything vaguer is not a publication date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
