"""The embedded DuckDB store (the default): one file, one writer process."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.store.base import SQLStore, plain_row


class DuckDBStore(SQLStore):
    """A store in a DuckDB file (or ``:memory:``).

    Args:
        path: the database file; created with its schema if missing.
        read_only: open for queries only, so several readers can share the file.

    Raises:
        StoreError: the file cannot be opened (locked by a writer, not a DuckDB file).

    Example:
        >>> with DuckDBStore(":memory:") as store:
        ...     store.counts()["articles"]
        0
    """

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        import duckdb

        self.location = str(path)
        self._duckdb = duckdb
        if self.location != ":memory:":
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            if read_only and not Path(self.location).exists():
                raise StoreError(f"{self.location}: no such store; run 'wirewatch ingest' first or pass --db")
        try:
            self._con = duckdb.connect(self.location, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.location}: cannot open the DuckDB store ({exc}); another wirewatch process may be "
                "writing to it, or the file is not a DuckDB database"
            ) from exc
        if not read_only:
            self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._con.executemany(sql, [list(r) for r in rows])

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [plain_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def close(self) -> None:
        self._con.close()
