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
        ("the 1990s", "past", None, "199", "DATE"),
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
        ("the next morning", "past", "2020-11-26", "2020-11-27", "DATE"),
        # quarters and halves, as company results name them
        ("the quarter", "past", None, "2020-Q3", "DATE"),
        ("the quarter", "past", "2020-Q2", "2020-Q2", "DATE"),
        ("the latest quarter", "past", None, "2020-Q3", "DATE"),
        ("the year-earlier quarter", "past", None, "2019-Q3", "DATE"),
        ("year-ago", "past", "2020-Q3", "2019-Q3", "DATE"),
        ("the year-ago quarter", "past", "2019-Q3", "2019-Q3", "DATE"),
        ("a year ago", "past", "2020-Q3", "2019-Q3", "DATE"),
        ("a year earlier", "past", "2020-Q3", "2019-Q3", "DATE"),
        ("a year earlier", "past", "2019-Q3", "2019-Q3", "DATE"),
        ("the comparable year-ago quarter", "past", "2020-Q2", "2019-Q2", "DATE"),
        ("last year's quarter", "past", "2020-Q3", "2019-Q3", "DATE"),
        ("the year ended Sept. 30", "past", None, "P1Y", "DURATION"),
        ("the next three quarters", "future", None, "P9M", "DURATION"),
        ("in recent years", "past", None, "PXY", "DURATION"),
        ("the past few months", "past", None, "PAST_REF", "DATE"),
        ("in coming weeks", "future", None, "FUTURE_REF", "DATE"),
        ("several years ago", "past", None, "PAST_REF", "DATE"),
        ("the last half of 2019", "past", None, "2019-H2", "DATE"),
        ("the early summer", "past", None, "2020-SU", "DATE"),
        ("by the end of the year", "future", None, "2020", "DATE"),
        ("its fiscal first quarter", "past", None, "2020-Q1", "DATE"),
        ("last year's fourth quarter", "past", None, "2019-Q4", "DATE"),
        ("the 2018 second quarter", "past", None, "2018-Q2", "DATE"),
        ("the third quarter ended Sept. 30", "past", None, "2020-Q3", "DATE"),
        ("the first half of 2021", "future", None, "2021-H1", "DATE"),
        ("the first two quarters of 2019", "past", None, "2019-H1", "DATE"),
        ("fiscal 2019", "past", None, "2019", "DATE"),
        ("the current fiscal year", "present", None, "2020", "DATE"),
        ("for the full year", "past", None, "P1Y", "DURATION"),
        ("the current year", "present", None, "2020", "DATE"),
        ("later that year", "past", "2016-05", "2016", "DATE"),
        ("the year before", "past", "2016", "2015", "DATE"),
        ("a week or so ago", "past", None, "2020-W48", "DATE"),
        ("the next year or so", "future", None, "2021", "DATE"),
        ("1994, 1995 and 1997", "past", None, "1994", "DATE"),
        # holidays
        ("on Thanksgiving Day", "past", None, "2020-11-26", "DATE"),
        ("last Christmas", "past", None, "2019-12-25", "DATE"),
        ("Christmas", "future", None, "2020-12-25", "DATE"),
        ("Easter 2021", "past", None, "2021-04-04", "DATE"),
        ("Election Day", "past", None, "2020-11-03", "DATE"),
        ("a year earlier", "past", None, "2019", "DATE"),
        ("the next few days", "future", None, "PXD", "DURATION"),
        ("a two day", "past", None, "P2D", "DURATION"),
        ("mid afternoon", "past", None, "2020-12-02TAF", "TIME"),
        ("the year 1898", "past", None, "1898", "DATE"),
        ("an Aug. 10, 2019", "past", None, "2019-08-10", "DATE"),
        ("by year-end", "future", None, "2020-12-31", "DATE"),
        ("since year-end", "past", None, "2019-12-31", "DATE"),
        # months and days with a year given in words
        ("February this year", "past", None, "2020-02", "DATE"),
        ("June last year", "past", None, "2019-06", "DATE"),
        ("April next year", "future", None, "2021-04", "DATE"),
        ("last Dec. 5", "past", None, "2019-12-05", "DATE"),
        ("next Jan. 3", "future", None, "2021-01-03", "DATE"),
        ("the end of this week", "present", None, "2020-W49", "DATE"),
        ("the weekend", "past", None, "2020-W48-WE", "DATE"),
        ("the weekend", "future", None, "2020-W49-WE", "DATE"),
        ("Thursday, Dec. 3:", "future", None, "2020-12-03", "DATE"),
        # years, decades and centuries in words
        ("nineteen eighty-four", "past", None, "1984", "DATE"),
        ("January nineteen ninety-seven", "past", None, "1997-01", "DATE"),
        ("the year two thousand", "past", None, "2000", "DATE"),
        ("the eighties", "past", None, "198", "DATE"),
        ("the late 1960s", "past", None, "196", "DATE"),
        ("the 19th century", "past", None, "18", "DATE"),
        ("this century", "present", None, "20", "DATE"),
        # lengths of time with numbers in words, ranges and qualifiers
        ("at least the past 18 months", "past", None, "P18M", "DURATION"),
        ("no more than sixty days", "future", None, "P60D", "DURATION"),
        ("nearly forty years", "past", None, "P40Y", "DURATION"),
        ("the last twenty-four hours", "past", None, "PT24H", "DURATION"),
        ("a couple of years", "past", None, "P2Y", "DURATION"),
        ("almost a hundred years", "past", None, "P100Y", "DURATION"),
        ("the next 12 to 18 months", "future", None, "PXM", "DURATION"),
        ("an additional year", "future", None, "P1Y", "DURATION"),
        ("the first nine months of 2019", "past", None, "P9M", "DURATION"),
        ("the next two years or so", "future", None, "P2Y", "DURATION"),
        ("for a year", "past", None, "P1Y", "DURATION"),
        ("twice a year", "present", None, "P1Y", "SET"),
        # clock times take the day written with them
        ("10 p.m. Tuesday", "past", None, "2020-12-01T22:00", "TIME"),
        ("noon Monday", "past", None, "2020-11-30T12:00", "TIME"),
        ("4 a.m. EST Friday", "future", None, "2020-12-04T04:00", "TIME"),
        ("4 in the morning", "future", None, "2020-12-02T04:00", "TIME"),
        ("9 o'clock", "past", None, "2020-12-02T09:00", "TIME"),
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


def test_capitalized_may_tagged_as_a_date_is_the_month():
    assert normalize("May", WED).value == "2020-05"
    assert normalize("the month of May", WED, tense="future").value == "2021-05"
