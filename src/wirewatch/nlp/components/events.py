"""Events: verbal events from statements, material events from verb patterns.

A statement with a speech act is a verbal event (speaker -> each target). A verb that
matches a pattern in ``events.yaml`` is a material event: subject -> object, or for a
passive, agent -> subject, with an implied agent where the pattern allows it ("opposition
leaders have been jailed": the government of their country jailed them).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.coding.actors import ActorDictionary, load_dictionary, load_shipped
from wirewatch.coding.gazetteer import load_gazetteer
from wirewatch.coding.ontology import intent_code
from wirewatch.coding.patterns import EventPattern, NounPattern, Patterns, load_patterns, load_shipped_patterns
from wirewatch.coding.tabari import TabariPattern, TabariVerb, fit_slots
from wirewatch.coding.timenorm import value_interval
from wirewatch.nlp.components.statements import STANCE_LEMMAS
from wirewatch.nlp.components.syntax import (
    DELIBERATION_HEADS,
    clause_modality,
    condition_clauses,
    governing_timex,
    mentions_of,
    place_at,
    subject_of,
)
from wirewatch.nlp.extensions import EventHit, MentionHit, StatementHit, anchor_date, mention_at
from wirewatch.types import ActorRef, Location

# Where a dictionary verb's target is: the direct object, else any object after the verb.
TABARI_TARGETS = ("dobj", "any")
BACKGROUND_DAYS = 14
# Shows and uses of force: exhibit force posture, coerce, assault, fight, mass violence.
FORCE_ROOTS = ("15", "17", "18", "19", "20")
# Verbs that say little beyond "do" the act their object names.
LIGHT_VERBS = {
    "launch", "undertake", "begin", "start", "conduct", "carry", "mount", "stage", "hold", "make",
    "complete", "continue", "resume", "step", "speed", "accelerate", "order", "pursue", "intensify",
    "escalate", "expand", "widen", "increase", "renew",
}  # fmt: skip
# Adverbs the parser can hang on a verb as a preposition where they complete it as a particle
# does ("forced aid workers out of the state", "pulled its troops back from the border").
ADVERB_PARTICLES = {"out", "off", "back", "away", "down"}
EFFORT_NOUNS = {"effort", "efforts", "mission", "operation", "campaign", "drive", "bid", "initiative"}
AIMED_PREPS = {"at", "against", "on", "into", "toward", "towards"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout"}
SPEECH_LEMMAS = {"say", "tell", "claim", "report", "allege", "announce", "add", "insist"}
# Acts two sides do together: agreeing, consulting, cooperating, cutting ties, fighting.
MUTUAL_ROOTS = ("04", "06", "16", "19")
MUTUAL_CODES = ("030", "031", "036", "050", "057")
# CAMEO's rejections of the cooperation a refused or failed act would have been.
REJECTION_OF_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# Nouns that measure or release what their "of"/"in" phrase names.
AMOUNT_NOUNS = {
    "million", "billion", "trillion", "thousand", "package", "tranche", "round", "batch", "shipment",
    "release", "worth", "amount", "sum", "total", "ton", "tonne", "dollar", "euro", "pound",
}  # fmt: skip
SITE_NOUNS = {
    "camp", "shelter", "home", "house", "school", "hospital", "office", "village", "settlement",
    "mosque", "church", "market", "headquarters", "compound",
}  # fmt: skip
# Who counts as a civilian target, and who as a force of the state, for CAMEO's line
# between armed combat (19) and irregular violence (18) or repression (175).
CIVILIAN_SECTORS = {"CVL", "REF", "EDU", "HLH", "MED", "HRI", "LAB", "AGR", "BUS", "REL"}
STATE_FORCES = {"MIL", "COP", "GOV", "SPY"}
# Nouns that name a protest as a target stand for its participants.
PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "unrest", "dissent", "strike"}


@Language.factory(
    "wirewatch_events",
    requires=["doc._.ww_mentions", "doc._.ww_statements", "doc._.ww_timexes"],
    assigns=["doc._.ww_events"],
    default_config={
        "verb_files": [],
        "actor_files": [],
        "events_from_statements": True,
        "generic_speech_codes": ["010", "012", "013"],
    },
)
def make_event_component(
    nlp: Language,
    name: str,
    verb_files: list[str],
    actor_files: list[str],
    events_from_statements: bool,
    generic_speech_codes: list[str],
) -> EventCoder:
    """Factory for the event coder.

    Args:
        verb_files: extra pattern files (YAML) added to the shipped patterns.
        actor_files: extra actor files.
        events_from_statements: code each statement's speech act as a verbal event.
        generic_speech_codes: speech acts that stay statements only: a plain "said"
            (010) is how news reports, and counting it as an event would count stories,
            not events. Statements keep them all.
    """
    patterns = load_patterns(verb_files) if verb_files else load_shipped_patterns()
    actors = load_dictionary(actor_files) if actor_files else load_shipped()
    return EventCoder(patterns, actors, events_from_statements, frozenset(generic_speech_codes))


class EventCoder:
    """Codes CAMEO events in a Doc that has mentions, times and statements."""

    def __init__(
        self,
        patterns: Patterns,
        actors: ActorDictionary,
        events_from_statements: bool,
        generic_speech_codes: frozenset[str] = frozenset(),
    ) -> None:
        self.patterns = patterns
        self.actors = actors
        self.events_from_statements = events_from_statements
        self.generic_speech_codes = generic_speech_codes

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventHit] = []
        tabari = self.patterns.tabari
        statements = doc._.ww_statements or ()
        # What an appeal or a demand asks for has not happened ("urged Bree to help").
        asked = [(s.content_start, s.content_end) for s in statements if s.cameo[:2] in ("02", "10")]
        refusals: list[tuple[EventHit, int, int]] = []  # rejections spoken, with what was said
        if self.events_from_statements:
            for statement in statements:
                if statement.cue.root.lemma_.lower() in tabari:
                    continue  # the user's verb dictionary codes this verb
                if statement.cue.root.lemma_.lower() in STANCE_LEMMAS and any(
                    a <= statement.cue.start_char < b for a, b in asked
                ):
                    continue  # "pushing for the US to support its plan": the support is asked for
                if statement.cue.root.pos_ == "NOUN" and any(
                    s.content_start <= statement.cue.start_char < s.content_end
                    for s in statements
                    if s is not statement
                ):
                    # "urged Eriador to respond to Gondor's proposals": a proposal named inside
                    # what someone else says is referred to, not reported; coding it at each
                    # mention would count one earlier act many times.
                    continue
                said = self._verbal(doc, statement)
                events.extend(said)
                refusals.extend(
                    (e, statement.content_start, statement.content_end) for e in said if e.cameo[:2] == "12"
                )
        # A promise or a threat inside what someone said is carried by the statement's
        # speech act ("said he would step down" is an intent). Where the statement is a
        # plain report ("Arnor will cut ties with Gondor, an official said") or its
        # speaker is unknown, the planned event itself is all the record has.
        carried = [
            (s.content_start, s.content_end)
            for s in statements
            if s.speaker is not None and s.speaker.actor is not None and s.cameo not in self.generic_speech_codes
        ]

        def stands(event: EventHit, at: int | None = None) -> bool:
            if at is None:  # a nominal event stands where its noun does
                at = event.trigger.start_char if event.trigger is not None else -1
            inside = any(a <= at < b for a, b in carried)
            if inside and event.modality in ("future", "conditional", "hypothetical"):
                return False
            if event.trigger is not None and self._asked_for_by_a_noun(event.trigger.root):
                return False
            return not any(a <= at < b for a, b in asked)

        for token in doc:
            if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBG", "VBN"):
                entry = self._user_verb(token)
                if entry is not None:
                    coded = self._tabari(doc, token, entry)
                elif tabari:
                    # The user's verbs dictionary is the coding scheme: a verb it does not list
                    # is not coded by the shipped verb patterns (its codes need not be CAMEO's).
                    coded = []
                else:
                    coded = self._material(doc, token)
                events.extend(event for event in coded if stands(event, token.idx))
        nominal = self._nominal(doc, {e.trigger.root.i for e in events if e.trigger is not None})
        events.extend(e for e in nominal if stands(e))
        events.extend(e for e in self._deliberations(doc, events) if stands(e))
        # "made it clear it will not lift the embargo": the refusal said is the refusal coded
        # from what was said, which names what is refused; it is one act.
        spoken = {
            id(said)
            for said, start, end in refusals
            for e in events
            if e.cameo[:2] == "12"
            and e.trigger is not None
            and start <= e.trigger.start_char < end
            and e.source is not None
            and said.source is not None
            and e.source.code == said.source.code
        }
        events = [e for e in events if id(e) not in spoken]
        doc._.ww_events = _without_split_verbs(_without_targetless_twins(events))
        return doc

    def _user_verb(self, token: Token) -> TabariVerb | None:
        """The user's dictionary entry for a verb; a form it lists as a verb of its own
        ("RISEN", "SAID") is that verb."""
        tabari = self.patterns.tabari
        return tabari.get(token.lower_) or tabari.get(token.lemma_.lower()) if tabari else None

    def _asked_for_by_a_noun(self, token: Token) -> bool:
        """ "its demand that Israel ease restrictions", "a call for troops to withdraw": the
        clause of a noun of demanding, proposing or threatening has not happened, whoever
        made the demand."""
        node = token
        while node.dep_ in ("acl", "ccomp", "relcl", "xcomp", "conj", "advcl") and node.head.i != node.i:
            head = node.head
            code = self.patterns.speech_nouns.get(head.lemma_.lower()) if head.pos_ == "NOUN" else None
            if code is not None and code[:2] in ("02", "03", "10", "13") and node.dep_ != "relcl":
                return True
            node = head
        return False

    def _verbal(self, doc: Doc, statement: StatementHit) -> list[EventHit]:
        source = statement.speaker.actor if statement.speaker else None
        if source is None or statement.cameo in self.generic_speech_codes:
            return []
        # "apologized to Brazil for its gunboats", "France ... alleging Paris played a
        # role": the speaker's own side is not a target.
        others = [t for t in statement.targets if not _own_side(t, source)]
        addressee = statement.addressee if statement.addressee and not _own_side(statement.addressee, source) else None
        targets: list[ActorRef | None] = list(others) or [addressee]
        cameo = statement.cameo
        if cameo[:2] in ("02", "05", "10"):
            # "urged Bree to help Gondor", "wants Putin to attack Switzerland": an appeal or a
            # demand is aimed at the one asked to act, not at whom the act would concern;
            # "apologized to Brazil for ...", at the one spoken to.
            one_asked = addressee or (_asked(doc, statement) if cameo[:2] != "05" else None)
            if one_asked is not None and not _own_side(one_asked, source):
                targets = [one_asked]
        evidence = _sentence_of(doc, statement.cue.start)
        if cameo[:2] == "03" and statement.modality in ("future", "conditional"):
            # "said they would boycott all contact with Washington": an announced act is an
            # intent when it cooperates and a threat when it does not, whatever words of
            # cooperation its content also holds ("would prohibit all aid" threatens).
            content = doc.char_span(statement.content_start, statement.content_end, alignment_mode="expand")
            pattern = self._pattern_for(content.root) if content is not None else None
            announced = intent_code(pattern.cameo) if pattern is not None else None
            if announced is not None and (cameo == "030" or announced.startswith("13")):
                cameo = announced
        # A threat was made, whatever it threatens (as appeals and demands).
        modality = "asserted" if cameo.startswith("13") and statement.modality != "negated" else statement.modality
        # "Fornost and the evil awful Gondor welcomed ...": every speaker of the pair speaks.
        # "Officials in France and Germany welcomed ...": one mention per country.
        sources = [source]
        for m in mentions_of(doc, statement.speaker.head):
            if m.actor is not None and all(m.actor.code != s.code for s in sources):
                sources.append(m.actor)
        pairs = [(speaker, target) for speaker in sources for target in targets]
        if targets == [None] and len(sources) > 1 and _mutual(cameo):
            # "Brazil and the United States are seeking to deepen a partnership": a joint act
            # with no one else named is aimed at each other.
            pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
        return [
            EventHit(
                sentence=statement.sentence,
                source=speaker,
                target=target,
                cameo=cameo,
                modality=modality,
                date=statement.date,
                date_source=statement.date_source,
                evidence=evidence,
                trigger=statement.cue,
            )
            for speaker, target in pairs
            if target is None or target.code != speaker.code
        ]

    def _material(self, doc: Doc, verb: Token) -> list[EventHit]:
        pattern = self._pattern_for(verb)
        if pattern is None:
            return []
        specs = () if pattern.given_by is not None else pattern.targets
        sources, targets = self._roles(doc, verb, specs, pattern.passive_source)
        if pattern.given_by is not None:
            # "Georgian protesters received weapons from the government": the giver acts on
            # the receiver; without a giver the record has no source.
            sources, targets = self._targets(doc, verb, (pattern.given_by,)), sources
        if pattern.cameo == "042" and pattern.objects and verb.lemma_ == "send":
            # "Russia sent its foreign minister to Minsk": the visitor is the envoy.
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            envoys = [m.actor for m in self._participants(doc, obj)] if obj is not None else []
            sources = envoys or sources
        return self._events(doc, verb, sources, targets, pattern.cameo)

    def _tabari(self, doc: Doc, verb: Token, entry: TabariVerb) -> list[EventHit]:
        """An event coded by a user's TABARI/PETRARCH verb dictionary.

        The most specific pattern whose words surround the verb gives the code, else the
        verb's own code; ``A:B`` codes a reciprocal pair (source does A, target does B).
        """
        code, places, pattern = _tabari_code(doc, verb, entry)
        if code is None:
            return []
        sources, targets = self._roles(doc, verb, TABARI_TARGETS, None)
        # "launched a new bombing and shelling offensive against X": the parser can read a
        # modifier of the object as a second verb and hang the object's phrases on it.
        for other in verb.children if not targets else ():
            if other.dep_ == "conj" and other.tag_ == "VBG" and not any(g.dep_ == "nsubj" for g in other.children):
                targets = self._targets(doc, other, TABARI_TARGETS, own=frozenset(s.code for s in sources))
                if targets:
                    break
        subject = subject_of(verb) if not sources else None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
        if owner is not None:
            # As in PETRARCH, the actor named in the subject's phrase acts: a subject the
            # dictionaries do not know stands for its owner ("Ithilen's militia vowed",
            # "- DEATH TOLL * [223]": "Eriador's death toll has risen").
            sources = [m.actor for m in self._participants(doc, owner)]
            targets = [t for t in targets if t not in sources]
        # "- + * MONEY FROM $ [071]": the pattern says where the source and the target
        # stand ("Eriador received money from Osgiliath" is Osgiliath's aid to Eriador).
        skips = {s.marker: s.skips for s in (*pattern.before, *pattern.after)} if pattern is not None else {}
        placed = {
            marker: self._placed(doc, lo, hi, before=hi <= verb.i, skips=skips.get(marker, 0))
            for marker, (lo, hi) in places.items()
        }
        if placed.get("$"):
            subjects = sources
            sources = placed["$"]
            targets = placed.get("+") or [t for t in targets if t not in sources] or subjects
        elif placed.get("+"):
            targets = placed["+"]
            sources = [s for s in sources if s not in targets]
        forward, _, backward = code.partition(":")
        # The user's dictionary says what a planned act codes as; its codes are kept.
        events = self._events(doc, verb, sources, targets, forward, planned_as_intent=False)
        if backward:
            events += self._events(doc, verb, targets, sources, backward, planned_as_intent=False)
        # "Arnor will cut ties with Gondor, a senior official said": a plain statement aimed
        # at no one is how the story reports, as with the shipped patterns; what was said is
        # coded by its own verb. So is a verb of plain saying under whatever code the
        # dictionary gives the verb itself (a pattern that matched says more).
        generic = self.generic_speech_codes
        reports = pattern is None and any(c.cameo in generic for c in self.patterns.cues.get(verb.lemma_.lower(), ()))
        return [e for e in events if e.target is not None or not (reports or e.cameo in generic)]

    def _placed(self, doc: Doc, lo: int, hi: int, before: bool, skips: int = 0) -> list[ActorRef]:
        """The actor standing in tokens ``lo``..``hi``: the one nearest the verb, with
        those listed with it ("Arnor and Gondor"), after the first ``skips`` noun phrases
        ("- * IFTAR IN ^ +": "celebrated Iftar in Osgiliath with the leaders of Gondor")."""
        if skips:
            chunks = [c for c in doc.noun_chunks if lo <= c.start < hi]
            if len(chunks) < skips:
                return []
            lo = chunks[skips - 1].end
        inside = [m for m in doc._.ww_mentions or () if lo <= m.head.i < hi and m.actor is not None]
        if not inside:
            return []
        chosen = inside[-1] if before else inside[0]
        return [m.actor for m in self._participants(doc, chosen.head)] or [chosen.actor]

    def _deliberations(self, doc: Doc, events: list[EventHit]) -> list[EventHit]:
        """Weighing a policy option (CAMEO 014): "Japan is considering sending aid to North
        Korea", "Germany is weighing new sanctions against Belarus". The option weighed is
        an act the coder knows, done by the one who weighs it; its target is the 014's."""
        acts = {e.trigger.root.i: e for e in events if e.trigger is not None}
        out: list[EventHit] = []
        for verb in doc:
            if verb.lemma_.lower() not in DELIBERATION_HEADS or verb.pos_ != "VERB":
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                continue  # "is considered a terrorist group"
            option = next(
                (
                    c
                    for c in verb.children
                    if (c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i in acts)
                    or (c.dep_ == "dobj" and (c.i in acts or self._noun_pattern(doc, c) is not None))
                ),
                None,
            )
            if option is None:
                continue
            sources, _ = self._roles(doc, verb, (), None)
            act = acts.get(option.i)
            own = frozenset(s.code for s in sources)
            if act is not None and act.target is not None:
                targets = [act.target]
            else:
                targets = self._any_object(doc, option, own) or self._targets(doc, option, ("against", "on", "to"), own)
            out.extend(self._events(doc, verb, sources, targets, "014"))
        return out

    def _nominal(self, doc: Doc, verb_triggers: set[int]) -> list[EventHit]:
        """Events named by nouns whose actor the text gives ("Lavrov's visit to Minsk")."""
        out: list[EventHit] = []
        for noun in doc:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            pattern = self._noun_pattern(doc, noun)
            if pattern is None or noun.head.i in verb_triggers:
                continue  # "imposed sanctions on": the verb pattern already coded it
            if noun.dep_ in ("dobj", "obj") and self._user_verb(noun.head) is not None:
                continue  # the user's verb dictionary codes its verb's object ("HOLD [---]": "held a meeting")
            sources = self._noun_sources(doc, noun, named_by_owner=pattern.cameo[:2] != "20")
            if not sources:
                continue
            targets = self._targets(doc, noun, pattern.targets)
            for holder in (noun.head, noun.head.head):
                # "a mediation effort ... between X and Y": the phrase can hang on the
                # noun's head or on the verb that launches it.
                if not targets and holder.i != noun.i:
                    targets = self._targets(doc, holder, pattern.targets)
            anchor = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
            start = noun.i - len(pattern.words) + 1
            out.extend(self._events(doc, anchor, sources, targets, pattern.cameo, trigger=doc[start : noun.i + 1]))
        return out

    def _noun_pattern(self, doc: Doc, noun: Token) -> NounPattern | None:
        for pattern in self.patterns.nouns.get(noun.lower_, []) + self.patterns.nouns.get(noun.lemma_.lower(), []):
            before = [t.lower_ for t in doc[max(0, noun.i - len(pattern.words) + 1) : noun.i]]
            if tuple(before) == pattern.words[:-1]:
                return pattern
        return None

    def _noun_sources(self, doc: Doc, noun: Token, named_by_owner: bool = True) -> list[ActorRef]:
        """Who acts in a nominal event: a possessor, a "by" phrase, or a country modifier.

        ``named_by_owner``: False for mass violence, where the country a possessor or an
        adjective names is where it happened ("the country's 1994 genocide"), not who did it.
        """
        for child in noun.children:
            if (child.dep_ == "poss" and named_by_owner) or (
                child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
            ):
                owner = child if child.dep_ == "poss" else next((g for g in child.children if g.dep_ == "pobj"), None)
                if owner is not None:
                    found = [m.actor for m in self._participants(doc, owner)]
                    if found:
                        return found
        mention = mention_at(doc, noun)
        if named_by_owner and mention is not None and mention.actor is not None and mention.head.i == noun.i:
            return [mention.actor]  # "EU sanctions": the noun's own mention names the actor
        held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
        if held is not None and held.lemma_.lower() == "responsible":
            # "the government is responsible for mass killings", "leaders responsible for
            # massacres": whoever is held responsible did the act.
            who = held.head if held.dep_ == "amod" else subject_of(held.head) if held.dep_ == "acomp" else None
            found = [m.actor for m in self._participants(doc, who)] if who is not None else []
            if found:
                return found
        phrase = noun.head if noun.dep_ == "compound" and noun.head.lemma_.lower() in EFFORT_NOUNS else noun
        if phrase.dep_ in ("dobj", "obj") and phrase.head.lemma_.lower() in LIGHT_VERBS:
            # "the emir launched a mediation effort", "speeded up the withdrawal of forces":
            # whoever does the verb does the act the noun names.
            subject = subject_of(phrase.head)
            found = [m.actor for m in self._participants(doc, subject)] if subject is not None else []
            if found:
                return found
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.i < noun.i and named_by_owner:
                for entry in self.actors.names.get(child.text, ()):
                    if entry.kind in ("adjective", "country"):
                        return [self.actors.country_ref(entry.key, None, "dictionary", 0.8)]
                    if entry.kind == "organization":
                        return [self.actors.organization_ref(entry.key, "dictionary", 0.8)]
        return []

    def _roles(
        self, doc: Doc, verb: Token, target_specs: tuple[str, ...], passive_source: str | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Sources and targets of a verb: subject and object, or agent and subject of a passive."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # "Rebuked by Eriador, Osgiliath ...", "a town shelled by rebels": a past participle
        # with a "by" agent is passive; what it is said of is its target.
        participle = (
            verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and any(c.dep_ == "agent" for c in verb.children)
        )
        if passive or participle:
            targets = [m.actor for c in verb.children if c.dep_ == "nsubjpass" for m in self._participants(doc, c)]
            if participle and not targets:
                undergoer = verb.head if verb.dep_ == "acl" else subject_of(verb)
                targets = [m.actor for m in self._participants(doc, undergoer)]
                if not targets and verb.dep_ == "acl":
                    return [], []  # "victims killed by the crash": of no one the text names
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            agent_obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            sources = [m.actor for m in self._participants(doc, agent_obj)] if agent_obj is not None else []
            if not sources and passive_source == "target_government" and targets:
                country = targets[0].country
                if country:
                    sources = [self.actors.country_ref(country, "GOV", "implied", 0.6)]
            if not sources and passive_source == "self":
                return targets, []  # "the guerrillas were demobilized": they stood down
            return sources, targets
        subject = subject_of(verb)
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "pobj")), None)
        if subject is None:
            # "USAID provided food": an acronym the tagger reads as an adverb of the verb.
            subject = next(
                (c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "dep") and c.text.isupper() and len(c) > 1),
                None,
            )
        sources = [m.actor for m in self._participants(doc, subject)] if subject is not None else []
        if not sources and subject is not None and subject.head.i == verb.i:
            # "Old foes Gondor and Osgiliath renewed ties": the parser can split an
            # appositive subject in two; the named half is the source.
            for other in verb.children:
                if other.dep_ == "nsubj" and other.i != subject.i:
                    sources = [m.actor for m in self._participants(doc, other)]
                    if sources:
                        break
        return sources, self._targets(doc, verb, target_specs, own=frozenset(s.code for s in sources))

    def _events(
        self,
        doc: Doc,
        verb: Token,
        sources: list[ActorRef],
        targets: list[ActorRef],
        cameo: str,
        trigger: Span | None = None,
        planned_as_intent: bool = True,
    ) -> list[EventHit]:
        if not sources:
            return []
        # A dictionary entry that names several actors at once ("FRO/BIL/SAM") acts as each;
        # two mentions of one actor in a list act once.
        sources, targets = _distinct(_split_joint(sources)), _distinct(_split_joint(targets))
        if not targets and len({s.code for s in sources}) > 1 and _mutual(cameo):
            # "Gondor and Osgiliath renewed ties": coordinated sources of a joint act with
            # no object act on each other ("the US and Britain condemned the attack" does
            # not make them condemn each other).
            return [
                hit
                for source in sources
                for hit in self._events(
                    doc,
                    verb,
                    [source],
                    [t for t in sources if t.code != source.code],
                    cameo,
                    trigger,
                    planned_as_intent,
                )
            ]
        modality = clause_modality(verb, climb=True)
        if modality == "hypothetical" and condition_clauses(verb):
            modality = "conditional"  # "may halt its mediation if ...": a condition set, a threat
        if modality == "negated" and cameo in self.patterns.negations:
            # The user's coding ontology says what the act not done is (PETRARCH's PICO).
            cameo, modality = self.patterns.negations[cameo], "asserted"
        if modality == "negated":
            # "failed to reach agreement", "will not lift the ban until ...": the failure or
            # the refusal is the act ("refused to meet" is coded as the statement it is).
            failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"
            refused = any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall") for c in verb.children)
            refusal = REJECTION_OF_ROOT.get(cameo[:2]) if failed or refused else None
            if refusal is not None:
                cameo, modality = ("127" if failed and cameo == "057" else refusal), "asserted"
        if modality == "asserted" and _reported(verb):
            modality = "reported"
        timex = governing_timex(doc, verb)
        if timex is not None:
            date, date_source = timex.value, "text"
        else:
            anchor, kind = anchor_date(doc)
            date, date_source = (anchor.isoformat(), kind) if anchor else (None, "none")
        if modality in ("future", "conditional") and planned_as_intent:
            # "Fischer will visit Albania" is an intent to meet, "would boycott" a threat:
            # the act has not happened, its announcement has.
            cameo = intent_code(cameo) or cameo
        evidence = _clause_evidence(doc, verb)
        place = self._clause_place(doc, verb)
        location = place or self._dateline_place(doc)
        if (
            not targets
            and cameo[:2] in FORCE_ROOTS
            and place is not None
            and place.country
            and all(s.country and s.country != place.country for s in sources)
        ):
            # "Russia is conducting military exercises in Belarus": force shown or used on
            # another country's ground is aimed at that country.
            targets = [self.actors.country_ref(place.country, None, "place", 0.6)]
        background = _is_background(doc, verb, date)
        out = []
        for source in sources:
            for target in targets or [None]:
                if target is not None and source.code == target.code and source.id == target.id:
                    continue
                out.append(
                    EventHit(
                        sentence=_sent_index(doc, verb),
                        source=source,
                        target=target,
                        cameo=_irregular(cameo, source, target),
                        modality=modality,
                        date=date,
                        date_source=date_source,
                        evidence=evidence,
                        location=location,
                        trigger=trigger if trigger is not None else _trigger(doc, verb),
                        background=background,
                    )
                )
        return out

    def _pattern_for(self, verb: Token) -> EventPattern | None:
        lemma = verb.lemma_.lower()
        candidates = self.patterns.events.get(lemma)
        if not candidates and verb.tag_ in ("VBD", "VBN", "VBG") and lemma + "e" in self.patterns.events:
            # The lemmatizer clips a silent "e" now and then: "staged" -> "stag".
            candidates = self.patterns.events.get(lemma + "e")
        if not candidates:
            return None
        particles = {
            c.lower_
            for c in verb.children
            if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.i > verb.i and c.lower_ in ADVERB_PARTICLES)
        }
        after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
        if after is not None and after.pos_ == "ADJ":
            # "let free", "set free": an adjective right after the verb completes it as a
            # particle does, wherever the parser hangs it.
            particles.add(after.lower_)
        # "eased curfew hours": the parser can take an object right after the verb for an
        # adverbial noun phrase.
        objects = {
            g.lemma_.lower()
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass", "prep") or (c.dep_ == "npadvmod" and c.left_edge.i == verb.i + 1)
            for g in c.subtree
        }
        # The object noun itself and its modifiers ("halted economic aid") say more than a
        # word further down ("... to end the fighting").
        heads = {
            t.lemma_.lower()
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass")
            for t in (c, *(m for m in c.children if m.dep_ in ("amod", "compound", "nmod")), *_measured(c))
        }
        best = None
        for p in candidates:
            if p.particle and p.particle not in particles:
                continue
            if not p.particle and particles and verb.lemma_ in ("step", "crack", "stamp"):
                continue
            if p.objects and not (p.objects & (heads if p.head else objects)):
                continue
            if p.intransitive and any(c.dep_ in ("dobj", "obj") for c in verb.children):
                continue
            # The most specific pattern wins: particle and object requirements first.
            score = (p.particle is not None) * 4 + bool(p.objects) * 2 + bool(p.objects & heads)
            if best is None or score > best[0]:
                best = (score, p)
        return best[1] if best else None

    def _targets(
        self, doc: Doc, verb: Token, specs: tuple[str, ...], own: frozenset[str] = frozenset()
    ) -> list[ActorRef]:
        for spec in specs:
            found: list[ActorRef] = []
            if spec == "dobj":
                # "supply Gondor with wheat worth 11 million ducats": the parser can give a
                # verb a second object; the first with an actor is the target.
                for child in verb.children:
                    if child.dep_ in ("dobj", "obj") and not found:
                        found = [m.actor for m in self._participants(doc, child)] or self._place_target(doc, child)
            else:
                for child in verb.children:
                    if child.dep_ in ("prep", "dative", "agent") and child.lower_ == spec:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                found = [m.actor for m in self._participants(doc, obj)] or self._place_target(doc, obj)
                    if child.dep_ in ("dobj",):
                        # "aid to X", and "the release of $1.2 billion in aid to X"
                        preps = [p for holder in (child, *_measured(child)) for p in holder.children]
                        for prep in preps:
                            if prep.dep_ == "prep" and prep.lower_ == spec:
                                for obj in prep.children:
                                    if obj.dep_ == "pobj":
                                        found = [m.actor for m in self._participants(doc, obj)] or self._place_target(
                                            doc, obj
                                        )
            if spec == "any":
                found = self._any_object(doc, verb, own)
            if found:
                return found
        return []

    def _any_object(self, doc: Doc, verb: Token, own: frozenset[str] = frozenset()) -> list[ActorRef]:
        """The first actor among the verb's objects, prepositional objects and clauses;
        ``own`` are the sources' codes, whose own things ("presented their credentials")
        are a target only where nothing else is."""
        # Where it happened ("celebrated Eid at Osgiliath with Gondor") is tried after who
        # it happened with.
        children = sorted(verb.children, key=lambda c: c.dep_ == "prep" and c.lower_ in LOCATION_PREPS)
        theirs: MentionHit | None = None
        for child in children:
            if child.i < verb.i or child.dep_ in ("nsubj", "nsubjpass", "punct", "cc", "conj"):
                continue
            if child.dep_ == "advcl" and not _purpose(child):
                continue
            if child.dep_ == "prep" and any(c.dep_ == "mark" for c in child.children):
                continue  # "shot at officers while in detention in Afghanistan": a clause of its own
            for token in child.subtree:
                mention = mention_at(doc, token)
                if mention is not None and mention.actor is not None:
                    if mention.head.pos_ == "PRON" and mention.head.dep_ == "poss" and mention.actor.code in own:
                        theirs = theirs or mention
                        continue
                    if mention.head.dep_ == "poss":
                        # "to Ithilen's president": the president, not Ithilen.
                        owned = mention_at(doc, mention.head.head)
                        mention = owned if owned is not None and owned.actor is not None else mention
                    return [m.actor for m in self._participants(doc, mention.head)]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in AIMED_PREPS:
                # "fired two shells at New Zealand": a place aimed at is the country hit.
                for obj in child.children:
                    place = place_at(doc, obj) if obj.dep_ == "pobj" else None
                    if place is not None:
                        return [self.actors.country_ref(place[1], None, "place", 0.7)]
        return [m.actor for m in self._participants(doc, theirs.head)] if theirs is not None else []

    def _participants(self, doc: Doc, token: Token | None) -> list[MentionHit]:
        if token is None:
            return []
        found = mentions_of(doc, token)
        if found:
            return [m for m in found if m.actor is not None]
        # "dozens of protesters", "members of the opposition": the actor is in the of-phrase;
        # "a camp for refugees", "the homes of settlers": the people a site is for.
        preps = ("of", "for") if token.lemma_.lower() in SITE_NOUNS else ("of",)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return self._participants(doc, obj)
        if token.lemma_.lower() in PROTEST_NOUNS:
            return self._protesters(doc, token)
        for child in token.lefts:
            # "the Taliban gunmen", "Hamas fighters": a word the dictionaries do not know is
            # the named actor's.
            if child.dep_ == "compound":
                named = [m for m in mentions_of(doc, child) if m.actor is not None]
                if named:
                    return named
        return []

    def _protesters(self, doc: Doc, token: Token) -> list[MentionHit]:
        context = _story_country(doc)
        if context is None:
            return []
        ref = self.actors.country_ref(context, "OPP", "context", 0.5)
        return [MentionHit(doc[token.i : token.i + 1], token, ref, "agent", None, True)]

    def _place_target(self, doc: Doc, token: Token) -> list[ActorRef]:
        # A visit "to Minsk" is a visit to Belarus's government.
        place = place_at(doc, token)
        if place is None:
            return []
        span, iso3 = place
        is_capital = any(e.kind == "capital" for e in self.actors.names.get(span.text, ()))
        return [self.actors.country_ref(iso3, "GOV" if is_capital else None, "place", 0.7)]

    def _clause_place(self, doc: Doc, verb: Token) -> Location | None:
        """Where the event happened: a place after "in"/"at"/"near" in its clause, with
        coordinates from the offline gazetteer (else the dateline city, ``_dateline_place``)."""
        gazetteer = load_gazetteer()
        places = {i: iso3 for span, iso3 in doc._.ww_places or () for i in range(span.start, span.end)}
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    name = _place_name(doc, obj)
                    if obj.i in places:
                        found = gazetteer.locate(name, places[obj.i])
                        return found or Location(name=name, country=places[obj.i])
                    if obj.ent_type_ in ("GPE", "LOC", "FAC"):
                        found = gazetteer.locate(name)
                        if found is not None:
                            return found
        return None

    def _dateline_place(self, doc: Doc) -> Location | None:
        """The dateline city."""
        dateline = doc._.ww_dateline
        if dateline is not None and dateline.place:
            return load_gazetteer().locate(dateline.place.split(",")[0].strip())
        return None


def _place_name(doc: Doc, token: Token) -> str:
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text


def _is_background(doc: Doc, verb: Token, date: str | None) -> bool:
    """Background: a perfect tense ("have been jailed", "had promised"), or a date that
    ends more than two weeks before the story's anchor date."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if perfect:
        return True
    anchor, _ = anchor_date(doc)
    interval = value_interval(date)
    return anchor is not None and interval is not None and (anchor - interval[1]).days > BACKGROUND_DAYS


def _trigger(doc: Doc, verb: Token) -> Span:
    particles = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    return doc[verb.i : (particles[0].i if particles else verb.i) + 1]


def _reported(verb: Token) -> bool:
    """An event inside what someone says ("opponents say the vote was rigged") is reported."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_ in SPEECH_LEMMAS:
            return True
        node = node.head
    return False


def _clause_evidence(doc: Doc, verb: Token) -> Span:
    sent = verb.sent
    return doc[sent.start : sent.end]


def _sentence_of(doc: Doc, token_index: int) -> Span:
    sent = doc[token_index].sent
    return doc[sent.start : sent.end]


def _sent_index(doc: Doc, token: Token) -> int:
    for index, sent in enumerate(doc.sents):
        if sent.start <= token.i < sent.end:
            return index
    return 0


def _story_country(doc: Doc) -> str | None:
    counts: dict[str, int] = {}
    for m in doc._.ww_mentions or ():
        if m.actor.country and m.actor.resolved_by != "context":
            counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _irregular(cameo: str, source: ActorRef, target: ActorRef | None) -> str:
    """ "militiamen attacked a refugee camp" is irregular violence (180), "police fired on
    demonstrators" repression (175); armed combat (19) is between armed sides."""
    if cameo not in ("190", "193") or target is None or target.sector not in CIVILIAN_SECTORS:
        return cameo
    if target.resolved_by.startswith("demonym"):
        return cameo  # "killed three ethnic Albanians in a gunbattle": fighters as often as not
    return "175" if source.sector in STATE_FORCES else "180"


def _measured(noun: Token) -> list[Token]:
    """What an amount or a release is of: "assistance" in "$33 million in assistance", "the
    release of $1.2 billion in military aid" (with their modifiers)."""
    out: list[Token] = []
    amounts = [noun]
    for _ in range(3):
        amounts = [a for a in amounts if a.pos_ == "NUM" or a.tag_ == "$" or a.lemma_.lower() in AMOUNT_NOUNS]
        inner = [
            o
            for a in amounts
            for p in a.children
            if p.dep_ == "prep" and p.lower_ in ("of", "in")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        out += [t for o in inner for t in (o, *(m for m in o.children if m.dep_ in ("amod", "compound", "nmod")))]
        amounts = inner
    return out


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for ref in refs:
        if not any(r.code == ref.code and r.id == ref.id for r in out):
            out.append(ref)
    return out


def _asked(doc: Doc, statement: StatementHit) -> ActorRef | None:
    """The subject of what an appeal asks for: "Putin" in "wants Putin to attack ..."."""
    content = doc.char_span(statement.content_start, statement.content_end, alignment_mode="expand")
    if content is None:
        return None
    subject = next((c for c in content.root.children if c.dep_ == "nsubj" and c.i >= content.start), None)
    mention = mention_at(doc, subject) if subject is not None else None
    return mention.actor if mention is not None else None


def _own_side(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, or a country and its government ("France", "Paris")."""
    return a.code == b.code or (bool(a.country) and a.country == b.country and {a.sector, b.sector} <= {None, "GOV"})


def _mutual(cameo: str) -> bool:
    return cameo[:2] in MUTUAL_ROOTS or cameo[:3] in MUTUAL_CODES


def _without_targetless_twins(events: list[EventHit]) -> list[EventHit]:
    """An event with no target is dropped where the same sentence has an act of the same
    kind (CAMEO root) by the same source with a target: "launched a new bombing and
    shelling offensive against X" is one offensive against X, however the parser splits the
    verbs and whichever of them names the weapon."""
    aimed = {
        (e.sentence, e.source.code, e.cameo[:2], e.modality)
        for e in events
        if e.target is not None and e.source is not None
    }
    return [
        e
        for e in events
        if e.target is not None or e.source is None or (e.sentence, e.source.code, e.cameo[:2], e.modality) not in aimed
    ]


def _without_split_verbs(events: list[EventHit]) -> list[EventHit]:
    """One act named by two verbs that code the same is one event: words side by side ("will
    not wire tap the links": "wire" and "tap" each read as a verb) or joined by "and"
    ("launched a bombing and shelling offensive", "condemned and denounced")."""

    def joined(a: Token, b: Token) -> bool:
        return abs(a.i - b.i) == 1 or (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)

    kept: list[EventHit] = []
    for e in events:
        twin = any(
            k.trigger is not None
            and e.trigger is not None
            and joined(k.trigger.root, e.trigger.root)
            and (k.sentence, k.source, k.target, k.cameo, k.modality)
            == (e.sentence, e.source, e.target, e.cameo, e.modality)
            for k in kept
        )
        if not twin:
            kept.append(e)
    return kept


def _split_joint(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for ref in refs:
        if ref.members and "/" in ref.code:
            out.extend(replace(ref, code=m, country=m[:3], sector=m[3:6] or None, members=()) for m in ref.members)
        else:
            out.append(ref)
    return out


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose with no subject of its own ("signed an accord to supply
    Gondor with wheat"): whom it is for is whom the act is aimed at."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    )


def _tabari_code(
    doc: Doc, verb: Token, entry: TabariVerb
) -> tuple[str | None, dict[str, tuple[int, int]], TabariPattern | None]:
    """The code of the most specific pattern that matches around the verb, else the verb's,
    with the token ranges where the pattern's ``$`` (source) and ``+`` (target) stand, and
    the pattern (None where the verb's own code applies)."""
    sent = verb.sent
    first = max(sent.start, verb.i - 10)
    before = [(t.lower_, t.lemma_.lower()) for t in doc[first : verb.i]]
    after = [(t.lower_, t.lemma_.lower()) for t in doc[verb.i + 1 : min(sent.end, verb.i + 15)]]
    best: TabariPattern | None = None
    best_size = -1
    places: dict[str, tuple[int, int]] = {}
    for pattern in entry.patterns:
        if pattern.size() <= best_size:
            continue
        ahead = fit_slots(pattern.before, before, False, pattern.touches_verb)
        behind = fit_slots(pattern.after, after, True, False) if ahead is not None else None
        if ahead is None or behind is None or pattern.size(ahead.words + behind.words) <= best_size:
            continue
        best, best_size = pattern, pattern.size(ahead.words + behind.words)
        places = {m: (first + lo, first + hi) for m, lo, hi in ahead.markers if m in ("$", "+")}
        places.update({m: (verb.i + 1 + lo, verb.i + 1 + hi) for m, lo, hi in behind.markers if m in ("$", "+")})
    code = best.code if best is not None else entry.code
    return (None if code in (None, "---") else code), places, best
