"""Tone: document tone and the tone of each statement and event toward its targets."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.coding.ontology import load_ontology
from wirewatch.coding.tone import Lexicon, document_tone, load_lexicon, target_tone
from wirewatch.types import DocTone


@Language.factory(
    "wirewatch_tone",
    requires=["doc._.ww_statements", "doc._.ww_events", "token.lemma"],
    assigns=["doc._.ww_doc_tone"],
    default_config={},
)
def make_tone_component(nlp: Language, name: str) -> ToneScorer:
    """Factory for the tone scorer."""
    return ToneScorer(load_lexicon())


class ToneScorer:
    """Scores tone with the shipped lexicon and the CAMEO Goldstein prior."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.ontology = load_ontology()

    def __call__(self, doc: Doc) -> Doc:
        lemmas = [t.lemma_ for t in doc]
        positive, negative, words = document_tone(lemmas, self.lexicon)
        doc._.ww_doc_tone = DocTone(positive=positive, negative=negative, words=words)
        for statement in doc._.ww_statements or ():
            span = doc.char_span(statement.content_start, statement.content_end, alignment_mode="expand")
            content = [t.lemma_ for t in span] if span is not None else []
            goldstein = self.ontology.lookup(statement.cameo).goldstein
            tone = target_tone(goldstein, content, self.lexicon)
            statement.tone = {t.code: tone for t in statement.targets}
        for event in doc._.ww_events or ():
            goldstein = self.ontology.lookup(event.cameo).goldstein
            event.tone = target_tone(goldstein, [t.lemma_ for t in event.evidence], self.lexicon)
        return doc
