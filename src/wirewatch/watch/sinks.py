"""Where alerts go: stdout, a JSON Lines file, a webhook.

A sink that fails (a webhook that is down) is reported and retried, and never stops the
delivery to the others.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO

from wirewatch.types import Alert

log = logging.getLogger(__name__)


def alert_to_dict(alert: Alert) -> dict[str, Any]:
    """An alert as JSON: the rule, the dyad, the date, the message and the evidence."""
    from wirewatch.store.rows import alert_id

    ev = alert.evidence
    return {
        "id": alert_id(alert),
        "rule": alert.rule,
        "article_id": alert.article_id,
        "record": alert.record,
        "index": alert.index,
        "source": alert.source,
        "target": alert.target,
        "date": alert.date,
        "message": alert.message,
        "matched": list(alert.matched),
        "evidence": {"text": ev.text, "start": ev.start, "end": ev.end, "sentence": ev.sentence},
    }


class Sink(Protocol):
    """Something alerts can be delivered to."""

    name: str

    def deliver(self, alerts: Sequence[Alert]) -> None: ...


class StreamSink:
    """Alerts as readable lines with their evidence."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.name = "stdout"

    def deliver(self, alerts: Sequence[Alert]) -> None:
        for alert in alerts:
            evidence = " ".join(alert.evidence.text.split())
            self.stream.write(
                f"[{alert.date or 'undated'}] {alert.rule}: {alert.message}\n    evidence: “{evidence}”\n"
            )
        self.stream.flush()


class JsonlSink:
    """Alerts appended to a JSON Lines file, one object per alert."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)

    def deliver(self, alerts: Sequence[Alert]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            for alert in alerts:
                handle.write(json.dumps(alert_to_dict(alert), ensure_ascii=False) + "\n")


class WebhookSink:
    """Alerts POSTed as JSON (``{"alerts": [...]}``) to a URL, retried with backoff."""

    def __init__(self, url: str, retries: int = 3, timeout: float = 10.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:  # fmt: skip
        self.url = url
        self.name = url
        self.retries = retries
        self.timeout = timeout
        self.sleep = sleep

    def deliver(self, alerts: Sequence[Alert]) -> None:
        body = json.dumps({"alerts": [alert_to_dict(a) for a in alerts]}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        for attempt in range(1, self.retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    if 200 <= response.status < 300:
                        return
                    raise urllib.error.HTTPError(self.url, response.status, "not a 2xx answer", response.headers, None)
            except (urllib.error.URLError, OSError) as exc:
                if attempt == self.retries:
                    raise DeliveryError(f"webhook {self.url}: {exc}; {len(alerts)} alerts not delivered") from exc
                self.sleep(2 ** (attempt - 1))


class DeliveryError(Exception):
    """A sink could not take the alerts."""


def make_sinks(specs: Sequence[str]) -> list[Sink]:
    """Sinks from command-line specs: ``stdout`` or ``-``, an ``http(s)://`` URL, or a file path."""
    sinks: list[Sink] = []
    for spec in specs:
        if spec in ("stdout", "-"):
            sinks.append(StreamSink())
        elif spec.startswith(("http://", "https://")):
            sinks.append(WebhookSink(spec))
        else:
            sinks.append(JsonlSink(Path(spec)))
    return sinks


def deliver(sinks: Sequence[Sink], alerts: Sequence[Alert]) -> list[str]:
    """Deliver to every sink; returns one message per sink that failed."""
    problems = []
    if not alerts:
        return problems
    for sink in sinks:
        try:
            sink.deliver(alerts)
        except (DeliveryError, OSError) as exc:
            log.warning("%s", exc)
            problems.append(str(exc))
    return problems
