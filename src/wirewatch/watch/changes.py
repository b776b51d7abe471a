"""Change detection on a dyad's tone: binary segmentation with a two-sample test.

The series is the dyad's events in date order, each with its tone toward the target
(-1..+1; every real-world event once). A change is a week boundary that splits the
events into a before and an after whose means differ by at least ``min_delta`` with a
Welch t statistic whose two-sided p-value, Bonferroni-corrected for the number of
boundaries tried, is below ``alpha``. Each side needs ``min_events`` events from
``min_articles`` different articles, so a sparse dyad never raises a change from two
stories. Segments are split again (binary segmentation) up to ``max_changes``.

The p-value uses the normal approximation of the t statistic; with the minimum segment
sizes it is a little liberal, and the Bonferroni factor more than makes up for it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    """One event of a dyad: its date, its tone and where it comes from."""

    day: dt.date
    value: float
    article_id: str
    ref: tuple[str, int] = ("", 0)  # (article id, event index), for evidence


@dataclass(frozen=True)
class Change:
    """A shift in a dyad's tone.

    Attributes:
        start: the first day of the week where the after-segment begins.
        confidence: 1 - the corrected p-value.
        before, after: the events on each side (for evidence).
    """

    start: dt.date
    mean_before: float
    mean_after: float
    n_before: int
    n_after: int
    p_value: float
    before: tuple[Point, ...] = field(repr=False, default=())
    after: tuple[Point, ...] = field(repr=False, default=())

    @property
    def delta(self) -> float:
        return self.mean_after - self.mean_before

    @property
    def confidence(self) -> float:
        return 1.0 - self.p_value

    @property
    def week(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Settings:
    """Tuning of the detector (documented defaults)."""

    min_events: int = 4
    min_articles: int = 3
    min_delta: float = 0.2
    alpha: float = 0.05
    max_changes: int = 3


def detect(points: Sequence[Point], settings: Settings | None = None) -> list[Change]:
    """Change points in a dyad's tone series, in date order.

    Example:
        >>> days = [dt.date(2020, 8, 3) + dt.timedelta(days=7 * i) for i in range(12)]
        >>> pts = [Point(d, 0.6 if i < 6 else -0.4, f"a{i}") for i, d in enumerate(days)]
        >>> [c.week for c in detect(pts, Settings(min_events=3, min_articles=3))]
        ['2020-W38']
    """
    settings = settings or Settings()
    ordered = sorted(points, key=lambda p: p.day)
    changes: list[Change] = []
    _split(ordered, settings, changes)
    return sorted(changes, key=lambda c: c.start)


def _split(points: list[Point], settings: Settings, found: list[Change]) -> None:
    if len(found) >= settings.max_changes:
        return
    best = _best_boundary(points, settings)
    if best is None:
        return
    index, change = best
    found.append(change)
    _split(points[:index], settings, found)
    _split(points[index:], settings, found)


def _best_boundary(points: list[Point], settings: Settings) -> tuple[int, Change] | None:
    boundaries = [i for i in range(1, len(points)) if _week(points[i].day) != _week(points[i - 1].day)]
    usable = [
        i for i in boundaries
        if min(i, len(points) - i) >= settings.min_events
        and len({p.article_id for p in points[:i]}) >= settings.min_articles
        and len({p.article_id for p in points[i:]}) >= settings.min_articles
    ]  # fmt: skip
    best: tuple[float, int] | None = None
    for i in usable:
        t = _welch(points[:i], points[i:])
        if best is None or abs(t) > abs(best[0]):
            best = (t, i)
    if best is None:
        return None
    t, i = best
    before, after = points[:i], points[i:]
    p_value = min(1.0, math.erfc(abs(t) / math.sqrt(2)) * len(usable))
    mean_before, mean_after = _mean(before), _mean(after)
    if p_value >= settings.alpha or abs(mean_after - mean_before) < settings.min_delta:
        return None
    monday = after[0].day - dt.timedelta(days=after[0].day.weekday())
    return i, Change(monday, mean_before, mean_after, len(before), len(after), p_value, tuple(before), tuple(after))


def _welch(a: Sequence[Point], b: Sequence[Point]) -> float:
    va, vb = _variance(a), _variance(b)
    # A floor on the variance keeps a run of identical values from giving an infinite t.
    spread = math.sqrt(max(va, 0.01) / len(a) + max(vb, 0.01) / len(b))
    return (_mean(b) - _mean(a)) / spread


def _mean(points: Sequence[Point]) -> float:
    return sum(p.value for p in points) / len(points)


def _variance(points: Sequence[Point]) -> float:
    mean = _mean(points)
    return sum((p.value - mean) ** 2 for p in points) / max(1, len(points) - 1)


def _week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week
