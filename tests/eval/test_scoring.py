"""The evaluation scorers on small gold records written by the team."""

import datetime as dt
import json
from dataclasses import replace

import pytest

from wirewatch.errors import InputError
from wirewatch.eval import quotes, timex
from wirewatch.eval.scoring import PRF, read_records, strip_text
from wirewatch.types import ActorRef, Article, Extraction, Mention, Span, SpeechAct, Statement, TimeRef, Versions

V = Versions("0", "0", "m", "0", "a", "o")
TEXT = "Lukashenko said on Monday: “We will never give up.” Talks ended last week."


def extraction(timexes=(), statements=()):
    return Extraction(
        Article("r1", TEXT, dt.date(2020, 8, 12)), V, timexes=tuple(timexes), statements=tuple(statements)
    )


def span(text, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def test_prf_arithmetic():
    m = PRF()
    m.add(tp=3, predicted=4, gold=6)
    assert (m.tp, m.fp, m.fn) == (3, 1, 3)
    assert m.precision == 0.75 and m.recall == 0.5
    assert m.f1 == pytest.approx(0.6)
    assert PRF().f1 == 0.0


def test_timex_strict_relaxed_and_value():
    monday, week = span("Monday"), span("last week")
    gold = {
        "text": TEXT,
        "gold": {
            "timex": [
                {"start": monday[0], "end": monday[1], "type": "DATE", "value": "2020-08-10"},
                {"start": week[0] + 5, "end": week[1], "type": "DATE", "value": "2020-W32"},
            ]
        },
    }
    pred = [
        TimeRef("on Monday", monday[0] - 3, monday[1], 0, "DATE", "2020-08-10", "day", "publication"),
        TimeRef("last week", week[0], week[1], 1, "DATE", "2020-W33", "week", "publication"),
    ]
    scores = dict(timex.score([(gold, extraction(timexes=pred))]))
    assert scores["span strict"].tp == 0
    assert scores["span relaxed"].tp == 2
    assert scores["value"].tp == 1
    assert scores["type"].tp == 2


def test_quotes_exact_ignores_quotation_marks_and_overlap_counts_partial_spans():
    speaker, cue, content = span("Lukashenko"), span("said"), span("“We will never give up.”")
    gold = {
        "text": TEXT,
        "gold": {
            "quotes": [
                {
                    "source": [{"start": speaker[0], "end": speaker[1]}],
                    "cue": [{"start": cue[0], "end": cue[1]}],
                    "content": [{"start": content[0], "end": content[1]}],
                }
            ]
        },
    }
    inner = (content[0] + 1, content[1] - 2)
    s = Statement(
        sentence=0,
        speaker=Mention("Lukashenko", *speaker, 0, ActorRef("BLRGOV")),
        cue=Span("said", *cue),
        content=Span(TEXT[inner[0] : inner[1]], *inner),
        kind="direct",
        speech_act=SpeechAct("010", "statement"),
    )
    scores = dict(quotes.score([(gold, extraction(statements=[s]))]))
    for role in ("source", "cue", "content"):
        assert scores[f"{role} exact"].tp == 1, role
        assert scores[f"{role} overlap"].tp == 1, role


def test_quote_speaker_counts_quoted_contents_and_whether_their_speaker_is_right():
    speaker, cue, content = span("Lukashenko"), span("said"), span("“We will never give up.”")
    talks = span("Talks ended")
    roles = {
        "source": [{"start": speaker[0], "end": speaker[1]}],
        "cue": [{"start": cue[0], "end": cue[1]}],
        "content": [{"start": content[0], "end": content[1]}],
    }
    unquoted = {**roles, "content": [{"start": talks[0], "end": talks[1]}]}  # not a quotation: not counted
    gold = {"text": TEXT, "gold": {"quotes": [roles, unquoted]}}

    def said_by(name, start):
        return Statement(
            sentence=0,
            speaker=Mention(name, start, start + len(name), 0, ActorRef("BLRGOV")),
            cue=Span("said", *cue),
            content=Span(TEXT[content[0] : content[1]], *content),
            kind="direct",
            speech_act=SpeechAct("010", "statement"),
        )

    right = dict(quotes.score([(gold, extraction(statements=[said_by("Lukashenko", speaker[0])]))]))["quote speaker"]
    assert (right.tp, right.fp, right.fn) == (1, 0, 0)
    wrong = dict(quotes.score([(gold, extraction(statements=[said_by("Talks", talks[0])]))]))["quote speaker"]
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)
    missed = dict(quotes.score([(gold, extraction())]))["quote speaker"]
    assert (missed.tp, missed.fp, missed.fn) == (0, 0, 1)


def test_quotes_missed_and_spurious_statements():
    gold = {"text": TEXT, "gold": {"quotes": [{"source": None, "cue": [{"start": 0, "end": 4}], "content": None}]}}
    scores = dict(quotes.score([(gold, extraction())]))
    assert (scores["cue overlap"].tp, scores["cue overlap"].fn) == (0, 1)
    assert scores["source overlap"].fn == 0


def test_annotator_agreement_scores_other_annotators_against_the_primary_and_us_on_the_same_articles():
    def role(text):
        start, end = span(text)
        return [{"start": start, "end": end}]

    primary = {"source": role("Lukashenko"), "cue": role("said"), "content": role("“We will never give up.”")}
    agrees = dict(primary)
    # A second annotator marks the content in two pieces and reads another cue: scored on the pieces' envelope.
    pieces = span("“We will never give up.”")
    agrees["content"] = [{"start": pieces[0], "end": pieces[0] + 3}, {"start": pieces[1] - 3, "end": pieces[1]}]
    other_cue = {"source": role("Lukashenko"), "cue": role("Talks ended"), "content": None}
    several = {
        "text": TEXT,
        "gold": {"quotes": [primary], "quotes_other_annotators": {"b": [agrees], "c": [other_cue]}},
    }
    alone = {"text": TEXT, "gold": {"quotes": [primary]}}
    scores = dict(quotes.score([(several, extraction()), (alone, extraction())]))
    people = scores["annotators: source overlap"]
    assert (people.tp, people.fp, people.fn) == (2, 0, 0)
    cue = scores["annotators: cue overlap"]
    assert (cue.tp, cue.fp, cue.fn) == (1, 1, 1)
    content = scores["annotators: content overlap"]
    assert (content.tp, content.fp, content.fn) == (1, 0, 1)
    ours = scores["same articles: source overlap"]  # only the article with several annotators
    assert (ours.tp, ours.fp, ours.fn) == (0, 0, 1)
    assert scores["source overlap"].fn == 2

    without = dict(quotes.score([(alone, extraction())]))
    assert not any(name.startswith(("annotators", "same articles")) for name in without)


def test_strip_text():
    assert strip_text(" “gifted hands.” ") == "gifted hands"


def test_read_records_reports_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "a"}) + "\nnot json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        list(read_records(path))
    assert len(list(read_records(path, limit=1))) == 1


def test_week_values_compare_without_zero_padding():
    assert timex.same_value("2000-W08", "2000-W8")
    assert not timex.same_value("2000-W08", "2000-W09")
    assert not timex.same_value(None, "2000-W08")


def _event(code, modality, at=0):
    from wirewatch.types import Event, Evidence

    return Event(
        source=ActorRef("ARN"),
        target=ActorRef("GON"),
        cameo=code,
        root=code[:2],
        name="",
        plover_type="",
        plover_mode=None,
        goldstein=0.0,
        quad_class=1,
        modality=modality,
        date=None,
        date_source="none",
        evidence=Evidence("", 0, 0, 0),
        trigger=Span("", at, at + 1),
    )


def test_petrarch_triples_count_planned_events_but_not_negated_ones():
    from wirewatch.eval import events

    gold = {"text": TEXT, "gold": {"events": [{"source": "ARN", "target": "GON", "code": "064"}]}}
    for modality, tp in (("asserted", 1), ("future", 1), ("negated", 0), ("hypothetical", 0)):
        x = Extraction(Article("r1", TEXT, dt.date(2020, 8, 12)), V, events=(_event("064", modality),))
        scores = dict(events.score([(gold, x)]))
        assert scores["triples, full code"].tp == tp, modality


def test_a_gold_code_for_several_actors_is_one_triple_per_actor():
    from wirewatch.eval import events

    gold = {"text": TEXT, "gold": {"events": [{"source": "ARN/ERI", "target": "GON", "code": "064"}]}}
    joined = _event("064", "asserted")
    each = (joined, replace(joined, source=ActorRef("ERI")))
    for predicted, tp, fp, fn in (
        (each, 2, 0, 0),
        (each[:1], 1, 0, 1),
        ((replace(joined, source=ActorRef("ARN/ERI")),), 0, 1, 2),
    ):
        x = Extraction(Article("r1", TEXT, dt.date(2020, 8, 12)), V, events=predicted)
        got = dict(events.score([(gold, x)]))["triples, root code"]
        assert (got.tp, got.fp, got.fn) == (tp, fp, fn)


def test_records_a_suite_leaves_out_of_scoring_are_left_out():
    from wirewatch.eval import events

    x = Extraction(Article("r1", TEXT, dt.date(2020, 8, 12)), V, events=(_event("064", "asserted"),))
    for flag, counted in (("false", 0), ("true", 1), (None, 1)):
        gold = {"text": TEXT, "gold": {"events": [{"source": "ERI", "target": "GON", "code": "064"}]}}
        if flag is not None:
            gold["meta"] = {"evaluate": flag}
        got = dict(events.score([(gold, x)])).get("triples, root code")
        assert (got.fp if got else 0) == counted, flag


def test_the_main_event_of_a_sentence_is_its_first_factual_material_act():
    from wirewatch.eval.events import gsr_type, main_event

    refusal, opening, said = (
        _event("120", "asserted", at=40),
        _event("0872", "asserted", at=5),
        _event("010", "asserted"),
    )
    x = Extraction(Article("r1", TEXT, dt.date(2020, 8, 12)), V, events=(refusal, said, opening))
    assert main_event(x) is opening
    # curfews were concessions before the 2021 PLOVER table made them retreats; blockades
    # are coercion in both
    assert gsr_type(_event("0813", "asserted")) == "CONCEDE"
    blockade = _event("191", "asserted")
    assert gsr_type(replace(blockade, plover_type="COERCE")) == "COERCE"


@pytest.mark.parametrize(
    ("code", "penta"),
    [
        # ConfliBERT groups CAMEO roots as the Phoenix pipeline does, not as GDELT's QuadClass
        ("010", 0),
        ("0214", 0),
        ("036", 1),
        ("0871", 2),
        ("090", 3),
        ("163", 3),
        ("141", 4),
        ("190", 4),
    ],
)
def test_penta_classes_group_cameo_roots_as_conflibert_does(code, penta):
    from wirewatch.eval.events import penta_class

    assert penta_class(_event(code, "asserted")) == penta
    assert penta_class(None) == 0
