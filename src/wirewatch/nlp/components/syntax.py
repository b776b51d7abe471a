"""Dependency-parse helpers shared by the statement and event components.

The rules here are the linguistic ones news needs: who the subject of an infinitive or a
participle is (control), what a relative pronoun stands for, and the modality of a clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.extensions import MentionHit, TimexHit, mention_at

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Verbs whose object is the subject of their infinitive: "sent its foreign minister to
# Minsk to tell ...", "urged Lukashenko to talk", "asked them to leave".
OBJECT_CONTROL = {
    "send",
    "dispatch",
    "ask",
    "urge",
    "tell",
    "order",
    "instruct",
    "force",
    "allow",
    "invite",
    "press",
    "call",
    "encourage",
    "persuade",
    "push",
    "warn",
    "appoint",
    "authorize",
    "leave",  # "leaving many to wonder whether ..."
    "prompt",
    "lead",
    "cause",
}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would"}
HYPOTHETICAL_AUX = {
    "could",
    "might",
    "may",
    "should",
    "must",
    "ought",
}  # "must" and "ought": what should be, not what is
CONDITION_MARKS = {"if", "once", "unless", "provided", "providing"}
# Verbs whose infinitive ("agreed to resign", "plans to impose") or "to" phrase ("agreed to a
# ceasefire") is still to happen, and verbs whose infinitive did not happen.
INTENT_HEADS = {
    "agree",
    "plan",
    "decide",
    "vow",
    "promise",
    "pledge",
    "threaten",
    "want",
    "intend",
    "expect",
    "seek",
    "try",
    "hope",
    "offer",
    "prepare",
    "aim",
    "propose",
    "consider",
    "schedule",
    "set",
    "due",
    "ready",
    "poise",
    "swear",
    "sworn",
    "willing",
    "eager",
    "keen",
    "determined",
}
REFUSAL_HEADS = {"refuse", "decline", "fail", "reject"}
# Nouns of an agreement: what one is signed or reached "to" do is agreed, not yet done.
AGREEMENT_NOUNS = {
    "accord", "agreement", "deal", "treaty", "pact", "contract", "protocol", "memorandum", "arrangement",
}  # fmt: skip
# Verbs of weighing an option: what they weigh ("considering sending aid", "weighing new
# sanctions") is an option, not yet an act (CAMEO 014).
DELIBERATION_HEADS = {"consider", "contemplate", "weigh", "mull", "discuss", "debate", "explore"}
NEGATIONS = {"not", "n't", "never", "no"}
# Nouns for occasions of speaking or acting; a date on them dates what was done there.
EVENT_NOUNS = {
    "meeting",
    "conference",
    "summit",
    "session",
    "interview",
    "briefing",
    "speech",
    "address",
    "call",
    "talks",
    "forum",
    "visit",
    "event",
    "ceremony",
    "hearing",
    "debate",
    "statement",
    "broadcast",
    "appearance",
    "news conference",
    "press conference",
    "organisation",
    "organization",
}


# Verbs whose object does what a participle after it says: "left them wondering", "kept
# the crowd chanting", "heard him saying".
OBJECT_OF_PARTICIPLE = frozenset({"leave", "keep", "find", "see", "hear", "catch", "send", "set"})


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The token that is the subject of ``verb``, following control and relative clauses.

    Examples of what it handles: "his opponents, who say ..." (relative pronoun -> noun),
    "Speaking at ..., Lukashenko blamed" (participle -> main subject), "Russia sent its
    minister to Minsk to tell ..." (object control), "he called on ... and urged ..."
    (shared subject of conjoined verbs), "was quoted as saying" (passive report).
    """
    if depth > 6:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "csubj"]
    if subjects:
        # Of two subjects the parser gives one verb ("Washington (AFP) - Clinton has taken",
        # "Acme Radio Vice President for news Dave Gorab called"), the one next to the verb.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return child
    for clause in verb.children:
        if clause.dep_ == "csubj" and clause.tag_ == "VBG" and clause.i < verb.i:
            # "Large majorities of voters going to the polls said ...": the parser makes the
            # participle the subject; the noun before it is.
            noun = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if noun is not None:
                return noun
    if verb.dep_ == "relcl":
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj" or (verb.pos_ == "ADV" and verb.dep_ == "advmod"):
        # "he called ... and urged ...", "went so far as to say": the verb above's subject.
        return subject_of(head, depth + 1)
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and _is_infinitive(verb):
        if head.lemma_ in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        return subject_of(head, depth + 1)
    if verb.dep_ in ("advcl", "xcomp", "ccomp", "oprd") and verb.tag_ == "VBG" and head.lemma_ in OBJECT_OF_PARTICIPLE:
        # "has left many Republicans wondering what he believes": the object does it.
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
        if obj is not None:
            return obj
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBN"):
        return subject_of(head, depth + 1)
    if verb.dep_ in ("acomp", "attr", "oprd") or (verb.dep_ == "xcomp" and head.pos_ in ("ADJ", "ADP")):
        # "Arnor is about to restore ties", "Russia is ready to help": the subject of the
        # copula is the subject of the infinitive.
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        # "was quoted as saying", "began by saying", "before asking her"
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ in ("VBG",):
        if set_off_by_comma(verb):
            # "Trump called it a disgrace, blaming Bloomberg", "shelled the town, killing 12":
            # a participle set off by a comma tells of the clause's subject, not of the noun
            # the parser hung it on.
            governor = head
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                governor = governor.head
            found = subject_of(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else None
            if found is not None:
                return found
        return head
    return None


def set_off_by_comma(token: Token) -> bool:
    """A comma before the token, also one inside a closing quotation mark ("... maniacal,"
    adding")."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_quote:
        i -= 1
    return i >= 0 and (token.doc[i].text == "," or token.doc[i].text.endswith(","))


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.tag_ == "VB"


def coordinated(token: Token) -> list[Token]:
    """The token and its conjuncts ("Poland and the Baltic states").

    A list the parser reads as an apposition ("Mordor, the Shire, Fornost and Bree":
    "the Shire" appos, the rest its conjuncts) is a coordination too.
    """
    out = [token]
    heads = [token] + [c for c in token.children if c.dep_ == "appos" and c.conjuncts]
    # "Arnor, Calenardhon and the evil Gondor": a list whose last member has modifiers can
    # be parsed as its first members modifying the last one.
    # The first member can be tagged a common noun ("Fornost and the evil awful Gondor").
    heads += [c for c in token.lefts if c.dep_ in ("nmod", "compound") and c.pos_ in ("PROPN", "NOUN") and c.conjuncts]
    # "Arnor and the evil awful Gondor": a last member the parser splits into a conjunct
    # ("awful") and a name hung on the first member as its apposition, with no comma between.
    # "Evil Mordor, the awful Arnor, and good Gondor": a name between the first member and
    # a later one is a member, not another name for the first.
    conjuncts = {t.i for t in token.conjuncts}
    heads += [
        c
        for c in token.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and (c.i - 1 in conjuncts or any(i > c.i for i in conjuncts))
    ]
    for head in heads:
        for member in (head, *head.conjuncts):
            if member.pos_ in ("NOUN", "PROPN", "PRON") and member not in out:
                out.append(member)
    return out


def mentions_of(doc: Doc, token: Token) -> list[MentionHit]:
    """Mentions for a noun and its conjuncts."""
    found: list[MentionHit] = []
    for t in coordinated(token):
        # Several mentions can share a head ("Hungarian and Romanian officials").
        headed = [m for m in doc._.ww_mentions or () if m.head.i == t.i]
        for m in headed or [mention_at(doc, t)]:
            if m is None or m in found:
                continue
            if t is not token and _country_of_a_role(m, found):
                continue  # "lawmakers in Fornost and Gondor": Gondor is where, not who
            found.append(m)
    for m in list(found):
        # "Barack Obama and Vladimir Putin": the parser can hang the second name on a word
        # inside the first mention rather than on its head.
        for t in m.span:
            for c in t.children:
                if c.dep_ == "conj" and not m.span.start <= c.i < m.span.end:
                    other = mention_at(doc, c)
                    if other is not None and other not in found and not _country_of_a_role(other, found):
                        found.append(other)
    return found


def _country_of_a_role(mention: MentionHit, found: list[MentionHit]) -> bool:
    ref = mention.actor
    return (
        ref is not None
        and ref.sector is None
        and any(f.actor is not None and f.actor.sector and f.actor.country == ref.country for f in found)
    )


def is_negated(verb: Token) -> bool:
    """Whether the verb itself is negated ("did not say", "never promised")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children)


def clause_modality(verb: Token, *, climb: bool = False) -> str:
    """Modality of the clause headed by ``verb``.

    Args:
        climb: also inherit the modality of the clauses above it (an event inside
            "a process that could culminate in him stepping down" is hypothetical).

    Returns:
        ``negated``, ``hypothetical``, ``conditional``, ``future`` or ``asserted``.
    """
    chain = [verb]
    if climb:
        node = verb
        while node.head.i != node.i and node.dep_ in (
            "xcomp",
            "acl",
            "pcomp",
            "pobj",
            "prep",
            "relcl",
            "conj",
            "advcl",
        ):
            node = node.head
            chain.append(node)
    future = conditional = False
    for node in chain:
        words = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if is_negated(node):
            return "negated"
        head = node.head.lemma_.lower()
        if node.dep_ == "xcomp" and "to" in words and head in REFUSAL_HEADS:
            return "negated"  # "refused to allow", "failed to reach"
        if node.dep_ == "xcomp" and node.tag_ == "VBG" and head in DELIBERATION_HEADS:
            return "hypothetical"  # "is considering sending aid": an option weighed
        # "tried to hack into the computers": an attempt made is an act (intent is "trying to").
        attempted = head == "try" and node.head.tag_ in ("VBD", "VBN")
        if (node.dep_ == "xcomp" and "to" in words and head in INTENT_HEADS and not attempted) or (
            node.dep_ == "prep" and node.lower_ == "to" and head == "agree"
        ):
            future = True
        if "to" in words and _agreed(node):
            future = True  # "signed an accord to supply Gondor with wheat": the supply is agreed
        if words & HYPOTHETICAL_AUX:
            return "hypothetical"
        if "to" in words and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children):
            return "hypothetical"  # "pushing for the US to support the plan": wanted, not done
        if words & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in node.children):
            future = True
        if condition_clauses(node):
            conditional = True
        if node.i != verb.i and node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp"):
            break
    if conditional:
        return "conditional"
    if future:
        return "future"
    return "asserted"


def _agreed(node: Token) -> bool:
    """Whether an infinitive is what an agreement is to do: "an accord to supply", or
    "signed an accord on Thursday to supply" where the parser hangs it on the verb."""
    if node.dep_ == "acl":
        return node.head.lemma_.lower() in AGREEMENT_NOUNS
    if node.dep_ in ("advcl", "xcomp"):
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in AGREEMENT_NOUNS for c in node.head.children)
    return False


def condition_clauses(verb: Token, marks: set[str] = CONDITION_MARKS) -> list[Token]:
    """The clauses of ``verb`` that set a condition on it ("... if the fighting goes on")."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
    ]


def place_at(doc: Doc, token: Token) -> tuple[Span, str] | None:
    """The place name covering ``token`` and its country, where the actor resolver read one."""
    for span, iso3 in doc._.ww_places or ():
        if span.start <= token.i < span.end:
            return span, iso3
    return None


def clause_span(root: Token, exclude: set[int] | None = None) -> Span | None:
    """The contiguous span of ``root``'s subtree, less a leading "that" and outer punctuation.

    Returns None when nothing is left once ``exclude`` is taken out.
    """
    tokens = [t for t in root.subtree if not exclude or t.i not in exclude]
    if not tokens or all(t.is_punct or t.is_space for t in tokens):
        return None
    start = tokens[0].i
    end = tokens[-1].i + 1
    doc = root.doc
    # A dash or semicolon after the clause's own head starts a comment on it ("he won –
    # an assertion contested by ..."), not more of what was said.
    for t in doc[max(start, root.i) : end]:
        if t.text in ("–", "—", ";", "--") and t.i > root.i:
            end = t.i
            break
    while start < end - 1 and (
        (doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "whether"))
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def governing_timex(doc: Doc, verb: Token, outside: tuple[int, int] | None = None) -> TimexHit | None:
    """The time expression that dates ``verb``'s clause.

    A time expression dates a verb when it hangs from the verb or from a verb the clause
    depends on ("Last week Russia sent X to tell ...", "said on Wednesday ... and called
    on"), through prepositions and event nouns ("at the meeting on Wednesday") but not
    through other nouns ("since an Aug. 9 election" dates the election, not the verb).
    Expressions inside the reported content (``outside``) date the content, not the act.
    """
    hits: list[TimexHit] = [
        t
        for t in doc._.ww_timexes or ()
        if t.span.sent == verb.sent and t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit()
    ]
    if not hits:
        return None
    # The verb, the verbs it depends on, and their subjects: "Lavrov, speaking at a news
    # conference on Tuesday, said" dates "said" through the participle on its subject.
    clause = {verb.i} | {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    node = verb
    while node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep") and node.head.i != node.i:
        node = node.head
        clause.add(node.i)
    best: tuple[int, TimexHit] | None = None
    for t in hits:
        if outside is not None and outside[0] <= t.span.start_char < outside[1]:
            continue
        node = t.span.root
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                break
            if head.i in clause:
                distance = abs(head.i - verb.i)
                if best is None or distance < best[0]:
                    best = (distance, t)
                break
            if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in EVENT_NOUNS:
                break
            node = head
    return best[1] if best else None
