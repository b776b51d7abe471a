import datetime as dt

import pytest

from wirewatch.coding.timenorm import normalize, value_interval

WED = dt.date(2020, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "tense", "previous", "value", "type_"),
    [
        ("on Wednesday", "past", None, "2020-12-02", "DATE"),
        ("Monday", "past", None, "2020-11-30", "DATE"),
        ("Friday", "future", None, "2020-12-04", "DATE"),
        ("Wednesday", "future", None, "2020-12-09", "DATE"),
        ("last Wednesday", "past", None, "2020-11-25", "DATE"),
        ("Tuesday night", "past", None, "2020-12-01TNI", "TIME"),
        ("today", "present", None, "2020-12-02", "DATE"),
        ("yesterday", "past", None, "2020-12-01", "DATE"),
        ("tomorrow", "future", None, "2020-12-03", "DATE"),
        ("Last week", "past", None, "2020-W48", "DATE"),
        ("next week", "future", None, "2020-W50", "DATE"),
        ("this week", "present", None, "2020-W49", "DATE"),
        ("last month", "past", None, "2020-11", "DATE"),
        ("earlier this month", "past", None, "2020-12", "DATE"),
        ("last year", "past", None, "2019", "DATE"),
        ("this weekend", "future", None, "2020-W49-WE", "DATE"),
        ("Aug. 9", "past", None, "2020-08-09", "DATE"),
        ("9 August", "past", None, "2020-08-09", "DATE"),
        ("Dec 2", "past", None, "2020-12-02", "DATE"),
        ("January 10", "past", None, "2020-01-10", "DATE"),
        ("Dec. 20", "past", None, "2020-12-20", "DATE"),
        ("Jan. 20", "past", None, "2020-01-20", "DATE"),
        ("Jan. 14", "present", None, "2021-01-14", "DATE"),
        ("last October", "past", None, "2020-10", "DATE"),
        ("next March", "future", None, "2021-03", "DATE"),
        ("the week of March 6", "past", None, "2020-W10", "DATE"),
        ("between 1994 and 1997", "past", None, "1994", "DATE"),
        ("The Aug. 7, 1998", "past", None, "1998-08-07", "DATE"),
        ("almost four years ago", "past", None, "2016", "DATE"),
        ("the past decade", "past", None, "P10Y", "DURATION"),
        ("next week's", "future", None, "2020-W50", "DATE"),
        ("January 10", "future", None, "2021-01-10", "DATE"),
        ("March 3, 2014", "past", None, "2014-03-03", "DATE"),
        ("2020-12-02", "past", None, "2020-12-02", "DATE"),
        ("in March", "past", None, "2020-03", "DATE"),
        ("in March", "future", None, "2021-03", "DATE"),
        ("October 2019", "past", None, "2019-10", "DATE"),
        ("mid-October", "past", None, "2020-10", "DATE"),
        ("2019", "past", None, "2019", "DATE"),
        ("the 1990s", "past", None, "199X", "DATE"),
        ("the third quarter", "past", None, "2020-Q3", "DATE"),
        ("two weeks ago", "past", None, "2020-W47", "DATE"),
        ("three days ago", "past", None, "2020-11-29", "DATE"),
        ("for 26 years", "past", None, "P26Y", "DURATION"),
        ("three weeks", "past", None, "P3W", "DURATION"),
        ("several months", "past", None, "PXM", "DURATION"),
        ("48 hours", "past", None, "PT48H", "DURATION"),
        ("every week", "present", None, "P1W", "SET"),
        ("weekly", "present", None, "P1W", "SET"),
        ("now", "present", None, "PRESENT_REF", "DATE"),
        ("recently", "past", None, "PAST_REF", "DATE"),
        ("The following day", "past", "2020-11-26", "2020-11-27", "DATE"),
        ("The following day", "past", "2020-W48", "2020-W48", "DATE"),
        ("two days later", "past", "2020-11-26", "2020-11-28", "DATE"),
        ("a day earlier", "past", "2020-11-26", "2020-11-25", "DATE"),
        ("the next month", "past", "2020-08", "2020-09", "DATE"),
    ],
)
def test_values_against_a_wednesday(text, tense, previous, value, type_):
    result = normalize(text, WED, tense=tense, previous=previous)
    assert result is not None
    assert (result.value, result.type) == (value, type_)


def test_anaphora_without_an_antecedent_has_no_value():
    assert normalize("the following day", WED).value is None


def test_undated_article_never_gets_a_made_up_date():
    assert normalize("on Wednesday", None).value is None
    assert normalize("Aug. 9", None).value == "XXXX-08-09"
    assert normalize("March 3, 2014", None).value == "2014-03-03"


def test_may_alone_is_not_a_month():
    assert normalize("may", WED) is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2020-12-02", "2020-12-02", "2020-12-02"),
        ("2020-W48", "2020-11-23", "2020-11-29"),
        ("2020-W49-WE", "2020-12-05", "2020-12-06"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("2020-Q4", "2020-10-01", "2020-12-31"),
        ("2020", "2020-01-01", "2020-12-31"),
    ],
)
def test_value_interval(value, first, last):
    assert value_interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "PRESENT_REF", "P26Y", "XXXX-12-02"])
def test_values_without_an_interval(value):
    assert value_interval(value) is None
