"""Sources of articles: files, folders, JSONL, CSV and stdin."""

from wirewatch.ingest.article import content_hash, make_article, parse_published
from wirewatch.ingest.dateline import body_start, find_dateline
from wirewatch.ingest.files import read_paths
from wirewatch.ingest.options import FieldMap, ReadOptions

__all__ = [
    "FieldMap",
    "ReadOptions",
    "body_start",
    "content_hash",
    "find_dateline",
    "make_article",
    "parse_published",
    "read_paths",
]
