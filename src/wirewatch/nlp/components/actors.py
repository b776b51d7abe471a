"""Actor mentions: dictionary matches combined into noun phrases, resolved at the article date.

How a mention is resolved, in order:

1. dictionary matches (names by case, agent and title words without case) are grouped by
   the noun they modify: "Russian President Vladimir Putin" is one mention;
2. a person is coded by the role held on the article's date; a title is coded by the
   country of its adjective, possessor or "of" phrase ("its foreign minister");
3. a capital or metonym that acts stands for its government ("Moscow's backing"), a
   capital after "in"/"to" is a place;
4. pronouns and definite descriptions ("he", "the country", "the bloc") take the most
   recent fitting actor; generic agents without a country take the story's country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from wirewatch.coding.actors import ActorDictionary, Entry, load_dictionary, load_shipped, office_of
from wirewatch.coding.gazetteer import load_gazetteer
from wirewatch.nlp.extensions import MentionHit
from wirewatch.types import ActorRef

# A capital or country name under one of these prepositions is a place, not an actor.
LOCATIVE_PREPS = {
    "in",
    "to",
    "into",
    "at",
    "near",
    "across",
    "around",
    "outside",
    "inside",
    "via",
    "through",
    "throughout",
    "toward",
    "towards",
    "within",
    "over",
    "from",
}
DEPARTURE_VERBS = {"leave", "depart", "head", "fly", "flee", "sail", "set", "bind"}
# Dependency labels through which a modifier belongs to the noun phrase of its head.
NP_MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "nummod", "poss_title"}
PRONOUNS = {
    "he": ("m", False),
    "him": ("m", False),
    "his": ("m", False),
    "himself": ("m", False),
    "she": ("f", False),
    "her": ("f", False),
    "hers": ("f", False),
    "herself": ("f", False),
    "it": (None, False),
    "its": (None, False),
    "itself": (None, False),
    "they": (None, True),
    "them": (None, True),
    "their": (None, True),
    "themselves": (None, True),
}
COUNTRY_NOUNS = {"country", "nation", "republic", "state", "kingdom"}
ORG_NOUNS = {"bloc", "alliance", "organisation", "organization", "union", "group", "body"}
# Prepositions after which a part of the world is where something is, not who acts.
PLACE_PREPS = {"in", "across", "throughout", "around", "within", "inside", "outside"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}
# Modifiers that keep a generic agent from taking the story's country.
UNSPECIFIC = {
    "external",
    "foreign",
    "outside",
    "international",
    "western",
    "other",
    "some",
    "unnamed",
    "unidentified",
    "overseas",
    "global",
    "many",
    "several",
    "various",
}


@dataclass
class _Match:
    start: int
    end: int
    entries: list[Entry]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


@Language.factory(
    "wirewatch_actors",
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.ww_mentions"],
    default_config={"actor_files": []},
)
def make_actor_component(nlp: Language, name: str, actor_files: list[str]) -> ActorResolver:
    """Factory for the actor resolver.

    Args:
        actor_files: extra actor dictionaries (YAML) added to the shipped ones.
    """
    actors = load_dictionary(actor_files) if actor_files else load_shipped()
    return ActorResolver(nlp, actors)


class ActorResolver:
    """Finds actor mentions and resolves them to ActorRefs."""

    def __init__(self, nlp: Language, actors: ActorDictionary) -> None:
        self.actors = actors
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._name_keys: dict[int, str] = {}
        for form in actors.names:
            key = nlp.vocab.strings.add("N:" + form)
            self._name_keys[key] = form
            self.name_matcher.add("N:" + form, [nlp.make_doc(form)])
        for form in actors.words:
            key = nlp.vocab.strings.add("W:" + form)
            self._name_keys[key] = form
            self.word_matcher.add("W:" + form, [nlp.make_doc(form)])
        # Phrases of user dictionaries, word by word; a TABARI stem as the last word ("ARGENTIN"
        # matches "Argentina" and "Argentine"), else the whole word.
        self.phrase_matcher = Matcher(nlp.vocab)
        self._phrase_entries: dict[int, list[Entry]] = {}
        self._phrase_last_words: dict[int, str] = {}
        for index, (words, entry, stem) in enumerate(actors.phrases):
            # Hyphens split words as in the text: "AL-QAEDA" is "al", "-", "qaeda".
            parts = [p for w in words for p in re.split(r"(-)", w) if p]
            pattern: list[dict[str, Any]] = [{"LOWER": w} for w in parts[:-1]]
            pattern.append({"LOWER": {"REGEX": "^" + re.escape(parts[-1])}} if stem else {"LOWER": parts[-1]})
            key = nlp.vocab.strings.add(f"P:{index}")
            self._phrase_entries[key] = [entry]
            self._phrase_last_words[key] = parts[-1]
            self.phrase_matcher.add(f"P:{index}", [pattern])

    # ------------------------------------------------------------------ pipeline

    def __call__(self, doc: Doc) -> Doc:
        day: dt.date | None = doc._.ww_published
        matches = self._matches(doc)
        context = self._context_country(doc, matches, day)
        matched = {i: m.entries for m in matches for i in range(m.start, m.end)}
        state = _Resolution(self.actors, day, context, matched)
        by_head = self._group_by_head(doc, matches)
        covered = {i for m in matches for i in range(m.start, m.end)}
        ner_people = {
            e.root.i: e
            for e in doc.ents
            if e.label_ == "PERSON" and not any(i in covered for i in range(e.start, e.end))
        }
        for token in doc:
            if token.i in by_head:
                self._resolve_group(doc, token, by_head[token.i], state)
            elif token.i in ner_people:
                self._resolve_unknown_person(doc, ner_people[token.i], state)
            elif token.lower_ in PRONOUNS and token.pos_ == "PRON":
                self._resolve_pronoun(doc, token, state)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in COUNTRY_NOUNS | ORG_NOUNS:
                self._resolve_description(doc, token, state)
        doc._.ww_mentions = sorted(state.mentions, key=lambda m: m.span.start)
        doc._.ww_places = state.places
        return doc

    # ------------------------------------------------------------------ matching

    def _matches(self, doc: Doc) -> list[_Match]:
        raw: list[_Match] = []
        for key, start, end in self.name_matcher(doc):
            last = doc[end - 1]
            if doc[start].lower_ == "the" and last.dep_ == "amod" and last.head.i >= end:
                continue  # "the French president": the article is the president's, not "the French"
            raw.append(_Match(start, end, list(self.actors.names[self._name_keys[key]])))
        for key, start, end in self.phrase_matcher(doc) if len(self.phrase_matcher) else ():
            entries = self._phrase_entries[key]
            # A stem of an agent ("DIPLOMAT") must match a noun, not "diplomatic"; the
            # whole word can be an adjective ("the Danish Islamist media").
            root = doc[start:end].root
            whole = root.lower_ == self._phrase_last_words[key]
            adjective = whole and root.pos_ == "ADJ" and root.dep_ == "amod"
            if all(e.kind == "agent" for e in entries) and root.pos_ not in ("NOUN", "PROPN") and not adjective:
                continue
            raw.append(_Match(start, end, list(entries)))
        for key, start, end in self.word_matcher(doc):
            entries = list(self.actors.words[self._name_keys[key]])
            # Common nouns only: "general" in "general elections" or "press" the verb are
            # not actors. Names from user dictionaries are taken as they are.
            if doc[start:end].root.pos_ in ("NOUN", "PROPN") or any(e.kind == "coded" for e in entries):
                raw.append(_Match(start, end, entries))
        # Longest first; a shorter match inside a longer one is dropped ("Russia" inside
        # "Russia-led security bloc", "opposition" inside "opposition leaders").
        raw.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: set[int] = set()
        kept: list[_Match] = []
        for m in raw:
            same = next((k for k in kept if (k.start, k.end) == (m.start, m.end)), None)
            if same is not None:
                # A user's code for words the shipped data also knows ("Kuwait"): both are
                # kept, and the user's code wins when the mention is resolved.
                if not any(e.kind == "coded" for e in same.entries):
                    same.entries.extend(e for e in m.entries if e.kind == "coded")
                if not any(e.kind == "agent" for e in same.entries):
                    # "MSF" the user's agent [NGO~] and the shipped organization.
                    same.entries.extend(e for e in m.entries if e.kind == "agent")
                continue
            if any(i in taken for i in range(m.start, m.end)):
                wider = next((k for k in kept if k.start <= m.start and m.end <= k.end), None)
                # "the European Union": the user's EUROPEAN_UNION code wins over the shipped
                # name that only adds the article.
                if (
                    wider is not None
                    and _only_determiners_around(doc, wider, m)
                    and not any(e.kind == "coded" for e in wider.entries)
                ):
                    wider.entries.extend(e for e in m.entries if e.kind == "coded")
                continue
            kept.append(m)
            taken.update(range(m.start, m.end))
        kept.sort(key=lambda m: m.start)
        for name, short in pairwise(kept):
            # "the European Union (EU)": the abbreviation of a name the user's dictionary
            # codes takes that code, not the shipped one for the abbreviation.
            coded = [e for e in name.entries if e.kind == "coded"]
            if coded and not any(e.kind == "coded" for e in short.entries) and _abbreviates(doc, name, short):
                short.entries[:0] = coded
        return kept

    def _group_by_head(self, doc: Doc, matches: list[_Match]) -> dict[int, list[_Match]]:
        """Group matches under the noun they belong to (their NP head)."""
        groups: dict[int, list[_Match]] = {}
        for m in matches:
            root = doc[m.start : m.end].root
            head = _np_head(root)
            if head.pos_ == "PROPN" and root.pos_ == "PROPN" and root.conjuncts and not m.start <= head.i < m.end:
                # "Arnor, Calenardhon and the evil Gondor": a list of names the parser hung
                # on its last member; each name is its own actor.
                head = root
            groups.setdefault(head.i, []).append(m)
        return groups

    def _context_country(self, doc: Doc, matches: list[_Match], day: dt.date | None) -> str | None:
        """The country the story is about: dateline place, then the most mentioned."""
        votes: Counter[str] = Counter()
        dateline = doc._.ww_dateline
        if dateline is not None and dateline.place:
            city = dateline.place.split(",")[0].strip()
            iso3 = self.actors.capitals.get(city)
            if iso3:
                votes[iso3] += 2
        covered = {i for m in matches for i in range(m.start, m.end)}
        gazetteer = load_gazetteer()
        for ent in doc.ents:
            # Cities the dictionary does not list ("in Grodno") still say where the story is.
            if ent.label_ == "GPE" and ent.start not in covered:
                place = gazetteer.locate(ent.text)
                if place is not None and place.country:
                    votes[place.country] += 1
        for m in matches:
            for e in m.entries:
                if e.kind in ("country", "adjective", "demonym", "capital", "metonym"):
                    votes[e.key] += 1
                    break
                if e.kind == "person":
                    ref = self.actors.person_ref(e.key, day)
                    if ref.country:
                        votes[ref.country] += 1
                    break
        return votes.most_common(1)[0][0] if votes else None

    # ------------------------------------------------------------------ resolving

    def _resolve_group(self, doc: Doc, head: Token, group: list[_Match], state: _Resolution) -> None:
        entries = [e for m in group for e in m.entries]
        # The mention runs to the noun the matches modify ("European Union leaders").
        start = min(min(m.start for m in group), head.i)
        end = max(max(m.end for m in group), head.i + 1)
        kinds = {e.kind for e in entries}
        coded = _first(entries, "coded")
        names = [m for m in group if any(e.kind == "coded" for e in m.entries)]
        listed = len(names) > 1 and all(
            any(t.dep_ == "cc" or t.text == "," for t in doc[a.end : b.start]) for a, b in pairwise(names)
        )
        if listed:
            # "Fornost and the evil awful Gondor": the parser hung a list of names on its
            # last one; each name is its own actor.
            for match in names:
                span = doc[match.start : match.end]
                self._resolve_group(doc, span.root, [match], state)
            return
        if coded is not None:
            # A user's TABARI/PETRARCH entry overrides the shipped data for the same words.
            ref = self.actors.coded_ref(coded.key, state.day)
            if ref is not None and ref.country:
                ref = _with_agents(ref, group)
            if ref is not None:
                kind = "group" if ref.members else ("person" if _is_person(doc, group) else "country")
                state.add(doc, start, end, head, ref, kind, None, bool(ref.members))
            return
        person = _first(entries, "person")
        if person is not None and _is_ner_non_person(doc, group, "person"):
            person = None
        if person is not None:
            ref = self.actors.person_ref(person.key, state.day)
            gender = self.actors.people[person.key].gender
            state.add(doc, start, end, head, ref, "person", gender, False)
            return
        for kind in ("organization", "description"):
            org = _first(entries, kind)
            if org is not None:
                how = "dictionary" if kind == "organization" else "description"
                ref = self.actors.organization_ref(org.key, how, 0.95 if kind == "organization" else 0.7)
                state.add(doc, start, end, head, ref, "organization", None, False)
                return
        group_entry = _first(entries, "group")
        if group_entry is not None:
            named = next(m for m in group if group_entry in m.entries)
            own = doc[named.start : named.end].root
            if self.actors.groups[group_entry.key].region and (
                own.dep_ == "compound" or (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS)
            ):
                return  # "the Europe Bridge", "missiles in Europe": a name's word or a place
            ref = self.actors.group_ref(group_entry.key, "dictionary")
            state.add(doc, start, end, head, ref, "group", None, True)
            return
        title = _first(entries, "title")
        agent = _first(entries, "agent")
        coordinated = _coordinated_countries(group)
        if (title or agent) and len(coordinated) > 1:
            # "Hungarian and Romanian officials", "U.S. and Russian negotiators": one
            # actor per country, all headed by the same noun.
            for index, (first_token, iso3) in enumerate(coordinated):
                self._resolve_role(
                    doc, head, start if index == 0 else first_token, end, title, agent, iso3, "dictionary", state
                )
            return
        if (title or agent) and not _coordinated_countries(group):
            places = self._countries_after(doc, head, state)
            if len(places) > 1:
                for iso3 in places:
                    self._resolve_role(doc, head, start, end, title, agent, iso3, "dictionary", state)
                return
        shared = self._shared_modifiers(head, group, agent, state) if agent is not None and title is None else []
        for ref in shared:
            state.add(doc, start, end, head, ref, "agent", None, head.tag_ in ("NNS", "NNPS"))
        if shared:
            return
        owner = self._coded_owner(doc, head, state) if agent is not None and title is None else None
        if owner is not None:
            # "human rights activists of Gonzo GMO": the agent joins its dictionary actor's
            # code (GONGMO + OPP), as it would in "Gonzo GMO human rights activists".
            state.add(doc, start, end, head, _with_agents(owner, group), "agent", None, head.tag_ in ("NNS", "NNPS"))
            return
        country, how = self._country_of(doc, head, entries, state, start, end)
        if how == "possessor" and (title or agent):
            start = state.absorb_possessor(head, start)
        if title or agent:
            self._resolve_role(doc, head, start, end, title, agent, country, how, state)
            return
        if "demonym" in kinds and head.tag_ in ("NNS", "NNPS"):
            dem = _first(entries, "demonym")
            assert dem is not None
            ref = self.actors.country_ref(dem.key, "CVL", "demonym", 0.8)
            state.add(doc, start, end, head, ref, "agent", None, True)
            return
        self._resolve_place_name(doc, head, start, end, entries, state)

    def _resolve_role(
        self,
        doc: Doc,
        head: Token,
        start: int,
        end: int,
        title: Entry | None,
        agent: Entry | None,
        country: str | None,
        how: str,
        state: _Resolution,
    ) -> None:
        """A title or a generic agent, with the country found for it (or None)."""
        if title is not None:
            if head.dep_ == "pobj" and head.head.lower_ == "as":
                return  # "step down as president": an office, not a mention of someone
            self._resolve_title(doc, head, start, end, title, country, how, state)
            return
        if agent is not None:
            if country is None and _definite_singular(head):
                # "the opposition leader": the last person of that sector in the story.
                previous = state.last_person_in_sector(agent.sector)
                if previous is not None and previous.actor is not None:
                    ref = replace(previous.actor, resolved_by="coreference", confidence=0.7)
                    state.add(doc, start, end, head, ref, "person", previous.gender, False)
                    return
            if country is None and not _unspecific(head):
                if self.actors.unplaced_agents:
                    ref = ActorRef(
                        code="---" + (agent.sector or ""), country=None, sector=agent.sector, resolved_by="agent"
                    )
                    state.add(doc, start, end, head, ref, "agent", None, agent.plural or head.tag_ in ("NNS", "NNPS"))
                    return
                if state.context:
                    country, how = state.context, "context"
            if country is None:
                return
            conf = 0.85 if how != "context" else 0.6
            ref = _leading(self.actors.country_ref(country, agent.sector, f"agent+{how}", conf), agent)
            state.add(doc, start, end, head, ref, "agent", None, agent.plural or head.tag_ in ("NNS", "NNPS"))

    def _resolve_unknown_person(self, doc: Doc, ent: Span, state: _Resolution) -> None:
        """A PERSON the name index does not know: an earlier full name, or a unique surname."""
        surname = ent[-1].text
        for seen in reversed(state.history):
            actor = seen.actor
            if (
                actor is not None
                and actor.id in self.actors.people
                and any(a.split()[-1] == surname for a in self.actors.people[actor.id].aliases)
            ):
                ref = replace(actor, resolved_by="coreference", confidence=min(actor.confidence, 0.8))
                state.add(doc, ent.start, ent.end, ent.root, ref, "person", seen.gender, False)
                return
        person_id = self.actors.by_surname(surname, state.day, state.context)
        if person_id is not None and state.day is not None:
            ref = replace(self.actors.person_ref(person_id, state.day, how="surname"), confidence=0.7)
            gender = self.actors.people[person_id].gender
            state.add(doc, ent.start, ent.end, ent.root, ref, "person", gender, False)
            return
        # Unknown to the dictionary: still a possible antecedent of "he" or "she".
        state.remember(None, ent.root, "person", None, False)

    def _resolve_place_name(
        self, doc: Doc, head: Token, start: int, end: int, entries: list[Entry], state: _Resolution
    ) -> None:
        metonym = _first(entries, "metonym")
        capital = _first(entries, "capital")
        country = _first(entries, "country")
        if metonym is not None:
            ref = self.actors.country_ref(metonym.key, metonym.sector, "metonymy", 0.9)
            state.add(doc, start, end, head, ref, "country", None, False)
        elif country is not None:
            if _is_locative(head):
                state.places.append((doc[start:end], country.key))
                state.remember(self.actors.country_ref(country.key, None, "dictionary"), head, "country", None, False)
                return
            ref = self.actors.country_ref(country.key, None, "dictionary", 0.95)
            state.add(doc, start, end, head, ref, "country", None, False)
        elif capital is not None:
            if _is_locative(head) or head.dep_ in ("compound", "amod"):
                state.places.append((doc[start:end], capital.key))
                return
            ref = self.actors.country_ref(capital.key, "GOV", "metonymy", 0.85)
            state.add(doc, start, end, head, ref, "country", None, False)
        # An adjective alone ("a close Russian ally") names no actor.

    def _resolve_title(
        self,
        doc: Doc,
        head: Token,
        start: int,
        end: int,
        title: Entry,
        country: str | None,
        how: str,
        state: _Resolution,
    ) -> None:
        sector = title.sector or "GOV"
        # "President Reagan", "General Aoun": a title with a name the dictionary does not
        # know. Without a country in the phrase, the story's country is the best guess, and
        # the guess is marked as one (resolved by context, low confidence).
        name = [t for t in doc[start:end] if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
        if country is None and name:
            if state.context is None or not title.office:
                state.remember(None, head, "person", None, False)
                return
            country, how = state.context, "context"
        if country is None:
            # "the foreign minister", "the president": the last person holding such an
            # office in this story, else the story's country.
            previous = state.last_with_office(title.office)
            if previous is not None:
                ref = replace(previous.actor, resolved_by="coreference", confidence=0.7)
                state.add(doc, start, end, head, ref, "person", previous.gender, False)
                return
            if state.context is None:
                return
            country, how = state.context, "context"
        holder = self.actors.holder(country, title.office, state.day) if title.office else None
        if (
            holder is not None
            and name
            and not any(a.split()[-1] == name[-1].text for a in self.actors.people[holder].aliases)
        ):
            holder = None  # the named person is not the office holder the dictionary knows
        if holder is not None:
            ref = self.actors.person_ref(holder, state.day, how="title")
            if ref.country == country and ref.sector == sector:
                gender = self.actors.people[holder].gender
                state.add(doc, start, end, head, ref, "person", gender, False)
                return
        conf = 0.8 if how != "context" else (0.45 if name else 0.55)
        ref = self.actors.country_ref(country, sector, f"title+{how}", conf)
        ref = replace(ref, role=doc[start:end].root.lemma_.lower() if title.office else None, name=None, id=None)
        plural = head.tag_ in ("NNS", "NNPS")
        state.add(doc, start, end, head, ref, "title" if plural else "person", None, plural)

    def _country_of(
        self, doc: Doc, head: Token, entries: list[Entry], state: _Resolution, start: int, end: int
    ) -> tuple[str | None, str]:
        """The country a title or agent belongs to: adjective, possessor, "of X"."""
        for kind in ("adjective", "country", "capital", "metonym", "demonym"):
            entry = _first(entries, kind)
            if entry is not None:
                return entry.key, "dictionary"
        for child in (c for t in doc[start:end] for c in t.children):
            if child.dep_ == "poss":
                owner = state.mention_covering(child)
                if owner is None and child.lower_ in PRONOUNS:
                    owner = state.antecedent(child)
                if owner is not None and owner.actor is not None and owner.actor.country:
                    return owner.actor.country, "possessor"
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                for obj in child.children:
                    # "Soldiers from Gondor wire tapped ...": the parser can hang the
                    # country on a noun it misreads as the object.
                    names = [obj, *(c for c in obj.children if c.dep_ == "compound")] if obj.dep_ == "pobj" else []
                    iso3 = next((c for t in names if (c := self._country_in(doc, t, state))), None)
                    if iso3:
                        return iso3, "dictionary"
        for child in head.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < head.i:
                # "the Bush administration", "the Erdogan government": the leader's country.
                countries = {self.actors.people[p].country for p in self.actors.surnames.get(child.text, ())}
                if len(countries) == 1 and None not in countries:
                    return countries.pop(), "possessor"
        return None, "none"

    def _shared_modifiers(self, head: Token, group: list[_Match], agent: Entry, state: _Resolution) -> list[ActorRef]:
        """An agent coordinated with an earlier one, with no words of its own before it,
        shares that one's modifiers: "the Danish Islamist media and government" are both
        Danish and Islamist (DNKMUSMED, DNKMUSGOV), "Hungarian police and soldiers" both
        Hungarian, "lawmakers and officials in Arnor and Gondor" are of both countries."""
        if head.dep_ != "conj" or any(c.i < head.i or c.dep_ == "prep" for c in head.children):
            return []
        firsts = [m for m in state.mentions if m.span.start <= head.head.i < m.span.end and m.actor is not None]
        if any(m.actor.members or not m.actor.country for m in firsts):
            return []
        if len(firsts) > 1:
            countries = list(dict.fromkeys(m.actor.country for m in firsts if m.actor.code[:3] == m.actor.country))
            return [_leading(self.actors.country_ref(c, agent.sector, "agent+conjunct", 0.8), agent) for c in countries]
        if not firsts:
            return []
        first = firsts[0]
        modifiers = [
            _Match(i, i + 1, list(state.matched.get(i, ())))
            for i in range(first.span.start, first.span.end)
            if i != head.head.i and state.matched.get(i)
        ]
        coded = _first([e for m in modifiers for e in m.entries], "coded")
        if coded is not None:
            ref = self.actors.coded_ref(coded.key, state.day)
            return [_with_agents(ref, modifiers + group)] if ref is not None and ref.country else []
        if first.actor.code[:3] != first.actor.country:
            return []  # an organization's member, not a country's
        return [_leading(self.actors.country_ref(first.actor.country, agent.sector, "agent+conjunct", 0.8), agent)]

    def _coded_owner(self, doc: Doc, head: Token, state: _Resolution) -> ActorRef | None:
        """A user's dictionary actor with a sector of its own in an "of", "from" or "in"
        phrase of the head; one without a sector is a country (``_country_in``)."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                for obj in child.children:
                    coded = _first(list(state.matched.get(obj.i, ())), "coded") if obj.dep_ == "pobj" else None
                    ref = self.actors.coded_ref(coded.key, state.day) if coded is not None else None
                    if ref is not None and ref.country and ref.sector is not None:
                        return ref
        return None

    def _country_in(self, doc: Doc, token: Token, state: _Resolution) -> str | None:
        matched = state.matched.get(token.i, ())
        for entry in (*self.actors.names.get(token.text, ()), *matched):
            if entry.kind in ("country", "capital", "adjective"):
                return entry.key
        for entry in (*matched, *self.actors.words.get(token.lower_, ())):
            if entry.kind == "coded":
                ref = self.actors.coded_ref(entry.key, state.day)
                if ref is not None and ref.country and ref.sector is None:
                    return ref.country
        return None

    def _countries_after(self, doc: Doc, head: Token, state: _Resolution) -> list[str]:
        """Countries in an "in"/"of"/"from" phrase of the head, with their conjuncts
        ("lawmakers in Arnor and Gondor")."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = [c for t in (obj, *obj.conjuncts) if (c := self._country_in(doc, t, state))]
                        # "Lawmakers in Fornost and Gondor" parsed as "Lawmakers ... and Gondor".
                        found += [c for t in head.conjuncts if t.i > obj.i and (c := self._country_in(doc, t, state))]
                        if found:
                            return list(dict.fromkeys(found))
        return []

    def _resolve_pronoun(self, doc: Doc, token: Token, state: _Resolution) -> None:
        if token.lower_ in REFLEXIVES:
            return
        antecedent = state.antecedent(token)
        if antecedent is None or antecedent.actor is None:
            return
        ref = replace(antecedent.actor, resolved_by="coreference", confidence=min(0.75, antecedent.actor.confidence))
        state.add(doc, token.i, token.i + 1, token, ref, antecedent.kind, antecedent.gender, antecedent.plural)

    def _resolve_description(self, doc: Doc, token: Token, state: _Resolution) -> None:
        """ "The country", "the bloc": definite descriptions back to the last such actor;
        "his country": the country of whom the pronoun stands for."""
        lemma = token.lemma_.lower()
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and lemma in COUNTRY_NOUNS and token.dep_ not in ("compound", "appos"):
            found = next((m for m in reversed(state.mentions) if m.head.i == owner.i), None)
            if found is not None and found.actor is not None and found.actor.country:
                ref = self.actors.country_ref(found.actor.country, None, "coreference", 0.7)
                state.add(doc, owner.i, token.i + 1, token, ref, "country", None, False)
            return
        det = [c for c in token.children if c.dep_ == "det"]
        if not det or det[0].lower_ != "the" or token.dep_ in ("compound", "appos"):
            return
        kinds = ("country",) if lemma in COUNTRY_NOUNS else ("organization",)
        antecedent = state.last_of_kinds(kinds, before=token.i)
        if antecedent is None or antecedent.actor is None:
            return
        ref = replace(antecedent.actor, resolved_by="coreference", confidence=0.7)
        if ref.sector and kinds == ("country",):
            # "The country" is the state, not the government a metonym named.
            ref = self.actors.country_ref(ref.country or "", None, "coreference", 0.7)
        state.add(doc, det[0].i, token.i + 1, token, ref, kinds[0], None, False)


# ---------------------------------------------------------------------- state


@dataclass
class _Seen:
    token: Token
    actor: ActorRef | None
    kind: str
    gender: str | None
    plural: bool


class _Resolution:
    """What has been resolved so far in one document: mentions and antecedents."""

    def __init__(
        self, actors: ActorDictionary, day: dt.date | None, context: str | None, matched: dict[int, list[Entry]]
    ) -> None:
        self.actors = actors
        self.day = day
        self.context = context
        self.mentions: list[MentionHit] = []
        self.history: list[_Seen] = []
        self.places: list[tuple[Span, str]] = []
        self.matched = matched  # dictionary entries matched at each token

    def add(
        self, doc: Doc, start: int, end: int, head: Token, ref: ActorRef, kind: str, gender: str | None, plural: bool
    ) -> None:
        span = _with_possessive_pronoun(doc, start, end, head)
        self.mentions.append(MentionHit(span, head, ref, kind, gender, plural))
        self.remember(ref, head, kind, gender, plural)

    def remember(self, ref: ActorRef | None, head: Token, kind: str, gender: str | None, plural: bool) -> None:
        self.history.append(_Seen(head, ref, kind, gender, plural))

    def absorb_possessor(self, head: Token, start: int) -> int:
        """ "Russia's foreign minister" is one mention: a country possessor joins its title,
        and so does any possessor inside the same name ("the All-Belarusian People's
        Assembly" is one body, not the people and an assembly)."""
        for child in head.children:
            if child.dep_ != "poss":
                continue
            owner = self.mention_covering(child)
            named = any(e.start <= child.i and head.i < e.end and e.label_ in ("ORG", "FAC") for e in head.doc.ents)
            if owner is not None and (owner.kind == "country" or named) and owner.span.end <= head.i:
                self.mentions.remove(owner)
                return min(start, owner.span.start)
        return start

    def mention_covering(self, token: Token) -> MentionHit | None:
        for m in reversed(self.mentions):
            if m.span.start <= token.i < m.span.end:
                return m
        return None

    def antecedent(self, token: Token) -> _Seen | None:
        """The most recent actor a pronoun can refer to, preferring subjects."""
        gender, plural = PRONOUNS[token.lower_]
        people = token.lower_ in ("he", "him", "his", "himself", "she", "her", "hers", "herself")
        candidates = []
        for seen in reversed(self.history):
            if seen.token.i >= token.i:
                continue
            if people:
                if seen.kind != "person" or seen.plural:
                    continue
                if gender and seen.gender and seen.gender != gender:
                    continue
            elif plural:
                if not seen.plural:
                    continue
            else:
                # "it": a country, an organization, or an institution named by a singular
                # agent noun ("the German government ... it has earmarked")
                if seen.kind not in ("country", "organization", "agent") or seen.plural:
                    continue
            candidates.append(seen)
            if len(candidates) == 3:
                break
        if not candidates:
            return None
        # Within the same sentence a subject outranks a nearer object ("Putin told
        # Lukashenko he ..." is ambiguous; news style makes the subject the topic).
        sent = token.sent
        for seen in candidates:
            if seen.token.sent == sent and seen.token.dep_ in ("nsubj", "nsubjpass"):
                return seen
        return candidates[0]

    def last_of_kinds(self, kinds: tuple[str, ...], before: int) -> _Seen | None:
        for seen in reversed(self.history):
            if seen.token.i < before and seen.kind in kinds and seen.actor is not None:
                return seen
        return None

    def last_person_in_sector(self, sector: str | None) -> _Seen | None:
        for seen in reversed(self.history):
            if seen.kind == "person" and seen.actor is not None and seen.actor.id and seen.actor.sector == sector:
                return seen
        return None

    def last_with_office(self, office: str | None) -> _Seen | None:
        if office is None:
            return None
        for seen in reversed(self.history):
            actor = seen.actor
            if actor is None or seen.kind != "person" or not actor.id or not actor.role:
                continue
            if office_of(actor.role) == office:
                return seen
        return None


# ---------------------------------------------------------------------- helpers


def _with_agents(ref: ActorRef, group: list[_Match]) -> ActorRef:
    """A dictionary actor's code with the codes of the agents named with it, as TABARI
    composes them: "Arnor troops" is ARNMIL, "the Danish Islamist media" DNKMUSMED, "West
    German world government activists" GMWGOV + WGO; a code already there is not repeated
    ("White House security officials" stays USAGOV), and a leading agent goes first
    ("MSF Arnor" is NGOARN)."""
    code = ref.code
    sector = ref.sector
    for match in sorted(group, key=lambda m: m.start):
        role = next((e for e in match.entries if e.kind in ("agent", "title") and e.sector), None)
        if role is None or role.sector is None:
            continue
        if role.key.endswith("~"):
            if not code.startswith(role.sector):
                code, sector = role.sector + code, role.sector
            continue
        for index in range(0, len(role.sector), 3):
            chunk = role.sector[index : index + 3]
            if chunk not in {code[i : i + 3] for i in range(0, len(code), 3)}:
                code += chunk
                sector = sector or role.sector
    return ref if code == ref.code else replace(ref, code=code, sector=sector)


def _leading(ref: ActorRef, agent: Entry) -> ActorRef:
    """A TABARI agent coded ``[NGO~]`` goes before the country: "aid workers of Sylvania"
    is NGOSYL."""
    if agent.key.endswith("~") and ref.country and agent.sector:
        return replace(ref, code=agent.sector + ref.country)
    return ref


def _first(entries: list[Entry], kind: str) -> Entry | None:
    for e in entries:
        if e.kind == kind:
            return e
    return None


def _definite_singular(head: Token) -> bool:
    return head.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _is_person(doc: Doc, group: list[_Match]) -> bool:
    return any(ent.label_ == "PERSON" and ent.start <= m.start < ent.end for m in group for ent in doc.ents)


def _np_head(token: Token) -> Token:
    """Climb from a modifier to the noun it modifies ("Russian" -> "President" -> "Putin").

    A coordinated modifier climbs through its first conjunct: in "Hungarian and Romanian
    officials" both adjectives belong to "officials".
    """
    while token.dep_ == "conj" and token.head.dep_ in NP_MODIFIER_DEPS and token.pos_ in ("ADJ", "PROPN"):
        token = token.head
    while token.dep_ in NP_MODIFIER_DEPS and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def _coordinated_countries(group: list[_Match]) -> list[tuple[int, str]]:
    """Distinct countries named by the modifiers of one noun, with the token where each starts."""
    found: list[tuple[int, str]] = []
    for m in group:
        for e in m.entries:
            if e.kind in ("adjective", "country", "demonym"):
                if e.key not in {k for _, k in found}:
                    found.append((m.start, e.key))
                break
    return found


def _unspecific(head: Token) -> bool:
    """ "External forces", "foreign companies": agents that do not belong to the story's country."""
    return any(c.dep_ in ("amod", "det") and c.lower_ in UNSPECIFIC for c in head.children)


def _is_locative(head: Token) -> bool:
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_ in DEPARTURE_VERBS:
        return True  # "left for Vilnius"
    return head.dep_ == "npadvmod" and head.head.lower_ in ("home",)


def _is_ner_non_person(doc: Doc, group: list[_Match], kind: str) -> bool:
    # "Georgia" or "Jordan" as a person only when NER does not call it a place.
    for m in group:
        for ent in doc.ents:
            if ent.start <= m.start < ent.end and ent.label_ in ("GPE", "LOC"):
                return all(e.kind == kind for e in m.entries) is False
    return False


def _with_possessive_pronoun(doc: Doc, start: int, end: int, head: Token) -> Span:
    # "its foreign minister", "his opponents": the pronoun is part of the mention text.
    for child in head.children:
        if child.dep_ == "poss" and child.i == start - 1 and child.lower_ in PRONOUNS:
            return doc[child.i : end]
    return doc[start:end]


def _only_determiners_around(doc: Doc, wider: _Match, inner: _Match) -> bool:
    """Whether a match adds nothing to one inside it but articles ("the", "an")."""
    extra = [*doc[wider.start : inner.start], *doc[inner.end : wider.end]]
    return bool(extra) and all(t.pos_ == "DET" or t.lower_ in ("the", "a", "an") for t in extra)


def _abbreviates(doc: Doc, name: _Match, short: _Match) -> bool:
    """Whether a match is the bracketed initials of the match before it: "(EU)" after "the
    European Union"."""
    if short.end - short.start != 1 or short.start != name.end + 1 or short.end >= len(doc):
        return False
    if doc[name.end].text != "(" or doc[short.end].text != ")":
        return False
    initials = "".join(t.text[0] for t in doc[name.start : name.end] if t.text[:1].isupper() and t.pos_ != "DET")
    return doc[short.start].text.replace(".", "") == initials
