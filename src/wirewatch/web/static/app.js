// wirewatch dashboard: a hash router over the JSON API, no libraries.
// Every piece of stored text reaches the page through textContent or an SVG text node,
// never through innerHTML: article text is untrusted.
"use strict";

const page = document.getElementById("page");
const tip = document.getElementById("tip");
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

const enc = encodeURIComponent;
const link = (href, text) => el("a", { href, text });
const actorLink = (code) => (code ? link(`#/actor/${enc(code)}`, code) : el("span", { class: "muted", text: "—" }));
const dyadLink = (s, t, text) => link(`#/dyad/${enc(s)}/${enc(t)}`, text || `${s} → ${t}`);
const articleLink = (id, title) => link(`#/article/${enc(id)}`, title || id);

function num(value, digits = 2) {
  if (value === null || value === undefined) return el("span", { class: "muted", text: "—" });
  const n = Number(value);
  return el("span", { class: n < 0 ? "neg" : n > 0 ? "pos" : "", text: n.toFixed(digits) });
}

function toneText(tone) {
  const entries = Object.entries(tone || {});
  if (!entries.length) return el("span", { class: "muted", text: "—" });
  return el("span", {}, entries.map(([code, value], i) => [i ? ", " : "", `${code} `, num(value)]));
}

function table(headers, rows, cls) {
  if (!rows.length) return el("p", { class: "muted", text: "None yet." });
  return el(
    "table",
    { class: cls },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { text: h })))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c))))),
  );
}

function statementRows(items) {
  return items.map((s) => [
    s.date || el("span", { class: "muted", text: "undated" }),
    actorLink(s.speaker_code),
    el("span", { title: s.speaker_name || "" }, s.cue_text || ""),
    `${s.cameo} ${s.speech_act}`,
    (s.target_codes || []).map((t, i) => [i ? ", " : "", actorLink(t)]),
    el("span", { class: "quote", text: s.content_text }),
    toneText(s.tone),
    articleLink(s.article_id, s.title),
  ]);
}
const STATEMENT_HEADERS = ["Date", "Speaker", "Cue", "Speech act", "About", "What was said", "Tone", "Article"];

function eventRows(items) {
  return items.map((e) => [
    e.date || el("span", { class: "muted", text: "undated" }),
    actorLink(e.source_code),
    `${e.cameo} ${e.name}`,
    actorLink(e.target_code),
    e.modality,
    num(e.goldstein, 1),
    el("span", { class: "quote", text: e.evidence_text }),
    el("span", { class: "reported", text: `reported by ${e.reported_by}` }),
    articleLink(e.article_id, e.title),
  ]);
}
const EVENT_HEADERS = ["Date", "Source", "Event", "Target", "Modality", "Goldstein", "Evidence", "Reports", "Article"];

function alertRows(items) {
  return items.map((a) => [
    a.date || "",
    a.rule,
    a.source_code && a.target_code ? dyadLink(a.source_code, a.target_code) : actorLink(a.source_code),
    link(`#/alert/${enc(a.id)}`, a.message),
    a.acknowledged ? "acknowledged" : el("strong", { text: "new" }),
  ]);
}

// ---- pages ----

async function overview() {
  const [info, dyads, alerts, statements] = await Promise.all([
    api("/api/info"),
    api("/api/dyads?limit=15"),
    api("/api/alerts?limit=10"),
    api("/api/statements?limit=15"),
  ]);
  return [
    el("h1", { text: "Overview" }),
    el("p", { class: "muted" },
      `${info.articles} articles, ${info.statements} statements, ${info.events} events ` +
      `(${info.event_clusters} distinct), ${info.alerts} alerts — ${info.store}`),
    el("div", { class: "grid" },
      el("section", { class: "card", id: "dyads" }, el("h2", { text: "Most active dyads" }),
        table(["Dyad", "Events", "Articles", "Goldstein", "Tone", "Last"], dyads.items.map((d) => [
          dyadLink(d.source, d.target), d.events, d.articles, num(d.goldstein, 1), num(d.tone, 3), d.last_date || "",
        ]))),
      el("section", { class: "card", id: "alerts" }, el("h2", { text: "Latest alerts" }),
        table(["Date", "Rule", "Who", "Alert", ""], alertRows(alerts.items)))),
    el("section", { id: "statements" }, el("h2", { text: "Latest statements" }),
      table(STATEMENT_HEADERS, statementRows(statements.items))),
  ];
}

function toneChart(series, changes, alerts) {
  const width = 900, height = 260, left = 44, right = 16, top = 16, bottom = 34;
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "tone per period with change points and alerts" });
  const periods = series.map((r) => r.period);
  if (!periods.length) {
    chart.append(svg("text", { x: 20, y: 40, text: "No dated records for this dyad yet." }));
    return chart;
  }
  const times = periods.map((p) => Date.parse(p));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (t) => left + (t1 === t0 ? (width - left - right) / 2 : ((t - t0) / (t1 - t0)) * (width - left - right));
  const y = (v) => top + ((1 - v) / 2) * (height - top - bottom);
  const maxEvents = Math.max(1, ...series.map((r) => r.events + (r.statements || 0)));
  chart.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  chart.append(svg("line", { class: "axis", x1: left, x2: left, y1: top, y2: height - bottom }));
  for (const v of [1, 0.5, 0, -0.5, -1]) chart.append(svg("text", { x: 4, y: y(v) + 4, text: v.toFixed(1) }));
  for (const r of series) {
    const h = ((r.events + (r.statements || 0)) / maxEvents) * 40;
    chart.append(svg("rect", { class: "volume", x: x(Date.parse(r.period)) - 3, y: height - bottom - h, width: 6,
      height: h, fill: "#c9d6e3" }, svg("title", { text: `${r.period}: ${r.events} events, ${r.statements || 0} statements` })));
  }
  const toned = series.filter((r) => r.tone !== null && r.tone !== undefined);
  if (toned.length) {
    const d = toned.map((r, i) => `${i ? "L" : "M"}${x(Date.parse(r.period)).toFixed(1)},${y(Number(r.tone)).toFixed(1)}`);
    chart.append(svg("path", { class: "line tone", d: d.join(" ") }));
    for (const r of toned) {
      chart.append(svg("circle", { class: "point", cx: x(Date.parse(r.period)), cy: y(Number(r.tone)), r: 3.5,
        fill: "#1f4e79" }, svg("title", { text: `${r.period}: tone ${Number(r.tone).toFixed(3)}, ${r.events} events` })));
    }
  }
  const labelled = new Map();
  for (const c of changes) {
    const cx = x(Date.parse(c.start));
    const row = labelled.get(c.start) || 0;
    labelled.set(c.start, row + 1);
    chart.append(svg("line", { class: "change", "data-signal": c.signal, x1: cx, x2: cx, y1: top, y2: height - bottom,
      stroke: c.signal === "tone" ? "#c0392b" : "#8e44ad" },
      svg("title", { text: `${c.signal} change in ${c.week}: ${c.before.toFixed(2)} → ${c.after.toFixed(2)}` })));
    chart.append(svg("text", { x: cx + 4, y: top + 10 + 13 * row, text: `${c.signal} change ${c.week}` }));
  }
  for (const a of alerts) {
    if (!a.date || Number.isNaN(Date.parse(a.date.slice(0, 10)))) continue;
    const ax = x(Math.min(Math.max(Date.parse(a.date.slice(0, 10)), t0), t1));
    chart.append(svg("path", { class: "alert-mark", d: `M${ax - 6},${height - bottom + 14} l6,-10 l6,10 z`,
      fill: "#e67e22" }, svg("title", { text: `${a.date} ${a.rule}: ${a.message}` })));
  }
  chart.append(svg("text", { x: left, y: height - 4, text: periods[0] }));
  chart.append(svg("text", { x: width - right - 70, y: height - 4, text: periods[periods.length - 1] }));
  return chart;
}

async function dyadPage(source, target) {
  const [dyad, alerts] = await Promise.all([
    api(`/api/dyads/${enc(source)}/${enc(target)}`),
    api("/api/alerts?limit=1000"),
  ]);
  const mine = alerts.items.filter((a) => a.source_code === dyad.source && a.target_code === dyad.target);
  return [
    el("h1", {}, actorLink(dyad.source), " → ", actorLink(dyad.target)),
    el("p", { class: "muted" }, "Reverse direction: ", dyadLink(dyad.target, dyad.source)),
    el("section", { id: "chart" }, el("h2", { text: `Tone per ${dyad.interval}` }), toneChart(dyad.series, dyad.changes, mine),
      el("p", { class: "legend muted" }, "line: mean tone of events; bars: events and statements; dashed: change points; ",
        "orange: alerts")),
    el("section", { id: "changes" }, el("h2", { text: "Change points" }),
      table(["Signal", "Week", "Before", "After", "Confidence", "Records"], dyad.changes.map((c) => [
        c.signal, c.week, num(c.before), num(c.after), `${(100 * c.confidence).toFixed(1)}%`, `${c.n_before} / ${c.n_after}`,
      ]))),
    el("section", { id: "dyad-alerts" }, el("h2", { text: "Alerts" }), table(["Date", "Rule", "Who", "Alert", ""], alertRows(mine))),
    el("section", { id: "dyad-statements" }, el("h2", { text: "Statements" }), table(STATEMENT_HEADERS, statementRows(dyad.statements))),
    el("section", { id: "dyad-events" }, el("h2", { text: "Events" }), table(EVENT_HEADERS, eventRows(dyad.events))),
  ];
}

function activityChart(records) {
  const counts = new Map();
  for (const r of records) if (r.date && /^\d{4}-\d{2}/.test(r.date)) {
    const month = r.date.slice(0, 7);
    counts.set(month, (counts.get(month) || 0) + 1);
  }
  const months = [...counts.keys()].sort();
  const width = 900, height = 140, bar = Math.min(40, (width - 40) / Math.max(1, months.length) - 4);
  const chart = svg("svg", { class: "chart activity", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "records per month" });
  const most = Math.max(1, ...counts.values());
  months.forEach((m, i) => {
    const h = (counts.get(m) / most) * (height - 40);
    const bx = 20 + i * (bar + 4);
    chart.append(svg("rect", { x: bx, y: height - 20 - h, width: bar, height: h, fill: "#1f4e79" },
      svg("title", { text: `${m}: ${counts.get(m)} records` })));
    chart.append(svg("text", { x: bx, y: height - 6, text: m }));
  });
  return chart;
}

async function actorPage(code) {
  const a = await api(`/api/actors/${enc(code)}`);
  return [
    el("h1", { text: a.code }),
    el("section", {}, el("h2", { text: "Activity per month" }), activityChart([...a.statements, ...a.events, ...a.targeted_by])),
    el("section", { id: "actor-dyads" }, el("h2", { text: "Toward whom" }),
      table(["Dyad", "Events", "Goldstein", "Tone", "Last"], a.dyads.map((d) => [
        dyadLink(d.source, d.target), d.events, num(d.goldstein, 1), num(d.tone, 3), d.last_date || "",
      ]))),
    el("section", { id: "actor-statements" }, el("h2", { text: "What it said" }), table(STATEMENT_HEADERS, statementRows(a.statements))),
    el("section", { id: "actor-events" }, el("h2", { text: "What it did" }), table(EVENT_HEADERS, eventRows(a.events))),
    el("section", { id: "actor-targeted" }, el("h2", { text: "What was done to it" }), table(EVENT_HEADERS, eventRows(a.targeted_by))),
  ];
}

// The article's records as highlight spans: [start, end, kind, id, description].
function articleSpans(x) {
  const spans = [];
  x.mentions.forEach((m, i) => spans.push([m.start, m.end, "mention", `m${i}`,
    `Actor: ${m.actor ? `${m.actor.code} (${m.actor.name || ""})` : "unresolved"}\nresolved by ${m.actor ? m.actor.resolved_by : "—"}`]));
  x.timexes.forEach((t, i) => spans.push([t.start, t.end, "timex", `t${i}`, `Time (${t.type}): ${t.value || "unresolved"}\ngranularity ${t.granularity}, anchor ${t.anchor}`]));
  x.statements.forEach((s, i) => {
    const who = s.speaker && s.speaker.actor ? s.speaker.actor.code : s.speaker ? s.speaker.text : "unknown speaker";
    const about = s.targets.map((t) => t.code).join(", ") || "—";
    const text = `Statement by ${who}: ${s.speech_act.cameo} ${s.speech_act.name}\nabout ${about}; ${s.modality}; date ${s.date || "—"}`;
    spans.push([s.cue.start, s.cue.end, "cue", `s${i}`, text]);
    spans.push([s.content.start, s.content.end, "content", `s${i}c`, text]);
  });
  x.events.forEach((e, i) => {
    const span = e.trigger || e.evidence;
    spans.push([span.start, span.end, "trigger", `e${i}`,
      `Event ${e.cameo} ${e.name}\n${e.source ? e.source.code : "?"} → ${e.target ? e.target.code : "?"}; ${e.modality}; ` +
      `date ${e.date || "—"}; Goldstein ${e.goldstein}`]);
  });
  return spans;
}

function highlighted(text, spans) {
  // Offsets count code points (as Python does); Array.from splits the text the same way.
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const [s, e] of spans) { cuts.add(Math.max(0, Math.min(s, chars.length))); cuts.add(Math.max(0, Math.min(e, chars.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const covering = spans.filter(([s, e]) => s <= a && e >= b && e > s);
    if (!covering.length) { out.append(document.createTextNode(piece)); continue; }
    const span = el("span", {
      class: ["hl", ...new Set(covering.map((c) => c[2]))].join(" "),
      "data-records": covering.map((c) => c[3]).join(" "),
      text: piece,
    });
    span.dataset.tip = [...new Set(covering.map((c) => c[4]))].join("\n\n");
    out.append(span);
  }
  return out;
}

async function articlePage(id) {
  const x = await api(`/api/articles/${enc(id)}`);
  const spans = articleSpans(x);
  return [
    el("h1", { text: x.title || x.id }),
    el("p", { class: "muted" }, [x.published || "undated", x.source, x.url].filter(Boolean).join(" · ")),
    el("p", { class: "legend" },
      el("span", { class: "hl mention", text: "actor" }), el("span", { class: "hl timex", text: "time" }),
      el("span", { class: "hl cue", text: "speech cue" }), el("span", { class: "hl content", text: "what was said" }),
      el("span", { class: "hl trigger", text: "event" })),
    highlighted(x.text, spans),
    el("section", { id: "article-statements" }, el("h2", { text: `Statements (${x.statements.length})` }),
      table(["Speaker", "Speech act", "About", "What was said", "Date", "Tone"], x.statements.map((s) => [
        s.speaker && s.speaker.actor ? actorLink(s.speaker.actor.code) : (s.speaker ? s.speaker.text : "—"),
        `${s.speech_act.cameo} ${s.speech_act.name}`, s.targets.map((t) => t.code).join(", "),
        el("span", { class: "quote", text: s.content.text }), s.date || "—", toneText(s.tone),
      ]))),
    el("section", { id: "article-events" }, el("h2", { text: `Events (${x.events.length})` }),
      table(["Source", "Event", "Target", "Modality", "Date", "Location"], x.events.map((e) => [
        e.source ? actorLink(e.source.code) : "—", `${e.cameo} ${e.name}`, e.target ? actorLink(e.target.code) : "—",
        e.modality, e.date || "—", e.location ? e.location.name : "—",
      ]))),
  ];
}

async function alertsPage() {
  const alerts = await api("/api/alerts?limit=200");
  return [el("h1", { text: "Alerts" }), table(["Date", "Rule", "Who", "Alert", ""], alertRows(alerts.items))];
}

async function alertPage(id) {
  const a = await api(`/api/alerts/${enc(id)}`);
  const x = await api(`/api/articles/${enc(a.article_id)}`);
  const ev = a.evidence;
  const spans = [[ev.start, ev.end, "content", "evidence", `Evidence of ${a.rule}`]];
  const chars = Array.from(x.text);
  // Show the evidence with some of the text around it.
  const from = Math.max(0, ev.start - 300), to = Math.min(chars.length, ev.end + 300);
  const excerpt = chars.slice(from, to).join("");
  return [
    el("h1", { text: a.message }),
    table(["Rule", "Date", "Who", "Record", "Matched", "Status"], [[
      a.rule, a.date || "—",
      a.source_code && a.target_code ? dyadLink(a.source_code, a.target_code) : actorLink(a.source_code),
      `${a.record} #${a.idx}`, (a.matched || []).join("; "), a.acknowledged ? "acknowledged" : "new",
    ]]),
    el("h2", {}, "Evidence in ", articleLink(a.article_id, a.title)),
    el("div", { id: "alert-evidence" }, highlighted(excerpt, spans.map(([s, e, ...rest]) => [s - from, e - from, ...rest]))),
  ];
}

async function searchPage(q) {
  const found = await api(`/api/search?q=${enc(q)}`);
  return [
    el("h1", { text: `Search: ${q}` }),
    el("h2", { text: "Statements" }), table(["Date", "Speaker", "Speech act", "What was said", "Article"], found.statements.map((s) => [
      s.date || "", actorLink(s.speaker_code), `${s.cameo} ${s.speech_act}`, el("span", { class: "quote", text: s.content_text }),
      articleLink(s.article_id, s.title),
    ])),
    el("h2", { text: "Events" }), table(["Date", "Source", "Event", "Target", "Evidence", "Article"], found.events.map((e) => [
      e.date || "", actorLink(e.source_code), `${e.cameo} ${e.name}`, actorLink(e.target_code),
      el("span", { class: "quote", text: e.evidence_text }), articleLink(e.article_id, e.title),
    ])),
  ];
}

// ---- router ----

const routes = [
  [/^#?\/?$/, () => overview()],
  [/^#\/dyad\/([^/]+)\/([^/]+)$/, (m) => dyadPage(decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^#\/actor\/([^/]+)$/, (m) => actorPage(decodeURIComponent(m[1]))],
  [/^#\/article\/(.+)$/, (m) => articlePage(decodeURIComponent(m[1]))],
  [/^#\/alerts$/, () => alertsPage()],
  [/^#\/alert\/([^/]+)$/, (m) => alertPage(decodeURIComponent(m[1]))],
  [/^#\/search\/(.+)$/, (m) => searchPage(decodeURIComponent(m[1]))],
];

async function render() {
  const hash = location.hash || "#/";
  page.setAttribute("data-state", "loading");
  try {
    const route = routes.find(([pattern]) => pattern.test(hash));
    if (!route) throw new Error(`no page ${hash}`);
    const content = await route[1](hash.match(route[0]));
    page.replaceChildren(...content);
    document.title = `wirewatch — ${page.querySelector("h1") ? page.querySelector("h1").textContent : ""}`;
    page.setAttribute("data-state", "ready");
  } catch (error) {
    page.replaceChildren(el("h1", { text: "Something went wrong" }), el("p", { class: "error", text: String(error.message || error) }));
    page.setAttribute("data-state", "error");
  }
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get("q").trim();
  if (q.length >= 2) location.hash = `#/search/${enc(q)}`;
});

page.addEventListener("mouseover", (event) => {
  const target = event.target.closest ? event.target.closest("[data-tip]") : null;
  if (!target) { tip.hidden = true; return; }
  tip.textContent = target.dataset.tip;
  const box = target.getBoundingClientRect();
  tip.style.left = `${Math.min(box.left, window.innerWidth - 460)}px`;
  tip.style.top = `${box.bottom + 6}px`;
  tip.hidden = false;
});
page.addEventListener("mouseout", (event) => {
  if (event.target.closest && event.target.closest("[data-tip]")) tip.hidden = true;
});

window.addEventListener("hashchange", render);
render();
