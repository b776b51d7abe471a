"""Wire datelines at the head of a story.

Recognized forms (source, place and date are each optional where shown)::

    Reuters, Moscow :                 source, place, colon, end of line
    MOSCOW (Reuters) -                place in capitals, source in brackets, dash
    MOSCOW, Dec 2 (Reuters) -         ... with month and day
    WASHINGTON (AP) —                 any dash or a colon
    MINSK, Belarus, Aug. 10 (AP) --   place with its country
    KYIV —                            place alone, then a dash

The dateline is found, never removed: the NLP stage starts reading after ``end`` so the
dateline cannot become the subject of the first verb, and offsets stay those of the input.
"""

from __future__ import annotations

import datetime as dt
import re

from wirewatch.types import Dateline

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
_COUNTRY_TAIL = r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
_DASH = r"(?:-{1,2}|–|—|:|_)"

_BRACKETED = re.compile(
    rf"\s*(?P<place>{_CAPS_PLACE}{_COUNTRY_TAIL})"
    rf"(?:,\s+(?P<date>{_DATE}))?"
    r"\s*\((?P<source>[A-Za-z][A-Za-z0-9 .&'’\-]{0,40})\)"
    rf"\s*{_DASH}[ \t]*"
)
_SOURCE_PLACE_COLON = re.compile(
    r"\s*(?P<source>[A-Z][A-Za-z0-9.&'’\-]*(?:\s+[A-Z][A-Za-z0-9.&'’\-]*){0,3}),"
    r"\s*(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3})"
    r"[ \t]*:[ \t]*(?:\r?\n|\Z)\s*"
)
_PLACE_DASH = re.compile(
    rf"\s*(?P<place>{_CAPS_PLACE}{_COUNTRY_TAIL})"
    rf"(?:,\s+(?P<date>{_DATE}))?"
    r"\s*(?:-{1,2}|–|—)[ \t]+"
)
_DATE_PARTS = re.compile(
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))"
    r"(?:,?\s+(?P<y>\d{4}))?"
)


def find_dateline(text: str, published: dt.date | None = None) -> Dateline | None:
    """Find the dateline at the start of ``text``.

    Args:
        text: the article text as given.
        published: publication date, used to fix the year of a dateline's month and day.

    Returns:
        The Dateline with offsets into ``text``, or None when the story has none.

    Example:
        >>> find_dateline("MOSCOW (Reuters) - Russia said ...").place
        'Moscow'
    """
    found = _match_at(text, 0, published)
    if found is None:
        # A headline first: "Trump, Ryan pledge to work together\n\nWASHINGTON (AP) — ..."
        headline = re.match(r"[^\n]{1,300}\n\s*\n", text)
        if headline is not None:
            found = _match_at(text, headline.end(), published)
    return found


def _match_at(text: str, pos: int, published: dt.date | None) -> Dateline | None:
    for pattern in (_SOURCE_PLACE_COLON, _BRACKETED, _PLACE_DASH):
        match = pattern.match(text, pos)
        if match is None:
            continue
        place = match.group("place").strip()
        if pattern is not _SOURCE_PLACE_COLON and not _looks_like_place(place):
            continue
        groups = match.groupdict()
        start = match.start("source") if pattern is _SOURCE_PLACE_COLON else match.start("place")
        return Dateline(
            text=text[start : match.end()].rstrip(),
            start=start,
            end=start + len(text[start : match.end()].rstrip()),
            source=(groups.get("source") or "").strip() or None,
            place=_title(place),
            date=_date_value(groups.get("date"), published),
        )
    return None


def body_start(text: str, dateline: Dateline | None) -> int:
    """Offset where the story proper begins (after the dateline and following blanks)."""
    if dateline is None:
        return 0
    pos = dateline.end
    while pos < len(text) and text[pos] in " \t\r\n-–—:":
        pos += 1
    return pos


def _looks_like_place(place: str) -> bool:
    # An all-capitals first word of 3+ letters: "MOSCOW", "NEW YORK"; rejects "A" or "US -"
    # style sentence starts and acronyms followed by a dash inside running text.
    head = place.split(",")[0].strip()
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 3 and head.upper() == head


def _title(place: str) -> str:
    parts = [p.strip() for p in place.split(",")]
    return ", ".join(p.title() if p.upper() == p else p for p in parts)


def _date_value(raw: str | None, published: dt.date | None) -> str | None:
    if not raw:
        return None
    match = _DATE_PARTS.search(raw)
    if match is None:
        return None
    month_name = (match.group("m1") or match.group("m2")).rstrip(".").lower()
    month = MONTHS.get(month_name[:4] if month_name.startswith("sept") else month_name[:3])
    day = int(match.group("d1") or match.group("d2"))
    if month is None:
        return None
    if match.group("y"):
        year = int(match.group("y"))
    elif published is not None:
        # A dateline never runs far ahead of publication: Dec 30 on a story published
        # Jan 2 belongs to the previous year.
        year = published.year
        try:
            if dt.date(year, month, day) > published + dt.timedelta(days=2):
                year -= 1
        except ValueError:
            return None
    else:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_span(dateline: Dateline) -> tuple[int, int] | None:
    """Offsets (into the article text) of the day written in the dateline, if it has one.

    Example:
        >>> d = find_dateline("MOSCOW, Dec 2 (Reuters) - Russia said ...")
        >>> date_span(d)
        (8, 13)
    """
    if dateline.date is None:
        return None
    match = _DATE_PARTS.search(dateline.text)
    if match is None:
        return None
    return dateline.start + match.start(), dateline.start + match.end()
