import datetime as dt
import io
import json

from wirewatch.ingest import FieldMap, ReadOptions, content_hash, read_paths
from wirewatch.types import Article, Failure


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def failures(items):
    return [i for i in items if isinstance(i, Failure)]


def test_text_file_is_one_article_dated_by_option(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("MINSK (WDW) - The minister resigned on Friday.\n", encoding="utf-8")
    items = list(read_paths([path], ReadOptions(published=dt.date(2020, 9, 4))))
    (article,) = articles(items)
    assert article.published == dt.date(2020, 9, 4)
    assert article.id == content_hash(article.text)
    assert article.origin == str(path)


def test_undated_text_stays_undated(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The minister resigned on Friday.", encoding="utf-8")
    (article,) = articles(read_paths([path]))
    assert article.published is None


def test_jsonl_fields_and_mapping(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"uid": "a1", "body": "Lawmakers met in Riga on Monday.", "date": "2020-10-05", "outlet": "WDW"},
        {"uid": "a2", "body": "Farmers protested in Warsaw.", "date": "2020-10-06T08:00:00Z"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    fields = FieldMap.parse(["id=uid", "text=body", "published=date", "source=outlet"])
    got = articles(read_paths([path], ReadOptions(fields=fields)))
    assert [a.id for a in got] == ["a1", "a2"]
    assert got[0].source == "WDW"
    assert got[1].published == dt.date(2020, 10, 6)


def test_bad_jsonl_lines_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "First story about talks."}\n'
        "{not json\n"
        '["a list"]\n'
        '{"text": ""}\n'
        '{"text": "Second story.", "published": "yesterday"}\n'
        '{"text": "Third story about sanctions."}\n',
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert len(articles(items)) == 2
    bad = failures(items)
    assert [f.origin for f in bad] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in bad[0].reason
    assert "empty" in bad[2].reason
    assert "YYYY-MM-DD" in bad[3].reason


def test_csv_rows(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text,published\nc1,"Envoys met, then talked.",2020-11-26\nc2,,2020-11-27\n', encoding="utf-8")
    items = list(read_paths([path]))
    (article,) = articles(items)
    assert article.text == "Envoys met, then talked."
    assert failures(items)[0].origin == f"{path}:3"


def test_csv_without_text_column_says_how_to_map_it(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (failure,) = failures(read_paths([path]))
    assert "--field text=" in failure.reason


def test_binary_non_utf8_empty_and_missing_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_bytes("Café in Minsk".encode("latin-1"))
    (tmp_path / "c.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("A good story about talks.", encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert len(articles(items)) == 1
    reasons = {f.origin.rsplit("/", 1)[-1]: f.reason for f in failures(items)}
    assert "binary" in reasons["a.txt"]
    assert "UTF-8" in reasons["b.txt"]
    assert "empty" in reasons["c.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [a.text for a in articles(read_paths([tmp_path]))] == ["First.", "Second."]


def test_stdin_jsonl_and_plain_text():
    jsonl = io.StringIO('{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n')
    assert [a.id for a in articles(read_paths(["-"], stdin=jsonl))] == ["s1", "s2"]
    plain = io.StringIO("Just a story.")
    (article,) = articles(read_paths(["-"], stdin=plain))
    assert article.origin == "-"


def test_content_hash_ignores_whitespace_but_not_url():
    assert content_hash("A  story\n") == content_hash("A story")
    assert content_hash("A story", "https://x.org/a/") == content_hash("A story", "HTTPS://X.org/a")
    assert content_hash("A story", "https://x.org/a") != content_hash("A story")
