"""The ``wirewatch`` command: a thin layer over :mod:`wirewatch.api`.

Data goes to stdout, progress and messages to stderr; ``-`` reads stdin. Errors become
one line and exit code 1.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from wirewatch import __version__
from wirewatch.config import Settings
from wirewatch.errors import WirewatchError

log = logging.getLogger("wirewatch")


class _Group(click.Group):
    """Turns wirewatch's own errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WirewatchError as exc:
            raise click.ClickException(str(exc)) from exc


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _settings(
    db: str | None = None,
    model: str | None = None,
    actors: tuple[str, ...] = (),
    verbs: tuple[str, ...] = (),
    rules: tuple[str, ...] = (),
) -> Settings:
    return Settings.from_env(
        db=db,
        model=model,
        actor_files=tuple(Path(a) for a in actors) or None,
        verb_files=tuple(Path(v) for v in verbs) or None,
        rule_files=tuple(Path(r) for r in rules) or None,
    )


db_option = click.option("--db", envvar="WIREWATCH_DB", help="Store: a DuckDB file (default wirewatch.duckdb).")
model_option = click.option("--model", envvar="WIREWATCH_SPACY_MODEL", help="spaCy pipeline package or path.")
published_option = click.option("--published", callback=_date, help="Date (YYYY-MM-DD) for articles that carry none.")
actors_option = click.option(
    "--actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (YAML, or TABARI/PETRARCH actors or agents); repeatable.",
)
verbs_option = click.option(
    "--verbs",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra verb patterns (YAML), a TABARI/PETRARCH verbs dictionary or PETRARCH coding ontology; repeatable.",
)
field_option = click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="ATTR=FIELD",
    help="Map a JSONL/CSV field, e.g. --field text=body; repeatable.",
)


sink_option = click.option(
    "--to", "sinks", multiple=True, default=("stdout",), show_default=True,
    help="Where new alerts go: stdout, a .jsonl path, or a webhook URL; repeatable.",
)  # fmt: skip


def date_range_options(func: Callable) -> Callable:
    """Shared --since/--until options (dates as YYYY-MM-DD)."""
    func = click.option("--until", callback=_date, help="Up to this date (YYYY-MM-DD).")(func)
    func = click.option("--since", callback=_date, help="From this date (YYYY-MM-DD).")(func)
    return func


def format_options(func: Callable) -> Callable:
    """Shared output options: --table (default), --json, --csv."""
    func = click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")(func)
    func = click.option("--json", "fmt", flag_value="json", help="One JSON object per line.")(func)
    func = click.option("--table", "fmt", flag_value="table", default=True, help="A readable table (default).")(func)
    return func


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
@click.option("-v", "--verbose", count=True, help="More log output on stderr.")
def cli(verbose: int) -> None:
    """wirewatch: who said and did what to whom, when, where and in what tone."""
    logging.basicConfig(level=logging.WARNING - 10 * verbose, format="wirewatch: %(message)s", stream=sys.stderr)


def _read_options(published: dt.date | None, fields: tuple[str, ...]):
    from wirewatch.ingest import FieldMap, ReadOptions

    return ReadOptions(published=published, fields=FieldMap.parse(fields))


def _report_failure(origin: str, reason: str) -> None:
    click.echo(f"wirewatch: {origin}: {reason}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@actors_option
@verbs_option
@field_option
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the output contract: one JSON object per article.")
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: dt.date | None,
    actors: tuple[str, ...],
    verbs: tuple[str, ...],
    fields: tuple[str, ...],
    model: str | None,
    as_json: bool,
) -> None:
    """Extract records from FILE(s), folders or - (stdin) without storing them."""
    from wirewatch import api
    from wirewatch.contract import extraction_to_dict
    from wirewatch.types import Failure

    settings = _settings(model=model, actors=actors, verbs=verbs)
    failed = 0
    for result in api.extract(paths, settings, _read_options(published, fields)):
        if isinstance(result, Failure):
            failed += 1
            _report_failure(result.origin, result.reason)
            continue
        if as_json:
            click.echo(json.dumps(extraction_to_dict(result), ensure_ascii=False))
        else:
            click.echo(_summary(result))
    if failed:
        ctx.exit(1)


def _summary(x) -> str:
    lines = [f"== {x.article.id}  published {x.article.published or 'undated'}  {x.article.title or ''}".rstrip()]
    if x.dateline:
        lines.append(f"dateline: {x.dateline.source or '-'} / {x.dateline.place or '-'} / {x.dateline.date or '-'}")
    lines.append(f"statements ({len(x.statements)}):")
    for s in x.statements:
        who = s.speaker.actor.code if s.speaker and s.speaker.actor else "?"
        name = s.speaker.text if s.speaker else "(no speaker)"
        targets = ",".join(t.code for t in s.targets) or "-"
        lines.append(
            f"  [{s.date or 'undated'}] {name} ({who}) {s.cue.text} -> {targets}  "
            f"{s.speech_act.cameo} {s.speech_act.name}; {s.kind}, {s.modality}"
        )
        lines.append(f"      “{' '.join(s.content.text.split())[:200]}”")
    lines.append(f"events ({len(x.events)}):")
    for e in x.events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        lines.append(
            f"  [{e.date or 'undated'}] {src} -> {tgt}  {e.cameo} {e.name} (Goldstein {e.goldstein:+.1f}); {e.modality}"
        )
    times = ", ".join(f"{t.text}={t.value}" for t in x.timexes if t.value)
    lines.append(f"times: {times or '-'}")
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@actors_option
@verbs_option
@click.option(
    "--rules", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Watch rules (YAML); repeatable."
)
@field_option
@model_option
@click.option("--engine", type=click.Choice(["local", "process", "ray"]), default="local", show_default=True,
              help="Where the NLP runs: this process, a local process pool, or Ray.")  # fmt: skip
@click.option("--workers", type=click.IntRange(min=1), help="Processes or Ray actors (default: CPU count).")
@click.option("--address", help="Ray cluster address (ray://head:10001); default: a local Ray.")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    published: dt.date | None,
    actors: tuple[str, ...],
    verbs: tuple[str, ...],
    rules: tuple[str, ...],
    fields: tuple[str, ...],
    model: str | None,
    engine: str,
    workers: int | None,
    address: str | None,
) -> None:
    """Extract records from PATH(s) and store them; articles already stored are skipped."""
    from wirewatch import api

    settings = _settings(db=db, model=model, actors=actors, verbs=verbs, rules=rules)
    options = _read_options(published, fields)
    report = _with_progress(
        "ingesting",
        lambda tick: api.ingest(
            paths, settings, options, progress=tick, engine=engine, workers=workers, address=address
        ),
    )
    for failure in report.failures:
        _report_failure(failure.origin, failure.reason)
    click.echo(
        f"read {report.read} articles: {report.stored} stored, {report.skipped} already stored, "
        f"{report.replaced} re-coded, {len(report.failures)} failed; {report.alerts} alerts -> {settings.db}"
    )
    if report.failures:
        ctx.exit(1)


def _with_progress(label: str, run: Callable[[Callable[[int], None]], Any]) -> Any:
    with click.progressbar(length=0, label=label, file=sys.stderr, show_pos=True, show_eta=False) as bar:
        return run(bar.update)


@cli.command()
@db_option
@click.option("--speaker", help="Speaker code prefix, e.g. RUS or RUSGOV.")
@click.option("--target", help="Target code prefix.")
@click.option("--act", help="CAMEO speech-act prefix, e.g. 02 (appeals) or 0341.")
@click.option("--modality", help="asserted, future, conditional, hypothetical, negated.")
@date_range_options
@click.option("--limit", default=50, show_default=True)
@format_options
def statements(db, speaker, target, act, modality, since, until, limit, fmt) -> None:
    """Stored statements with speakers, newest first."""
    from wirewatch import api
    from wirewatch.store import Filters

    rows = api.statements(
        _settings(db=db),
        Filters(actor=speaker, target=target, code=act, modality=modality, since=since, until=until, limit=limit),
    )
    columns = [
        "date",
        "speaker_name",
        "speaker_code",
        "cue_text",
        "cameo",
        "speech_act",
        "target_codes",
        "modality",
        "content_text",
    ]
    click.echo(render_rows(rows, fmt, columns, {"content_text": 70, "speech_act": 28}), nl=False)


@cli.command()
@db_option
@click.option("--source", help="Source code prefix.")
@click.option("--target", help="Target code prefix.")
@click.option("--code", help="CAMEO code prefix, e.g. 17 or 042.")
@click.option("--modality", help="asserted, reported, future, conditional, hypothetical, negated.")
@date_range_options
@click.option("--limit", default=50, show_default=True)
@format_options
def events(db, source, target, code, modality, since, until, limit, fmt) -> None:
    """Stored events, newest first."""
    from wirewatch import api
    from wirewatch.store import Filters

    rows = api.events(
        _settings(db=db),
        Filters(actor=source, target=target, code=code, modality=modality, since=since, until=until, limit=limit),
    )
    columns = ["date", "source_code", "target_code", "cameo", "name", "goldstein", "modality", "evidence_text"]
    click.echo(render_rows(rows, fmt, columns, {"evidence_text": 70}), nl=False)


@cli.command()
@db_option
@click.option("--level", type=click.Choice(["sector", "country"]), default="sector", show_default=True)
@date_range_options
@click.option("--limit", default=20, show_default=True)
@click.option(
    "--modality",
    "modalities",
    multiple=True,
    default=("asserted",),
    show_default=True,
    type=click.Choice(["asserted", "reported", "future", "conditional", "hypothetical", "negated"]),
    help="Which events count; repeatable (add --modality reported for what sources say happened).",
)
@format_options
def dyads(db, level, since, until, limit, modalities, fmt) -> None:
    """Actor pairs by number of events, with mean Goldstein and tone."""
    from wirewatch import api

    rows = api.dyads(_settings(db=db), level=level, since=since, until=until, limit=limit, modalities=modalities)
    click.echo(render_rows(rows, fmt), nl=False)


def _seconds(ctx: click.Context, param: click.Parameter, value: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        if value[-1] in units:
            return float(value[:-1]) * units[value[-1]]
        return float(value)
    except (ValueError, IndexError):
        raise click.BadParameter(f"{value!r} is not a duration; write e.g. 30s, 15m or 2h") from None


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, callback=_seconds, help="Time between rounds: 30s, 15m, 2h.")
@click.option("--rounds", type=int, help="Stop after N rounds (default: run until interrupted).")
@click.option("--watch", "rules", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Watch rules (YAML); repeatable.")  # fmt: skip
@db_option
@actors_option
@verbs_option
@model_option
@sink_option
def follow(feeds, every, rounds, rules, db, actors, verbs, model, sinks) -> None:
    """Poll RSS/Atom FEEDS and their article pages; ingest what is new, watch, deliver alerts."""
    from wirewatch import api

    def report(done: api.FollowRound) -> None:
        r = done.ingest
        click.echo(
            f"round {done.number}: {r.stored} new articles, {r.skipped} already stored, "
            f"{len(r.failures)} failed; {done.alerts} new alerts",
            err=True,
        )
        for failure in r.failures:
            _report_failure(failure.origin, failure.reason)

    settings = _settings(db=db, model=model, actors=actors, verbs=verbs, rules=rules)
    api.follow(feeds, settings, sinks=sinks, every=every, rounds=rounds, on_round=report)


@cli.command(name="series")
@click.argument("source")
@click.argument("target")
@db_option
@click.option("--level", type=click.Choice(["sector", "country"]), default="sector", show_default=True)
@click.option("--interval", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@format_options
def series_command(source, target, db, level, interval, fmt) -> None:
    """A dyad's events per period, then its change points (e.g. series RUSGOV BLRGOV)."""
    from wirewatch import api

    settings = _settings(db=db)
    click.echo(render_rows(api.series(settings, source, target, level, interval), fmt), nl=False)
    if fmt == "table":
        for found in api.changes(settings, source, target, level):
            c = found.change
            click.echo(
                f"change in {found.signal}: {c.week}, {c.mean_before:+.2f} -> {c.mean_after:+.2f} "
                f"({c.n_before} events before, {c.n_after} after, confidence {c.confidence:.3f})"
            )


@cli.command(name="plot")
@click.argument("source")
@click.argument("target")
@db_option
@click.option("--level", type=click.Choice(["sector", "country"]), default="sector", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="PNG or SVG file (default SOURCE-TARGET.png).")
def plot_command(source, target, db, level, output) -> None:
    """Plot a dyad's tone with its change points and main events."""
    from wirewatch import api

    path = Path(output or f"{source.upper()}-{target.upper()}.png")
    click.echo(str(api.plot(_settings(db=db), source, target, path, level)))


@cli.group(invoke_without_command=True)
@db_option
@click.option("--rule", help="Only this rule's alerts.")
@click.option("--since", callback=_date, help="Alerts about records from this date on.")
@click.option("--unacked", is_flag=True, help="Only alerts not acknowledged yet.")
@click.option("--limit", default=20, show_default=True)
@format_options
@click.pass_context
def alerts(ctx, db, rule, since, unacked, limit, fmt) -> None:
    """Alerts raised by watch rules and change detection (see also: alerts ack)."""
    if ctx.invoked_subcommand is not None:
        return
    from wirewatch import api

    rows = api.alerts(_settings(db=db), limit=limit, rule=rule, since=since, unacknowledged=unacked)
    columns = ["id", "date", "rule", "message", "acknowledged"]
    click.echo(render_rows(rows, fmt, columns, {"message": 80}), nl=False)


@alerts.command(name="ack")
@click.argument("ids", nargs=-1, required=True)
@db_option
def alerts_ack(ids, db) -> None:
    """Acknowledge alerts by id."""
    from wirewatch import api

    found = api.acknowledge(_settings(db=db), ids)
    click.echo(f"acknowledged {found} of {len(ids)} alerts")


@cli.command()
@click.argument("rules", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@db_option
@sink_option
@click.option("--name", default="default", show_default=True, help="The watcher; each keeps its own place.")
@click.option("--no-changes", is_flag=True, help="Rules only, no change detection.")
@click.pass_context
def watch(ctx, rules, db, sinks, name, no_changes) -> None:
    """Run watch RULES and change detection over what was stored since the last run."""
    from wirewatch import api

    report = api.watch(_settings(db=db, rules=rules), sinks=sinks, name=name, detect_changes=not no_changes)
    click.echo(f"watched {report.articles} new articles: {len(report.alerts)} new alerts", err=True)
    if report.problems:
        for problem in report.problems:
            _report_failure("delivery", problem)
        ctx.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--watch", "rules", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Watch rules (YAML); repeatable.")  # fmt: skip
@db_option
@published_option
@actors_option
@verbs_option
@field_option
@model_option
@sink_option
@click.pass_context
def run(ctx, paths, rules, db, published, actors, verbs, fields, model, sinks) -> None:
    """Ingest PATH(s), then watch: rules and change detection, alerts delivered."""
    from wirewatch import api

    settings = _settings(db=db, model=model, actors=actors, verbs=verbs, rules=rules)
    # The watcher matches the rules and delivers what they raise; ingest only stores.
    plain = replace(settings, rule_files=())
    report = _with_progress(
        "ingesting", lambda tick: api.ingest(paths, plain, _read_options(published, fields), progress=tick)
    )
    for failure in report.failures:
        _report_failure(failure.origin, failure.reason)
    watched = api.watch(settings, sinks=sinks)
    click.echo(
        f"read {report.read} articles: {report.stored} stored, {report.skipped} already stored, "
        f"{len(report.failures)} failed; {len(watched.alerts)} new alerts",
        err=True,
    )
    if report.failures or watched.problems:
        ctx.exit(1)


@cli.command()
@db_option
@model_option
@format_options
def info(db, model, fmt) -> None:
    """Versions, model, store location and counts."""
    from wirewatch import api

    data = api.info(_settings(db=db, model=model))
    if fmt == "table":
        width = max(len(k) for k in data)
        click.echo("\n".join(f"{k.ljust(width)}  {v}" for k, v in data.items()))
    else:
        click.echo(render_rows([data], fmt), nl=False)


@cli.command()
@click.option("--db", default="demo.duckdb", show_default=True, help="Where to store the demo run.")
@model_option
def demo(db, model) -> None:
    """Ingest the bundled demo corpus (Aug-Dec 2020) and show the overview."""
    from wirewatch import api

    settings = _settings(db=db, model=model)
    overview = _with_progress("ingesting the demo corpus", lambda tick: api.demo(settings, progress=tick))
    r = overview.ingest
    again = f", {r.replaced} re-coded by this newer pipeline" if r.replaced else ""
    click.echo(f"demo corpus: {r.read} articles, {r.stored} stored{again}, {r.skipped} already stored -> {db}\n")
    click.echo("Most active actor pairs (events, mean Goldstein, mean tone):")
    click.echo(
        render_rows(
            overview.dyads, "table", ["source", "target", "events", "articles", "goldstein", "tone", "last_date"]
        )
    )
    click.echo("Latest statements:")
    click.echo(
        render_rows(
            overview.statements,
            "table",
            ["date", "speaker_name", "speaker_code", "cue_text", "speech_act", "target_codes", "content_text"],
            {"content_text": 60, "speech_act": 24, "speaker_name": 22},
        )
    )
    click.echo("Alerts (changes in tone and in the mix of speech acts, then the watch rules), with evidence:")
    for alert in overview.alerts:
        evidence = " ".join(alert["evidence"]["text"].split())
        click.echo(f"  [{alert['date']}] {alert['rule']}: {alert['message']}")
        click.echo(f"      evidence ({alert['title'] or alert['article_id']}): “{evidence[:300]}”")
    click.echo(
        f"\nExplore further: wirewatch statements --db {db} --speaker RUS ; wirewatch dyads --db {db} ;"
        f" wirewatch alerts --db {db}"
    )
    click.echo(f"Open the dashboard on this data: {_program()} serve --db {db}  (then http://127.0.0.1:8765/)")


def _program() -> str:
    """How the user started wirewatch (``.venv/bin/wirewatch`` when not on PATH), to repeat it."""
    import shutil

    started = Path(sys.argv[0])
    if started.name != "wirewatch" or shutil.which("wirewatch") == str(started.resolve()):
        return "wirewatch"
    try:
        return str(started.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(started)


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover"]),
    required=True,
    help="jsonl: the output contract; csv/parquet: one table; gdelt: GDELT 2.0 events; plover: PLOVER JSON.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="File to write (default stdout; parquet needs one)."
)
@click.option(
    "--table",
    type=click.Choice(["events", "statements", "mentions", "articles"]),
    default="events",
    show_default=True,
    help="Which records, for csv and parquet.",
)
@db_option
@click.option("--source", help="Source/speaker code prefix.")
@click.option("--target", help="Target code prefix.")
@click.option("--code", help="CAMEO code prefix.")
@click.option("--modality", help="One modality only.")
@date_range_options
def export_command(fmt, output, table, db, source, target, code, modality, since, until) -> None:
    """Export the store for GDELT, ICEWS/POLECAT (PLOVER), spreadsheet and dataframe workflows."""
    from wirewatch import api
    from wirewatch.store import Filters

    filters = Filters(actor=source, target=target, code=code, modality=modality, since=since, until=until)
    out = Path(output) if output else None
    if out is None and fmt == "parquet":
        raise click.UsageError("parquet is binary: give a file with -o FILE.parquet")
    n = api.export(_settings(db=db), fmt, out or sys.stdout, table, filters)
    click.echo(f"exported {n} {'articles' if fmt == 'jsonl' else 'rows'} as {fmt}", err=True)


@cli.command()
@db_option
@model_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; other than loopback, reads "
              "need the token too.")  # fmt: skip
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--token", envvar="WIREWATCH_TOKEN", help="Bearer token for writes (ingest, ack, rules upload).")
@click.option("--rules", type=click.Path(dir_okay=False), help="The watch rule file the API runs and may replace.")
def serve(db, model, host, port, token, rules) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard."""
    try:
        import uvicorn

        from wirewatch.web.app import create_app
    except ImportError as exc:
        raise click.ClickException(
            f"the web server needs FastAPI and uvicorn ({exc.name} is missing): pip install fastapi uvicorn"
        ) from None
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise click.ClickException(f"binding {host} exposes the store: set --token (or WIREWATCH_TOKEN) first")
    settings = _settings(db=db, model=model, rules=(rules,) if rules else ())
    app = create_app(settings, token=token, host=host)
    click.echo(f"wirewatch dashboard on http://{host}:{port}/  (API docs: /docs; store {settings.db})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group()
def actors() -> None:
    """Look up and list actors in the dictionary."""


@actors.command(name="lookup")
@click.argument("text")
@click.option("--date", "day", callback=_date, help="Resolve roles as on this date (YYYY-MM-DD).")
@actors_option
@model_option
@format_options
def actors_lookup(text, day, actors, model, fmt) -> None:
    """Resolve the actors named in TEXT ("Putin", "the Belarusian leader", "Moscow's envoy")."""
    from wirewatch import api

    rows = api.lookup_actor(text, _settings(model=model, actors=actors), day)
    columns = ["text", "code", "name", "role", "resolved_by", "confidence"]
    click.echo(render_rows(rows, fmt, columns), nl=False)


@actors.command(name="list")
@click.option("--country", help="ISO-3 code, e.g. BLR.")
@click.option("--date", "day", callback=_date, help="Only people in office on this date.")
@click.option("--kind", type=click.Choice(["person", "organization", "group", "country"]))
@actors_option
@format_options
def actors_list(country, day, kind, actors, fmt) -> None:
    """List countries, organizations, groups and people with their roles."""
    from wirewatch import api

    rows = api.list_actors(_settings(actors=actors), country=country, day=day, kind=kind)
    click.echo(render_rows(rows, fmt, ["kind", "id", "name", "code", "role", "dates"]), nl=False)


@cli.command(name="eval")
@click.argument("task")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, help="Score only the first N records.")
@actors_option
@verbs_option
@model_option
@format_options
def evaluate(task, gold, limit, actors, verbs, model, fmt) -> None:
    """Score TASK (actors, events, quotes, timex, tone) on a GOLD file in the uniform eval format.

    Suites with their own dictionaries (the PETRARCH validation sets) take them with
    --actors and --verbs, as they were meant to be run.
    """
    from wirewatch.eval.run import evaluate as run_eval

    settings = _settings(model=model, actors=actors, verbs=verbs)
    report = _with_progress(f"evaluating {task}", lambda tick: run_eval(task, gold, settings, limit))
    if fmt == "json":
        click.echo(json.dumps(report))
        return
    click.echo(f"{report['task']} on {report['file']}: {report['records']} records, model {report['model']}")
    if "macro_f1" in report:
        click.echo(f"macro-F1 {report['macro_f1']}")
    click.echo(render_rows(report["metrics"], fmt), nl=False)


def render_rows(rows, fmt, columns=None, widths=None) -> str:
    from wirewatch.output import render

    return render(rows, fmt or "table", columns, widths)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``wirewatch`` script."""
    cli.main(args=argv, prog_name="wirewatch")


if __name__ == "__main__":
    main()
