/* rasad web page: plain JS, no build step, no framework.
 * Security rule: data is only ever put in the page with textContent / createTextNode,
 * never by parsing HTML strings. Views are hash routes; each one renders a JSON endpoint of /api.
 */
"use strict";

const STATUS_FA = {
  occurred: "رخ داده", ongoing: "در جریان", planned: "برنامه‌ریزی‌شده",
  proposed: "پیشنهادی", denied: "تکذیب‌شده", cancelled: "لغوشده",
};
const TYPE_FA = {
  CONSULT: "دیدار و رایزنی", AGREE: "توافق", REJECT: "رد", REQUEST: "درخواست",
  THREATEN: "تهدید", SUPPORT: "حمایت", ASSAULT: "حمله", ACCUSE: "اتهام",
  COOPERATE: "همکاری", AID: "کمک", RETREAT: "عقب‌نشینی", SANCTION: "تحریم",
  MOBILIZE: "بسیج", COERCE: "اجبار", PROTEST: "اعتراض",
};
const ENT_FA = { PER: "شخص", ORG: "سازمان", GPE: "کشور/شهر", LOC: "مکان", FAC: "تأسیسات", EVENT: "رویداد" };
const KIND_FA = { direct: "مستقیم", indirect: "غیرمستقیم" };
const PAGE = 20;

/* ---------- DOM helpers ---------- */
function el(tag, attrs, ...kids) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return node;
}
const en = (s) => (s ? el("bdi", { lang: "en", class: "en", dir: "ltr" }, s) : null);
const faNum = (n) => (typeof n === "number" ? n.toLocaleString("fa-IR") : n);
const enc = encodeURIComponent;
/* Only web links are linked (no javascript:, data: …). */
const safeUrl = (u) => typeof u === "string" && /^https?:\/\//i.test(u);

function qs(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") parts.push(`${enc(k)}=${enc(v)}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/* Jalali from an ISO date, in the browser (the API also sends *_jalali fields). */
function jalali(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  try {
    return new Intl.DateTimeFormat("fa-IR-u-ca-persian", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d);
  } catch (e) {
    return null;
  }
}

/* A date in both calendars: «۲۹ مهر ۱۴۰۴ (2025-10-21)». */
function dateBoth(iso, jal) {
  if (!iso) return el("span", { class: "muted" }, "بی‌تاریخ");
  const j = jal || jalali(iso);
  return el("span", { class: "date", title: iso }, j ? j : "", j ? " " : "", el("bdi", { dir: "ltr", class: "en" }, iso));
}

/* A merged event's date; undated events show when they were reported instead. */
function eventDate(ev) {
  if (ev.date) return dateBoth(ev.date, ev.date_jalali_fa);
  if (ev.when) return el("span", { class: "muted" }, "تاریخ نامعلوم؛ گزارش‌شده در ", dateBoth(ev.when, ev.when_jalali_fa));
  return dateBoth(null);
}

/* Internal ids are never shown raw: `anonymous:senior White House official` → «منبع بی‌نام» + the role. */
const ANON = /^anonymous:\s*/i;
function readableText(fa, enName) {
  if (fa) return fa;
  if (enName && ANON.test(enName)) return `منبع بی‌نام: ${enName.replace(ANON, "") || "؟"}`;
  return enName || "؟";
}

function readableName(fa, enName) {
  if (enName && ANON.test(enName)) {
    const role = enName.replace(ANON, "");
    return el("span", { class: "name anon" }, fa || "منبع بی‌نام", role && !fa ? [" ", en(role)] : null);
  }
  return el("span", { class: "name" }, fa || (enName ? el("bdi", { dir: "auto" }, enName) : "؟"), fa && enName ? " " : "", fa && enName ? en(enName) : null);
}
const nameFa = readableName;

/* An article's title, else its document id kept left-to-right (`587737941f97652b_001`). */
function docName(x, id) {
  if (x.title) return x.title;
  if (x.doc) return el("bdi", { dir: "ltr", class: "doc-id" }, x.doc);
  return ["خبر ", faNum(id)];
}

function entityLink(id, fa, enName) {
  const inner = nameFa(fa, enName);
  return id ? el("a", { href: `#/entity/${enc(id)}` }, inner) : inner;
}

function statusBadge(status) {
  return el("span", { class: `status s-${status || "unknown"}`, title: status || "" }, STATUS_FA[status] || status || "؟", " ", en(status));
}

function typeLabel(type) {
  return el("span", { class: "badge" }, TYPE_FA[type] || type || "؟", " ", en(type));
}

/* ---------- fetching ---------- */
class ApiError extends Error {}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const msg = (body && (body.message || body.error)) || `HTTP ${res.status}`;
    const near = body && Array.isArray(body.suggestions) && body.suggestions.length
      ? ` — شاید منظورتان این است: ${body.suggestions.join("، ")}` : "";
    throw new ApiError(`${msg}${near} (${res.status})`);
  }
  return body;
}

/* ---------- page frame ---------- */
const view = () => document.getElementById("view");

function setJson(path) {
  const a = document.getElementById("json-link");
  a.href = path;
  let shown = path;
  try { shown = decodeURI(path); } catch (e) { /* keep the encoded form */ }
  a.textContent = shown;
}

function show(...nodes) {
  const v = view();
  v.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
}

/* The message of the API is English: isolated so that it reads left-to-right inside the Persian box. */
function errorBox(message) {
  return el("div", { class: "error", role: "alert", dir: "rtl" }, el("strong", {}, "خطا: "), el("bdi", { dir: "auto", class: "error-msg" }, message));
}

function showError(err) {
  show(errorBox(err.message || String(err)));
}

function pager(route, params, data) {
  const off = data.offset || 0;
  const prev = off > 0 ? el("a", { href: `#/${route}${qs({ ...params, offset: Math.max(0, off - data.limit) })}` }, "→ قبلی") : null;
  const next = data.next_offset != null ? el("a", { href: `#/${route}${qs({ ...params, offset: data.next_offset })}` }, "بعدی ←") : null;
  const shown = (data.items || []).length;
  const count = typeof data.total === "number" && shown
    ? el("span", { class: "total" }, `${faNum(off + 1)} تا ${faNum(off + shown)} از ${faNum(data.total)}`) : null;
  return prev || next || count ? el("nav", { class: "pager" }, prev, count, next) : null;
}

function filterForm(route, params, fields) {
  const inputs = fields.map(([name, label, kind, options]) => {
    let input;
    if (kind === "select") {
      input = el("select", { name }, el("option", { value: "" }, "همه"),
        ...options.map(([v, t]) => el("option", { value: v, selected: params[name] === v }, t)));
    } else {
      const isDate = kind === "date";
      input = el("input", {
        name, type: "text", value: params[name] || "", dir: isDate ? "ltr" : null,
        placeholder: isDate ? "YYYY-MM-DD" : null, pattern: isDate ? "\\d{4}(-\\d{2}(-\\d{2})?)?" : null,
      });
    }
    return el("label", {}, label, input);
  });
  const form = el("form", { class: "filters" }, ...inputs, el("button", { type: "submit" }, "اعمال"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = {};
    for (const [name] of fields) p[name] = form.elements[name].value.trim();
    location.hash = `#/${route}${qs(p)}`;
  });
  return form;
}

/* ---------- highlighted text ---------- */
/* spans: [{start, end, cls, title, href}] in code points of `text`. Overlaps are split into segments. */
function highlighted(text, spans, tag, cls) {
  const chars = Array.from(text || "");
  const n = chars.length;
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.start >= 0 && s.end <= n);
  const cuts = new Set([0, n]);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const root = el(tag || "div", { class: cls || "doc" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = chars.slice(a, b).join("");
    const on = ok.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) {
      root.append(document.createTextNode(piece));
      continue;
    }
    const isEv = on.some((s) => s.cls.split(" ").includes("ev"));
    const node = el(isEv ? "mark" : "span", {
      class: `hl ${on.map((s) => s.cls).join(" ")}`,
      title: on.map((s) => s.title).filter(Boolean).join(" · "),
    }, piece);
    const link = on.find((s) => s.href);
    if (link) node.addEventListener("click", () => { location.hash = link.href; });
    root.append(node);
  }
  return root;
}

/* ---------- views ---------- */
const TL_PAGE = 100; /* a page of the timeline; `limit=` in the hash changes it (10…200) */

/* location (English name) → its Persian label (the stored entity of that name). */
async function placeLabels(filters) {
  try {
    const m = await api(`/api/overview/places${qs(filters || {})}`);
    return new Map(m.places.filter((p) => p.label_fa).map((p) => [p.location, p.label_fa]));
  } catch (e) {
    return new Map();
  }
}

function placeNode(name, places) {
  if (!name) return null;
  const fa = places && places.get(name);
  return el("span", { class: "place" }, "مکان: ", fa ? [fa, " ", en(name)] : el("bdi", { dir: "auto" }, name));
}

async function viewTimeline(params) {
  const filters = { type: params.type, status: params.status, actor: params.actor, since: params.since, until: params.until };
  const limit = Math.min(200, Math.max(10, Number(params.limit) || TL_PAGE));
  const path = `/api/timeline${qs({ ...filters, limit, offset: params.offset })}`;
  setJson(path);
  const axisFilters = { type: params.type, status: params.status, actor: params.actor };
  const [data, weeks, facets, places] = await Promise.all([
    api(path), api(`/api/overview/weeks${qs(axisFilters)}`), api(`/api/overview/facets${qs(filters)}`), placeLabels(filters),
  ]);
  const form = filterForm("timeline", params, [
    ["type", "نوع", "select", Object.keys(TYPE_FA).map((t) => [t, `${TYPE_FA[t]} (${t})`])],
    ["status", "وضعیت", "select", Object.keys(STATUS_FA).map((s) => [s, `${STATUS_FA[s]} (${s})`])],
    ["actor", "کنشگر", "text"],
    ["since", "از تاریخ", "date"],
    ["until", "تا تاریخ", "date"],
  ]);
  const axis = timeAxis(weeks, params, (since, until) => {
    location.hash = `#/timeline${qs({ ...params, since, until, offset: "" })}`;
  });
  const byOther = params.by === "status" ? "type" : "status";
  const axisBar = el("div", { class: "axis-bar" },
    el("span", {}, "شمار رویدادها در هفته (هفته از شنبه)؛ برای گزینش بازه روی نمودار بکشید. "),
    el("a", { href: `#/timeline${qs({ ...params, by: byOther === "type" ? "" : "status" })}`, id: "axis-by" },
      byOther === "status" ? "به تفکیک وضعیت" : "به تفکیک نوع"),
    params.since || params.until
      ? el("a", { href: `#/timeline${qs({ ...params, since: "", until: "", offset: "" })}`, id: "axis-clear" }, "✕ همهٔ زمان‌ها") : null,
    weeks.undated ? el("span", { class: "muted small" }, ` · ${faNum(weeks.undated)} رویداد بی‌تاریخ در نمودار نیست`) : null);
  const items = data.items.map((ev) => timelineItem(ev, places));
  const off = Number(params.offset || 0);
  const shown = items.length ? `رویداد ${faNum(off + 1)} تا ${faNum(off + items.length)} از ${faNum(facets.total)}` : "";
  show(
    el("h1", {}, "خط زمانی رویدادها ", en("Timeline")),
    el("figure", { class: "chart axis" }, axisBar, axis.node, axis.legend),
    form,
    el("div", { class: "with-facets" },
      facetPanel(facets, params, "timeline"),
      el("div", { class: "tl-main" },
        el("p", { class: "muted small", id: "tl-count" }, shown),
        exportLinks(filters),
        items.length ? el("ol", { class: "timeline", id: "timeline" }, items) : el("p", { class: "empty" }, "رویدادی یافت نشد."),
        pager("timeline", params, data))),
  );
}

/* Downloads of what the list shows (same filters): the API's export files. */
function exportLinks(filters) {
  const link = (kind, format, label) => el("a", { href: `/api/export/${kind}${qs({ ...filters, format })}`, download: "" }, label);
  return el("p", { class: "exports small", id: "exports" }, "خروجی ", en("export"), ": ",
    link("timeline", "csv", "CSV"), " · ", link("timeline", "jsonl", "JSON Lines"), " · ",
    link("timeline", "geojson", "GeoJSON"), " · ", link("timeline", "timelinejs", "TimelineJS"), " · ",
    link("graph", "graphml", "GraphML"));
}

function actorsNode(ev) {
  const names = ev.actors || [];
  const fa = ev.actors_fa || [];
  const ids = ev.actor_ids || [];
  const out = [];
  names.forEach((n, i) => {
    if (i) out.push("، ");
    out.push(nameFa(fa[i], n));
    if (ids[i]) out[out.length - 1].dataset.id = ids[i];
  });
  return out.length ? el("span", { class: "actors" }, out) : el("span", { class: "muted" }, "کنشگر نامعلوم");
}

function timelineItem(ev, places) {
  const details = el("div", { class: "reports", hidden: true });
  const card = el("button", { class: "tl-card", type: "button", "aria-expanded": "false" },
    el("div", { class: "tl-date" }, eventDate(ev)),
    el("div", { class: "tl-title" }, typeLabel(ev.type), actorsNode(ev)),
    el("div", { class: "meta" },
      statusBadge(ev.status),
      ev.contested ? el("span", { class: "badge contested", title: "reports disagree" }, "مورد اختلاف ", en("contested")) : null,
      placeNode(ev.location, places),
      el("span", { title: "distinct stories (copies of one wire story count once) / outlets" },
        `${faNum(ev.sources || 0)} منبع` + (ev.outlets != null ? ` (${faNum(ev.outlets)} رسانه)` : "")),
      el("a", { href: `#/event/${enc(ev.id)}`, onclick: (e) => e.stopPropagation() }, "صفحهٔ رویداد")));
  card.addEventListener("click", async () => {
    const open = card.getAttribute("aria-expanded") === "true";
    card.setAttribute("aria-expanded", open ? "false" : "true");
    details.hidden = open;
    if (!open && !details.dataset.loaded) {
      details.dataset.loaded = "1";
      details.replaceChildren(el("p", { class: "muted" }, "در حال بارگیری…"));
      try {
        const full = await api(`/api/timeline/${enc(ev.id)}`);
        details.replaceChildren(...reportNodes(full));
      } catch (err) {
        details.replaceChildren(errorBox(err.message));
      }
    }
  });
  const claims = ev.contested && (ev.claims || []).length
    ? el("ul", { class: "claims" }, ev.claims.map((c) => el("li", {},
        statusBadge(c.status), " ", c.outlet ? el("span", {}, c.outlet) : null, " ",
        c.article_id != null ? el("a", { href: `#/article/${enc(c.article_id)}` }, el("bdi", { dir: "ltr", class: "doc-id" }, c.doc || `#${c.article_id}`)) : null,
        c.published ? el("span", { class: "muted" }, " ", dateBoth(c.published, c.published_jalali)) : null)))
    : null;
  return el("li", { class: `tl-item st-${ev.status || "unknown"}${ev.contested ? " contested" : ""}`, "data-id": ev.id }, card, claims, details);
}

/* The sentences that report a merged event, evidence highlighted. */
function reportNodes(full) {
  const nodes = [];
  const hist = (full.history || []).filter((h, i, all) => i === 0 || h.status !== all[i - 1].status);
  if (hist.length > 1) {
    nodes.push(el("div", { class: "history" }, "تاریخچهٔ وضعیت: ",
      hist.map((h, i) => [i ? " ← " : "", STATUS_FA[h.status] || h.status, h.published ? ` (${h.published})` : ""])));
  }
  for (const r of full.reports_detail || []) {
    const s = r.sentence;
    const quote = s
      ? highlighted(s.text, [{ start: s.evidence_start, end: s.evidence_end, cls: "ev", title: `${r.type || ""} · ${r.status || ""}` }], "blockquote")
      : el("blockquote", {}, el("mark", { class: "ev" }, r.evidence || ""));
    quote.classList.add("report-text");
    nodes.push(el("div", { class: "report" },
      el("div", { class: "meta" },
        el("a", { href: `#/article/${enc(r.article_id)}` }, docName(r, r.article_id)),
        r.source ? el("span", {}, r.source) : null,
        r.published ? dateBoth(r.published, r.published_jalali) : null,
        statusBadge(r.status)),
      quote));
  }
  const shown = new Set((full.reports_detail || []).map((r) => r.article_id)).size;
  if (full.sources > shown && shown) {
    nodes.push(el("p", { class: "muted small" }, `${faNum(shown)} منبع از ${faNum(full.sources)} منبع نشان داده شد.`));
  }
  if (!nodes.length) nodes.push(el("p", { class: "empty" }, "گزارشی ثبت نشده است."));
  return nodes;
}

async function viewEvent(id) {
  const path = `/api/timeline/${enc(id)}`;
  setJson(path);
  const [ev, places] = await Promise.all([api(path), placeLabels()]);
  show(
    el("h1", {}, typeLabel(ev.type), actorsNode(ev)),
    el("div", { class: "meta" }, eventDate(ev), statusBadge(ev.status),
      el("span", {}, `${faNum(ev.sources || 0)} منبع`), placeNode(ev.location, places)),
    el("h2", {}, "گزارش‌ها ", en("Reports")),
    el("div", { class: `reports st-${ev.status}` }, reportNodes(ev)),
  );
}

async function viewArticles(params) {
  const path = `/api/articles${qs({ source: params.source, since: params.since, until: params.until, offset: params.offset })}`;
  setJson(path);
  const data = await api(path);
  const items = data.items.map((a) => el("li", {},
    el("a", { href: `#/article/${enc(a.id)}`, class: "tl-title" }, docName(a, a.id)),
    el("div", { class: "meta" }, a.source ? el("span", {}, a.source) : null,
      a.published ? dateBoth(a.published, a.published_jalali) : null)));
  show(el("h1", {}, "خبرها ", en("Articles")),
    filterForm("articles", params, [["source", "منبع", "text"], ["since", "از تاریخ", "date"], ["until", "تا تاریخ", "date"]]),
    items.length ? el("ul", { class: "list" }, items) : el("p", { class: "empty" }, "خبری نیست."),
    pager("articles", params, data));
}

const LAYERS = [["ent", "موجودیت‌ها"], ["tx", "تاریخ‌ها"], ["qt", "نقل‌قول‌ها"], ["ev", "رویدادها"]];

function articleSpans(a, layers) {
  const on = layers || new Set(LAYERS.map(([k]) => k));
  return articleSpansAll(a).filter((s) => on.has(s.cls.split(" ")[0]));
}

function articleSpansAll(a) {
  const spans = [];
  for (const e of a.entities || []) {
    for (const m of e.mentions || []) {
      spans.push({ start: m.start, end: m.end, cls: `ent ent-${e.type}`, title: `${e.name || ""} — ${e.type}${e.id ? ` [${e.id}]` : ""}`, href: e.id ? `#/entity/${enc(e.id)}` : null });
    }
  }
  for (const t of a.timexes || []) {
    const j = t.value_jalali || jalali(t.value);
    spans.push({ start: t.start, end: t.end, cls: "tx", title: `${t.type || "DATE"}: ${t.value || "?"}${j ? ` — ${j}` : ""}` });
  }
  for (const q of a.quotes || []) {
    spans.push({ start: q.start, end: q.end, cls: "qt", title: `نقل‌قول ${KIND_FA[q.kind] || q.kind || ""}: ${readableText(q.speaker_fa, q.speaker)}`.trim() });
  }
  for (const ev of a.events || []) {
    spans.push({ start: ev.start, end: ev.end, cls: "ev", title: `${ev.type} · ${ev.status}${ev.date ? ` · ${ev.date}` : ""}` });
  }
  return spans;
}

async function viewArticle(id) {
  const path = `/api/articles/${enc(id)}`;
  setJson(path);
  const a = await api(path);
  const faOf = {};
  for (const e of a.entities || []) faOf[e.id] = e.label_fa;
  const placesOf = new Map((a.entities || []).filter((e) => e.label_fa && e.name).map((e) => [e.name, e.label_fa]));
  const side = el("aside", { class: "side" },
    el("h2", {}, "موجودیت‌ها ", en("Entities")),
    el("ul", {}, (a.entities || []).map((e) => el("li", {}, entityLink(e.id, e.label_fa, e.name), " ", el("span", { class: "badge" }, ENT_FA[e.type] || e.type)))),
    el("h2", {}, "تاریخ‌ها ", en("Dates")),
    el("ul", {}, (a.timexes || []).map((t) => el("li", {}, t.text, " → ", t.value ? dateBoth(t.value, t.value_jalali) : "؟"))),
    el("h2", {}, "رویدادها ", en("Events")),
    el("ul", {}, (a.events || []).map((ev) => el("li", {},
      ev.merged_id != null ? el("a", { href: `#/event/${enc(ev.merged_id)}` }, typeLabel(ev.type)) : typeLabel(ev.type),
      " ", statusBadge(ev.status), " ", actorsNode({ ...ev, actors_fa: (ev.actor_ids || []).map((i) => faOf[i]) }),
      ev.location ? [" ", placeNode(ev.location, placesOf)] : null))),
    el("h2", {}, "نقل‌قول‌ها ", en("Quotes")),
    el("ul", {}, (a.quotes || []).map((q) => el("li", {}, entityLink(q.speaker_id, q.speaker_fa, q.speaker), ": ", quoteText(q)))),
  );
  /* the reader switches highlight layers on and off; the text is redrawn with the chosen ones */
  const layers = new Set(LAYERS.map(([k]) => k));
  const textBox = el("article", { id: "article-text" }, highlighted(a.text, articleSpans(a, layers)));
  const sample = { ent: el("span", { class: "ent ent-PER" }, "موجودیت"), tx: el("span", { class: "tx" }, "تاریخ"),
    qt: el("span", { class: "qt" }, "نقل‌قول"), ev: el("mark", { class: "ev" }, "شاهد رویداد") };
  const legend = el("fieldset", { class: "legend layers", id: "layers" }, el("legend", {}, "لایه‌های برجسته‌سازی"),
    LAYERS.map(([k, label]) => el("label", { title: label },
      el("input", { type: "checkbox", name: k, checked: true, onchange: (ev) => {
        if (ev.target.checked) layers.add(k); else layers.delete(k);
        textBox.replaceChildren(highlighted(a.text, articleSpans(a, layers)));
      } }), sample[k])));
  show(
    el("h1", {}, docName(a, a.id)),
    el("div", { class: "meta" }, a.source ? el("span", {}, a.source) : null,
      a.published ? dateBoth(a.published, a.published_jalali) : null,
      safeUrl(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer nofollow", dir: "ltr" }, "پیوند اصلی") : null,
      a.doc ? el("bdi", { dir: "ltr", class: "muted" }, a.doc) : null),
    legend,
    el("div", { class: "cols" }, textBox, side),
  );
}

async function viewEntities(params) {
  const path = `/api/entities${qs({ q: params.q, type: params.type, offset: params.offset })}`;
  setJson(path);
  const data = await api(path);
  const items = data.items.map((e) => el("li", {}, entityLink(e.id, e.label_fa, e.name), " ",
    el("span", { class: "badge" }, ENT_FA[e.type] || e.type),
    el("span", { class: "meta" }, `${faNum(e.mentions || 0)} اشاره در ${faNum(e.articles || 0)} خبر`)));
  show(el("h1", {}, "موجودیت‌ها ", en("Entities")),
    filterForm("entities", params, [["q", "نام", "text"], ["type", "نوع", "select", Object.keys(ENT_FA).map((t) => [t, `${ENT_FA[t]} (${t})`])]]),
    items.length ? el("ul", { class: "list" }, items) : el("p", { class: "empty" }, "موجودیتی نیست."),
    pager("entities", params, data));
}

/* Only a direct quote is shown in «»; an indirect one is a paraphrase and says so. */
function quoteText(q, tag) {
  const direct = q.kind === "direct";
  return el(tag || "span", { class: direct ? "quote-text" : "quote-text indirect", "data-kind": q.kind || "" },
    direct ? null : el("span", { class: "badge" }, "نقل غیرمستقیم"), q.text);
}

function quoteItem(q, withSpeaker) {
  return el("li", {},
    withSpeaker ? el("div", {}, entityLink(q.speaker_id, q.speaker_fa, q.speaker), " ", el("span", { class: "badge" }, KIND_FA[q.kind] || q.kind)) : null,
    quoteText(q, "p"),
    el("div", { class: "meta" },
      el("a", { href: `#/article/${enc(q.article_id)}` }, docName(q, q.article_id)),
      q.date ? dateBoth(q.date, q.date_jalali) : null));
}

async function viewEntity(id) {
  const path = `/api/entities/${enc(id)}`;
  setJson(path);
  const e = await api(path);
  const mentions = (e.mentions || []).map((m) => el("li", {},
    m.context ? highlighted(m.context.text, [{ start: m.context.start, end: m.context.end, cls: `ent ent-${e.type}`, title: e.name }], "p", "ctx") : el("b", {}, m.text),
    el("div", { class: "meta" }, el("a", { href: `#/article/${enc(m.article_id)}` }, docName(m, m.article_id)))));
  const places = await placeLabels();
  const events = (e.events || []).map((ev) => timelineItem(ev, places));
  show(
    el("h1", {}, nameFa(e.label_fa, e.name), " ", el("span", { class: "badge" }, ENT_FA[e.type] || e.type)),
    el("div", { class: "meta" }, el("bdi", { dir: "ltr" }, e.id),
      el("span", {}, `${faNum(e.mention_count ?? (e.mentions || []).length)} اشاره در ${faNum(e.articles || 0)} خبر`)),
    el("h2", {}, "رویدادها ", en("Events")),
    events.length ? el("ol", { class: "timeline" }, events) : el("p", { class: "empty" }, "رویدادی نیست."),
    el("h2", {}, "نقل‌قول‌ها ", en("Quotes")),
    (e.quotes || []).length ? el("ul", { class: "list" }, e.quotes.map((q) => quoteItem(q, false))) : el("p", { class: "empty" }, "نقل‌قولی نیست."),
    el("h2", {}, "اشاره‌ها ", en("Mentions")),
    mentions.length ? el("ul", { class: "list" }, mentions) : el("p", { class: "empty" }, "اشاره‌ای نیست."),
  );
}

async function viewQuotes(params) {
  const path = `/api/quotes${qs({ speaker: params.speaker, since: params.since, until: params.until, offset: params.offset })}`;
  setJson(path);
  const data = await api(path);
  show(el("h1", {}, "نقل‌قول‌ها ", en("Quotes")),
    filterForm("quotes", params, [["speaker", "گوینده", "text"], ["since", "از تاریخ", "date"], ["until", "تا تاریخ", "date"]]),
    data.items.length ? el("ul", { class: "list" }, data.items.map((q) => quoteItem(q, true))) : el("p", { class: "empty" }, "نقل‌قولی نیست."),
    pager("quotes", params, data));
}

/* FTS snippets arrive as text plus match ranges (never as HTML). */
function snippetNode(hit) {
  if (Array.isArray(hit.snippet_parts)) {
    return el("p", { class: "snippet" }, hit.snippet_parts.map(([t, isMatch]) => (isMatch ? el("mark", {}, t) : t)));
  }
  return el("p", { class: "snippet" }, hit.snippet || "");
}

async function viewSearch(params) {
  const q = params.q || "";
  const semantic = params.semantic === "1";
  document.getElementById("search-input").value = q;
  document.getElementById("search-semantic").checked = semantic;
  if (semantic && q.trim()) {
    await viewSemantic(q);
    return;
  }
  const path = `/api/search${qs({ q, offset: params.offset })}`;
  setJson(path);
  if (!q.trim()) {
    show(el("h1", {}, "جست‌وجو"), el("p", { class: "empty" }, "عبارتی بنویسید."));
    return;
  }
  const data = await api(path);
  const hits = data.items.map((h) => el("li", { class: "hit" },
    el("a", { href: `#/article/${enc(h.id)}`, class: "tl-title" }, docName(h, h.id)),
    snippetNode(h),
    el("div", { class: "meta" }, h.source ? el("span", {}, h.source) : null, h.published ? dateBoth(h.published, h.published_jalali) : null)));
  show(el("h1", {}, "نتیجهٔ جست‌وجو برای «", q, "»"),
    hits.length ? el("ul", { class: "list", id: "results" }, hits) : el("p", { class: "empty", id: "no-results" }, "نتیجه‌ای یافت نشد."),
    pager("search", { q }, data));
}

/* Search by meaning: each hit shows its closest passage; no HTML is parsed. */
async function viewSemantic(q) {
  const path = `/api/semantic${qs({ q })}`;
  setJson(path);
  const data = await api(path);
  const hits = data.items.map((h) => el("li", { class: "hit" },
    el("a", { href: `#/article/${enc(h.id)}`, class: "tl-title" }, h.title || h.doc || `خبر ${h.id}`),
    el("p", { class: "snippet" }, h.passage || ""),
    el("div", { class: "meta" },
      el("span", { class: "badge", title: "cosine similarity" }, `${Math.round((h.similarity || 0) * 100)}٪`),
      h.source ? el("span", {}, h.source) : null, h.published ? dateBoth(h.published, h.published_jalali) : null)));
  show(el("h1", {}, "جست‌وجوی معنایی برای «", q, "» ", en("by meaning")),
    data.pending ? el("p", { class: "empty" }, `${faNum(data.pending)} خبر هنوز نمایه نشده است (rasad index).`) : null,
    hits.length ? el("ul", { class: "list", id: "results" }, hits) : el("p", { class: "empty", id: "no-results" }, "نتیجه‌ای یافت نشد."));
}

/* Positions: per actor, one strip per issue; each mark is a stance on a date and opens its evidence. */
const STANCE_FA = { supports: "موافق", opposes: "مخالف", conditions: "مشروط", neutral: "بی‌طرف" };

async function viewPositions(params) {
  const path = `/api/positions${qs({ actor: params.actor, issue: params.issue, stance: params.stance, since: params.since, until: params.until, changes: params.changes, offset: params.offset })}`;
  setJson(path);
  const [data, issues] = await Promise.all([api(path), api("/api/issues")]);
  const issueOpts = issues.items.map((i) => [i.id, i.label]);
  const byActor = new Map();
  for (const p of data.items) {
    if (!byActor.has(p.actor)) byActor.set(p.actor, new Map());
    const strips = byActor.get(p.actor);
    if (!strips.has(p.issue)) strips.set(p.issue, []);
    strips.get(p.issue).push(p);
  }
  const detail = el("div", { id: "position-detail", class: "reports", hidden: true });
  const openMark = (p) => {
    detail.hidden = false;
    detail.replaceChildren(
      el("div", { class: "meta" }, en(p.actor), " · ", p.issue_label, " · ", statusLikeBadge(p.stance), " · ", dateBoth(p.date, p.date_jalali),
        p.changed ? el("span", { class: "badge changed" }, `تغییر از ${STANCE_FA[p.previous] || p.previous}`) : null),
      el("blockquote", {}, p.evidence),
      p.article_id != null ? el("a", { href: `#/article/${enc(p.article_id)}` }, "خبر کامل") : el("span", {}, p.doc));
  };
  const actors = [...byActor.entries()].map(([actor, strips]) => el("section", { class: "actor-positions" },
    el("h2", {}, en(actor)),
    el("table", { class: "strips" }, [...strips.entries()].map(([issue, marks]) => el("tr", {},
      el("th", {}, marks[0].issue_label),
      el("td", {}, el("div", { class: "strip" }, marks.map((p) => {
        const b = el("button", { type: "button", class: `mark st-${p.stance}${p.changed ? " changed" : ""}`,
          title: `${p.date || "?"} · ${STANCE_FA[p.stance] || p.stance}` }, p.date ? p.date.slice(0, 7) : "؟");
        b.addEventListener("click", () => openMark(p));
        return b;
      }))))))));
  show(el("h1", {}, "مواضع بازیگران ", en("Positions over time")),
    filterForm("positions", params, [["actor", "بازیگر", "text"], ["issue", "موضوع", "select", issueOpts],
      ["stance", "موضع", "select", Object.entries(STANCE_FA)], ["since", "از تاریخ", "date"], ["until", "تا تاریخ", "date"]]),
    el("p", { class: "legend" }, ...Object.entries(STANCE_FA).map(([k, v]) => el("span", { class: `mark st-${k}` }, v)),
      el("span", { class: "mark changed" }, "تغییر موضع")),
    actors.length ? el("div", { id: "positions" }, actors) : el("p", { class: "empty" }, "موضعی یافت نشد."),
    detail, pager("positions", params, data));
}

function statusLikeBadge(stance) {
  return el("span", { class: `badge st-${stance}` }, STANCE_FA[stance] || stance);
}

/* ---------- router ---------- */
function parseHash() {
  const h = location.hash.replace(/^#\/?/, "");
  const [pathPart, query] = h.split("?");
  const params = {};
  for (const [k, v] of new URLSearchParams(query || "")) params[k] = v;
  const [name, ...rest] = pathPart.split("/");
  return { name: name || "timeline", arg: rest.length ? decodeURIComponent(rest.join("/")) : null, params };
}

async function route() {
  const { name, arg, params } = parseHash();
  for (const a of document.querySelectorAll(".nav a")) a.classList.toggle("active", a.dataset.view === name);
  document.body.dataset.view = name;
  delete document.body.dataset.ready;
  try {
    if (name === "timeline") await viewTimeline(params);
    else if (name === "event" && arg) await viewEvent(arg);
    else if (name === "articles") await viewArticles(params);
    else if (name === "article" && arg) await viewArticle(arg);
    else if (name === "entities") await viewEntities(params);
    else if (name === "entity" && arg) await viewEntity(arg);
    else if (name === "quotes") await viewQuotes(params);
    else if (name === "search") await viewSearch(params);
    else if (name === "positions") await viewPositions(params);
    else if (name === "network") await viewNetwork(params);
    else if (name === "map") await viewMap(params);
    else show(errorBox("صفحه پیدا نشد."));
  } catch (err) {
    showError(err);
  }
  document.body.dataset.ready = name;
  window.scrollTo(0, 0);
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent =
      `${faNum(s.articles || 0)} خبر، ${faNum(s.merged_events || 0)} رویداد، ${faNum(s.entities || 0)} موجودیت`;
  } catch (e) {
    /* stats are decoration; the page works without them */
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  const semantic = document.getElementById("search-semantic").checked ? "1" : "";
  location.hash = `#/search${qs({ q, semantic })}`;
});
window.addEventListener("hashchange", route);
route();
loadStats();
