"""The dashboard in a real headless Chromium: every page renders, the chart draws the series
and its change points, highlighted spans match the records, and article markup never runs.

Screenshots go to tests/artifacts/. Needs Debian's chromium and chromium-driver; without them
the tests are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from webdata import HOSTILE_ID  # noqa: E402

pytestmark = pytest.mark.model
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _browser_paths() -> tuple[str, str] | None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def server(web_app):
    """The app served by uvicorn on a free loopback port."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    found = _browser_paths()
    if found is None:
        message = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    binary, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-extensions", "--window-size=1400,1000"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def open_page(browser, server, route: str, shot: str):
    """Open a dashboard route, wait until it has rendered, save a screenshot."""
    browser.get(f"{server}/#{route}")
    page = browser.find_element(By.ID, "page")
    WebDriverWait(browser, 20).until(lambda _: page.get_attribute("data-state") in ("ready", "error"))
    browser.save_screenshot(str(ARTIFACTS / f"{shot}.png"))
    if page.get_attribute("data-state") == "error":
        pytest.fail(f"{route}: {page.text}")
    return page


def api(browser, server, path: str):
    """The API's answer, fetched by the page itself."""
    if not browser.current_url.startswith(server):
        browser.get(f"{server}/static/app.css")  # any page of the server's origin
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.json()).then(done, e => done({error: String(e)}));",
        f"{server}{path}",
    )


def test_overview_lists_dyads_alerts_and_statements(browser, server):
    page = open_page(browser, server, "/", "overview")
    dyads = page.find_elements(By.CSS_SELECTOR, "#dyads tbody tr")
    assert dyads and dyads[0].find_element(By.TAG_NAME, "a").text == "RUSGOV → BLRGOV"
    assert page.find_elements(By.CSS_SELECTOR, "#alerts tbody tr")
    assert len(page.find_elements(By.CSS_SELECTOR, "#statements tbody tr")) == 15


def test_dyad_page_draws_the_series_with_change_points_and_alerts(browser, server):
    expected = api(browser, server, "/api/dyads/RUSGOV/BLRGOV")
    page = open_page(browser, server, "/dyad/RUSGOV/BLRGOV", "dyad")
    chart = page.find_element(By.CSS_SELECTOR, "#chart svg.chart")
    assert chart.size["width"] > 400 and chart.size["height"] > 100
    toned = [r for r in expected["series"] if r["tone"] is not None]
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle.point")) == len(toned)
    assert chart.find_element(By.CSS_SELECTOR, "path.tone").get_attribute("d").count("L") == len(toned) - 1
    markers = chart.find_elements(By.CSS_SELECTOR, "line.change")
    assert len(markers) == len(expected["changes"]) >= 1
    assert {m.get_attribute("data-signal") for m in markers} == {c["signal"] for c in expected["changes"]}
    assert chart.find_elements(By.CSS_SELECTOR, "path.alert-mark")
    reported = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#dyad-events .reported")]
    assert len(reported) == len(expected["events"])
    assert any(r != "reported by 1" for r in reported)
    speakers = page.find_elements(By.CSS_SELECTOR, "#dyad-statements tbody tr td:nth-child(2)")
    assert speakers and {s.text for s in speakers} == {"RUSGOV"}


def test_actor_page_shows_what_it_said_and_did(browser, server):
    page = open_page(browser, server, "/actor/BLRGOV", "actor")
    assert page.find_element(By.TAG_NAME, "h1").text == "BLRGOV"
    assert page.find_elements(By.CSS_SELECTOR, "#actor-statements tbody tr")
    assert page.find_elements(By.CSS_SELECTOR, "#actor-events tbody tr")
    assert page.find_elements(By.CSS_SELECTOR, "svg.activity rect")


def test_article_markup_is_shown_as_text_and_never_runs(browser, server):
    page = open_page(browser, server, f"/article/{HOSTILE_ID}", "article-hostile")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.title != "pwned"
    text = page.find_element(By.ID, "article-text")
    assert "<script>window.__pwned = 1;" in text.text
    assert '<img src=x onerror="window.__pwned = 2">' in text.text
    assert not page.find_elements(By.CSS_SELECTOR, "script, img")


def test_article_highlights_match_the_records(browser, server):
    x = api(browser, server, f"/api/articles/{HOSTILE_ID}")
    open_page(browser, server, f"/article/{HOSTILE_ID}", "article")
    expected = {}
    for i, m in enumerate(x["mentions"]):
        expected[f"m{i}"] = m["text"]
    for i, t in enumerate(x["timexes"]):
        expected[f"t{i}"] = t["text"]
    for i, s in enumerate(x["statements"]):
        expected[f"s{i}"] = s["cue"]["text"]
        expected[f"s{i}c"] = s["content"]["text"]
    for i, e in enumerate(x["events"]):
        expected[f"e{i}"] = (e["trigger"] or e["evidence"])["text"]
    assert x["statements"] and x["events"] and x["mentions"] and x["timexes"]
    shown = browser.execute_script(
        "const out = {};"
        "for (const span of document.querySelectorAll('#article-text .hl')) {"
        "  for (const id of span.dataset.records.split(' ')) out[id] = (out[id] || '') + span.textContent;"
        "} return out;"
    )
    assert shown == expected


def test_hovering_a_highlight_shows_its_record(browser, server):
    page = open_page(browser, server, f"/article/{HOSTILE_ID}", "article-hover")
    cue = page.find_element(By.CSS_SELECTOR, "#article-text .hl.cue")
    ActionChains(browser).move_to_element(cue).perform()
    tip = browser.find_element(By.ID, "tip")
    WebDriverWait(browser, 5).until(lambda _: tip.is_displayed())
    assert "Statement by BLRGOV" in tip.text
    browser.save_screenshot(str(ARTIFACTS / "article-tooltip.png"))


def test_alert_page_highlights_its_evidence(browser, server):
    alerts = api(browser, server, "/api/alerts?limit=5")["items"]
    page = open_page(browser, server, f"/alert/{alerts[0]['id']}", "alert")
    evidence = page.find_elements(By.CSS_SELECTOR, "#alert-evidence .hl")
    shown = "".join(e.get_attribute("textContent") for e in evidence)
    assert shown == alerts[0]["evidence"]["text"]
    assert page.find_element(By.TAG_NAME, "h1").text == alerts[0]["message"]


def test_search_from_the_header(browser, server):
    open_page(browser, server, "/", "search-start")
    box = browser.find_element(By.CSS_SELECTOR, "#search input")
    box.send_keys("sanctions\n")
    page = browser.find_element(By.ID, "page")
    WebDriverWait(browser, 10).until(lambda _: "Search: sanctions" in page.text)
    browser.save_screenshot(str(ARTIFACTS / "search.png"))
    assert page.find_elements(By.CSS_SELECTOR, "tbody tr")


def test_an_unknown_article_shows_the_error(browser, server):
    browser.get(f"{server}/#/article/does-not-exist")
    page = browser.find_element(By.ID, "page")
    WebDriverWait(browser, 10).until(lambda _: page.get_attribute("data-state") == "error")
    assert "does-not-exist" in page.text
