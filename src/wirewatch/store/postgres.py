"""The PostgreSQL store, for a team sharing one server: the same schema, migrations and SQL.

Needs psycopg (``pip install 'wirewatch[postgres]'``); importing wirewatch never imports it.
One process writes; any number read, each on its own connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirewatch.errors import DependencyError, StoreError
from wirewatch.store.base import SQLStore, plain_row


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database.

    Args:
        url: ``postgresql://user:password@host:port/database``.
        read_only: do not migrate; open for queries only.

    Raises:
        StoreError: the server cannot be reached or the login is refused.
        DependencyError: psycopg is not installed.
    """

    def __init__(self, url: str, read_only: bool = False) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise DependencyError("psycopg", "postgres", "A PostgreSQL store") from exc
        self.location = _redact(url)
        try:
            # Autocommit, with explicit BEGIN/COMMIT around every write, as in the DuckDB store.
            self._con = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.location}: cannot connect to PostgreSQL ({exc}); check the URL, that the server runs "
                "and that the user may log in"
            ) from exc
        self._read_only = read_only
        if not read_only:
            self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(_placeholders(sql), list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._con.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [list(r) for r in rows])

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [plain_row(row) for row in self._con.execute(_placeholders(sql), list(params)).fetchall()]

    def close(self) -> None:
        self._con.close()


def _placeholders(sql: str) -> str:
    # The shared SQL writes "?"; psycopg wants "%s", and a literal "%" doubled.
    return sql.replace("%", "%%").replace("?", "%s")


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    user = credentials.split(":", 1)[0]
    return f"{scheme}//{user}:***@{tail}"
