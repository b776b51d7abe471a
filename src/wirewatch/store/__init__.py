"""Record stores. DuckDB (embedded, one file) is the default."""

from __future__ import annotations

from wirewatch.errors import StoreError
from wirewatch.store.base import FACTUAL, Filters, SQLStore, WriteResult


def open_store(location: str, read_only: bool = False) -> SQLStore:
    """Open the store at ``location``: a DuckDB file path, ``:memory:`` or a PostgreSQL URL.

    Raises:
        StoreError: an unsupported location or a store that cannot be opened.
    """
    if location.startswith(("postgresql://", "postgres://")):
        from wirewatch.store.postgres import PostgresStore

        return PostgresStore(location, read_only=read_only)
    if "://" in location:
        scheme = location.split("://", 1)[0]
        raise StoreError(
            f"unsupported store {scheme}://; available: a DuckDB file path (e.g. wirewatch.duckdb), :memory:, "
            "or postgresql://user@host/database"
        )
    from wirewatch.store.duckdb import DuckDBStore

    return DuckDBStore(location, read_only=read_only)


__all__ = ["FACTUAL", "Filters", "SQLStore", "WriteResult", "open_store"]
