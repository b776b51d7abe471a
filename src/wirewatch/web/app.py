"""The HTTP API and the dashboard, served by one process (``wirewatch serve``).

Reads are open on loopback; bound to another address they need the token too. Writes
(ingest, acknowledge an alert, upload watch rules) always need ``Authorization: Bearer
TOKEN``. Every error has one shape: ``{"error": {"status": 404, "message": "..."}}``.

With DuckDB the server is the store's one writer: while it runs, ingest through
``POST /api/articles``; teams that ingest from other processes use PostgreSQL.
"""

import datetime as dt
import hmac
import json
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch import __version__
from wirewatch.config import Settings
from wirewatch.errors import ConfigError, InputError, StoreError, WirewatchError
from wirewatch.store import Filters, SQLStore, open_store

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


class ArticleIn(BaseModel):
    """One article to ingest."""

    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class Batch(BaseModel):
    """Articles to ingest in one request."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=500)


class Serialized:
    """A store whose calls take turns: one connection serves every request thread.

    Each call holds the lock only for its own queries, so readers keep being answered
    while an ingest request spends its time in the parser (outside the lock).
    """

    def __init__(self, store: SQLStore) -> None:
        self._store = store
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._store, name)
        if not callable(found):
            return found

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return found(*args, **kwargs)

        return call


class Page:
    """The query parameters statements and events share: target, modality, dates, article, paging."""

    def __init__(
        self,
        target: Annotated[str | None, Query(description="Target code prefix, e.g. BLR or BLRGOV")] = None,
        modality: Annotated[str | None, Query(description="asserted, reported, future, conditional, ...")] = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> None:
        self.target, self.modality, self.since, self.until = target, modality, since, until
        self.article, self.limit, self.offset = article, limit, offset

    def filters(self, actor: str | None, code: str | None) -> Filters:
        return Filters(actor=actor, target=self.target, code=code, modality=self.modality, since=self.since,
                       until=self.until, article=self.article, limit=self.limit, offset=self.offset)  # fmt: skip


class State:
    """What the app holds: settings, the store (one writer), the extractor."""

    def __init__(self, settings: Settings, token: str | None, public_reads: bool) -> None:
        self.settings = settings
        self.token = token
        self.public_reads = public_reads
        self.store: Any = Serialized(open_store(settings.db))
        self.ingesting = threading.Lock()  # one ingest at a time: one parser, one writer
        self._extractor: Any = None
        self.rules_path = Path(settings.rule_files[0]) if settings.rule_files else None

    def extractor(self) -> Any:
        if self._extractor is None:
            from wirewatch.nlp.pipeline import Extractor

            self._extractor = Extractor(self.settings)
        return self._extractor


def create_app(settings: Settings, token: str | None = None, host: str = "127.0.0.1") -> FastAPI:
    """The FastAPI application over the store in ``settings.db``.

    Example:
        >>> app = create_app(Settings(db="news.duckdb"), token="s3cret")  # doctest: +SKIP
    """
    state = State(settings, token, public_reads=host in LOOPBACK)
    app = FastAPI(
        title="wirewatch",
        version=__version__,
        description="Who said and did what to whom, when, where and in what tone: the records, their "
        "evidence, actor pairs over time and the alerts they raise.",
    )
    app.state.wirewatch = state
    _errors(app)

    def authorized(authorization: str | None) -> bool:
        if not state.token or not authorization or not authorization.startswith("Bearer "):
            return False
        return hmac.compare_digest(authorization[7:].encode(), state.token.encode())

    def reader(authorization: Annotated[str | None, Header()] = None) -> State:
        if not state.public_reads and not authorized(authorization):
            raise HTTPException(401, "this server is not on loopback: send Authorization: Bearer TOKEN")
        return state

    def writer(authorization: Annotated[str | None, Header()] = None) -> State:
        if not state.token:
            raise HTTPException(403, "writing is off: start the server with --token (or WIREWATCH_TOKEN)")
        if not authorized(authorization):
            raise HTTPException(401, "send Authorization: Bearer TOKEN to write")
        return state

    Read = Annotated[State, Depends(reader)]
    Write = Annotated[State, Depends(writer)]

    @app.get("/api/info", tags=["store"])
    def info(s: Read) -> dict[str, Any]:
        """Versions, store and row counts."""
        counts = s.store.counts()
        return {"wirewatch": __version__, "store": s.store.location, "model": s.settings.model, **counts}

    @app.get("/api/articles", tags=["articles"])
    def articles(
        s: Read, limit: Limit = 50, offset: Offset = 0, since: dt.date | None = None, until: dt.date | None = None
    ) -> dict[str, Any]:
        """Stored articles, newest first, with how many records each gave."""
        rows = s.store.articles(limit=limit, offset=offset, since=since, until=until)
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str, s: Read) -> dict[str, Any]:
        """One article's text and its records, in the output contract."""
        from wirewatch.contract import extraction_to_dict

        found = s.store.get_extraction(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return {**extraction_to_dict(found), "text": found.article.text}

    @app.post("/api/articles", tags=["articles"], status_code=201)
    def ingest(batch: Batch, s: Write) -> dict[str, Any]:
        """Extract and store articles (needs the token)."""
        from wirewatch.api import _ingest_items
        from wirewatch.ingest import make_article
        from wirewatch.types import Failure

        items = []
        for index, a in enumerate(batch.articles):
            try:
                items.append(
                    make_article(
                        a.text,
                        f"request item {index}",
                        id=a.id,
                        published=a.published,
                        title=a.title,
                        url=a.url,
                        source=a.source,
                    )
                )
            except InputError as exc:
                items.append(Failure(exc.origin, exc.reason))
        with s.ingesting:
            report = _ingest_items(s.store, s.extractor(), items, ())
        return {
            "read": report.read,
            "stored": report.stored,
            "skipped": report.skipped,
            "failures": [{"origin": f.origin, "reason": f.reason} for f in report.failures],
        }

    @app.get("/api/statements", tags=["records"])
    def statements(
        s: Read,
        page: Annotated[Page, Depends()],
        speaker: str | None = None,
        act: Annotated[str | None, Query(description="CAMEO speech-act prefix, e.g. 02 or 0341")] = None,
    ) -> dict[str, Any]:
        """Statements with their speakers, newest first."""
        rows = s.store.statements(page.filters(actor=speaker, code=act))
        return {"items": _decoded(rows), "limit": page.limit, "offset": page.offset}

    @app.get("/api/events", tags=["records"])
    def events(
        s: Read,
        page: Annotated[Page, Depends()],
        source: str | None = None,
        code: Annotated[str | None, Query(description="CAMEO code prefix, e.g. 17 or 042")] = None,
    ) -> dict[str, Any]:
        """Events with how many articles reported each, newest first."""
        rows = s.store.events(page.filters(actor=source, code=code))
        return {"items": rows, "limit": page.limit, "offset": page.offset}

    @app.get("/api/search", tags=["records"])
    def search(s: Read, q: Annotated[str, Query(min_length=2, max_length=200)], limit: Limit = 50) -> dict[str, Any]:
        """Statements and events whose text contains ``q``."""
        return s.store.search(q, limit=limit)

    @app.get("/api/actors/{code}", tags=["actors"])
    def actor(code: str, s: Read, limit: Limit = 50) -> dict[str, Any]:
        """What an actor said and did, to whom, and what was done to it."""
        said = _decoded(s.store.statements(Filters(actor=code, limit=limit)))
        did = s.store.events(Filters(actor=code, limit=limit))
        received = s.store.events(Filters(target=code, limit=limit))
        partners = [d for d in s.store.dyads(limit=1000) if d["source"] == code.upper()][:20]
        return {"code": code.upper(), "statements": said, "events": did, "targeted_by": received, "dyads": partners}

    @app.get("/api/dyads", tags=["dyads"])
    def dyads(
        s: Read,
        level: Annotated[str, Query(pattern="^(sector|country)$")] = "sector",
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: Limit = 20,
    ) -> dict[str, Any]:
        """Actor pairs by number of (asserted) events, with mean Goldstein and tone."""
        return {"items": s.store.dyads(level=level, since=since, until=until, limit=limit)}

    @app.get("/api/dyads/{source}/{target}", tags=["dyads"])
    def dyad(
        source: str,
        target: str,
        s: Read,
        level: Annotated[str, Query(pattern="^(sector|country)$")] = "sector",
        interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
    ) -> dict[str, Any]:
        """A dyad's series, its change points, and its statements and events."""
        from wirewatch.watch.monitor import dyad_changes

        series = s.store.dyad_series(source, target, level=level, interval=interval)
        found = dyad_changes(s.store, source, target, level)
        events = s.store.dyad_event_list(source, target, level)
        said = [
            r
            for r in _decoded(s.store.statements(Filters(actor=source, target=target, limit=200)))
            if level == "country" or r["speaker_code"] == source.upper()
        ]
        return {
            "source": source.upper(),
            "target": target.upper(),
            "level": level,
            "interval": interval,
            "series": series,
            "events": events,
            "statements": said,
            "changes": [
                {
                    "signal": c.signal,
                    "week": c.change.week,
                    "start": c.change.start,
                    "before": c.change.mean_before,
                    "after": c.change.mean_after,
                    "confidence": c.change.confidence,
                    "n_before": c.change.n_before,
                    "n_after": c.change.n_after,
                }
                for c in found
            ],
        }

    @app.get("/api/alerts", tags=["alerts"])
    def alerts(
        s: Read, rule: str | None = None, since: dt.date | None = None, unacked: bool = False, limit: Limit = 50
    ) -> dict[str, Any]:
        """Alerts with their evidence, newest first."""
        return {"items": s.store.alerts(limit=limit, rule=rule, since=since, unacknowledged=unacked)}

    @app.get("/api/alerts/{alert_id}", tags=["alerts"])
    def alert(alert_id: str, s: Read) -> dict[str, Any]:
        """One alert with its evidence."""
        found = s.store.alert(alert_id)
        if found is None:
            raise HTTPException(404, f"no alert {alert_id!r}")
        return found

    @app.post("/api/alerts/{alert_id}/ack", tags=["alerts"])
    def acknowledge(alert_id: str, s: Write) -> dict[str, Any]:
        """Acknowledge an alert (needs the token)."""
        found = s.store.acknowledge([alert_id])
        if not found:
            raise HTTPException(404, f"no alert {alert_id!r}")
        return {"id": alert_id, "acknowledged": True}

    @app.put("/api/rules", tags=["alerts"])
    def upload_rules(
        s: Write, body: Annotated[str, Body(media_type="text/yaml", max_length=1_000_000)]
    ) -> dict[str, Any]:
        """Replace the watch rules with a YAML rule file (needs the token)."""
        from wirewatch.watch import load_rules

        if s.rules_path is None:
            raise HTTPException(409, "the server has no rules file: start it with --rules FILE")
        candidate = s.rules_path.with_suffix(".uploading.yaml")
        candidate.write_text(body, encoding="utf-8")
        try:
            rules = load_rules([candidate])
        except ConfigError as exc:
            candidate.unlink(missing_ok=True)
            raise HTTPException(422, str(exc).replace(str(candidate), "the uploaded rules")) from exc
        candidate.replace(s.rules_path)
        return {"rules": [r.name for r in rules]}

    @app.post("/api/watch", tags=["alerts"])
    def run_watcher(s: Write) -> dict[str, Any]:
        """Run the rules and change detection on what was stored since the last run (needs the token)."""
        from wirewatch.watch import load_rules
        from wirewatch.watch.runner import run_watch

        rules = load_rules([s.rules_path]) if s.rules_path and s.rules_path.exists() else []
        with s.ingesting:
            report = run_watch(s.store, rules, name="web")
        return {"articles": report.articles, "alerts": len(report.alerts)}

    _dashboard(app)
    return app


def _decoded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statement rows with their per-target tone as an object, not the stored JSON text."""
    for row in rows:
        if isinstance(row.get("tone"), str):
            row["tone"] = json.loads(row["tone"] or "{}")
    return rows


def _errors(app: FastAPI) -> None:
    def shape(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return shape(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return shape(422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(WirewatchError)
    async def wirewatch_error(request: Request, exc: WirewatchError) -> JSONResponse:
        status = 503 if isinstance(exc, StoreError) else 400
        return shape(status, str(exc))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return shape(400, str(exc))

    @app.exception_handler(yaml.YAMLError)
    async def bad_yaml(request: Request, exc: yaml.YAMLError) -> JSONResponse:
        return shape(422, f"the rules are not valid YAML ({exc})")


def _dashboard(app: FastAPI) -> None:
    static = Path(str(resources.files("wirewatch").joinpath("web/static")))
    files = {"app.js": "text/javascript", "app.css": "text/css"}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name not in files:
            raise HTTPException(404, f"no file {name!r}")
        return FileResponse(static / name, media_type=files[name])
