"""Exports load back with the documented column and field meanings; DataFrames for notebooks."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from wirewatch.cli import cli
from wirewatch.coding.ontology import load_ontology
from wirewatch.contract import extraction_from_dict
from wirewatch.export import GDELT_COLUMNS, GDELT_EMPTY, GDELT_FILLED
from wirewatch.store import Filters, open_store

pytestmark = pytest.mark.model
PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip


def export(db, *args):
    result = CliRunner().invoke(cli, ["export", "--db", db, *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def stored(web_db):
    """Every stored event row, for checking the exports against."""
    with open_store(web_db, read_only=True) as store:
        events = [r for chunk in store.export_rows("events") for r in chunk]
        texts = {r["id"]: r["text"] for chunk in store.export_rows("articles") for r in chunk}
    return events, texts


def test_gdelt_layout_loads_back_with_the_documented_columns(web_db, stored, tmp_path):
    out = tmp_path / "events.tsv"
    export(web_db, "--format", "gdelt", "-o", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [dict(zip(GDELT_COLUMNS, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    events, _ = stored
    happened = [e for e in events if e["modality"] in ("asserted", "reported") and e["date_start"] is not None]
    assert len(GDELT_COLUMNS) == 61
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows) == len({e["event_key"] for e in happened})
    assert sum(int(r["NumMentions"]) for r in rows) == len(happened)
    for r in rows:
        day = dt.datetime.strptime(r["SQLDATE"], "%Y%m%d").date()
        assert r["MonthYear"] == r["SQLDATE"][:6] and r["Year"] == r["SQLDATE"][:4]
        assert int(float(r["FractionDate"])) == day.year
        code = r["EventCode"]
        assert (r["EventBaseCode"], r["EventRootCode"]) == (code[:3], code[:2])
        entry = load_ontology().get(code)
        assert float(r["GoldsteinScale"]) == pytest.approx(entry.goldstein)
        assert int(r["QuadClass"]) == entry.quad_class
        assert 1 <= int(r["NumArticles"]) <= int(r["NumMentions"])
        assert int(r["NumSources"]) <= int(r["NumArticles"])
        if r["Actor1Code"] and r["Actor1CountryCode"]:
            assert r["Actor1Code"].startswith(r["Actor1CountryCode"]) or r["Actor1Code"][:3] in ("IGO", "NGO")
        assert len(r["DATEADDED"]) == 14
    minsk = [r for r in rows if r["ActionGeo_FullName"] == "Minsk"]
    assert minsk and {r["ActionGeo_CountryCode"] for r in minsk} == {"BO"}  # FIPS 10-4 (not ISO BY), as GDELT
    assert all(r["ActionGeo_Type"] == "4" and float(r["ActionGeo_Lat"]) > 53 for r in minsk)
    # The Sochi meeting: one row per direction (a meeting is coded both ways, as in GDELT),
    # however many stories reported it.
    sochi = [r for r in rows if r["SQLDATE"] == "20200914" and r["EventRootCode"] == "04"
             and (r["Actor1Code"], r["Actor2Code"]) == ("RUSGOV", "BLRGOV")]  # fmt: skip
    assert len(sochi) == 1 and int(sochi[0]["NumArticles"]) == 5


def test_gdelt_columns_filled_as_documented(web_db, tmp_path):
    out = tmp_path / "events.tsv"
    export(web_db, "--format", "gdelt", "-o", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [dict(zip(GDELT_COLUMNS, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    assert set(GDELT_FILLED) | set(GDELT_EMPTY) == set(GDELT_COLUMNS)
    for column in GDELT_COLUMNS:
        values = {r[column] for r in rows}
        if column in GDELT_EMPTY:
            assert values == {""}, column
        else:
            assert values - {""}, column


def test_plover_records_carry_the_manuals_fields_and_their_evidence(web_db, stored, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    export(web_db, "--format", "plover", "-o", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    _, texts = stored
    assert len(records) > 100
    for r in records:
        assert r["event"] in PLOVER_EVENTS
        assert r["actor"] and all(a["code"] for a in r["actor"])
        assert isinstance(r["recipient"], list) and isinstance(r["context"], list)
        assert r["modality"] in ("asserted", "reported")
        assert r["quad_code"] in (1, 2, 3, 4)
        start, end = r["text_span"]
        assert texts[r["story_id"]][start:end] == r["text"]
        assert r["num_articles"] >= 1
    assert {r["event"] for r in records} >= {"CONSULT", "ACCUSE"}


def test_csv_and_parquet_hold_every_row(web_db, tmp_path):
    pd = pytest.importorskip("pandas")
    with open_store(web_db, read_only=True) as store:
        counts = store.counts()
    for table in ("events", "statements", "mentions", "articles"):
        export(web_db, "--format", "csv", "--table", table, "-o", tmp_path / f"{table}.csv")
        export(web_db, "--format", "parquet", "--table", table, "-o", tmp_path / f"{table}.parquet")
        from_csv = pd.read_csv(tmp_path / f"{table}.csv")
        from_parquet = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert len(from_csv) == len(from_parquet) == counts[table]
        assert list(from_csv.columns) == list(from_parquet.columns)
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert str(events["goldstein"].dtype) == "float64" and str(events["quad_class"].dtype) == "int64"
    assert isinstance(events["date_start"].dropna().iloc[0], dt.date)


def test_jsonl_is_the_output_contract(web_db, stored, tmp_path):
    out = tmp_path / "all.jsonl"
    export(web_db, "--format", "jsonl", "--since", "2020-12-01", "-o", out)
    _, texts = stored
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        d = json.loads(line)
        assert d["published"] >= "2020-12-01" and d["contract"] == "1"
        x = extraction_from_dict(d, texts[d["id"]])
        assert all(x.article.text[s.cue.start : s.cue.end] == s.cue.text for s in x.statements)


def test_filters_select_what_is_exported(web_db):
    result = export(web_db, "--format", "csv", "--source", "RUSGOV", "--code", "04")
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and all(r["source_code"] == "RUSGOV" and r["cameo"].startswith("04") for r in rows)


def test_parquet_needs_a_file(web_db):
    result = CliRunner().invoke(cli, ["export", "--db", web_db, "--format", "parquet"])
    assert result.exit_code == 2 and "-o" in result.output


def test_frames_for_notebooks(web_db):
    pytest.importorskip("pandas")
    from wirewatch import frames

    events = frames.events(web_db, source="RUS", since="2020-11-01")
    assert len(events) and (events["source_code"].str.startswith("RUS")).all()
    assert str(events["date_start"].dtype).startswith("datetime64")
    assert (events["date_end"] >= "2020-11-01").all()
    said = frames.statements(web_db, speaker="BLRGOV", act="11")
    assert len(said) and said["tone"].map(lambda t: isinstance(t, dict)).all()
    weekly = frames.series(web_db, "RUSGOV", "BLRGOV")
    assert weekly["period"].is_monotonic_increasing and weekly["events"].sum() > 10
    assert len(frames.dyads(web_db)) > 5
    with open_store(web_db, read_only=True) as store:
        assert len(frames.alerts(web_db)) == store.counts()["alerts"]
        assert len(frames.events(web_db)) == len(store.events(Filters(limit=100_000)))
