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
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "couple", "a couple of", "the past few"}
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
_NUM = (
    r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|several|few|a few|some|many|a couple of|couple of)"
)
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|century|quarter)s?"
_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|from|during|for|over|of|through|throughout|about|around|"
    r"before|after|within|as of|as early as|by the|starting|just|almost|nearly|roughly|some|only|"
    r"approximately|more than|less than|at least|at most|as long as|as much as|up to|later|earlier|"
    r"early|late)\s+)+"
)
# "the Aug. 7, 1998 attack": a leading article before a date or a number.
_LEADING_THE = re.compile(r"^the\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)")
# "between 1994 and 1997", "1991 to 1997": the value is that of the first end.
_RANGE = re.compile(
    r"^(?:between\s+)?(.+?)\s+(?:and|to|-|–)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)


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
    raw = " ".join(text.lower().replace("’", "'").split())
    core = _LEAD.sub("", raw).strip(" ,.")
    core = _LEADING_THE.sub("", core.removesuffix("'s")).strip()
    span = _RANGE.match(core)
    if span and re.search(r"\d", span.group(1)):
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
    word = word.strip()
    if word.isdigit():
        return int(word)
    word = word.removesuffix(" of")
    return NUMBER_WORDS.get(word)


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
        rf"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
        rf"{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?",
        core,
    )
    if not m:
        return None
    month = _month_number(m.group("month"))
    mod = _mod(m.group("mod"))
    if m.group("year"):
        return Normalized("DATE", _month(int(m.group("year")), month), "month", "absolute", mod)
    if m.group("month") == "may" and not m.group("mod"):
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
        r"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
        r"(?P<year>(?:19|20)\d{2})",
        core,
    )
    if m:
        return Normalized("DATE", m.group("year"), "year", "absolute", _mod(m.group("mod")))
    m = re.fullmatch(r"(?:the\s+)?(?:(?P<c>19|20)?(?P<d>\d)0)'?s", core)
    if m:
        century = m.group("c") or "19"
        # TempEval-3 writes decades with a placeholder year digit.
        return Normalized("DATE", f"{century}{m.group('d')}X", "decade", "absolute")
    return None


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
    if rel in ("next", "this coming", "coming") or (not rel and tense == "future"):
        ahead = (target - anchor.weekday()) % 7 or 7
        day = anchor + dt.timedelta(days=ahead)
    elif rel in ("last", "past", "this past"):
        day = anchor - dt.timedelta(days=back or 7)
    else:
        day = anchor - dt.timedelta(days=back)
    if part:
        return Normalized("TIME", f"{_day(day)}T{PARTS_OF_DAY[part]}", "time", "publication")
    return Normalized("DATE", _day(day), "day", "publication")


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


def _deictic_period(core, anchor, tense, previous):
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
    if direction in ("earlier", "before", "later", "after"):
        return _anaphoric_offset(number, unit, -1 if direction in ("earlier", "before") else 1, previous)
    if anchor is None or number is None:
        return Normalized("DATE", None, unit, "none")
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
    if core in _ANAPHORIC_DAYS:
        days = _ANAPHORIC_DAYS[core]
        unit = "week" if "week" in core else "day"
        return _anaphoric_offset(days // 7 if unit == "week" else days, unit, 1, previous)
    if core in ("the following month", "the next month", "the month after"):
        return _anaphoric_offset(1, "month", 1, previous)
    if core in ("the following year", "the next year", "the year after"):
        return _anaphoric_offset(1, "year", 1, previous)
    if core in ("the previous month", "the month before"):
        return _anaphoric_offset(1, "month", -1, previous)
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
        rf"(?:the\s+)?(?:past\s+|last\s+|next\s+|previous\s+|coming\s+|first\s+|final\s+)?"
        rf"(?:{_NUM}[\s-]+)?{_UNIT}(?:[\s-]+(?:long|old))?",
        core,
    )
    if not m:
        return None
    if m.group("num") is None and not core.endswith("s"):
        return None
    unit = m.group("unit")
    num = m.group("num")
    amount = _number(num) if num else None
    count = "X" if amount is None else str(amount)
    if unit == "decade":
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
        "recent days",
        "recent weeks",
        "recent months",
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
        "the coming days",
        "the coming weeks",
        "the coming months",
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


def _season(core, anchor, tense, previous):
    m = re.fullmatch(
        r"(?:(?P<rel>last|this|next|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
        core,
    )
    if not m:
        return None
    code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[m.group("s")]
    if m.group("y"):
        return Normalized("DATE", f"{m.group('y')}-{code}", "season", "absolute")
    if anchor is None:
        return Normalized("DATE", None, "season", "none")
    step = {"last": -1, "next": 1}.get(m.group("rel") or "", 0)
    return Normalized("DATE", f"{anchor.year + step}-{code}", "season", "publication")


def _quarter(core, anchor, tense, previous):
    m = re.fullmatch(
        r"(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+|-)quarter(?:\s+of\s+(?P<y>\d{4}))?",
        core,
    )
    if not m:
        return None
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[m.group("n")]
    if m.group("y"):
        return Normalized("DATE", f"{m.group('y')}-Q{n}", "quarter", "absolute")
    if anchor is None:
        return Normalized("DATE", f"XXXX-Q{n}", "quarter", "none")
    year = anchor.year if n <= (anchor.month - 1) // 3 + 1 or tense == "future" else anchor.year - 1
    return Normalized("DATE", f"{year}-Q{n}", "quarter", "publication")


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
    m = re.fullmatch(rf"(?:every|each|a|per)\s+(?:{_NUM}\s+)?{_UNIT}", core)
    if m:
        unit = m.group("unit")
        count = _number(m.group("num")) if m.group("num") else 1
        prefix = "PT" if unit in TIME_UNITS else "P"
        return Normalized("SET", f"{prefix}{count}{UNIT_CODES[unit]}", "set", "none")
    m = re.fullmatch(rf"(?:every|each)\s+(?P<wd>{'|'.join(WEEKDAYS)})", core)
    if m:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd')) + 1}", "set", "none")
    return None


def _clock(core, anchor, tense, previous):
    m = re.fullmatch(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?:\s+\w+)?", core)
    if not m or not (m.group("ap") or m.group("m")):
        if core in ("noon", "midday", "midnight"):
            hour = "12:00" if core != "midnight" else "24:00"
            base = _day(anchor) if anchor else "XXXX-XX-XX"
            return Normalized("TIME", f"{base}T{hour}", "time", "publication" if anchor else "none")
        return None
    hour = int(m.group("h"))
    if hour > 24:
        return None
    if m.group("ap") and m.group("ap").startswith("p") and hour < 12:
        hour += 12
    minute = m.group("m") or "00"
    base = _day(anchor) if anchor else "XXXX-XX-XX"
    return Normalized("TIME", f"{base}T{hour:02d}:{minute}", "time", "publication" if anchor else "none")


_RULES = (
    _iso_date,
    _numeric_date,
    _anaphoric,
    _deictic_day,
    _weekday,
    _week_of,
    _relative_month,
    _month_day,
    _month_year,
    _year,
    _deictic_period,
    _ago,
    _quarter,
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
