"""The app over the demo store (see the root conftest), and a client for it."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from webdata import TOKEN
from wirewatch.config import Settings


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
