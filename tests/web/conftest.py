"""A store with the demo corpus and one article full of markup, and the app over it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

pytest.importorskip("fastapi")

from webdata import HOSTILE_ID, HOSTILE_TEXT, TOKEN
from wirewatch.config import Settings


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, extractor) -> str:
    """A DuckDB file with the demo corpus, its alerts, and the hostile article."""
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


@pytest.fixture(scope="session")
def web_app(web_db, extractor):
    """The app as served on loopback, with a write token."""
    from wirewatch.web.app import create_app

    app = create_app(Settings(db=web_db), token=TOKEN)
    app.state.wirewatch._extractor = extractor  # the session's parser, not a second one
    return app


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    with TestClient(web_app) as c:
        yield c
