"""Change detection on synthetic series with known change points."""

import datetime as dt
import random

import pytest

from wirewatch.watch.changes import Point, Settings, detect

MONDAY = dt.date(2020, 8, 3)


def series(means: list[float], per_week: int = 2, noise: float = 0.1, seed: int = 1) -> list[Point]:
    rng = random.Random(seed)
    points = []
    for week, mean in enumerate(means):
        for k in range(per_week):
            day = MONDAY + dt.timedelta(days=7 * week + k)
            points.append(Point(day, max(-1, min(1, mean + rng.gauss(0, noise))), f"w{week}-{k}"))
    return points


def test_one_known_change_is_found_at_its_week():
    (change,) = detect(series([0.5] * 8 + [-0.3] * 8))
    assert change.start == MONDAY + dt.timedelta(weeks=8)
    assert change.mean_before == pytest.approx(0.5, abs=0.1)
    assert change.mean_after == pytest.approx(-0.3, abs=0.1)
    assert change.confidence > 0.99


def test_two_changes_by_binary_segmentation():
    found = detect(series([0.5] * 8 + [-0.4] * 8 + [0.3] * 8))
    assert [c.start for c in found] == [MONDAY + dt.timedelta(weeks=8), MONDAY + dt.timedelta(weeks=16)]


def test_a_flat_noisy_series_has_no_change():
    assert detect(series([0.2] * 20, noise=0.3, seed=7)) == []


def test_small_shifts_are_not_changes():
    assert detect(series([0.3] * 8 + [0.2] * 8, noise=0.02)) == []


def test_sparse_dyads_raise_nothing_from_two_articles():
    # A big swing, but every event of the dyad comes from two articles.
    points = [Point(p.day, p.value, f"article-{i % 2}") for i, p in enumerate(series([0.6] * 6 + [-0.8] * 6))]
    assert detect(points) == []
    assert detect(points, Settings(min_articles=2))  # the same swing, with a looser setting


def test_too_few_events_on_a_side_raise_nothing():
    assert detect(series([0.6] * 6 + [-0.8] * 1)) == []
