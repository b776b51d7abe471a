"""Time expressions in context: spans, tense and values, with the team's own sentences."""

import datetime as dt

import pytest

WED = dt.date(2020, 12, 2)


def values(x):
    return [(t.text, t.value) for t in x.timexes]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the part of the day belongs to the expression
        ("The minister spoke on Tuesday night in Riga.", ("Tuesday night", "2020-12-01TNI")),
        # a clock time takes its day
        ("The ultimatum will expire at 9 a.m. Friday.", ("9 a.m. Friday", "2020-12-04T09:00")),
        # an infinitive after a verb of planning looks ahead
        ("The delegation planned to leave on Friday for Vilnius.", ("Friday", "2020-12-04")),
        ("The talks are set to resume Monday in Geneva.", ("Monday", "2020-12-07")),
        ("The envoy could arrive as early as Monday.", ("as early as Monday", "2020-12-07")),
        # ... but not when the plan is told in the past perfect
        ("The offer had been due to expire Monday.", ("Monday", "2020-11-30")),
        # a past-tense report keeps the last such day
        ("The envoy arrived in Minsk on Monday.", ("Monday", "2020-11-30")),
        # a present passive is not a past tense
        ("The appeal is heard in March by the supreme court.", ("March", "2021-03")),
        ("Officials expect the deal to be signed by Jan. 15.", ("Jan. 15", "2021-01-15")),
    ],
)
def test_values_in_context(run, text, expected):
    assert expected in values(run(text, WED)), values(run(text, WED))


@pytest.mark.model
def test_a_range_is_two_expressions(run):
    found = values(run("The company bought shares from Nov. 2 to Thursday.", WED))
    assert ("Nov. 2", "2020-11-02") in found
    assert any(text == "Thursday" for text, _ in found)


@pytest.mark.model
def test_a_quarter_ended_on_a_day_is_two_expressions(run):
    found = values(run("The bank lost $3 million in the quarter ended Sept. 30.", WED))
    assert ("the quarter", "2020-Q3") in found
    assert ("Sept. 30", "2020-09-30") in found


@pytest.mark.model
def test_a_year_ago_in_a_quarterly_report_is_the_same_quarter(run):
    text = "The bank earned $4 million in the third quarter, against $2 million a year ago."
    assert ("a year ago", "2019-Q3") in values(run(text, WED))


@pytest.mark.model
def test_the_dateline_day_is_a_time_expression(run):
    text = "RIGA, Nov. 30 (WDW) - Latvia said on Friday it would close two border crossings."
    x = run(text, WED)
    first = x.timexes[0]
    assert (first.text, first.value, first.anchor) == ("Nov. 30", "2020-11-30", "dateline")
    assert text[first.start : first.end] == "Nov. 30"


@pytest.mark.model
def test_what_the_normalizer_cannot_read_is_left_out(run):
    # "the day" in "carried the day" names no date; an undated article keeps "Monday" but
    # without a value.
    x = run("The opposition carried the day in parliament.", WED)
    assert all(t.value is not None for t in x.timexes)
    undated = run("Protesters marched on Monday.", None)
    assert [(t.text, t.value) for t in undated.timexes] == [("Monday", None)]
