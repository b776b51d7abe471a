"""A dyad's tone over time, with its change points and main events marked.

Needs matplotlib (``pip install 'wirewatch[plot]'``); importing wirewatch never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wirewatch.errors import DependencyError
from wirewatch.watch.monitor import DyadChange


def plot_dyad(
    path: Path,
    source: str,
    target: str,
    series: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    changes: Sequence[DyadChange],
    annotate: int = 4,
) -> Path:
    """Write a PNG or SVG (by the file suffix) of a dyad's weekly tone and event counts.

    Args:
        series: rows of ``SQLStore.dyad_series`` (period, events, tone, ...).
        events: rows of ``SQLStore.dyad_events``; the ``annotate`` friendliest and most
            hostile are labelled.
        changes: change points to mark.

    Raises:
        DependencyError: matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only, no display
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise DependencyError("matplotlib", "plot", "Plotting") from exc

    figure, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, height_ratios=(3, 1))
    periods = [row["period"] for row in series]
    top.plot(periods, [row["tone"] for row in series], marker="o", color="#1f4e79", label="mean tone toward target")
    top.axhline(0, color="#999999", linewidth=0.8)
    top.set_ylim(-1.05, 1.05)
    top.set_ylabel("tone (-1 hostile .. +1 friendly)")
    top.set_title(f"{source} \u2192 {target}")
    for found in changes:
        c = found.change
        top.axvline(c.start, color="#c0392b" if c.delta < 0 else "#27ae60", linestyle="--", linewidth=1.2)
        top.annotate(
            f"{found.signal} {c.delta:+.2f}\n{c.week}",
            (c.start, 0.95 if found.signal == "tone" else 0.75),
            fontsize=8,
            color="#c0392b" if c.delta < 0 else "#27ae60",
        )
    scored = sorted((e for e in events if e["tone"] is not None), key=lambda e: e["tone"])
    half = max(1, annotate // 2)
    # The friendliest and the most hostile events, so both ends of the story are labelled.
    extreme = scored[-half:] + [e for e in scored[:half] if e not in scored[-half:]]
    for event in extreme:
        label = " ".join(str(event["evidence_text"]).split())[:60]
        top.annotate(label + "…", (event["date_start"], event["tone"]), fontsize=7, alpha=0.8,
                     xytext=(5, -10), textcoords="offset points")  # fmt: skip
        top.plot([event["date_start"]], [event["tone"]], marker="x", color="#555555")
    bottom.bar(periods, [row["events"] for row in series], width=5, color="#7f8c8d")
    bottom.set_ylabel("events")
    figure.autofmt_xdate()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path
