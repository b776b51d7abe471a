"""The HTTP API over a real store: reads, filters, pagination, errors, tokens, writes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from webdata import HOSTILE_ID, HOSTILE_TEXT, TOKEN
from wirewatch.config import Settings
from wirewatch.web.app import create_app

pytestmark = pytest.mark.model
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def error_of(response) -> str:
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == response.status_code
    return body["error"]["message"]


def test_info_counts_what_the_store_holds(client):
    info = client.get("/api/info").json()
    assert info["articles"] == 74  # the demo corpus and the hostile article
    assert info["statements"] > 100 and info["events"] > 100 and info["alerts"] > 0


def test_articles_page_through_the_store_without_overlap(client):
    first = client.get("/api/articles", params={"limit": 5}).json()["items"]
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()["items"]
    assert len(first) == len(second) == 5
    assert not {a["id"] for a in first} & {a["id"] for a in second}
    dates = [a["published"] for a in first + second]
    assert dates == sorted(dates, reverse=True)


def test_articles_filter_by_date_range(client):
    items = client.get("/api/articles", params={"since": "2020-11-01", "until": "2020-11-30", "limit": 200}).json()
    assert items["items"] and all("2020-11-01" <= a["published"] <= "2020-11-30" for a in items["items"])


def test_article_returns_text_and_records_in_the_output_contract(client):
    x = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert x["text"] == HOSTILE_TEXT
    assert x["contract"] == "1"
    for statement in x["statements"]:
        assert HOSTILE_TEXT[statement["cue"]["start"] : statement["cue"]["end"]] == statement["cue"]["text"]
    assert any(e["source"] and e["source"]["code"] == "RUSGOV" for e in x["events"])


def test_unknown_article_is_a_404_in_the_error_shape(client):
    response = client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert "no-such-article" in error_of(response)


def test_invalid_parameters_are_a_422_naming_the_parameter(client):
    response = client.get("/api/statements", params={"since": "last tuesday"})
    assert response.status_code == 422
    assert "since" in error_of(response)
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_statements_filter_by_speaker_act_and_target(client):
    rows = client.get("/api/statements", params={"speaker": "BLRGOV", "act": "11", "limit": 100}).json()["items"]
    assert rows
    assert all(r["speaker_code"].startswith("BLRGOV") and r["cameo"].startswith("11") for r in rows)
    assert all(isinstance(r["tone"], dict) for r in rows)
    targeted = client.get("/api/statements", params={"target": "POL", "limit": 100}).json()["items"]
    assert targeted and all(any(t.startswith("POL") for t in r["target_codes"]) for r in targeted)


def test_events_filter_by_code_and_modality(client):
    rows = client.get("/api/events", params={"code": "04", "modality": "asserted", "limit": 100}).json()["items"]
    assert rows and all(r["cameo"].startswith("04") and r["modality"] == "asserted" for r in rows)
    assert all(r["reported_by"] >= 1 for r in rows)


def test_dyad_has_series_changes_events_and_statements(client):
    dyad = client.get("/api/dyads/rusgov/blrgov").json()
    assert dyad["source"] == "RUSGOV" and dyad["target"] == "BLRGOV"
    assert len(dyad["series"]) > 5
    assert any(c["signal"] == "tone" for c in dyad["changes"])
    assert dyad["events"] and dyad["statements"]
    assert max(e["reported_by"] for e in dyad["events"]) > 1  # the Sochi meeting, reported by several stories
    assert all(s["speaker_code"] == "RUSGOV" for s in dyad["statements"])


def test_dyads_rank_pairs_by_events(client):
    items = client.get("/api/dyads", params={"limit": 5}).json()["items"]
    assert (items[0]["source"], items[0]["target"]) == ("RUSGOV", "BLRGOV")
    assert [d["events"] for d in items] == sorted((d["events"] for d in items), reverse=True)
    assert client.get("/api/dyads", params={"level": "planet"}).status_code == 422


def test_actor_page_data(client):
    actor = client.get("/api/actors/BLRGOV").json()
    assert actor["statements"] and actor["events"] and actor["targeted_by"]
    assert all(d["source"] == "BLRGOV" for d in actor["dyads"])


def test_search_finds_statements_and_events_by_their_text(client):
    found = client.get("/api/search", params={"q": "SANCTIONS"}).json()
    assert found["statements"] or found["events"]
    for row in found["statements"]:
        assert "sanctions" in row["content_text"].lower()
    assert client.get("/api/search", params={"q": "%_\\"}).status_code == 200  # wildcards are plain text


def test_alerts_and_one_alert_with_its_evidence(client):
    alerts = client.get("/api/alerts", params={"limit": 5}).json()["items"]
    assert alerts
    one = client.get(f"/api/alerts/{alerts[0]['id']}").json()
    article = client.get(f"/api/articles/{one['article_id']}").json()
    ev = one["evidence"]
    assert article["text"][ev["start"] : ev["end"]] == ev["text"]
    assert client.get("/api/alerts/nope").status_code == 404


def test_reads_need_the_token_off_loopback(web_db):
    app = create_app(Settings(db=web_db), token=TOKEN, host="0.0.0.0")
    with TestClient(app) as c:
        response = c.get("/api/info")
        assert response.status_code == 401
        assert "Bearer" in error_of(response)
        assert c.get("/api/info", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/info", headers=AUTH).status_code == 200


def test_writes_are_off_without_a_token(fresh_db):
    with TestClient(create_app(Settings(db=fresh_db))) as c:
        response = c.post("/api/alerts/x/ack")
        assert response.status_code == 403
        assert "--token" in error_of(response)


def test_writes_need_the_right_token(fresh_db):
    with TestClient(create_app(Settings(db=fresh_db), token=TOKEN)) as c:
        assert c.post("/api/articles", json={"articles": [{"text": "x"}]}).status_code == 401
        wrong = {"Authorization": "Bearer not-it"}
        assert c.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=wrong).status_code == 401


def test_ingest_a_batch_and_find_its_records(fresh_db, extractor):
    app = create_app(Settings(db=fresh_db), token=TOKEN)
    app.state.wirewatch._extractor = extractor
    batch = {
        "articles": [
            {
                "id": "api-1",
                "published": "2021-03-02",
                "title": "Ministers meet",
                "text": "Lithuanian Foreign Minister Gabrielius Landsbergis met Polish Foreign Minister "
                "Zbigniew Rau in Vilnius on Monday.",
            },
            {"id": "api-2", "text": "   "},
        ]
    }
    with TestClient(app) as c:
        response = c.post("/api/articles", json=batch, headers=AUTH)
        assert response.status_code == 201
        report = response.json()
        assert report["stored"] == 1
        assert len(report["failures"]) == 1 and "request item 1" in report["failures"][0]["origin"]
        events = c.get("/api/events", params={"article": "api-1"}).json()["items"]
        assert any(e["source_code"] == "LTUGOV" and e["target_code"] == "POLGOV" for e in events)
        again = c.post("/api/articles", json={"articles": batch["articles"][:1]}, headers=AUTH).json()
        assert again["stored"] == 0 and again["skipped"] == 1


def test_acknowledge_an_alert(fresh_db):
    with TestClient(create_app(Settings(db=fresh_db), token=TOKEN)) as c:
        first = c.get("/api/alerts", params={"unacked": True}).json()["items"][0]
        assert c.post(f"/api/alerts/{first['id']}/ack", headers=AUTH).json()["acknowledged"] is True
        assert c.get(f"/api/alerts/{first['id']}").json()["acknowledged"] is True
        left = c.get("/api/alerts", params={"unacked": True, "limit": 1000}).json()["items"]
        assert first["id"] not in {a["id"] for a in left}
        assert c.post("/api/alerts/not-an-alert/ack", headers=AUTH).status_code == 404


def test_upload_rules_then_watch(fresh_db, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules: []\n")
    app = create_app(Settings(db=fresh_db, rule_files=(rules,)), token=TOKEN)
    with TestClient(app) as c:
        bad = c.put("/api/rules", content="rules:\n  - name: broken\n    colour: red\n",
                    headers={**AUTH, "Content-Type": "text/yaml"})  # fmt: skip
        assert bad.status_code == 422
        assert "uploading" not in error_of(bad)
        assert rules.read_text() == "rules: []\n"  # a bad upload leaves the rules as they were
        good = "rules:\n  - name: polish-meddling\n    speakers: [BLRGOV]\n    targets: [POL]\n    codes: ['11*']\n"
        response = c.put("/api/rules", content=good, headers={**AUTH, "Content-Type": "text/yaml"})
        assert response.status_code == 200, response.text
        assert response.json()["rules"] == ["polish-meddling"]
        assert rules.read_text() == good
        ran = c.post("/api/watch", headers=AUTH)
        assert ran.status_code == 200
        assert ran.json()["articles"] == 74  # the web watcher's first run sees every article
        raised = c.get("/api/alerts", params={"rule": "polish-meddling"}).json()["items"]
        assert raised and all(a["source_code"] == "BLRGOV" for a in raised)
        assert c.post("/api/watch", headers=AUTH).json() == {"articles": 0, "alerts": 0}


def test_openapi_schema_is_published(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/statements", "/api/events", "/api/dyads/{source}/{target}", "/api/alerts"} <= set(schema["paths"])


class GatedExtractor:
    """The real extractor, held at a gate before it parses, so a test can act mid-ingest."""

    def __init__(self, extractor) -> None:
        import threading

        self._extractor = extractor
        self.versions = extractor.versions
        self.settings = extractor.settings
        self.parsing = threading.Event()
        self.release = threading.Event()

    def extract_many(self, items):
        self.parsing.set()
        assert self.release.wait(30)
        yield from self._extractor.extract_many(items)


def test_readers_are_answered_while_an_ingest_is_parsing(fresh_db, extractor):
    import threading

    app = create_app(Settings(db=fresh_db), token=TOKEN)
    gated = GatedExtractor(extractor)
    app.state.wirewatch._extractor = gated
    batch = {"articles": [{"id": "slow-1", "text": "Poland recalled its ambassador from Minsk on Friday."}]}
    with TestClient(app) as c:
        result = {}
        writer = threading.Thread(
            target=lambda: result.update(c.post("/api/articles", json=batch, headers=AUTH).json())
        )
        writer.start()
        assert gated.parsing.wait(30)
        # The ingest is mid-parse: reads are still answered, and see the store as it was.
        assert c.get("/api/info").json()["articles"] == 74
        assert c.get("/api/dyads").status_code == 200
        gated.release.set()
        writer.join(30)
        assert result["stored"] == 1
        assert c.get("/api/info").json()["articles"] == 75


def test_the_api_serves_a_postgresql_store(postgres_url, extractor):
    app = create_app(Settings(db=postgres_url), token=TOKEN)
    app.state.wirewatch._extractor = extractor
    text = "Lithuanian President Gitanas Nauseda met Polish President Andrzej Duda in Warsaw on Monday."
    story = {"id": "pg-1", "published": "2021-02-01", "text": text}
    with TestClient(app) as c:
        assert c.post("/api/articles", json={"articles": [story]}, headers=AUTH).json()["stored"] == 1
        events = c.get("/api/events", params={"source": "LTU"}).json()["items"]
        assert events and events[0]["target_code"].startswith("POL")
        assert c.get("/api/dyads").json()["items"]
        assert c.get("/api/articles/pg-1").json()["text"] == story["text"]
