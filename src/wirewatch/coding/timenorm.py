"""Normalizing time expressions to TimeML TIMEX3 values, relative to an anchor date.

Pure functions over strings and dates; the spaCy component finds the expressions and
decides the tense of the clause, this module computes the values::

    >>> import datetime as dt
    >>> normalize("on Wednesday", dt.date(2020, 12, 2)).value
    '2020-12-02'
    >>> normalize("Last week", dt.date(2020, 12, 2)).value
    '2020-W48'
    >>> normalize("for 26 years", dt.date(2020, 12, 2)).value
    'P26Y'

Rules, not guesses: an expression whose value the text and the anchor do not fix gets a
value with ``X`` placeholders (``XXXX-12-02``) or None, never the anchor itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "a dozen": 12,
    "dozen": 12,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "the past few")
UNIT_CODES = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
}
TIME_UNITS = {"second", "minute", "hour"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Longest alternatives first: a regex alternation takes the first that fits.
_NUMBER_ALTERNATIVES = sorted(
    [*NUMBER_WORDS, *VAGUE_NUMBERS, *(f"{t}[ -]{o}" for t in TENS for o in ONES), r"\d+"],
    key=len,
    reverse=True,
)
# "early", "mid-", "the end of" ... before a month or a year (TIMEX3's mod).
_MOD_PREFIX = r"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
_NUMBER_PATTERN = rf"(?:{'|'.join(_NUMBER_ALTERNATIVES)})(?:\s+(?:hundred|thousand))?"
_NUM = rf"(?P<num>{_NUMBER_PATTERN})"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|century|quarter)s?"
_LEAD_WORDS = [
    "on",
    "in",
    "at",
    "by",
    "since",
    "until",
    "till",
    "from",
    "during",
    "for",
    "over",
    "of",
    "through",
    "throughout",
    "about",
    "around",
    "before",
    "after",
    "within",
    "starting",
    "just",
    "almost",
    "nearly",
    "roughly",
    "some",
    "only",
    "approximately",
    "later",
    "earlier",
    "early",
    "late",
    "as of",
    "as early as",
    "by the",
    "more than",
    "less than",
    "no more than",
    "no less than",
    "at least",
    "at most",
    "as long as",
    "as much as",
    "up to",
    "each of",
    "all of",
    "both",
    "either",
    "between",
]
# Longest first, so that "at least" is not read as "at" followed by a stray "least".
_LEAD = re.compile(rf"^(?:(?:{'|'.join(sorted(_LEAD_WORDS, key=len, reverse=True))})\s+)+")
# "the Aug. 7, 1998 attack": a leading article before a date or a number.
_LEADING_THE = re.compile(r"^(?:the|an?)\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)")
# "between 1994 and 1997", "1991 to 1997": the value is that of the first end.
_RANGE = re.compile(
    r"^(?:between\s+)?(.+?)\s+(?:and|to|-|–)\s+"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)

_ENDED = re.compile(r"\s+(?:that |which )?(?:ended|ending|ends|to end)\b.*$")
_SPELLED_YEAR = re.compile(
    rf"\b(?P<century>nineteen|eighteen|twenty)\s+(?P<rest>(?:{'|'.join(TENS)}|ten|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-](?:{'|'.join(ONES)}))?|hundred)\b"
    r"|\b(?:the year\s+)?two thousand(?:\s+and)?(?:\s+(?P<small>" + "|".join(ONES) + r"|ten))?\b"
    r"(?!\s+(?:years?|months?|days?|weeks?|people|dollars))"
)


def _spelled_years(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "2000"."""

    def digits(m: re.Match[str]) -> str:
        if m.group("century"):
            century = NUMBER_WORDS[m.group("century")]
            rest = 0 if m.group("rest") == "hundred" else _number(m.group("rest"))
            return str(century * 100 + (rest or 0))
        return str(2000 + (NUMBER_WORDS[m.group("small")] if m.group("small") else 0))

    return _SPELLED_YEAR.sub(digits, text)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A TIMEX3 type and value, its granularity and what the value was computed from."""

    type: str
    value: str | None
    granularity: str
    anchor: str
    mod: str | None = None


def normalize(
    text: str,
    anchor: dt.date | None,
    *,
    tense: str = "past",
    previous: str | None = None,
) -> Normalized | None:
    """Normalize one time expression.

    Args:
        text: the expression as it stands in the text ("on Wednesday", "Aug. 9").
        anchor: the date the text is relative to (dateline or publication date), or None.
        tense: ``past``, ``present`` or ``future``: the tense of the governing clause, which
            decides whether "Wednesday" means the last or the next Wednesday.
        previous: the value of the last DATE expression before this one, for anaphoric
            expressions ("the following day").

    Returns:
        A Normalized value, or None if the text is not a time expression wirewatch knows.
    """
    raw = _spelled_years(" ".join(text.lower().replace("’", "'").split()))
    core = _LEAD.sub("", raw).strip(" ,.:;")
    core = _LEADING_THE.sub("", core.removesuffix("'s")).strip()
    # "the quarter ended Sept. 30", "the six months ending in June": the period is named
    # before "ended"; the end date only confirms it.
    if re.match(r"(?:the|its|their|a)\s+(?:fiscal\s+|financial\s+)?year\s+(?:that\s+)?(?:ended|ending)\b", core):
        # "the year ended Sept. 30" is twelve months to that day, not a calendar year.
        return Normalized("DURATION", "P1Y", "duration", "none")
    core = _ENDED.sub("", core).strip(" ,") or core
    core = re.sub(r"\s+or so\b", "", core)  # "a week or so ago", "the next year or so"
    core = re.sub(r"^(\d{4}),\s+\d{4}(?:,?\s+(?:and\s+)?(?:\d{4})?)*$", r"\1", core)  # "1994, 1995 and 1997"
    if core == "may" and text.strip() == "May":
        core = "the month of may"  # capitalized and tagged a date: the month, not the modal
    span = _RANGE.match(core)
    if (
        span
        and re.search(r"\d", span.group(1))
        and not re.search(r"(?:second|minute|hour|day|week|month|year)s$", core)
    ):
        core = span.group(1).strip(" ,")
    if not core:
        return None
    for rule in _RULES:
        result = rule(core, anchor, tense, previous)
        if result is not None:
            if result.type == "DURATION" and raw.startswith(("since ",)):
                continue
            return result
    return None


# ---------------------------------------------------------------------------- helpers


def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    """A number written in digits or words ("12", "twelve", "twenty-four", "two hundred")."""
    word = " ".join(word.strip().replace("-", " ").split())
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.split()
    if parts and parts[-1] in ("hundred", "thousand"):
        base = _number(" ".join(parts[:-1])) if len(parts) > 1 else 1
        return None if base is None else base * (100 if parts[-1] == "hundred" else 1000)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return MONTH_NUMBERS[word if word in MONTH_NUMBERS else word[:3]]


def _infer_year(month: int, day: int | None, anchor: dt.date, tense: str) -> int:
    """The year of a month (and day) given without one, from the anchor and the tense."""
    # The year that puts the date nearest the anchor ("Jan. 14" in a story of 2000-01-06
    # is 2000, "Dec. 28" in a story of 2000-01-06 is 1999); the tense weighs in: a
    # past-tense clause about a date ahead of the anchor more likely means last year's.
    best: tuple[float, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        distance = float((candidate - anchor).days)
        if tense == "past" and distance > 31:
            distance *= 20  # a past-tense clause a month or more ahead of the story: last year
        elif (tense == "past" and distance > 7) or (tense == "future" and distance < 0):
            distance *= 6
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), year)
    return best[1] if best else anchor.year


# ---------------------------------------------------------------------------- rules


def _iso_date(core, anchor, tense, previous):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}).*)?", core)
    if not m:
        return None
    if m.group(4):
        return Normalized(
            "TIME", f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}", "time", "absolute"
        )
    return Normalized("DATE", f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day", "absolute")


def _numeric_date(core, anchor, tense, previous):
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", core)
    if not m:
        return None
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year > 50 else 2000
    try:
        return Normalized("DATE", dt.date(year, month, day).isoformat(), "day", "absolute")
    except ValueError:
        return None


def _month_day(core, anchor, tense, previous):
    m = re.fullmatch(
        rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')})"
        r"(?:,?\s+(?P<year>\d{4}))?",
        core,
    )
    if not m:
        return None
    month = _month_number(m.group("month") or m.group("month2"))
    day = int(m.group("d1") or m.group("d2"))
    if m.group("year"):
        year, kind = int(m.group("year")), "absolute"
    elif anchor is not None:
        year, kind = _infer_year(month, day, anchor, tense), "publication"
    else:
        return Normalized("DATE", f"XXXX-{month:02d}-{day:02d}", "day", "none")
    try:
        return Normalized("DATE", dt.date(year, month, day).isoformat(), "day", kind)
    except ValueError:
        return None


def _relative_month(core, anchor, tense, previous):
    """ "last October", "next March", "this June"."""
    m = re.fullmatch(rf"(?P<rel>last|next|this|this past|this coming)\s+{_MONTH}", core)
    if not m:
        return None
    month = _month_number(m.group("month"))
    if anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}", "month", "none")
    rel = m.group("rel")
    year = anchor.year
    if rel in ("last", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    return Normalized("DATE", _month(year, month), "month", "publication")


def _week_of(core, anchor, tense, previous):
    """ "the week of March 6": the ISO week that contains the day."""
    m = re.fullmatch(r"(?:the\s+)?week\s+of\s+(?P<rest>.+)", core)
    if not m:
        return None
    day = _month_day(m.group("rest"), anchor, tense, previous)
    if day is None or day.value is None or day.value.startswith("X"):
        return None
    return Normalized("DATE", _week(dt.date.fromisoformat(day.value)), "week", day.anchor)


def _month_year(core, anchor, tense, previous):
    m = re.fullmatch(
        rf"{_MOD_PREFIX}(?P<named>the month of\s+)?{_MONTH}(?:,?\s+(?:of\s+)?(?P<year>\d{{4}}))?",
        core,
    )
    if not m:
        return None
    month = _month_number(m.group("month"))
    mod = _mod(m.group("mod"))
    if m.group("year"):
        return Normalized("DATE", _month(int(m.group("year")), month), "month", "absolute", mod)
    if m.group("month") == "may" and not m.group("mod") and not m.group("named"):
        return None  # "may" alone is the modal verb far more often than the month
    if anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}", "month", "none", mod)
    year = _infer_year(month, None, anchor, tense)
    return Normalized("DATE", _month(year, month), "month", "publication", mod)


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    if word in ("early", "the beginning of", "the start of"):
        return "START"
    if word in ("mid", "the middle of"):
        return "MID"
    return "END"


def _year(core, anchor, tense, previous):
    m = re.fullmatch(
        _MOD_PREFIX + r"(?:(?:the\s+)?year\s+)?(?P<year>(?:1[5-9]|20)\d{2})",
        core,
    )
    if m:
        return Normalized("DATE", m.group("year"), "year", "absolute", _mod(m.group("mod")))
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1[0-9]|20)?(?P<d>\d)0)'?s",
        core,
    )
    if m:
        # TIMEX3 writes a decade as its first three digits: "the 1990s" is 199.
        century = m.group("c") or "19"
        return Normalized("DATE", f"{century}{m.group('d')}", "decade", "absolute", _mod(m.group("mod")))
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<tens>(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies)",
        core,
    )
    if m:
        digit = NUMBER_WORDS[m.group("tens")[:-3] + "y"] // 10
        return Normalized("DATE", f"19{digit}", "decade", "absolute", _mod(m.group("mod")))
    return None


def _century(core, anchor, tense, previous):
    """ "the 20th century" -> 19, "this century" -> the anchor's, "the last century"."""
    m = re.fullmatch(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century", core)
    if m:
        return Normalized("DATE", f"{int(m.group('n')) - 1:02d}", "century", "absolute", _mod(m.group("mod")))
    m = re.fullmatch(r"(?P<rel>this|the current|last|the last|the previous|next|the next) century", core)
    if not m:
        return None
    if anchor is None:
        return Normalized("DATE", None, "century", "none")
    step = {"last": -1, "the last": -1, "the previous": -1, "next": 1, "the next": 1}.get(m.group("rel"), 0)
    return Normalized("DATE", f"{anchor.year // 100 + step:02d}", "century", "publication")


def _weekday(core, anchor, tense, previous):
    m = re.fullmatch(
        rf"(?P<rel>last|next|this|this past|this coming|coming|past)?\s*(?P<wd>{'|'.join(WEEKDAYS)})"
        r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
        core,
    )
    if not m:
        return None
    target = WEEKDAYS.index(m.group("wd"))
    part = m.group("part")
    if anchor is None:
        return Normalized("TIME" if part else "DATE", None, "day", "none")
    rel = m.group("rel") or ""
    back = (anchor.weekday() - target) % 7
    if rel in ("next", "this coming", "coming") or (not rel and (tense == "future" or (tense == "present" and back))):
        # "will meet Friday", and "meets Friday": news writes a scheduled day in the present.
        ahead = (target - anchor.weekday()) % 7 or 7
        day = anchor + dt.timedelta(days=ahead)
    elif rel in ("last", "past", "this past"):
        day = anchor - dt.timedelta(days=back or 7)
    else:
        day = anchor - dt.timedelta(days=back)
    if part:
        return Normalized("TIME", f"{_day(day)}T{PARTS_OF_DAY[part]}", "time", "publication")
    return Normalized("DATE", _day(day), "day", "publication")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 the last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    ny, nm = _shift_month(year, month, 1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    return dt.date(year, month, (h + el - 7 * m + 114) % 31 + 1)


# Holidays news dates things by: a day of each year.
HOLIDAYS = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "may day": lambda y: dt.date(y, 5, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "armistice day": lambda y: dt.date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
}


def _holiday(core, anchor, tense, previous):
    """ "Thanksgiving Day", "last Christmas", "Election Day": the date that year, or nearest."""
    m = re.fullmatch(r"(?:(?P<rel>last|next|this|this past|this coming)\s+)?(?P<name>.+?)(?:,?\s+(?P<y>\d{4}))?", core)
    if not m or m.group("name") not in HOLIDAYS:
        return None
    day_of = HOLIDAYS[m.group("name")]
    if m.group("y"):
        return Normalized("DATE", day_of(int(m.group("y"))).isoformat(), "day", "absolute")
    if anchor is None:
        return Normalized("DATE", None, "day", "none")
    rel = m.group("rel") or ""
    candidates = [day_of(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel in ("last", "this past") or (not rel and tense == "past"):
        day = max(c for c in candidates if c <= anchor)
    elif rel in ("next", "this coming") or (not rel and tense == "future"):
        day = min(c for c in candidates if c >= anchor)
    else:
        day = min(candidates, key=lambda c: abs((c - anchor).days))
    return Normalized("DATE", day.isoformat(), "day", "publication")


def _part_of_day(core, anchor, tense, previous):
    """ "mid afternoon", "early morning", "late evening": a part of the story's day."""
    m = re.fullmatch(r"(?:the\s+)?(?:early|mid|late)[\s-]*(?P<part>morning|afternoon|evening)", core)
    if not m:
        return None
    base = _day(anchor) if anchor else "XXXX-XX-XX"
    return Normalized("TIME", f"{base}T{PARTS_OF_DAY[m.group('part')]}", "time", "publication" if anchor else "none")


def _deictic_day(core, anchor, tense, previous):
    offsets = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "last night": -1,
        "yesterday morning": -1,
        "yesterday afternoon": -1,
        "yesterday evening": -1,
        "tomorrow morning": 1,
    }
    if core not in offsets:
        return None
    if anchor is None:
        return Normalized("DATE", None, "day", "none")
    day = anchor + dt.timedelta(days=offsets[core])
    for part, code in PARTS_OF_DAY.items():
        if core.endswith(part) or (core == "tonight" and part == "night"):
            return Normalized("TIME", f"{_day(day)}T{code}", "time", "publication")
    return Normalized("DATE", _day(day), "day", "publication")


def _year_end(core, anchor, tense, previous):
    """ "by year-end" (ahead) or "since year-end" (the last one); "the year", "the full year"."""
    if core in ("year-end", "year end", "the year-end", "the year's end"):
        if anchor is None:
            return Normalized("DATE", None, "day", "none")
        year = anchor.year if tense == "future" else anchor.year - 1
        return Normalized("DATE", f"{year}-12-31", "day", "publication")
    if core.removeprefix("the ") in (
        "end of the year",
        "end of this year",
        "beginning of the year",
        "start of the year",
    ):
        if anchor is None:
            return Normalized("DATE", None, "year", "none")
        return Normalized("DATE", str(anchor.year), "year", "publication", "END" if "end" in core else "START")
    if core in ("the year", "the full year", "the fiscal year", "the whole year", "the entire year"):
        # "for the year", "for the fiscal year": in a report, the twelve months it covers.
        return Normalized("DURATION", "P1Y", "duration", "none")
    if core in ("the current year", "the calendar year", "this year"):
        if anchor is None:
            return Normalized("DATE", None, "year", "none")
        return Normalized("DATE", str(anchor.year), "year", "publication")
    return None


def _deictic_period(core, anchor, tense, previous):
    mod = re.match(r"(?:the )?(?P<mod>end|beginning|start|middle) of (?:the )?", core)
    if mod:
        inner = _deictic_period(core[mod.end() :], anchor, tense, previous)
        if inner is not None and inner.type == "DATE":
            return Normalized("DATE", inner.value, inner.granularity, inner.anchor, _mod(f"the {mod.group('mod')} of"))
        return None
    m = re.fullmatch(
        r"(?P<rel>last|next|this|the previous|the past|the coming|the next|earlier this|later this|"
        r"the current|this past|the last|coming)\s+(?P<unit>week|weekend|month|year|quarter|decade)",
        core,
    )
    if not m:
        return None
    rel, unit = m.group("rel"), m.group("unit")
    if rel in ("the past", "the last", "the next", "the coming") and tense != "future" and unit != "weekend":
        # "the past year" is a duration more often than a calendar year.
        value = "P10Y" if unit == "decade" else f"P1{UNIT_CODES[unit]}"
        return Normalized("DURATION", value, "duration", "none")
    step = {"last": -1, "the previous": -1, "this past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel in ("the next", "the coming"):
        step = 1
    if anchor is None:
        return Normalized("DATE", None, unit, "none")
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=step))
        return Normalized("DATE", value + ("-WE" if unit == "weekend" else ""), "week", "publication")
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return Normalized("DATE", _month(year, month), "month", "publication")
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + step
        year = anchor.year + q // 4
        return Normalized("DATE", f"{year}-Q{q % 4 + 1}", "quarter", "publication")
    if unit == "decade":
        return Normalized("DATE", f"{str(anchor.year + 10 * step)[:3]}X", "decade", "publication")
    return Normalized("DATE", str(anchor.year + step), "year", "publication")


def _ago(core, anchor, tense, previous):
    m = re.fullmatch(rf"{_NUM}\s+{_UNIT}\s+(?P<dir>ago|earlier|before|later|after|from now|hence)", core)
    if not m:
        return None
    number = _number(m.group("num"))
    unit = m.group("unit")
    direction = m.group("dir")
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", previous or "")
    if direction in ("earlier", "before", "later", "after"):
        repeated = quarter is not None and anchor is not None and int(quarter.group(1)) < _last_quarter(anchor)[0]
        if direction == "earlier" and unit == "year" and repeated:
            # "... a year earlier" said again of the quarter already a year back.
            return Normalized("DATE", previous, "quarter", "previous")
        if previous is None and direction == "earlier" and anchor is not None and number is not None:
            # Nothing dated before it: "a year earlier" is counted back from the story's day.
            return _offset(anchor, -number, unit, "publication")
        return _anaphoric_offset(number, unit, -1 if direction in ("earlier", "before") else 1, previous)
    if anchor is None or number is None:
        return Normalized("DATE", None, unit, "none")
    if direction == "ago" and unit == "year" and quarter and int(quarter.group(1)) >= _last_quarter(anchor)[0]:
        # In a report of quarterly results, "net income of $2 million a year ago" is the
        # same quarter of the year before.
        return _anaphoric_offset(number, unit, -1, previous)
    sign = -1 if direction == "ago" else 1
    return _offset(anchor, sign * number, unit, "publication")


def _offset(base: dt.date, amount: int, unit: str, kind: str) -> Normalized:
    if unit == "day":
        return Normalized("DATE", _day(base + dt.timedelta(days=amount)), "day", kind)
    if unit == "week":
        return Normalized("DATE", _week(base + dt.timedelta(weeks=amount)), "week", kind)
    if unit == "month":
        year, month = _shift_month(base.year, base.month, amount)
        return Normalized("DATE", _month(year, month), "month", kind)
    if unit == "year":
        return Normalized("DATE", str(base.year + amount), "year", kind)
    if unit == "decade":
        return Normalized("DATE", str(base.year + 10 * amount)[:3] + "X", "decade", kind)
    return Normalized("DATE", None, unit, "none")


_ANAPHORIC_DAYS = {
    "the following day": 1,
    "the next day": 1,
    "the day after": 1,
    "a day later": 1,
    "one day later": 1,
    "the previous day": -1,
    "the day before": -1,
    "a day earlier": -1,
    "the same day": 0,
    "that day": 0,
    "later that day": 0,
    "earlier that day": 0,
    "the following week": 7,
    "the next week": 7,
    "the week after": 7,
    "the previous week": -7,
    "the week before": -7,
    "that week": 0,
    "the same week": 0,
}


def _anaphoric(core, anchor, tense, previous):
    ahead = re.fullmatch(r"the next (?P<unit>week|month|year)", core)
    if ahead and previous is None and tense == "future" and anchor is not None:
        # Nothing earlier to count from and the clause looks ahead: "over the next year"
        # is the year to come.
        return _offset(anchor, 1, ahead.group("unit"), "publication")
    if core in _ANAPHORIC_DAYS:
        days = _ANAPHORIC_DAYS[core]
        unit = "week" if "week" in core else "day"
        return _anaphoric_offset(days // 7 if unit == "week" else days, unit, 1, previous)
    if core in ("the next morning", "the following morning", "the next evening", "the following evening"):
        return _anaphoric_offset(1, "day", 1, previous)
    if core in ("the following month", "the next month", "the month after"):
        return _anaphoric_offset(1, "month", 1, previous)
    if core in ("the following year", "the next year", "the year after"):
        return _anaphoric_offset(1, "year", 1, previous)
    if core in ("the previous month", "the month before"):
        return _anaphoric_offset(1, "month", -1, previous)
    if core in ("that year", "later that year", "earlier that year", "the same year"):
        return _anaphoric_offset(0, "year", 1, previous)
    if core in ("the previous year", "the year before"):
        return _anaphoric_offset(1, "year", -1, previous)
    return None


def _anaphoric_offset(number: int | None, unit: str, sign: int, previous: str | None) -> Normalized:
    """Shift the previous DATE value; keep its precision when it is coarser than the shift."""
    if previous is None or number is None:
        return Normalized("DATE", None, unit, "none")
    amount = sign * number
    day = _parse_day(previous)
    if day is not None:
        return _offset(day, amount, unit, "previous")
    week = re.fullmatch(r"(\d{4})-W(\d{2})", previous)
    if week:
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        if unit == "day":
            # The day after "last week" is known only to the week: it may be the next week
            # only if the event was on a Sunday, so stay at the week.
            return Normalized("DATE", previous, "week", "previous")
        return _offset(monday, amount, unit, "previous")
    year = re.fullmatch(r"(\d{4})", previous)
    if year and unit == "year":
        return Normalized("DATE", str(int(year.group(1)) + amount), "year", "previous")
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", previous)
    if quarter and unit in ("year", "quarter"):
        index = int(quarter.group(1)) * 4 + int(quarter.group(2)) - 1 + amount * (4 if unit == "year" else 1)
        return Normalized("DATE", f"{index // 4}-Q{index % 4 + 1}", "quarter", "previous")
    month = re.fullmatch(r"(\d{4})-(\d{2})", previous)
    if month and unit in ("month", "year"):
        base = dt.date(int(month.group(1)), int(month.group(2)), 1)
        return _offset(base, amount, unit, "previous")
    if month:
        return Normalized("DATE", previous, "month", "previous")
    return Normalized("DATE", None, unit, "none")


def _parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _duration(core, anchor, tense, previous):
    m = re.fullmatch(
        r"(?:the\s+|an?\s+(?=additional|extra|\w+[\s-]+(?:second|minute|hour|day|week|month|year)\b))?"
        r"(?P<which>(?:past|last|next|previous|coming|first|final|latest|year-earlier|year-ago|additional|extra"
        r"|another)\s+)?"
        rf"(?:(?P<range>(?:{_NUMBER_PATTERN})\s+(?:to|or|-)\s+)?{_NUM}[\s-]+)?{_UNIT}(?:[\s-]+(?:long|old))?"
        r"(?:\s+(?:or so|or more|or less|of (?:fiscal\s+)?\d{4}|ahead))?",
        core,
    )
    if not m:
        return None
    which = (m.group("which") or "").strip()
    if m.group("num") is None and not core.endswith("s") and which not in ("additional", "extra", "another"):
        return None
    unit = m.group("unit")
    num = m.group("num")
    amount = _number(num) if num else (1 if which in ("additional", "extra", "another") else None)
    if m.group("range"):
        amount = None  # "12 to 18 months": a length known only roughly
    count = "X" if amount is None else str(amount)
    if unit == "quarter":
        value = f"P{3 * amount}M" if amount is not None else "PXM"  # TIMEX3 has no quarter unit
    elif unit == "decade":
        value = f"P{count}0Y" if amount is not None else "PXDE"
    elif unit == "century":
        value = f"P{count}CE"
    elif unit in TIME_UNITS:
        value = f"PT{count}{UNIT_CODES[unit]}"
    else:
        value = f"P{count}{UNIT_CODES[unit]}"
    return Normalized("DURATION", value, "duration", "none")


def _reference(core, anchor, tense, previous):
    present = {
        "now",
        "current",
        "currently",
        "at present",
        "the present",
        "right now",
        "nowadays",
        "at the moment",
        "these days",
        "today's",
        "the moment",
        "the current",
    }
    past = {
        "the past",
        "recent",
        "recently",
        "previously",
        "formerly",
        "once",
        "earlier",
        "in the past",
        "lately",
        "before",
        "some time",
        "a while ago",
        "long ago",
    }
    future = {
        "the future",
        "soon",
        "in the future",
        "later",
        "eventually",
        "the days ahead",
        "shortly",
    }
    if core in present:
        return Normalized("DATE", "PRESENT_REF", "ref", "none")
    if core in past:
        return Normalized("DATE", "PAST_REF", "ref", "none")
    if core in future:
        return Normalized("DATE", "FUTURE_REF", "ref", "none")
    return None


def _vague_period(core, anchor, tense, previous):
    """ "recent years" (a length of time), "the past few months" (the past), "coming weeks"."""
    units = r"(?P<unit>day|week|month|quarter|year|decade)s"
    m = re.fullmatch(rf"(?:the\s+)?recent\s+{units}", core)
    if m:
        return Normalized("DURATION", _vague_duration(m.group("unit")), "duration", "none")
    if re.fullmatch(rf"(?:the\s+)?(?:past|last)\s+(?:few|several)\s+{units}", core):
        return Normalized("DATE", "PAST_REF", "ref", "none")
    m = re.fullmatch(rf"(?:the\s+)?next\s+(?:few|several)\s+{units}", core) or re.fullmatch(
        rf"the\s+{units}\s+ahead", core
    )
    if m:
        return Normalized("DURATION", _vague_duration(m.group("unit")), "duration", "none")
    if re.fullmatch(rf"(?:(?:the\s+)?coming|future)\s+{units}", core):
        return Normalized("DATE", "FUTURE_REF", "ref", "none")
    if re.fullmatch(rf"(?:a few|several|some|many)\s+{units}\s+ago", core):
        return Normalized("DATE", "PAST_REF", "ref", "none")
    return None


def _vague_duration(unit: str) -> str:
    return {"quarter": "PXM", "decade": "PXDE"}.get(unit, f"PX{UNIT_CODES[unit]}")


def _season(core, anchor, tense, previous):
    m = re.fullmatch(
        r"(?:(?P<rel>last|this|next|the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
        core,
    )
    if not m:
        return None
    code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[m.group("s")]
    if m.group("y"):
        return Normalized("DATE", f"{m.group('y')}-{code}", "season", "absolute", _mod(m.group("mod")))
    if anchor is None:
        return Normalized("DATE", None, "season", "none")
    step = {"last": -1, "next": 1}.get(m.group("rel") or "", 0)
    return Normalized("DATE", f"{anchor.year + step}-{code}", "season", "publication", _mod(m.group("mod")))


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Whose year a quarter or half is in: "this year's third quarter", "the year-earlier quarter".
_YEAR_OF = (
    r"(?:(?P<own>the|its|their|this year's|last year's|next year's|the year-earlier|the year-ago|year-earlier"
    r"|year-ago|(?:the\s+)?(?P<yr>\d{4}))\s+)?"
)


def _year_shift(own: str | None) -> int:
    if not own:
        return 0
    if own.startswith(("last year", "the year-", "year-")):
        return -1
    return 1 if own.startswith("next year") else 0


def _last_quarter(anchor: dt.date) -> tuple[int, int]:
    """The last quarter completed before the anchor: what company reports of the day cover."""
    current = (anchor.month - 1) // 3 + 1
    return (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)


def _quarter(core, anchor, tense, previous):
    """ "the third quarter", "its fiscal first quarter", "the year-earlier quarter", "the quarter"."""
    m = re.fullmatch(
        _YEAR_OF + r"(?:fiscal\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+)(?:fiscal\s+)?quarter"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>\d{4}))?",
        core,
    )
    if m:
        n = _ORDINALS[m.group("n")]
        year = m.group("y") or m.group("yr")
        if year:
            return Normalized("DATE", f"{year}-Q{n}", "quarter", "absolute")
        if anchor is None:
            return Normalized("DATE", f"XXXX-Q{n}", "quarter", "none")
        base = anchor.year if n <= (anchor.month - 1) // 3 + 1 or tense == "future" else anchor.year - 1
        return Normalized("DATE", f"{base + _year_shift(m.group('own'))}-Q{n}", "quarter", "publication")
    # A quarter without its number is the one the story is about: the last one named, or in
    # a report of results the last one completed. "year-earlier" is the same quarter a year
    # before.
    m = re.fullmatch(
        r"(?P<own>the|that|its|this|the latest|the most recent|the recent|the just-ended|the just-completed"
        r"|the year-earlier|the year-ago|year-earlier|year-ago|this year's|last year's|the corresponding"
        r"|the comparable|the year-earlier comparable|the comparable year-ago|the comparable year-earlier)"
        r"(?:\s+(?P<what>(?:fiscal\s+)?quarter|period))?",
        core,
    )
    if not m or (m.group("what") is None and "year-" not in m.group("own")):
        return None
    if m.group("what") == "period" and "year-" not in m.group("own") and m.group("own") != "the latest":
        return None
    own = m.group("own")
    named = re.fullmatch(r"(\d{4})-Q([1-4])", previous or "")
    current = anchor is not None and named is not None and int(named.group(1)) >= _last_quarter(anchor)[0]
    if own.startswith("the comparable") or own == "the corresponding":
        own = own.replace("comparable ", "").replace("the comparable", "the year-ago")
        own = "the year-ago" if own in ("the", "the corresponding") else own
    if named and (own in ("the", "that", "its", "this") or "year-" in own) and (current or anchor is None):
        year, n = int(named.group(1)), int(named.group(2))
    elif named and "year-" in own:
        # The quarter last named is already the year before ("a year ago", then "the
        # year-ago quarter"): it is the one meant.
        return Normalized("DATE", previous, "quarter", "previous")
    elif anchor is None:
        return Normalized("DATE", None, "quarter", "none")
    elif own == "this":
        year, n = anchor.year, (anchor.month - 1) // 3 + 1
    else:
        year, n = _last_quarter(anchor)
    return Normalized("DATE", f"{year + _year_shift(own)}-Q{n}", "quarter", "previous" if named else "publication")


def _half(core, anchor, tense, previous):
    """ "the first half of 1990", "the second half", "the first two quarters of 1990"."""
    m = re.fullmatch(
        _YEAR_OF + r"(?:fiscal\s+)?(?:(?P<h>first|second|last)\s+half|(?P<q>first|last)\s+two\s+quarters)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?(?P<y>\d{4}))?",
        core,
    )
    if not m:
        return None
    n = 1 if (m.group("h") or m.group("q")) == "first" else 2
    year = m.group("y") or m.group("yr")
    if year:
        return Normalized("DATE", f"{year}-H{n}", "half", "absolute")
    if anchor is None:
        return Normalized("DATE", f"XXXX-H{n}", "half", "none")
    base = anchor.year if n == 1 or anchor.month > 6 or tense == "future" else anchor.year - 1
    return Normalized("DATE", f"{base + _year_shift(m.group('own'))}-H{n}", "half", "publication")


def _fiscal(core, anchor, tense, previous):
    """ "fiscal 1989", "the current fiscal year", "last fiscal year"."""
    m = re.fullmatch(r"(?:the\s+)?fiscal(?:\s+year)?\s+'?(?P<y>\d{4}|\d{2})", core)
    if m:
        year = m.group("y")
        return Normalized(
            "DATE",
            year if len(year) == 4 else f"{1900 + int(year) if int(year) > 50 else 2000 + int(year)}",
            "year",
            "absolute",
        )
    m = re.fullmatch(r"(?P<rel>the current|this|last|next|the previous|the next|the coming) fiscal year", core)
    if not m:
        return None
    if anchor is None:
        return Normalized("DATE", None, "year", "none")
    step = {"last": -1, "the previous": -1, "next": 1, "the next": 1, "the coming": 1}.get(m.group("rel"), 0)
    return Normalized("DATE", str(anchor.year + step), "year", "publication")


def _month_of_year(core, anchor, tense, previous):
    """ "February this year", "June last year", "early October this year", "April next year"."""
    m = re.fullmatch(
        rf"{_MOD_PREFIX}{_MONTH}(?:\s+(?P<d>\d{{1,2}}))?,?\s+(?:of\s+)?(?P<rel>this|last|next) year",
        core,
    )
    if not m:
        return None
    month = _month_number(m.group("month"))
    if anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}", "month", "none")
    year = anchor.year + {"last": -1, "next": 1}.get(m.group("rel"), 0)
    if m.group("d"):
        try:
            return Normalized("DATE", dt.date(year, month, int(m.group("d"))).isoformat(), "day", "publication")
        except ValueError:
            return None
    return Normalized("DATE", _month(year, month), "month", "publication", _mod(m.group("mod")))


def _relative_month_day(core, anchor, tense, previous):
    """ "last Oct. 23": the latest such day before the anchor; "next Feb. 1" the first after."""
    m = re.fullmatch(rf"(?P<rel>last|next|this past|this coming)\s+{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?", core)
    if not m:
        return None
    month, day = _month_number(m.group("month")), int(m.group("d"))
    if anchor is None:
        return Normalized("DATE", f"XXXX-{month:02d}-{day:02d}", "day", "none")
    back = m.group("rel") in ("last", "this past")
    for year in (
        (anchor.year - 1, anchor.year, anchor.year + 1) if not back else (anchor.year + 1, anchor.year, anchor.year - 1)
    ):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if (candidate < anchor) if back else (candidate > anchor):
            return Normalized("DATE", candidate.isoformat(), "day", "publication")
    return None


def _weekend(core, anchor, tense, previous):
    """ "the weekend": the last one in a past-tense clause, the coming one otherwise."""
    if core not in ("the weekend", "weekend", "the past weekend", "the coming weekend"):
        return None
    if anchor is None:
        return Normalized("DATE", None, "week", "none")
    ahead = core == "the coming weekend" or (core != "the past weekend" and tense == "future")
    if anchor.weekday() >= 5 or ahead:
        return Normalized("DATE", _week(anchor) + "-WE", "week", "publication")
    return Normalized("DATE", _week(anchor - dt.timedelta(weeks=1)) + "-WE", "week", "publication")


def _set(core, anchor, tense, previous):
    words = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "annual": "P1Y",
        "hourly": "PT1H",
        "nightly": "P1D",
    }
    if core in words:
        return Normalized("SET", words[core], "set", "none")
    m = re.fullmatch(rf"(?:every|each)\s+(?:{_NUM}\s+)?{_UNIT}", core) or re.fullmatch(
        r"(?:(?:once|twice|\w+ times)\s+(?:a|per)|per)\s+(?P<unit>second|minute|hour|day|week|month|year|quarter)",
        core,
    )  # "a year" alone is a length of time; "twice a year" and "per year" repeat
    if m:
        unit = m.group("unit")
        count = _number(m.group("num")) if m.groupdict().get("num") else 1
        prefix = "PT" if unit in TIME_UNITS else "P"
        return Normalized("SET", f"{prefix}{count}{UNIT_CODES[unit]}", "set", "none")
    m = re.fullmatch(rf"(?:every|each)\s+(?P<wd>{'|'.join(WEEKDAYS)})", core)
    if m:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd')) + 1}", "set", "none")
    return None


_CLOCK = re.compile(
    r"(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?:\s+o'clock)?"
    r"|(?P<word>noon|midday|midnight))"
    r"(?:\s+(?:in the|at)\s+(?P<part>morning|afternoon|evening|night))?"
    r"(?:\s+(?P<zone>[a-z]{2,4}t|gmt|utc|local time))?"
    r"(?:,?\s+(?:on\s+)?(?P<day>.+))?"
)


def _clock(core, anchor, tense, previous):
    """ "10:35 a.m.", "noon Thursday", "4 a.m. EDT Thursday", "4 in the morning"."""
    m = _CLOCK.fullmatch(core)
    if not m or not (m.group("ap") or m.group("m") or m.group("word") or m.group("part") or "o'clock" in core):
        return None
    if m.group("word"):
        hour, minute = (24 if m.group("word") == "midnight" else 12), "00"
    else:
        hour, minute = int(m.group("h")), m.group("m") or "00"
        afternoon = (m.group("ap") or "").startswith("p") or m.group("part") in ("afternoon", "evening", "night")
        if hour > 24 or int(minute) > 59:
            return None
        if afternoon and hour < 12 and not (m.group("part") == "night" and hour < 5):
            hour += 12
    base, kind = (_day(anchor), "publication") if anchor else ("XXXX-XX-XX", "none")
    if m.group("day"):
        # The day the clock time is on: "noon Thursday", "5 p.m. EST, Nov. 6".
        day = normalize(m.group("day"), anchor, tense=tense, previous=previous)
        if day is None or day.value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.value[:10]):
            return None
        base, kind = day.value[:10], day.anchor
    return Normalized("TIME", f"{base}T{hour:02d}:{minute}", "time", kind)


_RULES = (
    _iso_date,
    _numeric_date,
    _anaphoric,
    _deictic_day,
    _holiday,
    _part_of_day,
    _weekday,
    _week_of,
    _relative_month,
    _relative_month_day,
    _month_of_year,
    _month_day,
    _month_year,
    _year,
    _century,
    _fiscal,
    _weekend,
    _year_end,
    _deictic_period,
    _vague_period,
    _ago,
    _quarter,
    _half,
    _season,
    _set,
    _reference,
    _clock,
    _duration,
)


def value_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The calendar days a DATE value covers, for series and range filters.

    Example:
        >>> value_interval("2020-W48")
        (datetime.date(2020, 11, 23), datetime.date(2020, 11, 29))
    """
    if not value or not value[:4].isdigit():
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", value):
            day = dt.date.fromisoformat(value[:10])
            return day, day
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            first = dt.date(year, month, 1)
            ny, nm = _shift_month(year, month, 1)
            return first, dt.date(ny, nm, 1) - dt.timedelta(days=1)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            year, q = int(m.group(1)), int(m.group(2))
            first = dt.date(year, 3 * q - 2, 1)
            ny, nm = _shift_month(year, 3 * q - 2, 3)
            return first, dt.date(ny, nm, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None
