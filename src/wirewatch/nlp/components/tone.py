"""Tone: document tone, and the tone of each statement and event toward each of its targets.

Tone toward a target is read from the words around it in the parse: polar words count
more the closer they stand to the target in the tree, negation flips them ("did not
support"), hedges halve them ("reportedly"), and what a speaker rejects or denies counts
against the claim, not the target ("rejected claims that Poland is hostile" is not hostile
to Poland). For statements and events the CAMEO prior (Goldstein / 10) is blended in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.coding.ontology import load_ontology
from wirewatch.coding.tone import PRIOR_WEIGHT, Lexicon, document_tone, load_lexicon, word_scores
from wirewatch.nlp.extensions import MentionHit
from wirewatch.types import DocTone

# Verbs and nouns whose complement is a claim the speaker does not accept.
DISOWNING = {"reject", "deny", "dismiss", "refute", "disprove", "debunk", "contradict", "dispute"}
CLAIM_NOUNS = {"claim", "allegation", "accusation", "suggestion", "report", "rumour", "rumor", "charge"}


@Language.factory(
    "wirewatch_tone",
    requires=["doc._.ww_statements", "doc._.ww_events", "token.lemma", "token.dep"],
    assigns=["doc._.ww_doc_tone"],
    default_config={"prior_weight": PRIOR_WEIGHT},
)
def make_tone_component(nlp: Language, name: str, prior_weight: float) -> ToneScorer:
    """Factory for the tone scorer.

    Args:
        prior_weight: share of the CAMEO prior in a statement's or event's tone toward a
            target; the rest comes from the words.
    """
    return ToneScorer(load_lexicon(), prior_weight)


class ToneScorer:
    """Scores tone with the shipped lexicon, the parse and the CAMEO Goldstein prior."""

    def __init__(self, lexicon: Lexicon, prior_weight: float = PRIOR_WEIGHT) -> None:
        self.lexicon = lexicon
        self.prior_weight = prior_weight
        self.ontology = load_ontology()

    def __call__(self, doc: Doc) -> Doc:
        lemmas = [t.lemma_ for t in doc]
        positive, negative, words = document_tone(lemmas, self.lexicon)
        doc._.ww_doc_tone = DocTone(positive=positive, negative=negative, words=words)
        mentions = doc._.ww_mentions or []
        for statement in doc._.ww_statements or ():
            prior = self.ontology.lookup(statement.cameo).goldstein / 10.0
            content = doc.char_span(statement.content_start, statement.content_end, alignment_mode="expand")
            tones: dict[str, float] = {}
            for target in statement.targets:
                span = _target_span(mentions, target.code, target.id, content)
                lexical = tone_toward(doc, span, self.lexicon) if span is not None else None
                tones[target.code] = self._blend(prior, lexical)
            statement.tone = tones
        for event in doc._.ww_events or ():
            prior = self.ontology.lookup(event.cameo).goldstein / 10.0
            span = None
            if event.target is not None:
                span = _target_span(mentions, event.target.code, event.target.id, event.evidence)
            lexical = tone_toward(doc, span, self.lexicon) if span is not None else None
            event.tone = self._blend(prior, lexical)
        return doc

    def _blend(self, prior: float, lexical: float | None) -> float:
        if lexical is None or lexical == 0.0:
            return round(prior, 3)
        return round(max(-1.0, min(1.0, self.prior_weight * prior + (1 - self.prior_weight) * lexical)), 3)


def tone_toward(doc: Doc, target: Span, lexicon: Lexicon) -> float:
    """Tone of the target's sentence toward the target, -1..+1 (0 with no polar words).

    Example:
        >>> tone_toward(doc, doc[3:4], load_lexicon())  # doctest: +SKIP
        -0.42
    """
    head = target.root
    sent = head.sent
    tokens = list(sent)
    scores = word_scores([t.lemma_ for t in tokens], lexicon)
    head_path = _ancestors(head)
    total = 0.0
    magnitude = 0.0
    for token, score in zip(tokens, scores, strict=True):
        if not score or target.start <= token.i < target.end:
            continue
        if _disowned(token):
            score = -score
        weight = 1.0 / (1.0 + _tree_distance(head_path, _ancestors(token)))
        total += weight * score
        magnitude += weight * abs(score)
    if not magnitude:
        return 0.0
    return max(-1.0, min(1.0, total / (magnitude + 0.5)))


def _ancestors(token: Token) -> list[int]:
    path = [token.i]
    while token.head.i != token.i:
        token = token.head
        path.append(token.i)
    return path


def _tree_distance(a: list[int], b: list[int]) -> int:
    common = set(a) & set(b)
    if not common:
        return len(a) + len(b)
    return min(a.index(c) + b.index(c) for c in common)


def _disowned(token: Token) -> bool:
    """Whether a word sits inside a claim its speaker rejects or denies."""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "acl", "relcl") and head.lemma_.lower() in CLAIM_NOUNS | DISOWNING:
            if head.lemma_.lower() in DISOWNING:
                return True
            return head.head.lemma_.lower() in DISOWNING
        node = head
    return False


def _target_span(mentions: list[MentionHit], code: str, actor_id: str | None, within: Span | None) -> Span | None:
    """The mention of a target inside a record's text (the first, for groups' members)."""
    for m in mentions:
        if within is not None and not (within.start <= m.span.start < within.end):
            continue
        ref = m.actor
        if ref.code == code or (actor_id and ref.id == actor_id) or code in ref.members:
            return m.span
    return None
