"""Reading TABARI/PETRARCH actor and agent dictionaries, so existing dictionaries keep working.

The format, as used by the PETRARCH validation suites::

    RUSSIA  [RUS]                    a name (words joined by _ or spaces) and its code
    +RUSSIAN                         a synonym of the entry above
    GOLLUM                           an entry whose codes follow on indented lines:
        [HOB < 950601]               before a date (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601 - 19990815] between two dates
        [HOBREB > 990816]            after a date
    PRESIDENT [~GOV]                 agents: a sector appended to the actor's code
    !PERSON! = MAN, MEN              a substitution set used inside agent names
    FOREIGN_MINISTER {MINISTERS} [~GOVFRM]   agents with explicit plurals; {} = regular plural

A name that does not end in ``_`` matches any word that starts with it ("ARGENTIN" matches
"Argentina" and "Argentine"), as TABARI does; ``#`` starts a comment and ``<!-- -->``
blocks are comments. Codes ``---`` and ``###`` mean "no actor".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from wirewatch.errors import ConfigError

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_PLURALS = re.compile(r"\{([^}]*)\}")
NULL_CODES = {"---", "###", "+++", ""}


@dataclass(frozen=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class TabariActor:
    """One actor entry with its names and codes."""

    names: list[tuple[str, bool]] = field(default_factory=list)  # (phrase, is_prefix)
    codes: list[DatedCode] = field(default_factory=list)


@dataclass(frozen=True)
class TabariAgent:
    """One agent entry: the phrases that name it and the sector it adds."""

    names: tuple[tuple[str, bool], ...]
    sector: str


def is_tabari(text: str) -> bool:
    """Whether a file looks like a TABARI/PETRARCH dictionary rather than YAML."""
    for line in _lines(text):
        return bool(_CODE.search(line) or line.startswith("+") or _SUBST.match(line))
    return False


def is_agents(text: str) -> bool:
    """Whether a TABARI dictionary is an agents dictionary (codes like ``[~GOV]``)."""
    codes = [m.group(1) for line in _lines(text) for m in _CODE.finditer(line)]
    return bool(codes) and sum("~" in c for c in codes) > len(codes) / 2


def parse_actors(text: str, origin: str) -> list[TabariActor]:
    """Parse an actors dictionary.

    Raises:
        ConfigError: a code block that cannot be read, with its line number.
    """
    actors: list[TabariActor] = []
    current: TabariActor | None = None
    for number, raw in _numbered_lines(text):
        indented = raw[:1] in (" ", "\t")
        line = raw.strip()
        if line.startswith("+"):
            if current is None:
                raise ConfigError(f"{origin}:{number}: a synonym (+NAME) before any actor entry")
            name = _CODE.split(line[1:])[0].strip()
            if name:
                current.names.append(_phrase(name))
            continue
        if indented and line.startswith("[") and current is not None:
            current.codes.extend(_codes(line, origin, number))
            continue
        head = _CODE.split(line)[0].strip()
        current = TabariActor(names=[_phrase(head)] if head else [])
        current.codes.extend(_codes(line, origin, number))
        actors.append(current)
    return [a for a in actors if a.names]


def parse_agents(text: str, origin: str) -> list[TabariAgent]:
    """Parse an agents dictionary, expanding ``!SUBSTITUTION!`` sets and plurals."""
    substitutions: dict[str, list[str]] = {}
    agents: list[TabariAgent] = []
    for number, raw in _numbered_lines(text):
        line = raw.strip()
        subst = _SUBST.match(line)
        if subst:
            substitutions[subst.group(1)] = [w.strip() for w in subst.group(2).split(",") if w.strip()]
            continue
        code_match = _CODE.search(line)
        if code_match is None:
            continue
        code = code_match.group(1).strip()
        sector = code.replace("~", "").strip()
        if not sector or sector in NULL_CODES:
            continue
        head = line[: code_match.start()]
        plural_match = _PLURALS.search(head)
        name = _PLURALS.sub("", head).strip()
        if not name:
            raise ConfigError(f"{origin}:{number}: an agent code without a name")
        names: list[str] = [name]
        if plural_match is not None:
            given = [p.strip() for p in plural_match.group(1).split() if p.strip()]
            names.extend(given or [_plural(name)])
        expanded = [form for n in names for form in _substitute(n, substitutions)]
        agents.append(TabariAgent(names=tuple(_phrase(n) for n in expanded), sector=sector))
    return agents


def phrase_words(phrase: str) -> list[str]:
    """The lower-case words of a TABARI phrase ("SOUTH_KOREA" -> ["south", "korea"])."""
    return [w for w in re.split(r"[_\s]+", phrase.strip("_ ").lower()) if w]


# ---------------------------------------------------------------------- helpers


def _phrase(name: str) -> tuple[str, bool]:
    # A trailing underscore means "this exact word"; otherwise the last word is a stem.
    return name.strip(), not name.strip().endswith("_")


def _codes(line: str, origin: str, number: int) -> list[DatedCode]:
    out = []
    for match in _CODE.finditer(line):
        body = match.group(1).strip()
        parts = body.split()
        if not parts or parts[0] in NULL_CODES:
            continue
        code = parts[0]
        rest = " ".join(parts[1:])
        try:
            if not rest:
                out.append(DatedCode(code))
            elif rest.startswith("<"):
                out.append(DatedCode(code, end=_date(rest[1:]) - dt.timedelta(days=1)))
            elif rest.startswith(">"):
                out.append(DatedCode(code, start=_date(rest[1:]) + dt.timedelta(days=1)))
            elif "-" in rest:
                first, last = rest.split("-", 1)
                out.append(DatedCode(code, _date(first), _date(last)))
            else:
                raise ValueError(rest)
        except ValueError as exc:
            raise ConfigError(
                f"{origin}:{number}: cannot read the code block [{body}]; write [CODE], [CODE < YYMMDD], "
                "[CODE > YYMMDD] or [CODE YYMMDD - YYMMDD]"
            ) from exc
    return out


def _date(raw: str) -> dt.date:
    digits = raw.strip()
    if len(digits) == 6 and digits.isdigit():
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        return dt.date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8 and digits.isdigit():
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    raise ValueError(raw)


def _plural(name: str) -> str:
    word = name.rstrip("_")
    if word.endswith(("S", "X", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and word[-2:-1] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def _substitute(name: str, substitutions: dict[str, list[str]]) -> list[str]:
    for marker, words in substitutions.items():
        if marker in name:
            return [form for w in words for form in _substitute(name.replace(marker, w), substitutions)]
    return [name]


def _lines(text: str) -> list[str]:
    return [line.strip() for _, line in _numbered_lines(text)]


def _numbered_lines(text: str) -> list[tuple[int, str]]:
    out = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" not in after:
                in_comment = True
            line = before
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((number, line))
    return out
