"""Title Case headlines read as sentences: a pure text rule, and what it buys the parser."""

import pytest

from wirewatch.nlp.headline import recase_headline

BODY = "\n\nThe former secretary of state Hillary Clinton said on Monday that Donald Trump's plan was cruel."


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # words the story never capitalizes in mid-sentence go to lower case; names stay
        ("Clinton Blasts Trump Over Deportation Plan.", "Clinton blasts Trump over deportation plan."),
        ("Clinton Blasts Trump’s Deportation Plan.", "Clinton blasts Trump’s deportation plan."),
        # capitals, "I" and the first word stay
        ("Senate GOP Says I Was Wrong About Deportation.", "Senate GOP says I was wrong about deportation."),
        # sentence case, ALL CAPS and short headlines are left as they are
        ("Clinton blasts Trump over deportation plan.", "Clinton blasts Trump over deportation plan."),
        ("CLINTON BLASTS TRUMP OVER DEPORTATION PLAN.", "CLINTON BLASTS TRUMP OVER DEPORTATION PLAN."),
        ("Trump Wins.", "Trump Wins."),
    ],
)
def test_recased_headlines(headline, expected):
    text = headline + BODY
    recased = recase_headline(text)
    assert len(recased) == len(text)
    assert recased == expected + BODY


def test_one_line_is_a_sentence_not_a_headline():
    line = "Clinton Blasts Trump Over Deportation Plan And Says More."
    assert recase_headline(line) == line


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Mayor Blasts Governor Over Bridge Plan.\n\nThe Mayor of Springfield, Ana Ruiz, said the Governor lied.",
            "Mayor",
            "Blasts",
        ),
        (
            "Ruiz to Council: The Bridge Will Be Built.\n\n"
            "Mayor Ana Ruiz told the council on Monday the bridge was safe.",
            "Ruiz",
            ":",
        ),
    ],
)
def test_title_case_headlines_yield_their_statements(run, text, speaker, cue):
    x = run(text)
    found = [(s.speaker.text if s.speaker else None, s.cue.text) for s in x.statements]
    assert (speaker, cue) in found, found
    for s in x.statements:  # spans are read from the text as given, not from the recased copy
        assert text[s.cue.start : s.cue.end] == s.cue.text
