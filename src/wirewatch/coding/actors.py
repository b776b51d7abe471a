"""The actor dictionary: countries, organizations, groups, people with dated roles, agents.

The shipped data lives in ``data/*.yaml`` (see the header of each file); users add their
own files in the same layout with ``--actors FILE``. This module only loads and answers
questions ("who is this name", "what did this person hold on that date"); finding the
mentions in a parsed text is the job of the actors component.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wirewatch.coding.tabari import (
    DatedCode,
    TabariActor,
    TabariAgent,
    is_agents,
    is_tabari,
    parse_actors,
    parse_agents,
    phrase_words,
)
from wirewatch.errors import ConfigError
from wirewatch.types import ActorRef

# libyaml's parser where PyYAML has it: the shipped people files are large.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SHIPPED_FILES = (
    "countries.yaml",
    "organizations.yaml",
    "armed_groups.yaml",
    "groups.yaml",
    "people.yaml",
    "people_world.yaml",
    "people_africa_mideast.yaml",
    "people_asia_americas.yaml",
    "agents.yaml",
)

#: Kinds of dictionary entries a surface form can point to.
KINDS = (
    "country",  # a country's name: "Belarus"
    "adjective",  # "Russian" (President), "Belarusian" (opposition)
    "demonym",  # "Russians"
    "capital",  # "Moscow": the government when it acts, a place otherwise
    "metonym",  # "the Kremlin": the government (or another sector) of a country
    "organization",  # "CSTO", "NATO"
    "description",  # "Russia-led security bloc": an organization named by description
    "group",  # "the Baltic states"
    "person",  # "Putin", "Vladimir Putin"
    "agent",  # "protesters", "police": a sector waiting for a country
    "title",  # "president", "foreign minister": a sector and an office
    "coded",  # an entry from a TABARI/PETRARCH dictionary: dated codes as given
)


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates (``end`` None = still held)."""

    sector: str
    title: str | None
    start: dt.date | None
    end: dt.date | None
    country: str | None = None
    org: str | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether the role was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with roles."""

    id: str
    name: str
    aliases: tuple[str, ...]
    gender: str | None
    country: str | None
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class Country:
    """A country with the forms news uses for it."""

    iso3: str
    name: str
    capital: str | None
    seat: str | None


@dataclass(frozen=True, slots=True)
class Organization:
    """An international or non-governmental organization."""

    id: str
    name: str
    sector: str
    cameo: str | None
    members: tuple[str, ...]
    country: str | None = None  # a movement or armed group of one country (Hamas: PSE)

    @property
    def code(self) -> str:
        """The actor code: sector then the organization (``IGOCSTO``); a national movement
        or armed group is coded as its country's sector (Hamas: ``PSEREB``)."""
        if self.country:
            return f"{self.country}{self.sector}"
        return f"{self.sector}{self.cameo or self.id}"


@dataclass(frozen=True, slots=True)
class Group:
    """A group of countries that stands for its members."""

    id: str
    name: str
    members: tuple[str, ...]
    cameo: str | None
    region: bool = False  # a part of the world ("Europe"), not a grouping of states

    @property
    def code(self) -> str:
        return self.cameo or self.id.upper()


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form means.

    Attributes:
        kind: one of KINDS.
        key: the ISO-3 code, organization, group or person id; for agents and titles
            the sector.
        sector: the sector this form implies (metonyms, agents, titles).
        office: for titles, the office (``head_of_state``, ``foreign_minister``).
        plural: whether the form is plural (agents: "protesters").
    """

    kind: str
    key: str
    sector: str | None = None
    office: str | None = None
    plural: bool = False


@dataclass
class ActorDictionary:
    """All actor data, indexed by surface form.

    Attributes:
        names: surface form (as written) -> entries, for proper names; matched by case.
        words: lower-cased surface form -> entries, for common nouns (agents, titles,
            descriptions); matched without case.
        unplaced_agents: whether an agent the text gives no country stays without one
            (``---GOV``), as in TABARI/PETRARCH coding, rather than taking the story's.
    """

    version: str
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    capitals: dict[str, str] = field(default_factory=dict)
    office_holders: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    coded: dict[str, tuple[DatedCode, ...]] = field(default_factory=dict)
    # Phrases of user (TABARI/PETRARCH) dictionaries, matched word by word; the flag: the last
    # word is a stem.
    phrases: list[tuple[tuple[str, ...], Entry, bool]] = field(default_factory=list)
    unplaced_agents: bool = False

    # ------------------------------------------------------------------ questions

    def role_at(self, person_id: str, day: dt.date | None) -> tuple[Role | None, bool]:
        """The role a person held on ``day``.

        Returns:
            ``(role, dated)``: with no date, the most recent role and ``dated=False``.
        """
        person = self.people[person_id]
        if day is None:
            latest = max(person.roles, key=_role_sort_key, default=None)
            return latest, False
        holding = [r for r in person.roles if r.covers(day)]
        if not holding:
            return None, True
        # Several posts at once: the one most senior by sector order (GOV before others).
        holding.sort(key=lambda r: (_SECTOR_RANK.get(r.sector, 9), -(r.start or dt.date.min).toordinal()))
        return holding[0], True

    def person_ref(self, person_id: str, day: dt.date | None, how: str = "dictionary") -> ActorRef:
        """The ActorRef of a person on the article's date.

        A person out of office is coded by nationality with the ``ELI`` (elite) sector if
        they held a post before, so a former leader is never coded as the government.
        """
        person = self.people[person_id]
        role, dated = self.role_at(person_id, day)
        suffix = "" if dated else "+undated"
        if role is not None:
            if role.org is not None:
                org = self.organizations.get(role.org)
                code = org.code if org else f"IGO{role.org}"
                return ActorRef(
                    code=code,
                    country=None,
                    sector=role.sector,
                    name=person.name,
                    id=person.id,
                    role=role.title,
                    resolved_by=f"{how}+role{suffix}",
                    confidence=0.95 if dated else 0.8,
                )
            country = role.country or person.country
            return ActorRef(
                code=f"{country or ''}{role.sector}",
                country=country,
                sector=role.sector,
                name=person.name,
                id=person.id,
                role=role.title,
                resolved_by=f"{how}+role{suffix}",
                confidence=0.95 if dated else 0.8,
            )
        held_before = day is not None and any(r.start is not None and r.start <= day for r in person.roles)
        sector = "ELI" if held_before else None
        country = person.country
        return ActorRef(
            code=f"{country or ''}{sector or ''}" or "---",
            country=country,
            sector=sector,
            name=person.name,
            id=person.id,
            resolved_by=f"{how}{suffix}",
            confidence=0.8,
        )

    def holder(self, country: str, office: str, day: dt.date | None) -> str | None:
        """The person who held ``office`` for ``country`` on ``day`` (None if unknown)."""
        candidates = self.office_holders.get((country, office), [])
        if day is None:
            return None
        for person_id in candidates:
            for role in self.people[person_id].roles:
                if role.country == country and office_of(role.title) == office and role.covers(day):
                    return person_id
        return None

    def by_surname(self, surname: str, day: dt.date | None, country: str | None = None) -> str | None:
        """The one person with this surname who held a role on ``day`` (None if not one).

        Bare surnames shared by several people are not in the name index; on a given date
        usually only one of them is in office ("Rau" in 2020 is Poland's foreign minister).
        """
        candidates = self.surnames.get(surname, [])
        if day is not None:
            candidates = [p for p in candidates if any(r.covers(day) for r in self.people[p].roles)]
        if country is not None and len(candidates) > 1:
            local = [p for p in candidates if self.people[p].country == country]
            candidates = local or candidates
        return candidates[0] if len(candidates) == 1 else None

    def coded_ref(self, entity_id: str, day: dt.date | None) -> ActorRef | None:
        """The ActorRef of an entry from a TABARI/PETRARCH dictionary on ``day``.

        The first three letters of a code are its country and the next three its sector,
        as in CAMEO; ``A/B`` codes name several actors at once.
        """
        codes = self.coded[entity_id]
        valid = [c for c in codes if c.covers(day)]
        if not valid:
            return None
        # An entry's undated code is its default: a dated restriction that covers the day
        # wins over it ("SAM_GAMGEE [HOB]" with "[HOBCIV <20080120]" is HOBCIV in 1995).
        dated = [c for c in valid if c.start is not None or c.end is not None] if day is not None else []
        code = (dated or valid)[0].code
        members = tuple(code.split("/")) if "/" in code else ()
        country = None if members else code[:3]
        sector = (code[3:6] or None) if not members else None
        name = " ".join(w.capitalize() for w in entity_id.removeprefix("tabari:").split("_"))
        how = "dictionary(tabari)" + ("" if day is not None else "+undated")
        return ActorRef(
            code=code,
            country=country,
            sector=sector,
            name=name,
            id=entity_id,
            members=members,
            resolved_by=how,
            confidence=0.9,
        )

    def country_ref(self, iso3: str, sector: str | None, how: str, confidence: float = 0.9) -> ActorRef:
        """The ActorRef of a country, optionally with a sector."""
        country = self.countries.get(iso3)
        # A sector of a country ("Belarusian police") is not the country itself: no
        # canonical id or name, the mention text names it.
        whole = sector is None
        return ActorRef(
            code=f"{iso3}{sector or ''}",
            country=iso3,
            sector=sector,
            name=(country.name if country else iso3) if whole else None,
            id=iso3 if whole else None,
            resolved_by=how,
            confidence=confidence,
        )

    def organization_ref(self, org_id: str, how: str, confidence: float = 0.95) -> ActorRef:
        """The ActorRef of an organization."""
        org = self.organizations[org_id]
        return ActorRef(
            code=org.code,
            country=org.country,
            sector=org.sector,
            name=org.name,
            id=org.id,
            members=org.members,
            resolved_by=how,
            confidence=confidence,
        )

    def group_ref(self, group_id: str, how: str, confidence: float = 0.9) -> ActorRef:
        """The ActorRef of a group of countries, with its members."""
        group = self.groups[group_id]
        return ActorRef(
            code=group.code,
            country=None,
            sector=None,
            name=group.name,
            id=group.id,
            members=group.members,
            resolved_by=how,
            confidence=confidence,
        )


_SECTOR_RANK = {"GOV": 0, "MIL": 1, "LEG": 2, "JUD": 3, "IGO": 4, "OPP": 5}

# Titles news uses for the same office, so "the Belarusian leader" finds the head of state.
_OFFICE_OF_TITLE = {
    "president": "head_of_state",
    "king": "head_of_state",
    "queen": "head_of_state",
    "emir": "head_of_state",
    "supreme leader": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
    "foreign minister": "foreign_minister",
    "secretary of state": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "minister of foreign affairs": "foreign_minister",
    "defence minister": "defence_minister",
    "defense minister": "defence_minister",
    "secretary of defense": "defence_minister",
    "defence secretary": "defence_minister",
}


def office_of(title: str | None) -> str | None:
    """The office a title names ("premier" -> ``head_of_government``)."""
    if not title:
        return None
    return _OFFICE_OF_TITLE.get(title.lower(), title.lower().replace(" ", "_"))


def _role_sort_key(role: Role) -> tuple[dt.date, dt.date]:
    return (role.end or dt.date.max, role.start or dt.date.min)


# ---------------------------------------------------------------------- loading


@cache
def load_shipped() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    return load_dictionary(())


def load_dictionary(extra_files: Iterable[Path | str] = ()) -> ActorDictionary:
    """Load the shipped actor data plus user files.

    Args:
        extra_files: user YAML files in the shipped layout (any of the keys ``countries``,
            ``organizations``, ``groups``, ``people``, ``agents``, ``titles``), or
            TABARI/PETRARCH actor or agent dictionaries (recognized by their content).

    Raises:
        ConfigError: a file that cannot be read or has a malformed entry.
    """
    base = resources.files("wirewatch.coding").joinpath("data")
    docs: list[tuple[str, Any]] = []
    digest = hashlib.sha256()
    versions: list[str] = []
    for name in SHIPPED_FILES:
        text = base.joinpath(name).read_text("utf-8")
        digest.update(text.encode())
        data = yaml.load(text, Loader=_LOADER) or {}
        versions.append(str(data.get("version", "")))
        docs.append((name, data))
    tabari: list[tuple[str, str]] = []
    for path in extra_files:
        path = Path(path)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read actor file ({exc}); give a UTF-8 YAML or TABARI file") from exc
        digest.update(text.encode())
        if path.suffix.lower() not in (".yaml", ".yml") and is_tabari(text):
            tabari.append((str(path), text))
            continue
        try:
            data = yaml.load(text, Loader=_LOADER) or {}
        except (yaml.YAMLError, ValueError) as exc:
            # PyYAML raises ValueError for impossible dates such as 2020-13-01.
            raise ConfigError(
                f"{path}: cannot read actor file ({exc}); give a UTF-8 YAML or TABARI file, dates as YYYY-MM-DD"
            ) from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: an actor file must be a YAML mapping with keys such as people:")
        docs.append((str(path), data))
    version = max(versions, default="0") + "-" + digest.hexdigest()[:8]
    actors = ActorDictionary(version=version)
    for name, data in docs:
        _validate(data, name)
        try:
            _add_document(actors, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{name}: malformed actor entry ({exc!r}); see the shipped files for the layout") from exc
    if any(is_agents(text) for _, text in tabari):
        # A TABARI agents dictionary is a complete agent vocabulary with its own codes: it
        # replaces the shipped generic agents rather than mixing two codings of "militia",
        # and codes an agent of no named country as such ("a senior official" is ---GOV).
        actors.unplaced_agents = True
        for form in list(actors.words):
            kept = [e for e in actors.words[form] if e.kind != "agent"]
            if kept:
                actors.words[form] = kept
            else:
                del actors.words[form]
    for name, text in tabari:
        if is_agents(text):
            for agent in parse_agents(text, name):
                _add_tabari_agent(actors, agent)
        else:
            for actor in parse_actors(text, name):
                _add_tabari_actor(actors, actor)
    return actors


_REQUIRED = {
    "countries": ("iso3",),
    "organizations": ("id",),
    "groups": ("id", "members"),
    "people": ("id",),
    "agents": ("words", "sector"),
    "titles": ("words", "sector"),
}


def _validate(data: dict[str, Any], name: str) -> None:
    """Check an actor document's layout, naming the first entry that is wrong."""
    unknown = set(data) - set(_REQUIRED) - {"version"}
    if unknown:
        raise ConfigError(f"{name}: unknown section(s) {sorted(unknown)}; available: {', '.join(_REQUIRED)}")
    for section, keys in _REQUIRED.items():
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ConfigError(f"{name}: '{section}' must be a list of entries")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise ConfigError(f"{name}: {section} entry {number} must be a mapping")
            missing = [k for k in keys if not item.get(k)]
            if missing:
                raise ConfigError(f"{name}: {section} entry {number} has no {', '.join(missing)}")
            for role in item.get("roles") or () if section == "people" else ():
                if not isinstance(role, dict) or not role.get("sector"):
                    raise ConfigError(f"{name}: person {item['id']!r} has a role without a sector")
                if not role.get("country") and not role.get("org"):
                    raise ConfigError(f"{name}: person {item['id']!r} has a role with neither country nor org")
                for key in ("start", "end"):
                    value = role.get(key)
                    if value not in (None, "") and not isinstance(value, dt.date):
                        try:
                            dt.date.fromisoformat(str(value))
                        except ValueError:
                            raise ConfigError(
                                f"{name}: person {item['id']!r} has a role {key} {value!r}; write YYYY-MM-DD"
                            ) from None


def _add_tabari_actor(actors: ActorDictionary, actor: TabariActor) -> None:
    if not actor.codes:
        return
    entity_id = "tabari:" + "_".join(phrase_words(actor.names[0][0]))
    actors.coded[entity_id] = tuple(actor.codes)
    entry = Entry("coded", entity_id)
    for phrase, is_prefix in actor.names:
        words = tuple(phrase_words(phrase))
        if not words:
            continue
        if is_prefix:
            actors.phrases.append((words, entry, True))
        elif entry not in actors.words[" ".join(words)]:
            actors.words[" ".join(words)].append(entry)


def _add_tabari_agent(actors: ActorDictionary, agent: TabariAgent) -> None:
    for phrase, is_prefix in agent.names:
        words = tuple(phrase_words(phrase))
        plural = bool(words) and words[-1].endswith("s")
        # The key of a leading agent ends in "~" (NGO~), as in the dictionary.
        entry = Entry("agent", agent.sector + ("~" if agent.leading else ""), sector=agent.sector, plural=plural)
        actors.phrases.append((words, entry, is_prefix))


def _add_document(actors: ActorDictionary, data: dict[str, Any]) -> None:
    for item in data.get("countries") or ():
        _add_country(actors, item)
    for item in data.get("organizations") or ():
        _add_organization(actors, item)
    for item in data.get("groups") or ():
        group = Group(
            id=item["id"],
            name=item.get("name") or item["id"],
            members=tuple(item.get("members") or ()),
            cameo=item.get("cameo"),
            region=bool(item.get("region")),
        )
        actors.groups[group.id] = group
        for alias in _forms(item.get("aliases"), item.get("name")):
            _add_name(actors, alias, Entry("group", group.id, plural=True))
    for item in data.get("people") or ():
        _add_person(actors, item)
    for item in data.get("agents") or ():
        for word in item["words"]:
            plural = word.endswith("s") and not word.endswith(("ss", "us"))
            actors.words[word.lower()].append(Entry("agent", item["sector"], sector=item["sector"], plural=plural))
    for item in data.get("titles") or ():
        office = item.get("office")
        for word in item["words"]:
            actors.words[word.lower()].append(Entry("title", item["sector"], sector=item["sector"], office=office))


def _add_country(actors: ActorDictionary, item: dict[str, Any]) -> None:
    iso3 = item["iso3"]
    country = Country(iso3=iso3, name=item.get("name") or iso3, capital=item.get("capital"), seat=item.get("seat"))
    actors.countries[iso3] = country
    for name in _forms(item.get("names"), item.get("name")):
        _add_name(actors, name, Entry("country", iso3))
    for adj in item.get("adjectives") or ():
        _add_name(actors, adj, Entry("adjective", iso3))
    for dem in item.get("demonyms") or ():
        _add_name(actors, dem, Entry("demonym", iso3, sector="CVL", plural=dem.endswith("s")))
    for city in {c for c in (country.capital, country.seat) if c}:
        _add_name(actors, city, Entry("capital", iso3, sector="GOV"))
        actors.capitals[city] = iso3
    for met in item.get("metonyms") or ():
        _add_name(actors, met, Entry("metonym", iso3, sector="GOV"))
    for sector, forms in (item.get("sector_metonyms") or {}).items():
        for met in forms:
            _add_name(actors, met, Entry("metonym", iso3, sector=sector))


def _add_organization(actors: ActorDictionary, item: dict[str, Any]) -> None:
    org = Organization(
        id=item["id"],
        name=item.get("name") or item["id"],
        sector=item.get("sector") or "IGO",
        cameo=item.get("cameo"),
        members=tuple(item.get("members") or ()),
        country=item.get("country"),
    )
    actors.organizations[org.id] = org
    for alias in _forms(item.get("aliases"), item.get("name")):
        _add_name(actors, alias, Entry("organization", org.id))
    for desc in item.get("descriptions") or ():
        actors.words[desc.lower()].append(Entry("description", org.id))
    for met in item.get("metonyms") or ():
        _add_name(actors, met, Entry("organization", org.id))


def _add_person(actors: ActorDictionary, item: dict[str, Any]) -> None:
    roles = tuple(
        Role(
            sector=r["sector"],
            title=r.get("title"),
            start=_date(r.get("start")),
            end=_date(r.get("end")),
            country=r.get("country"),
            org=r.get("org"),
        )
        for r in item.get("roles") or ()
    )
    person = Person(
        id=item["id"],
        name=item.get("name") or item["id"],
        aliases=tuple(_forms(item.get("aliases"), item.get("name"))),
        gender=item.get("gender"),
        country=item.get("country"),
        roles=roles,
    )
    known = actors.people.get(person.id)
    if known is not None:
        # The same person in two files (or a user file adding a role): one person with
        # every alias and every role.
        person = Person(
            id=known.id,
            name=known.name,
            aliases=tuple(dict.fromkeys((*known.aliases, *person.aliases))),
            gender=known.gender or person.gender,
            country=known.country or person.country,
            roles=tuple(dict.fromkeys((*known.roles, *person.roles))),
        )
    actors.people[person.id] = person
    for alias in person.aliases:
        _add_name(actors, alias, Entry("person", person.id))
        parts = alias.split()
        if len(parts) >= 2 and person.id not in actors.surnames[parts[-1]]:
            actors.surnames[parts[-1]].append(person.id)
    for role in roles:
        office = office_of(role.title)
        if role.country and office and person.id not in actors.office_holders[(role.country, office)]:
            actors.office_holders[(role.country, office)].append(person.id)


def _add_name(actors: ActorDictionary, form: str, entry: Entry) -> None:
    for variant in _variants(form):
        bucket = actors.names[variant]
        if entry not in bucket:
            bucket.append(entry)


def _variants(form: str) -> set[str]:
    # News writes the same name with straight or curly apostrophes, and a leading "the"
    # is capitalized at the start of a sentence.
    forms = {form, form.replace("'", "’"), form.replace("’", "'")}
    if form.startswith("the "):
        forms |= {"The " + f[4:] for f in list(forms)}
    return forms


def _forms(aliases: Iterable[str] | None, name: str | None) -> list[str]:
    out: list[str] = []
    for form in [*(aliases or ()), *([name] if name else [])]:
        if form and form not in out:
            out.append(form)
    return out


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
