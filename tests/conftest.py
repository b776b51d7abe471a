"""Shared fixtures. The spaCy pipeline is built once per test session."""

from __future__ import annotations

import datetime as dt
import os
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


@pytest.fixture()
def data_dir() -> Path:
    return DATA
