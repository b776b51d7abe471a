"""Shared fixtures. The spaCy pipeline is built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from wirewatch.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def shared_dir() -> Path | None:
    """The team's shared folder (seed story, eval data) if this checkout has one."""
    candidate = Path(os.environ.get("WIREWATCH_SHARED", ROOT.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extractor(settings):
    from wirewatch.nlp.pipeline import Extractor

    return Extractor(settings)


@pytest.fixture(scope="session")
def run(extractor):
    """Extract records from one text: ``run(text, published=date)``."""
    from wirewatch.ingest import make_article

    def _run(text: str, published: dt.date | None = dt.date(2020, 12, 2)):
        return extractor.extract(make_article(text, "<test>", default_published=published))

    return _run


# ---------------------------------------------------------------------- demo store


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, extractor) -> str:
    """A DuckDB file with the demo corpus, its alerts, and an article full of markup."""
    from webdata import HOSTILE_ID, HOSTILE_TEXT
    from wirewatch import api
    from wirewatch.api import _ingest_items
    from wirewatch.ingest import make_article
    from wirewatch.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "web.duckdb")
    settings = Settings(db=path)
    api.demo(settings)
    hostile = make_article(HOSTILE_TEXT, "<hostile>", id=HOSTILE_ID, published=dt.date(2020, 12, 21))
    with open_store(path) as store:
        report = _ingest_items(store, extractor, [hostile], ())
    assert report.stored == 1
    shutil.copy(path, path.replace("web.duckdb", "pristine.duckdb"))
    return path


@pytest.fixture()
def fresh_db(web_db, tmp_path) -> str:
    """A private copy of the web store, for tests that write."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db.replace("web.duckdb", "pristine.duckdb"), copy)
    return str(copy)


@pytest.fixture()
def data_dir() -> Path:
    return DATA


# ---------------------------------------------------------------------- PostgreSQL


def _postgres_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server started for the test session (URL of its maintenance db).

    ``WIREWATCH_TEST_POSTGRES`` points at an existing server instead. Without PostgreSQL
    the tests that need it are skipped, except in CI, where they fail.
    """
    given = os.environ.get("WIREWATCH_TEST_POSTGRES")
    if given:
        yield given
        return
    bindir = _postgres_bin()
    if bindir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    data = Path(tempfile.mkdtemp(prefix="wirewatch-pg-"))
    data.chmod(0o755)
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        # The server refuses to run as root: run it as the postgres user.
        shutil.chown(data, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_postgres, str(bindir / "initdb"), "-D", str(data / "db"), "-U", "wirewatch", "--auth=trust",
         "-E", "UTF8", "--no-locale"],
        check=True, capture_output=True,
    )  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [*as_postgres, str(bindir / "postgres"), "-D", str(data / "db"), "-p", str(port), "-k", str(data),
         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"postgresql://wirewatch@127.0.0.1:{port}/postgres"
    import psycopg

    for _ in range(100):
        try:
            psycopg.connect(url).close()
            break
        except psycopg.OperationalError:
            time.sleep(0.2)
    else:
        server.terminate()
        pytest.fail("the test PostgreSQL server did not start")
    yield url
    server.terminate()
    server.wait(timeout=20)
    shutil.rmtree(data, ignore_errors=True)


def new_database(server_url: str) -> str:
    """Create a fresh, empty database on the test server; returns its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture()
def postgres_url(postgres_server):
    """A fresh, empty database on the test server."""
    return new_database(postgres_server)


@pytest.fixture(params=["duckdb", "postgres"])
def make_store(request):
    """Open fresh stores on each backend: ``make_store()``."""
    opened = []

    def factory():
        if request.param == "duckdb":
            from wirewatch.store.duckdb import DuckDBStore

            store = DuckDBStore(":memory:")
        else:
            from wirewatch.store.postgres import PostgresStore

            store = PostgresStore(new_database(request.getfixturevalue("postgres_server")))
        opened.append(store)
        return store

    yield factory
    for store in opened:
        store.close()
