"""Files, folders and stdin: the entry point of every input.

``.jsonl``/``.ndjson`` files hold one article per line, ``.csv`` files one per row; any
other file is one plain-text article. Folders are read recursively in name order, skipping
hidden files. ``-`` is stdin: JSONL when its first character is ``{``, else one text.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from wirewatch.errors import InputError
from wirewatch.ingest.article import make_article
from wirewatch.ingest.csvfile import read_csv_lines
from wirewatch.ingest.jsonl import read_jsonl_lines
from wirewatch.ingest.options import ReadOptions
from wirewatch.types import Article, Failure

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
#: Suffixes picked up when a folder is read.
FOLDER_SUFFIXES = JSONL_SUFFIXES | CSV_SUFFIXES | TEXT_SUFFIXES


def read_paths(
    paths: Iterable[str | Path], options: ReadOptions | None = None, stdin: TextIO | None = None
) -> Iterator[Article | Failure]:
    """Read every article from files, folders and ``-`` (stdin).

    Bad inputs come out as Failures in their place; nothing stops the rest.

    Args:
        paths: files, folders or ``-``.
        options: date and field mapping.
        stdin: the stream ``-`` reads (defaults to ``sys.stdin``).

    Example:
        >>> from wirewatch.ingest import read_paths
        >>> items = list(read_paths(["news/"]))  # doctest: +SKIP
    """
    options = options or ReadOptions()
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream(stdin or sys.stdin, "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _folder_files(path):
                yield from read_file(child, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield Failure(str(path), "no such file or folder; check the path")


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Failure]:
    """Read one file of any supported kind."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(name, f"cannot read the file ({exc.strerror}); check its permissions")
        return
    try:
        text = _decode(data, name)
    except InputError as exc:
        yield Failure(name, exc.reason)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_lines(text.splitlines(), name, options)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv_lines(io.StringIO(text, newline=""), name, options)
    else:
        yield from _one_text(text, name, options)


def read_stream(stream: TextIO, name: str, options: ReadOptions) -> Iterator[Article | Failure]:
    """Read stdin or another text stream: JSONL if it starts with ``{``, else one article."""
    try:
        text = stream.read()
    except UnicodeDecodeError as exc:
        yield Failure(name, f"input is not UTF-8 (byte {exc.start}); convert it with iconv")
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), name, options)
    else:
        yield from _one_text(text, name, options)


def _one_text(text: str, name: str, options: ReadOptions) -> Iterator[Article | Failure]:
    try:
        yield make_article(text, name, default_published=options.published)
    except InputError as exc:
        yield Failure(name, exc.reason)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(name, "not a text file (binary content); give UTF-8 text, JSONL or CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 (bad byte at offset {exc.start}); convert it, e.g. iconv -t UTF-8") from exc


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.suffix.lower() in FOLDER_SUFFIXES
    )
