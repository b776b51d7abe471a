import datetime as dt

import pytest

from wirewatch.ingest.dateline import body_start, find_dateline

PUB = dt.date(2020, 12, 2)


@pytest.mark.parametrize(
    ("text", "source", "place", "date"),
    [
        ("Reuters, Moscow :\nRussian officials met.", "Reuters", "Moscow", None),
        ("MOSCOW (Reuters) - Officials met on Monday.", "Reuters", "Moscow", None),
        ("MOSCOW, Dec 2 (Reuters) - Officials met.", "Reuters", "Moscow", "2020-12-02"),
        ("WASHINGTON (AP) — Lawmakers voted.", "AP", "Washington", None),
        ("MINSK, Belarus, Aug. 10 (AP) -- Police moved in.", "AP", "Minsk, Belarus", "2020-08-10"),
        ("BRUSSELS, Oct. 2 (WDW) - Leaders agreed.", "WDW", "Brussels", "2020-10-02"),
        ("VILNIUS (WDW) — The minister spoke.", "WDW", "Vilnius", None),
        ("KYIV — The mayor said.", None, "Kyiv", None),
        ("NEW YORK, 2 December (Reuters) - Shares rose.", "Reuters", "New York", "2020-12-02"),
    ],
)
def test_wire_datelines(text, source, place, date):
    found = find_dateline(text, PUB)
    assert found is not None
    assert (found.source, found.place, found.date) == (source, place, date)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Monday it would respond.",
        "US - China talks resumed.",
        "A minister — who asked not to be named — said.",
        "However, the talks: stalled",
    ],
)
def test_no_dateline_in_running_text(text):
    assert find_dateline(text, PUB) is None


def test_year_of_a_december_dateline_in_a_january_story():
    found = find_dateline("MOSCOW, Dec 30 (Reuters) - x", dt.date(2021, 1, 2))
    assert found.date == "2020-12-30"


def test_undated_story_keeps_month_and_day_without_a_year():
    assert find_dateline("MOSCOW, Dec 2 (Reuters) - x", None).date == "XXXX-12-02"


def test_body_starts_after_the_dateline_and_its_punctuation():
    text = "MOSCOW (Reuters) - Officials met."
    assert text[body_start(text, find_dateline(text))] == "O"
    assert body_start("No dateline here.", None) == 0
