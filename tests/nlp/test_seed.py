"""End to end on the seed wire story, read from the team's shared folder (never copied here)."""

import datetime as dt

import pytest

from conftest import shared_dir

SHARED = shared_dir()
SEED = SHARED / "seed" / "000_89d04600dc04b215.txt" if SHARED else None

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(SEED is None or not SEED.exists(), reason="the shared seed story is not in this checkout"),
]


@pytest.fixture(scope="module")
def seed(run):
    return run(SEED.read_text(encoding="utf-8"), dt.date(2020, 12, 2))


def by_speaker(x, name):
    return [s for s in x.statements if s.speaker and s.speaker.actor and s.speaker.actor.name == name]


def test_every_span_points_at_its_text(seed):
    text = seed.article.text
    spans = [*seed.mentions, *seed.timexes]
    for s in seed.statements:
        spans += [s.cue, s.content, s.speaker]
    spans += [e.evidence for e in seed.events]
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_dateline_is_recorded_not_cut(seed):
    assert (seed.dateline.source, seed.dateline.place) == ("Reuters", "Moscow")
    assert seed.article.text.startswith("Reuters, Moscow :")


def test_putin_statements(seed):
    putin = by_speaker(seed, "Vladimir Putin")
    assert {s.speaker.actor.code for s in putin} == {"RUSGOV"}
    acts = {s.speech_act.cameo for s in putin}
    assert "027" in acts  # called on ... to resolve their differences through talks
    direct = [s for s in putin if s.kind == "direct"]
    assert direct and direct[0].content.text.startswith("I really hope")
    assert {s.date for s in putin} == {"2020-12-02"}


def test_lukashenko_promise_is_conditional_intent_dated_after_last_week(seed):
    (promise,) = [s for s in by_speaker(seed, "Alexander Lukashenko") if s.speech_act.cameo == "0341"]
    assert promise.speaker.actor.code == "BLRGOV"
    assert promise.modality == "conditional"
    assert promise.date == "2020-W48"


def test_lukashenko_blames_poland_and_the_baltic_states(seed):
    (blame,) = [s for s in seed.statements if s.cue.text == "blamed"]
    assert {t.code for t in blame.targets} == {"POL", "LTU", "LVA", "EST"}
    assert blame.speech_act.cameo.startswith("11")
    assert blame.date == "2020-12-02"


def test_time_expressions(seed):
    values = {t.text: t.value for t in seed.timexes}
    assert values["Wednesday"] == "2020-12-02"
    assert values["Last week"] == "2020-W48"
    assert values["The following day"] == "2020-W48"
    assert values["26 years"] == "P26Y"


def test_metonyms_and_coreference(seed):
    codes = {m.text: m.actor.code for m in seed.mentions}
    assert codes["Moscow"] == "RUSGOV"
    assert codes["the Kremlin"] == "RUSGOV"
    assert codes["The country"] == "BLR"
    assert codes["He"] == "BLRGOV"
    csto = {m.actor.id for m in seed.mentions if m.text in ("CSTO", "Russia-led security bloc")}
    assert csto == {"CSTO"}


def test_visit_and_implied_jailing(seed):
    visit = next(e for e in seed.events if e.cameo == "042")
    assert (visit.source.code, visit.target.code, visit.date) == ("RUSGOV", "BLRGOV", "2020-W48")
    jail = next(e for e in seed.events if e.cameo == "173")
    assert (jail.source.code, jail.target.code) == ("BLRGOV", "BLROPP")
    assert jail.source.resolved_by == "implied"


def _one(seed, cue, cameo_prefix):
    found = [s for s in seed.statements if s.cue.text == cue and s.speech_act.cameo.startswith(cameo_prefix)]
    assert found, f"no {cue!r} statement with a {cameo_prefix} speech act"
    return found[0]


def test_design_table_statements(seed):
    quote = next(s for s in seed.statements if s.kind == "direct")
    assert quote.addressee is not None and quote.addressee.id == "CSTO"
    assert "BLRCVL" in {t.code for t in quote.targets}

    accuse = _one(seed, "say", "11")
    assert accuse.speaker.actor.code == "BLROPP"
    assert [t.code for t in accuse.targets] == ["BLRGOV"]
    demand = _one(seed, "want", "10")
    assert demand.speaker.actor.code == "BLROPP"
    assert [t.code for t in demand.targets] == ["BLRGOV"]

    appeal = _one(seed, "tell", "024")
    assert appeal.speaker.actor.code == "RUSGOV"
    assert appeal.addressee.code == "BLRGOV"
    assert appeal.date == "2020-W48"

    reject = _one(seed, "dismiss", "12")
    assert reject.speaker.actor.code == "BLRCVL"
    assert [t.code for t in reject.targets] == ["BLRGOV"]


def test_design_table_events(seed):
    by_code = {}
    for e in seed.events:
        by_code.setdefault(e.cameo, []).append(e)
    visit = by_code["042"][0]
    assert (visit.source.code, visit.target.code, visit.date, visit.modality) == (
        "RUSGOV",
        "BLRGOV",
        "2020-W48",
        "asserted",
    )
    appeal = by_code["024"][0]
    assert (appeal.source.code, appeal.target.code, appeal.date) == ("RUSGOV", "BLRGOV", "2020-W48")
    promise = by_code["0341"][0]
    assert (promise.source.code, promise.modality, promise.date) == ("BLRGOV", "conditional", "2020-W48")
    repression = by_code["175"][0]
    assert (repression.source.code, repression.target.code) == ("BLRGOV", "BLROPP")
    jailing = by_code["173"][0]
    assert (jailing.source.code, jailing.target.code, jailing.background) == ("BLRGOV", "BLROPP", True)
    # "a process that could culminate in him stepping down" is no event, and the promise
    # to step down is an intent, not a resignation.
    assert not [e for e in seed.events if e.cameo.startswith("083")]
