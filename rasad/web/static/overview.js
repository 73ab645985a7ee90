/* rasad web page: the whole picture — time axis, facets, who-met-whom network, map.
 * Plain JS and SVG, no library but the vendored topojson-client (ISC) for country outlines.
 * Loaded before app.js; uses its helpers (el, en, api, qs, enc, faNum, TYPE_FA, STATUS_FA …)
 * only when called. Security rule as in app.js: text is set with textContent only.
 */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const TYPE_COLOR = {
  CONSULT: "#0b5cad", AGREE: "#1d7a3a", REJECT: "#8a5a00", REQUEST: "#4a7fb0", THREATEN: "#c0262d",
  SUPPORT: "#3a9c6a", ASSAULT: "#7d1020", ACCUSE: "#d0672a", COOPERATE: "#2b8c8c", AID: "#6aa84f",
  RETREAT: "#8a9099", SANCTION: "#7b3fbf", MOBILIZE: "#a0522d", COERCE: "#b0305f", PROTEST: "#c9a227",
};
const STATUS_COLOR = {
  occurred: "#1d7a3a", ongoing: "#7b3fbf", planned: "#0b5cad", proposed: "#c9a227",
  denied: "#c0262d", cancelled: "#8a9099", unknown: "#c8cdd3",
};
const DAY_MS = 86400000;

function svg(tag, attrs, ...kids) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return node;
}
const svgTitle = (t) => svg("title", { text: t });

function isoPlus(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function jalaliParts(iso) {
  try {
    const f = new Intl.DateTimeFormat("fa-IR-u-ca-persian", { month: "long", year: "numeric", timeZone: "UTC" });
    const parts = f.formatToParts(new Date(`${iso}T12:00:00Z`));
    const get = (t) => (parts.find((p) => p.type === t) || {}).value || "";
    return { month: get("month"), year: get("year") };
  } catch (e) {
    return { month: iso.slice(0, 7), year: iso.slice(0, 4) };
  }
}

function shortJalali(iso) {
  try {
    return new Intl.DateTimeFormat("fa-IR-u-ca-persian", { month: "short", day: "numeric", timeZone: "UTC" })
      .format(new Date(`${iso}T12:00:00Z`));
  } catch (e) {
    return iso;
  }
}

/* ---------- time axis ---------- */
/* Every week from the first to the last (empty weeks too), oldest on the right (RTL). */
function allWeeks(data) {
  const have = new Map((data.weeks || []).map((w) => [w.week, w]));
  const keys = [...have.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  for (let w = keys[0]; w <= keys[keys.length - 1] && out.length < 520; w = isoPlus(w, 7)) {
    out.push(have.get(w) || { week: w, n: 0, types: {}, statuses: {} });
  }
  return out;
}

/* An SVG bar chart of events per week, stacked by type or status; drag (or click) to pick weeks. */
function timeAxis(data, params, onPick) {
  const weeks = allWeeks(data);
  const by = params.by === "status" ? "status" : "type";
  const W = 960, H = 170, top = 10, bottom = 30, side = 8;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...weeks.map((w) => w.n));
  const bw = weeks.length ? (W - 2 * side) / weeks.length : 0;
  const xOf = (i) => W - side - (i + 1) * bw; // week i's left edge: oldest at the right
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "axis-svg", id: "time-axis", role: "img", "aria-label": "شمار رویدادها در هر هفته" });
  root.append(svg("line", { x1: side, x2: W - side, y1: top + plotH, y2: top + plotH, class: "axis-line" }));
  const inRange = (w) => (params.since || params.until)
    && (!params.since || isoPlus(w, 6) >= params.since) && (!params.until || w <= params.until);
  weeks.forEach((w, i) => {
    const g = svg("g", { class: `week${inRange(w.week) ? " picked" : ""}`, "data-week": w.week, "data-n": w.n });
    const parts = by === "status" ? w.statuses : w.types;
    let y = top + plotH;
    for (const [k, n] of Object.entries(parts).sort((a, b) => a[0].localeCompare(b[0]))) {
      const h = (n / max) * plotH;
      y -= h;
      g.append(svg("rect", {
        x: xOf(i) + 1, y, width: Math.max(1, bw - 2), height: h, class: `seg seg-${k}`,
        fill: (by === "status" ? STATUS_COLOR : TYPE_COLOR)[k] || "#999",
      }));
    }
    g.append(svg("rect", { x: xOf(i), y: top, width: bw, height: plotH, class: "hit", fill: "transparent" }));
    const label = Object.entries(parts).map(([k, n]) => `${(by === "status" ? STATUS_FA : TYPE_FA)[k] || k}: ${faNum(n)}`).join("، ");
    g.append(svgTitle(`هفتهٔ ${jalali(w.week) || w.week} (${w.week}): ${faNum(w.n)} رویداد${label ? ` — ${label}` : ""}`));
    root.append(g);
  });
  /* a tick at Jalali month starts (with the year where it changes), at least 60 units apart */
  let lastMonth = "", lastYear = "", lastX = Infinity;
  weeks.forEach((w, i) => {
    const parts = jalaliParts(w.week);
    const x = xOf(i) + bw / 2;
    if ((i === 0 || parts.month !== lastMonth) && lastX - x >= 60) {
      const label = parts.year !== lastYear ? `${parts.month} ${parts.year}` : parts.month;
      const anchor = x > W - 45 ? "end" : x < 45 ? "start" : "middle";
      root.append(svg("text", { x: anchor === "end" ? W - side : x, y: H - 10, class: "tick", "text-anchor": anchor, text: label }));
      root.append(svg("line", { x1: x, x2: x, y1: top + plotH, y2: top + plotH + 4, class: "axis-line" }));
      lastX = x;
      lastYear = parts.year;
    }
    lastMonth = parts.month;
  });
  /* brush: pointer down on one week, up on another */
  const band = svg("rect", { class: "brush", y: top, height: plotH, x: 0, width: 0, visibility: "hidden" });
  root.append(band);
  const indexAt = (ev) => {
    const box = root.getBoundingClientRect();
    const x = ((ev.clientX - box.left) / box.width) * W;
    return Math.max(0, Math.min(weeks.length - 1, Math.floor((W - side - x) / bw)));
  };
  let start = null;
  const drawBand = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    band.setAttribute("x", xOf(hi));
    band.setAttribute("width", (hi - lo + 1) * bw);
    band.setAttribute("visibility", "visible");
  };
  root.addEventListener("pointerdown", (ev) => {
    if (!weeks.length) return;
    start = indexAt(ev);
    drawBand(start, start);
    root.setPointerCapture(ev.pointerId);
  });
  root.addEventListener("pointermove", (ev) => { if (start !== null) drawBand(start, indexAt(ev)); });
  root.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = indexAt(ev);
    const lo = Math.min(start, end), hi = Math.max(start, end);
    start = null;
    onPick(weeks[lo].week, isoPlus(weeks[hi].week, 6));
  });
  const legendOf = by === "status" ? STATUS_FA : TYPE_FA;
  const present = new Set(weeks.flatMap((w) => Object.keys(by === "status" ? w.statuses : w.types)));
  const legend = el("div", { class: "axis-legend" }, [...present].sort().map((k) => el("span", { class: "key" },
    el("i", { class: `swatch sw-${by}-${k}` }), legendOf[k] || k)));
  return { node: root, legend, weeks };
}

/* ---------- facets ---------- */
function facetPanel(f, params, route) {
  const link = (key, value, label, n) => {
    const active = params[key] === value;
    const p = { ...params, offset: "", [key]: active ? "" : value };
    return el("li", { class: active ? "active" : null },
      el("a", { href: `#/${route}${qs(p)}`, "data-facet": key, "data-value": value, "aria-pressed": active ? "true" : "false" },
        label, active ? " ✕" : ""),
      el("span", { class: "count" }, faNum(n)));
  };
  const section = (title, items) => (items.length ? el("section", { class: "facet" }, el("h3", {}, title), el("ul", {}, items)) : null);
  return el("aside", { class: "facets", id: "facets" },
    el("p", { class: "facet-total" }, `${faNum(f.total)} رویداد`),
    section("نوع", f.type.map((x) => link("type", x.value, [TYPE_FA[x.value] || x.value, " ", en(x.value)], x.n))),
    section("وضعیت", f.status.map((x) => link("status", x.value, STATUS_FA[x.value] || x.value, x.n))),
    section("کنشگر", f.actor.map((x) => link("actor", x.name || x.value, readableName(x.label_fa, x.name || x.value), x.n))),
    section("منبع (خبرگزاری)", f.outlet.filter((x) => x.value).map((x) => el("li", {},
      el("a", { href: `#/articles${qs({ source: x.value })}`, "data-facet": "outlet" }, x.value),
      el("span", { class: "count" }, faNum(x.n))))));
}

/* ---------- who met whom ---------- */
/* A small force layout: pairwise repulsion, weighted springs, a pull to the centre; deterministic. */
function forceLayout(nodes, edges, W, H) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)) }));
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]).filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.8;
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = ((d * d) / k) * (1 + Math.log(w));
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x += (W / 2 - pos[i].x) * 0.6;
      disp[i].y += (H / 2 - pos[i].y) * 0.6;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
    }
    temp = Math.max(0.5, temp * 0.985);
  }
  /* fit into the box, with room for labels */
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 70;
  return pos.map((p) => ({
    x: x1 > x0 ? pad + ((p.x - x0) / (x1 - x0)) * (W - 2 * pad) : W / 2,
    y: y1 > y0 ? 30 + ((p.y - y0) / (y1 - y0)) * (H - 60) : H / 2,
  }));
}

function networkSvg(net) {
  const W = 960, H = 560;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "net-svg", id: "network", role: "img", "aria-label": "شبکهٔ دیدارها و توافق‌ها" });
  if (!net.nodes.length) return root;
  const pos = forceLayout(net.nodes, net.edges, W, H);
  const at = new Map(net.nodes.map((d, i) => [d.id, pos[i]]));
  const nameOf = new Map(net.nodes.map((d) => [d.id, d.label_fa || d.name || d.id]));
  for (const e of net.edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const main = Object.entries(e.types).sort((x, y) => y[1] - x[1])[0][0];
    root.append(svg("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge edge-${main}`, "stroke-width": 1 + 2 * Math.log2(1 + e.weight),
      stroke: TYPE_COLOR[main] || "#999", "data-weight": e.weight,
    }, svgTitle(`${nameOf.get(e.source)} — ${nameOf.get(e.target)}: ${Object.entries(e.types).map(([t, c]) => `${TYPE_FA[t] || t} ${faNum(c)}`).join("، ")}`)));
  }
  net.nodes.forEach((d, i) => {
    const p = pos[i];
    const isEntity = d.id !== d.name;
    const g = svg("g", { class: "node", "data-id": d.id, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` },
      svg("circle", { r: 4 + 2.2 * Math.sqrt(d.weight) }),
      svg("text", { y: -8 - 2.2 * Math.sqrt(d.weight), "text-anchor": "middle", text: readableText(d.label_fa, d.name || d.id) }),
      svgTitle(`${d.label_fa || ""} ${d.name || ""} — ${faNum(d.weight)}`.trim()));
    if (isEntity) g.addEventListener("click", () => { location.hash = `#/entity/${enc(d.id)}`; });
    root.append(g);
  });
  return root;
}

async function viewNetwork(params) {
  const path = `/api/overview/network${qs({ since: params.since, until: params.until, types: params.types })}`;
  setJson(path);
  const net = await api(path);
  const form = filterForm("network", params, [
    ["types", "نوع پیوند", "select", [["CONSULT,AGREE", "دیدار و توافق"], ["CONSULT", TYPE_FA.CONSULT], ["AGREE", TYPE_FA.AGREE]]],
    ["since", "از تاریخ", "date"], ["until", "تا تاریخ", "date"],
  ]);
  const rows = net.edges.slice(0, 30).map((e) => {
    const nm = (id) => { const d = net.nodes.find((x) => x.id === id) || { id }; return readableName(d.label_fa, d.name || d.id); };
    return el("tr", {}, el("td", {}, nm(e.source)), el("td", {}, nm(e.target)), el("td", {}, faNum(e.weight)),
      el("td", {}, Object.entries(e.types).map(([t, c]) => `${TYPE_FA[t] || t} ${faNum(c)}`).join("، ")));
  });
  show(
    el("h1", {}, "چه کسی با چه کسی ", en("Who met whom")),
    form,
    el("p", { class: "muted small" }, `${faNum(net.nodes.length)} کنشگر، ${faNum(net.edges.length)} پیوند؛ ضخامت خط = شمار رویدادهای مشترک. روی هر کنشگر بزنید تا صفحه‌اش باز شود.`),
    net.nodes.length ? el("figure", { class: "chart" }, networkSvg(net),
      el("figcaption", { class: "axis-legend" }, ["CONSULT", "AGREE"].map((t) => el("span", { class: "key" }, el("i", { class: `swatch sw-type-${t}` }), TYPE_FA[t]))))
      : el("p", { class: "empty" }, "پیوندی در این بازه نیست."),
    rows.length ? el("table", { class: "kv", id: "edges" },
      el("thead", {}, el("tr", {}, el("th", {}, "کنشگر"), el("th", {}, "کنشگر"), el("th", {}, "وزن"), el("th", {}, "نوع"))),
      el("tbody", {}, rows)) : null,
  );
}

/* ---------- map ---------- */
const MAP_W = 960, MAP_H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];

function ringPath(ring) {
  let d = "", prev = null;
  for (const pt of ring) {
    const [x, y] = project(pt);
    d += (prev === null || Math.abs(x - prev) > MAP_W / 2 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    prev = x;
  }
  return d + "Z";
}

function geoPath(geom) {
  if (!geom) return "";
  if (geom.type === "Polygon") return geom.coordinates.map(ringPath).join("");
  if (geom.type === "MultiPolygon") return geom.coordinates.map((p) => p.map(ringPath).join("")).join("");
  return "";
}

async function countryOutlines() {
  if (typeof topojson === "undefined") return null;
  try {
    const world = await api("/static/vendor/world-atlas/countries-110m.json");
    return topojson.feature(world, world.objects.countries).features;
  } catch (e) {
    return null; /* points on the graticule are still a map */
  }
}

function mapSvg(points, countries) {
  const root = svg("svg", { viewBox: `0 0 ${MAP_W} ${MAP_H}`, class: "map-svg", id: "map", role: "img", "aria-label": "نقشهٔ مکان رویدادها" });
  root.append(svg("rect", { x: 0, y: 0, width: MAP_W, height: MAP_H, class: "sea" }));
  for (const c of countries || []) root.append(svg("path", { d: geoPath(c.geometry), class: "country" }, svgTitle(c.properties && c.properties.name ? c.properties.name : "")));
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x] = project([lon, 0]);
    root.append(svg("line", { x1: x, x2: x, y1: 0, y2: MAP_H, class: "graticule" }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project([0, lat]);
    root.append(svg("line", { x1: 0, x2: MAP_W, y1: y, y2: y, class: lat === 0 ? "graticule equator" : "graticule" }));
  }
  for (const p of [...points].sort((a, b) => b.n - a.n)) {
    const [x, y] = project([p.lon, p.lat]);
    const main = Object.entries(p.types).sort((a, b) => b[1] - a[1])[0][0];
    root.append(svg("g", { class: "point", "data-location": p.location, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      svg("circle", { r: 3 + 3 * Math.sqrt(p.n), fill: TYPE_COLOR[main] || "#c0262d" }),
      svg("text", { x: 0, y: -6 - 3 * Math.sqrt(p.n), "text-anchor": "middle", text: p.label_fa || p.location }),
      svgTitle(`${p.label_fa || ""} ${p.location} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}): ${faNum(p.n)} رویداد`.trim())));
  }
  return root;
}

async function viewMap(params) {
  const path = `/api/overview/map${qs({ type: params.type, status: params.status, since: params.since, until: params.until })}`;
  setJson(path);
  const [data, countries] = await Promise.all([api(path), countryOutlines()]);
  const form = filterForm("map", params, [
    ["type", "نوع", "select", Object.keys(TYPE_FA).map((t) => [t, `${TYPE_FA[t]} (${t})`])],
    ["status", "وضعیت", "select", Object.keys(STATUS_FA).map((s) => [s, `${STATUS_FA[s]} (${s})`])],
    ["since", "از تاریخ", "date"], ["until", "تا تاریخ", "date"],
  ]);
  show(
    el("h1", {}, "نقشهٔ رویدادها ", en("Map")),
    form,
    el("figure", { class: "chart" }, mapSvg(data.points, countries),
      el("figcaption", { class: "muted small" }, "مختصات از ", en(data.source), countries ? "؛ مرز کشورها از Natural Earth (world-atlas)" : "")),
    data.points.length ? el("ul", { class: "list compact", id: "places" }, data.points.map((p) => el("li", {},
      readableName(p.label_fa, p.location), " ", el("span", { class: "count" }, `${faNum(p.n)} رویداد`)))) : el("p", { class: "empty" }, "رویدادی با مکان معلوم نیست."),
    data.unplaced.length ? el("p", { class: "muted small", id: "unplaced" }, "مکان‌های بی‌مختصات: ",
      data.unplaced.map((u, i) => [i ? "، " : "", en(u.location), ` ${faNum(u.n)}`])) : null,
  );
}
