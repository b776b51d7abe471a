import pytest

from wirewatch.errors import ConfigError
from wirewatch.types import (
    ActorRef,
    Article,
    Event,
    Evidence,
    Extraction,
    Mention,
    Span,
    SpeechAct,
    Statement,
    Versions,
)
from wirewatch.watch import load_rules, match_rules

RUSGOV = ActorRef("RUSGOV", "RUS", "GOV", "Vladimir Putin", "vladimir_putin")
BLRGOV = ActorRef("BLRGOV", "BLR", "GOV", "Alexander Lukashenko", "alexander_lukashenko")
BALTS = ActorRef("BALTIC_STATES", None, None, "the Baltic states", "baltic_states", members=("LTU", "LVA", "EST"))
V = Versions("0", "0", "m", "0", "a", "o")


def statement(speaker, targets, code, content, modality="asserted"):
    return Statement(
        sentence=0,
        speaker=Mention(speaker.name, 0, 5, 0, speaker),
        cue=Span("said", 6, 10),
        content=Span(content, 11, 11 + len(content)),
        kind="indirect",
        speech_act=SpeechAct(code, "n"),
        targets=tuple(targets),
        modality=modality,
        date="2020-12-02",
    )


def extraction(*statements, events=()):
    return Extraction(Article("a1", "text"), V, statements=statements, events=tuple(events))


def write_rules(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rules([path])


def test_phrase_rule_fires_with_evidence(tmp_path):
    rules = write_rules(tmp_path, "rules:\n  - name: transition\n    phrases: [step down]\n")
    x = extraction(statement(BLRGOV, [], "0341", "he would step down once a charter passes", "conditional"))
    (alert,) = match_rules(rules, x)
    assert alert.rule == "transition"
    assert alert.evidence.text.startswith("he would step down")
    assert 'phrase "step down"' in alert.matched


def test_all_conditions_must_hold(tmp_path):
    rules = write_rules(
        tmp_path,
        "rules:\n  - name: push\n    speakers: ['RUS*']\n    targets: ['BLR*']\n    codes: ['02*']\n",
    )
    hit = statement(RUSGOV, [BLRGOV], "027", "settle differences through talks")
    wrong_code = statement(RUSGOV, [BLRGOV], "010", "the weather is fine")
    wrong_speaker = statement(BLRGOV, [RUSGOV], "027", "talks")
    alerts = match_rules(rules, extraction(hit, wrong_code, wrong_speaker))
    assert [a.index for a in alerts] == [0]


def test_group_targets_match_through_their_members(tmp_path):
    rules = write_rules(tmp_path, "rules:\n  - name: balts\n    targets: [LVA]\n")
    assert match_rules(rules, extraction(statement(BLRGOV, [BALTS], "112", "meddling")))


def test_verbal_event_of_a_matched_statement_does_not_fire_twice(tmp_path):
    rules = write_rules(tmp_path, "rules:\n  - name: any-appeal\n    codes: ['02*']\n")
    s = statement(RUSGOV, [BLRGOV], "027", "talks")
    e = Event(
        RUSGOV,
        BLRGOV,
        "027",
        "02",
        "urge settlement",
        "",
        None,
        4.0,
        1,
        "asserted",
        "2020-12-02",
        "text",
        Evidence("Putin urged talks.", 0, 18, 0),
    )
    assert len(match_rules(rules, extraction(s, events=[e]))) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: []\n", None),
        ("nothing: here\n", "top-level 'rules:'"),
        ("rules:\n  - speakers: [RUS]\n", "needs a name"),
        ("rules:\n  - name: x\n    speaker: [RUS]\n", "unknown keys"),
        ("rules:\n  - name: x\n    modality: [maybe]\n", "unknown modality"),
        ("rules:\n  - name: x\n  - name: x\n", "unique"),
    ],
)
def test_bad_rule_files_say_what_is_wrong(tmp_path, text, message):
    if message is None:
        assert write_rules(tmp_path, text) == []
        return
    with pytest.raises(ConfigError, match=message):
        write_rules(tmp_path, text)
