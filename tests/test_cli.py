"""The command line, run in-process with click's runner on small files the tests write."""

import json

import pytest
from click.testing import CliRunner

from wirewatch.cli import cli

STORY_A = (
    "MINSK, Sept 14 (WDW) - Lukashenko said on Monday that Belarus would buy Russian weapons.\n"
    "Police detained dozens of protesters in Minsk on Sunday.\n"
)
STORY_B = "Putin urged Lukashenko to hold talks with the opposition, the Kremlin said on Tuesday."


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    lines = [
        {"id": "b1", "text": STORY_B, "published": "2020-09-16", "title": "Talks urged"},
        {"id": "b2", "text": "Lithuania expelled two Belarusian diplomats on Friday.", "published": "2020-10-02"},
    ]
    (folder / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return folder


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.mark.model
def test_extract_json_follows_the_output_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY_A, encoding="utf-8")
    result = invoke("extract", path, "--published", "2020-09-15", "--json")
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.output.splitlines()]
    assert set(obj) >= {"id", "published", "dateline", "mentions", "timexes", "statements", "events"}
    assert obj["published"] == "2020-09-15"
    assert obj["dateline"]["place"] == "Minsk" and obj["dateline"]["date"] == "2020-09-14"
    for record in obj["mentions"] + obj["timexes"]:
        assert STORY_A[record["start"] : record["end"]] == record["text"]
    for s in obj["statements"]:
        for key in ("cue", "content", "speaker"):
            assert STORY_A[s[key]["start"] : s[key]["end"]] == s[key]["text"]
    for e in obj["events"]:
        assert STORY_A[e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
    speakers = {s["speaker"]["actor"]["code"] for s in obj["statements"]}
    assert "BLRGOV" in speakers
    assert {"value": "2020-09-14"}.items() <= next(t for t in obj["timexes"] if t["text"] == "Monday").items()
    arrest = next(e for e in obj["events"] if e["cameo"] == "173")
    assert (arrest["source"]["code"], arrest["target"]["code"], arrest["date"]) == ("BLRCOP", "BLRCVL", "2020-09-13")
    assert arrest["plover"] == {"type": "COERCE", "mode": "arrest"}


@pytest.mark.model
def test_extract_jsonl_keeps_order_and_ids_and_reports_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "text": STORY_B, "published": "2020-09-16"})
        + "\n{broken\n"
        + json.dumps({"id": "x2", "text": "Lukashenko said nothing.", "published": "2020-09-17"})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in lines] == ["x1", "x2"]
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"wirewatch: {path}:2: malformed JSON")


@pytest.mark.model
def test_extract_reads_stdin():
    result = invoke("extract", "-", "--json", input=json.dumps({"id": "s1", "text": STORY_B}) + "\n")
    assert json.loads(result.output)["id"] == "s1"


@pytest.mark.model
def test_undated_input_is_never_dated_today(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Lukashenko said on Monday he would not resign.", encoding="utf-8")
    obj = json.loads(invoke("extract", path, "--json").output)
    assert obj["published"] is None
    assert all(s["date"] is None for s in obj["statements"])
    assert all(t["value"] is None for t in obj["timexes"] if t["text"] == "Monday")


@pytest.mark.model
def test_ingest_twice_stores_each_article_once_and_queries_work(tmp_path, corpus):
    db = tmp_path / "w.duckdb"
    first = invoke("ingest", corpus, "--db", db, "--published", "2020-09-15")
    assert first.exit_code == 0, first.output
    assert "3 stored" in first.output
    second = invoke("ingest", corpus, "--db", db, "--published", "2020-09-15")
    assert "0 stored, 3 already stored" in second.output
    info = invoke("info", "--db", db, "--json")
    assert json.loads(info.output)["articles"] == 3

    statements = [json.loads(line) for line in invoke("statements", "--db", db, "--json").output.splitlines()]
    assert {s["speaker_code"] for s in statements} >= {"BLRGOV", "RUSGOV"}
    appeals = invoke("statements", "--db", db, "--speaker", "RUS", "--act", "02", "--json").output.splitlines()
    assert appeals and all(json.loads(line)["cameo"].startswith("02") for line in appeals)
    csv_out = invoke("events", "--db", db, "--csv").output
    assert csv_out.splitlines()[0].startswith("article_id,idx,date,source_code")
    table = invoke("dyads", "--db", db).output
    assert "source" in table.splitlines()[0]


@pytest.mark.model
def test_ingest_keeps_going_past_bad_files(tmp_path, corpus):
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\x00 binary")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db), "--published", "2020-09-15"])
    assert result.exit_code == 1
    assert "3 stored" in result.stdout and "1 failed" in result.stdout
    assert any("bad.txt" in line and "binary" in line for line in result.stderr.splitlines())
    assert json.loads(invoke("info", "--db", db, "--json").output)["failures"] == 1


def test_query_on_a_missing_store_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(cli, ["statements", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such store" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_date_option_is_rejected():
    result = CliRunner().invoke(cli, ["extract", "x.txt", "--published", "02/12/2020"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_bad_field_mapping_lists_the_attributes(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--field", "body"])
    assert result.exit_code == 1
    assert "ATTRIBUTE=FIELD" in result.output


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, wirewatch, wirewatch.cli, wirewatch.api; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.model
def test_eval_timex_on_a_small_gold_file(tmp_path):
    text = "Ministers met on Monday and will meet again next week."
    record = {
        "id": "g1",
        "text": text,
        "date": "2020-08-12",
        "gold": {
            "timex": [
                {"start": text.index("Monday"), "end": text.index("Monday") + 6, "type": "DATE", "value": "2020-08-10"},
                {"start": text.index("next"), "end": text.index("next") + 9, "type": "DATE", "value": "2020-W34"},
            ]
        },
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = invoke("eval", "timex", gold, "--json")
    report = json.loads(result.stdout)
    value = next(m for m in report["metrics"] if m["measure"] == "value")
    assert (value["tp"], value["fn"]) == (2, 0)


def test_eval_unknown_task_lists_the_tasks(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "poetry", str(gold)])
    assert result.exit_code == 1
    assert "available: actors, events, quotes, timex, tone" in result.output


@pytest.mark.model
def test_actors_lookup_resolves_at_the_date():
    result = invoke("actors", "lookup", "Putin", "--date", "2009-06-01", "--json")
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert (row["code"], row["role"]) == ("RUSGOV", "prime minister")


def test_actors_list_by_country_and_date():
    result = invoke("actors", "list", "--country", "BLR", "--date", "2020-12-02", "--kind", "person", "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {"id": "alexander_lukashenko", "code": "BLRGOV", "role": "president"}.items() <= next(
        r for r in rows if r["id"] == "alexander_lukashenko"
    ).items()
    groups = [
        json.loads(line)
        for line in invoke("actors", "list", "--country", "LVA", "--kind", "group", "--json").output.splitlines()
    ]
    assert "baltic_states" in {g["id"] for g in groups}


@pytest.mark.model
def test_run_ingests_watches_and_delivers(tmp_path, corpus):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: talks\n    phrases: [talks]\n", encoding="utf-8")
    out = tmp_path / "alerts.jsonl"
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(
        cli, ["run", str(corpus), "--watch", str(rules), "--db", str(db), "--to", str(out), "--published", "2020-09-15"]
    )
    assert result.exit_code == 0, result.output
    delivered = [json.loads(line) for line in out.read_text().splitlines()]
    assert delivered and all(a["rule"] == "talks" and a["evidence"]["text"] for a in delivered)
    listed = invoke("alerts", "--db", db, "--json").output.splitlines()
    assert len(listed) == len(delivered)
    first = json.loads(listed[0])["id"]
    assert "acknowledged 1 of 1" in invoke("alerts", "ack", first, "--db", db).output
    assert len(invoke("alerts", "--db", db, "--unacked", "--json").output.splitlines()) == len(delivered) - 1
    again = CliRunner().invoke(cli, ["watch", str(rules), "--db", str(db), "--to", str(out)])
    assert "0 new alerts" in again.stderr


def test_serve_refuses_a_public_address_without_a_token(tmp_path):
    result = invoke("serve", "--db", tmp_path / "s.duckdb", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert "--token" in result.output


def test_serve_answers_on_loopback(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "wirewatch.cli", "serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=2) as response:
                    info = json.load(response)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"wirewatch serve did not answer: {server.stderr.read() if server.poll() is not None else ''}")
        assert info["articles"] == 0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
            assert b'<script src="/static/app.js">' in response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
