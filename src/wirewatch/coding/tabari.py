"""Reading TABARI/PETRARCH actor and agent dictionaries, so existing dictionaries keep working.

The format, as used by the PETRARCH validation suites::

    RUSSIA  [RUS]                    a name (words joined by _ or spaces) and its code
    +RUSSIAN                         a synonym of the entry above
    GOLLUM                           an entry whose codes follow on indented lines:
        [HOB < 950601]               before a date (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601 - 19990815] between two dates
        [HOBREB > 990816]            after a date
    PRESIDENT [~GOV]                 agents: a sector appended to the actor's code
    MSF [NGO~]                       ... or put before it (NGOARN)
    !PERSON! = MAN, MEN              a substitution set used inside agent names
    FOREIGN_MINISTER {MINISTERS} [~GOVFRM]   agents with explicit plurals; {} = no plural

An actor name that does not end in ``_`` matches any word that starts with it ("ARGENTIN"
matches "Argentina" and "Argentine"), as TABARI does, unless its last word is shorter than
four letters (an abbreviation such as "KU" matches only itself). Agent names are whole words,
with the regular plural unless braces give the plurals. ``#`` starts a comment and ``<!-- -->``
blocks are comments. Codes ``---`` and ``###`` mean "no actor".

PETRARCH's internal coding ontology (PICO, ``057:0x0087``) gives each code a number; a code
negated is the code numbered 0xFFFF less ("170:0x10086", not wire-tapping, is 057).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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
    """One agent entry: the phrases that name it and the sector it adds.

    ``[~GOV]`` appends the sector to the actor's code (ARNGOV); ``[NGO~]`` puts it before
    (NGOARN), as TABARI does for organizations working in a country.
    """

    names: tuple[tuple[str, bool], ...]
    sector: str
    leading: bool = False


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
        # As PETRARCH reads agents: whole words, with the regular plural made unless braces
        # give the plurals or, empty, say there is none ("POLICE {}": not "polices").
        names: list[str] = [name]
        if plural_match is not None:
            names.extend(p.strip() for p in plural_match.group(1).split() if p.strip())
        elif "!" not in name:
            names.append(_plural(name))
        expanded = [form for n in names for form in _substitute(n, substitutions)]
        leading = code.endswith("~") and not code.startswith("~")
        agents.append(TabariAgent(names=tuple((n, False) for n in expanded), sector=sector, leading=leading))
    return agents


def phrase_words(phrase: str) -> list[str]:
    """The lower-case words of a TABARI phrase ("SOUTH_KOREA" -> ["south", "korea"])."""
    return [w for w in re.split(r"[_\s]+", phrase.strip("_ ").lower()) if w]


# ---------------------------------------------------------------------- helpers


# A stem of one to three letters is an abbreviation ("THE_KU" is the University of Kansas,
# not "the Kuwait government"): it matches only itself.
MIN_STEM = 4


def _phrase(name: str) -> tuple[str, bool]:
    # A trailing underscore means "this exact word"; otherwise the last word is a stem.
    name = name.strip()
    words = phrase_words(name)
    return name, not name.endswith("_") and bool(words) and len(words[-1]) >= MIN_STEM


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
        line = _strip_comment(line).rstrip()
        if line.strip():
            out.append((number, line))
    return out


# ---------------------------------------------------------------------- verbs

_VERB_HEADER = re.compile(r"^---\s+(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\]\s*---")
_SYNSET = re.compile(r"^&([A-Z0-9_]+)")


@dataclass(frozen=True)
class PatternSlot:
    """One place in a verb pattern: words, each option a run of consecutive words, or a
    marker (``$`` the source stands here, ``+`` the target) with no words of its own.

    ``tight``: nothing may stand between this slot and the one before it (or the verb),
    as ``_`` joins them in the dictionary ("IN_*", "NEW_&TIETYPES_RELATIONS").
    ``skips``: for a source or target marker, how many noun phrases (``^`` markers right
    before it) stand between the words before it and the actor ("IFTAR IN ^ +").
    """

    options: tuple[tuple[str, ...], ...] = ()
    tight: bool = False
    marker: str | None = None
    skips: int = 0


@dataclass(frozen=True)
class TabariPattern:
    """Slots that must stand before and after the verb, in order, and the code they give.

    ``touches_verb``: the last slot before the verb stands right before it ("FAILED_TO_*").
    """

    before: tuple[PatternSlot, ...]
    after: tuple[PatternSlot, ...]
    code: str
    touches_verb: bool = False

    def size(self, words: int | None = None) -> int:
        """How specific a match of the pattern is: the words it matched, then its markers.

        Without ``words``, the most it can be: each slot's longest option ("- * &HYPERCURR"
        matching "AUSTRIAN GOLD FLORIN" is more specific than "- * &CURRENCY" matching "FLORIN").
        """
        slots = (*self.before, *self.after)
        if words is None:
            words = sum(max(len(o) for o in s.options) for s in slots if s.options)
        return 2 * words + sum(1 for s in slots if s.marker in ("$", "+"))


@dataclass
class TabariVerb:
    """A verb with its default code (None for ``---``) and its patterns."""

    lemma: str
    code: str | None
    patterns: list[TabariPattern] = field(default_factory=list)


_ONTOLOGY_LINE = re.compile(r"^(\d{2,4}|---)\s*:\s*([-+0-9A-Fa-fx\s]+)")
_NUMBER_TERM = re.compile(r"([-+]?)\s*(0x[0-9A-Fa-f]+|\d+)")
PICO_NEGATION = 0xFFFF


def is_ontology(text: str) -> bool:
    """Whether a file is a PETRARCH internal coding ontology (``CODE:0xHEX`` lines)."""
    lines = [line for line in _lines(text) if line]
    return bool(lines) and sum(bool(_ONTOLOGY_LINE.match(line)) for line in lines) >= 0.8 * len(lines)


def parse_negations(text: str, origin: str) -> dict[str, str]:
    """From a PICO ontology, the code each code becomes when negated: the first code listed
    whose number is the code's less 0xFFFF. Codes with no such partner are left out."""
    numbers: dict[str, int] = {}
    for number, raw in _numbered_lines(text):
        line = raw.strip()
        if not line:
            continue
        match = _ONTOLOGY_LINE.match(line)
        terms = _NUMBER_TERM.findall(match.group(2)) if match else []
        if not terms:
            raise ConfigError(f"{origin}:{number}: cannot read the ontology line {line!r}; expected CODE:0xHEX")
        if match.group(1) != "---":  # the null code
            numbers.setdefault(match.group(1), sum(int(n, 0) * (-1 if sign == "-" else 1) for sign, n in terms))
    by_number: dict[int, str] = {}
    for code, value in numbers.items():
        by_number.setdefault(value, code)
    return {
        code: by_number[value - PICO_NEGATION] for code, value in numbers.items() if value - PICO_NEGATION in by_number
    }


def is_verbs(text: str) -> bool:
    """Whether a TABARI dictionary is a verbs dictionary (``--- VERB [CODE] ---`` blocks)."""
    return any(_VERB_HEADER.match(line.strip()) for line in text.splitlines())


def parse_verbs(text: str, origin: str) -> dict[str, TabariVerb]:
    """Parse a verbs dictionary into verbs by lower-case lemma.

    Synsets (``&NAME`` followed by ``+WORD`` lines) are expanded inside patterns; the
    markers ``$`` (source), ``+`` (target), ``^`` (skip) and ``%`` and the brackets of
    phrases are dropped: what remains are the words a sentence must contain around the
    verb for the pattern's code to apply.
    """
    numbered = _numbered_lines(text)
    # Synsets can stand anywhere: "&NAME" and the "+WORD" lines right after it.
    synsets: dict[str, list[str]] = {}
    in_synset: set[int] = set()
    current: str | None = None
    for number, line in numbered:
        stripped = line.strip()
        match = _SYNSET.match(stripped)
        if match:
            current = match.group(1)
            synsets[current] = []
            in_synset.add(number)
        elif stripped.startswith("+") and current is not None:
            synsets[current].append(stripped[1:].strip())
            in_synset.add(number)
        else:
            current = None
    verbs: dict[str, TabariVerb] = {}
    block: list[TabariVerb] = []
    block_code = "---"
    for number, line in numbered:
        stripped = line.strip()
        header = _VERB_HEADER.match(stripped)
        if header:
            block_code = header.group("code")
            block = [_verb(verbs, header.group("verb"), block_code)]
            continue
        if not block or number in in_synset:
            continue
        if stripped.startswith("-"):
            code_match = _CODE.search(stripped)
            if code_match is None:
                raise ConfigError(f"{origin}:{number}: a verb pattern without a [CODE]")
            pattern = _pattern(stripped[1 : code_match.start()], code_match.group(1).strip(), synsets)
            if pattern is not None:
                for verb in block:
                    verb.patterns.append(pattern)
            continue
        # A verb form line: "ABANDON", "+SYNONYM", "WIRE_+TAP {WIRE_+TAPPED ...} [CODE]".
        code_match = _CODE.search(stripped)
        head = _PLURALS.sub("", stripped[: code_match.start()] if code_match else stripped).strip()
        words = [w for w in re.split(r"[_\s]+", head.lstrip("+")) if w]
        marked = [w[1:] for w in words if w.startswith("+")]
        lemma = (marked[0] if marked else (words[-1] if words else "")).strip("+")
        if lemma:
            code = code_match.group(1).strip() if code_match else block_code
            verb = _verb(verbs, lemma, code, own=code_match is not None)
            if verb not in block:
                block.append(verb)
    return verbs


def _verb(verbs: dict[str, TabariVerb], name: str, code: str, own: bool = False) -> TabariVerb:
    """The verb named, with ``code`` as its default. ``own``: the code stands on the verb's
    own line, and beats the block's ("--- HOLD [210] ---" then "HOLD [---]": holding alone
    codes nothing)."""
    lemma = re.split(r"[_\s]+", name.strip())[0].lower()
    default = None if code.strip() in NULL_CODES else code.strip()
    verb = verbs.get(lemma)
    if verb is None:
        verb = verbs[lemma] = TabariVerb(lemma, default)
    elif verb.code is None or own:
        verb.code = default
    return verb


_MARKERS = ("$", "+", "%", "^")
_MAX_OPTIONS = 2000


def _pattern(body: str, code: str, synsets: dict[str, list[str]]) -> TabariPattern | None:
    """Read one pattern line: words apart may have other words between them, words joined
    by ``_`` stand together, ``*`` is the verb; ``$``/``+`` mark where the source/target
    stands, ``^`` passes over one noun phrase, and ``%`` (both) only holds a place."""
    if code in NULL_CODES:
        code = "---"
    # Atoms: (kind, word options or marker, glued to the atom before).
    atoms: list[tuple[str, Any, bool]] = []
    glue_next = False
    for token in (t for t in re.split(r"[\s(){}]+", body) if t):
        pieces = token.split("_")
        for index, piece in enumerate(pieces):
            glued = glue_next or index > 0
            glue_next = False
            if not piece:
                glue_next = index > 0  # "WAS_ *": a trailing "_" joins what follows
                continue
            if piece == "*":
                atoms.append(("verb", None, glued))
            elif piece in _MARKERS:
                atoms.append(("marker", piece, glued))
            elif piece.startswith("&"):
                options = tuple(
                    tuple(w.lower() for w in re.split(r"[\s_]+", item) if w) for item in _expand(piece[1:], synsets)
                )
                atoms.append(("words", options, glued))
            else:
                word = piece.strip("$+%^").lower()
                if word:
                    atoms.append(("words", ((word,),), glued))
    if not any(kind == "verb" for kind, _, _ in atoms):
        return None
    before: list[PatternSlot] = []
    after: list[PatternSlot] = []
    side = before
    touches_verb = False
    for kind, value, glued in atoms:
        if kind == "verb":
            touches_verb = glued and bool(before)
            side = after
            continue
        if kind == "marker":
            skips = 0
            if value in ("$", "+"):
                while skips < len(side) and side[-1 - skips].marker == "^":
                    skips += 1
            side.append(PatternSlot(tight=glued, marker=str(value), skips=skips))
            continue
        if glued and side and side[-1].marker is None and side[-1].options:
            # "NEW_&TIETYPES_RELATIONS": one run of consecutive words
            joined = tuple(a + b for a in side[-1].options for b in value)[:_MAX_OPTIONS]
            side[-1] = PatternSlot(joined, side[-1].tight)
        else:
            side.append(PatternSlot(value, glued))
    return TabariPattern(tuple(before), tuple(after), code, touches_verb)


class SlotFit(NamedTuple):
    """Where a pattern's slots stood: each marker with the range of word positions its
    actor may stand in, and how many words the slots matched."""

    markers: list[tuple[str, int, int]]
    words: int


def fit_slots(
    slots: tuple[PatternSlot, ...], words: list[str] | list[tuple[str, ...]], start_fixed: bool, end_fixed: bool
) -> SlotFit | None:
    """Where the slots stand in ``words``, in order, or None when they cannot.

    A word may be given with its other forms (its lemma: "efforts", "effort"), and a
    pattern word matches any of them. At each place the longest option is tried first.
    ``start_fixed``: the first slot marked tight starts at position 0 (right after the
    verb); ``end_fixed``: the last slot ends at the last word (right before the verb).
    """
    forms = [(w,) if isinstance(w, str) else w for w in words]
    n = len(forms)

    def matches(option: tuple[str, ...], start: int) -> bool:
        return start + len(option) <= n and all(o in forms[start + k] for k, o in enumerate(option))

    def fit(i: int, pos: int, fixed: bool, open_markers: list[tuple[str, int]], found: SlotFit) -> SlotFit | None:
        if i == len(slots):
            if end_fixed and pos != n:
                return None
            return SlotFit(found.markers + [(m, lo, n) for m, lo in open_markers], found.words)
        slot = slots[i]
        if slot.marker is not None:
            return fit(i + 1, pos, False, [*open_markers, (slot.marker, pos)], found)
        starts = [pos] if (slot.tight and fixed) else range(pos, n)
        options = sorted(slot.options, key=len, reverse=True)
        for start in starts:
            for option in options:
                if matches(option, start):
                    closed = SlotFit(
                        found.markers + [(m, lo, start) for m, lo in open_markers], found.words + len(option)
                    )
                    result = fit(i + 1, start + len(option), True, [], closed)
                    if result is not None:
                        return result
        return None

    return fit(0, 0, start_fixed, [], SlotFit([], 0))


def _expand(name: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    out: list[str] = []
    for item in synsets.get(name.rstrip("_"), synsets.get(name, [])):
        if item.startswith("&") and depth < 4:
            out.extend(_expand(item[1:], synsets, depth + 1))
        else:
            out.append(item)
    return out or [name]


def _strip_comment(line: str) -> str:
    """Cut a ``#`` comment, but not a ``#`` inside a code block such as ``[###]``."""
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:index]
    return line
