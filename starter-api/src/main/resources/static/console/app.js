// The apisync console: a few pages over the REST API, nothing else. Every datum comes from /api
// with the token the user typed (kept in this tab's sessionStorage only); every text from the
// server goes into the page as text (textContent), never as markup.
"use strict";

const TOKEN_KEY = "apisync.token";
const main = document.getElementById("main");
let refreshTimer = null;

// ---------- small DOM helpers ----------

/** h("tag.class#id", {attr: value, onclick: fn}, ...children): children are nodes or text. */
function h(spec, attrs, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9]+)(.*)$/i);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === ".") el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "value") el.value = value;
    else if (key === "checked") el.checked = !!value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the page's content; absent parts (null, false) are left out. */
function render(...parts) {
  main.replaceChildren(...parts.flat(Infinity).filter((part) => part !== null && part !== undefined && part !== false));
}

/** A JSON body indented for reading; any other text as it is. */
function readable(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch (e) {
    return body;
  }
}

function toast(message) {
  const box = document.getElementById("toast");
  const p = h("p", {}, message);
  box.append(p);
  setTimeout(() => p.remove(), 5000);
}

let uid = 0;
/** A labelled input; `path` is the API's field path, so errors land next to it. */
function field(label, input, { hint, wide, path } = {}) {
  const id = input.id || `f${++uid}`;
  input.id = id;
  if (path) input.dataset.path = path;
  const isCheck = input.type === "checkbox";
  const parts = isCheck
    ? [input, h("label", { for: id }, label)]
    : [h("label", { for: id }, label), input];
  return h(
    `div.field${wide ? ".wide" : ""}${isCheck ? ".check" : ""}`,
    {},
    parts,
    hint ? h("span.hint", {}, hint) : null,
  );
}

function fmtTime(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

// ---------- API ----------

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json, application/problem+json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = { detail: text.slice(0, 300) };
  }
  if (response.status === 401 && !path.startsWith("/api/hooks")) {
    sessionStorage.removeItem(TOKEN_KEY);
    location.hash = "#/login";
    throw new ApiError(401, data);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Shows a problem's field errors next to the inputs whose data-path names them. */
function showErrors(form, error) {
  for (const old of form.querySelectorAll(".error.inline")) old.remove();
  for (const old of form.querySelectorAll(".invalid")) old.classList.remove("invalid");
  const summary = form.querySelector(".form-summary");
  summary.replaceChildren();
  if (!error) return;
  const errors = (error.problem && error.problem.errors) || [];
  if (!errors.length) {
    summary.append(h("p.error", { role: "alert" }, error.message));
    return;
  }
  const unplaced = [];
  for (const e of errors) {
    const input = form.querySelector(`[data-path="${CSS.escape(e.field)}"]`);
    if (!input) {
      unplaced.push(`${e.field}: ${e.message}`);
      continue;
    }
    const id = `err-${++uid}`;
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    input.closest(".field, td").append(h("p.error.inline", { id, "data-error-for": e.field }, e.message));
  }
  summary.append(
    h("p.error", { role: "alert" }, `${errors.length} problem(s): fix the fields marked below.`),
    unplaced.length ? h("ul.error", {}, unplaced.map((u) => h("li", {}, u))) : null,
  );
  const first = form.querySelector(".invalid");
  if (first) first.focus();
}

// ---------- router ----------

const routes = [
  [/^#\/login$/, loginPage],
  [/^#\/configs$/, configsPage],
  [/^#\/configs\/new$/, () => configPage(null)],
  [/^#\/configs\/(\d+)$/, (m) => configPage(Number(m[1]))],
  [/^#\/runs(?:\?(.*))?$/, (m) => runsPage(new URLSearchParams(m[1] || ""))],
  [/^#\/run\/(.+)$/, (m) => runPage(decodeURIComponent(m[1]))],
  [/^#\/logs(?:\?(.*))?$/, (m) => logsPage(new URLSearchParams(m[1] || ""))],
];

async function route() {
  clearInterval(refreshTimer);
  refreshTimer = null;
  const signedIn = !!sessionStorage.getItem(TOKEN_KEY);
  document.getElementById("nav").hidden = !signedIn;
  let hash = location.hash || "#/configs";
  if (!signedIn) hash = "#/login";
  for (const [pattern, page] of routes) {
    const m = hash.match(pattern);
    if (m) {
      render(h("p.hint", {}, "Loading…"));
      try {
        await page(m);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) {
          render(h("h1", {}, "Something went wrong"), h("p.error", { role: "alert" }, e.message));
        }
      }
      main.focus();
      return;
    }
  }
  location.hash = "#/configs";
}

window.addEventListener("hashchange", route);
document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = "#/login";
});

// ---------- login ----------

async function loginPage() {
  const token = h("input", { type: "password", autocomplete: "off", required: true });
  const form = h(
    "form.card",
    {
      onsubmit: async (event) => {
        event.preventDefault();
        sessionStorage.setItem(TOKEN_KEY, token.value.trim());
        try {
          await api("GET", "/api/configs");
          location.hash = "#/configs";
        } catch (e) {
          sessionStorage.removeItem(TOKEN_KEY);
          location.hash = "#/login";
          showErrors(form, new ApiError(401, { detail: "That token was not accepted." }));
        }
      },
    },
    h("div.form-summary"),
    field("API token", token, {
      hint: "scripts/dev.sh prints an admin token; an admin creates others with POST /api/tokens.",
    }),
    h("div.actions", {}, h("button", { type: "submit" }, "Sign in")),
  );
  render(h("h1", {}, "Sign in to apisync"), form);
  token.focus();
}

// ---------- configs list ----------

async function configsPage() {
  const configs = await api("GET", "/api/configs");
  const rows = configs.map((c) => {
    const badges = h("td", {});
    const last = h("td", {}, "…");
    loadBadges(c.id, badges, last);
    return h(
      "tr",
      {},
      h("td", {}, h("a", { href: `#/configs/${c.id}` }, c.name)),
      h("td", {}, c.model),
      h("td", {}, `${c.httpMethod} ${c.requestUrl}`),
      h("td", {}, c.enabled ? h("span.badge.ok", {}, "enabled") : h("span.badge.warn", {}, "disabled")),
      badges,
      last,
    );
  });
  render(
    h("div.actions", {}, h("h1", {}, "Sync configs"), h("a.button", { href: "#/configs/new" }, "New config")),
    configs.length
      ? h(
          "table",
          {},
          h("thead", {}, h("tr", {}, ["Name", "Model", "Target", "State", "Starts on", "Last run"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, rows),
        )
      : h("p", {}, "No config yet. ", h("a", { href: "#/configs/new" }, "Create the first one.")),
  );
}

async function loadBadges(configId, badges, last) {
  const [schedule, triggers, runs] = await Promise.all([
    api("GET", `/api/configs/${configId}/schedule`).catch(() => null),
    api("GET", `/api/configs/${configId}/triggers`).catch(() => null),
    api("GET", `/api/runs?configId=${configId}&limit=1`).catch(() => null),
  ]);
  if (schedule) badges.append(h("span.badge", { title: schedule.cron || schedule.every }, schedule.paused ? "schedule (paused)" : "schedule"));
  if (triggers) {
    for (const [on, name] of [["onCreate", "create"], ["onUpdate", "update"], ["onDelete", "delete"]]) {
      if (triggers[on]) badges.append(h("span.badge", {}, `on ${name}`));
    }
  }
  if (!badges.childNodes.length) badges.append(h("span.hint", {}, "by hand"));
  const run = runs && runs.runs && runs.runs[0];
  last.replaceChildren(
    run
      ? h("a", { href: `#/run/${encodeURIComponent(run.workflowId)}` }, h("span", { class: `status-${run.status}` }, run.status), " ", h("span.hint", {}, fmtTime(run.startedAt)))
      : h("span.hint", {}, "never"),
  );
}

// ---------- one config: form, pickers, preview, runs, schedule ----------

const METHODS = ["POST", "PUT", "PATCH", "DELETE", "GET"];
const VALUE_TYPES = ["plain", "relational", "python", "relational_python", "selection_label"];
const AUTH_TYPES = [["none", "None"], ["basic", "Basic (login, password)"], ["bearer", "Bearer token"], ["apiKey", "API key header"]];

function num(value) {
  return value === "" || value === null || value === undefined ? null : Number(value);
}

async function configPage(id) {
  const [config, models, allConfigs] = await Promise.all([
    id ? api("GET", `/api/configs/${id}`) : Promise.resolve(null),
    api("GET", "/api/catalog/models").catch(() => []),
    api("GET", "/api/configs"),
  ]);
  const c = config || {
    name: "", model: "res.partner", filterDomain: "[]", requestUrl: "https://", httpMethod: "POST",
    connectTimeout: 5, readTimeout: 15, auth: { type: "none" }, headers: [], lines: [],
    paginated: false, pageSize: 100, limit: null, requestScript: "", retry: { maxAttempts: 5, initialInterval: 1, backoffCoefficient: 2, maxInterval: 60 },
    rateLimit: null, maxFailureRatio: null, concurrency: 1, enabled: true, language: "en_US", scriptTimeout: 5,
    companyId: null, companyRecordsOnly: false, incremental: false,
    outage: { circuitThreshold: 3, circuitWindowSeconds: 60, maxOutageMinutes: 1440 },
  };
  const input = (type, value, extra = {}) => h("input", { type, value: value ?? "", ...extra });
  const check = (value) => h("input", { type: "checkbox", checked: value });

  const modelsList = h("datalist#models", {}, models.map((m) => h("option", { value: m.name }, m.label)));
  const el = {
    name: input("text", c.name, { required: true }),
    model: input("text", c.model, { list: "models", autocomplete: "off" }),
    enabled: check(c.enabled),
    filterDomain: h("textarea", { rows: 3, spellcheck: "false" }, c.filterDomain),
    requestUrl: input("url", c.requestUrl),
    httpMethod: h("select", {}, METHODS.map((m) => h("option", { value: m, selected: m === c.httpMethod }, m))),
    connectTimeout: input("number", c.connectTimeout, { min: 1 }),
    readTimeout: input("number", c.readTimeout, { min: 1 }),
    authType: h("select", {}, AUTH_TYPES.map(([v, t]) => h("option", { value: v, selected: v === (c.auth && c.auth.type) }, t))),
    login: input("text", c.auth.login),
    password: input("password", "", { autocomplete: "new-password", placeholder: c.auth.passwordSet ? "set — leave empty to keep" : "" }),
    token: input("password", "", { autocomplete: "new-password", placeholder: c.auth.tokenSet ? "set — leave empty to keep" : "" }),
    headerName: input("text", c.auth.headerName),
    apiKey: input("password", "", { autocomplete: "new-password", placeholder: c.auth.valueSet ? "set — leave empty to keep" : "" }),
    paginated: check(c.paginated),
    pageSize: input("number", c.pageSize, { min: 1 }),
    limit: input("number", c.limit, { min: 1 }),
    concurrency: input("number", c.concurrency, { min: 1 }),
    rateLimit: input("number", c.rateLimit, { min: 0, step: "any" }),
    maxFailureRatio: input("number", c.maxFailureRatio, { min: 0, max: 1, step: "any" }),
    requestScript: h("textarea", { rows: 6, spellcheck: "false" }, c.requestScript),
    scriptTimeout: input("number", c.scriptTimeout, { min: 1 }),
    language: input("text", c.language),
    companyId: input("number", c.companyId, { min: 1 }),
    companyRecordsOnly: check(c.companyRecordsOnly),
    incremental: check(c.incremental),
    maxAttempts: input("number", c.retry.maxAttempts, { min: 1 }),
    initialInterval: input("number", c.retry.initialInterval, { min: 0, step: "any" }),
    backoffCoefficient: input("number", c.retry.backoffCoefficient, { min: 1, step: "any" }),
    maxInterval: input("number", c.retry.maxInterval, { min: 0, step: "any" }),
    circuitThreshold: input("number", c.outage.circuitThreshold, { min: 1 }),
    circuitWindowSeconds: input("number", c.outage.circuitWindowSeconds, { min: 1 }),
    maxOutageMinutes: input("number", c.outage.maxOutageMinutes, { min: 1 }),
  };

  // Auth: only the inputs of the chosen type show.
  const authFields = {
    basic: [field("Login", el.login, { path: "auth.login" }), field("Password", el.password, { path: "auth.password" })],
    bearer: [field("Token", el.token, { path: "auth.token" })],
    apiKey: [field("Header name", el.headerName, { path: "auth.headerName" }), field("Key", el.apiKey, { path: "auth.value" })],
  };
  const authBox = h("div.grid");
  const showAuth = () => authBox.replaceChildren(...(authFields[el.authType.value] || []));
  el.authType.addEventListener("change", showAuth);
  showAuth();

  // Headers.
  const headersBody = h("tbody");
  const addHeader = (hd = { key: "", value: "" }) => {
    const key = input("text", hd.key, { "aria-label": "Header name" });
    const value = input(hd.secret ? "password" : "text", hd.value ?? "", {
      "aria-label": "Header value",
      placeholder: hd.secret && hd.valueSet ? "set — leave empty to keep" : "",
    });
    const secret = check(hd.secret);
    secret.setAttribute("aria-label", "Secret (write-only)");
    secret.addEventListener("change", () => (value.type = secret.checked ? "password" : "text"));
    const tr = h("tr", {}, h("td", {}, key), h("td", {}, value), h("td", {}, secret), h("td", {}, h("button.link", { type: "button", onclick: () => { tr.remove(); renumber(); } }, "remove")));
    tr.parts = { key, value, secret };
    headersBody.append(tr);
    renumber();
  };

  // Lines.
  const linesBody = h("tbody");
  const mappingOptions = [h("option", { value: "" }, "—"), ...allConfigs.filter((o) => o.id !== id).map((o) => h("option", { value: o.id }, `${o.name} (#${o.id})`))];
  const addLine = (ln = { field: "", externalKey: "", valueType: "plain", isIdentifier: false, mappingConfig: null, expression: "" }) => {
    const fieldInput = input("text", ln.field, { "aria-label": "Source field", spellcheck: "false" });
    const pick = h("button.secondary", { type: "button", "aria-label": "Pick a field", onclick: () => pickField(el.model.value, fieldInput) }, "Pick…");
    const key = input("text", ln.externalKey, { "aria-label": "JSON key" });
    const type = h("select", { "aria-label": "Value type" }, VALUE_TYPES.map((v) => h("option", { value: v, selected: v === ln.valueType }, v)));
    const ident = check(ln.isIdentifier);
    ident.setAttribute("aria-label", "Record identifier");
    const mapping = h("select", { "aria-label": "Mapping config" }, mappingOptions.map((o) => o.cloneNode(true)));
    mapping.value = ln.mappingConfig ?? "";
    const expression = h("textarea", { rows: 1, "aria-label": "Python expression", spellcheck: "false" }, ln.expression || "");
    const tr = h("tr", {},
      h("td", {}, h("div.path", {}, fieldInput, pick)), h("td", {}, key), h("td", {}, type), h("td", {}, ident), h("td", {}, mapping), h("td", {}, expression),
      h("td", {}, h("button.link", { type: "button", onclick: () => { tr.remove(); renumber(); } }, "remove")));
    tr.parts = { fieldInput, key, type, ident, mapping, expression };
    linesBody.append(tr);
    renumber();
  };
  // Error paths are positional (lines[2].externalKey): keep data-path in step with the rows.
  function renumber() {
    [...linesBody.children].forEach((tr, i) => {
      for (const [name, part] of Object.entries({ field: tr.parts.fieldInput, externalKey: tr.parts.key, valueType: tr.parts.type, isIdentifier: tr.parts.ident, mappingConfig: tr.parts.mapping, expression: tr.parts.expression })) {
        part.dataset.path = `lines[${i}].${name}`;
      }
    });
    [...headersBody.children].forEach((tr, i) => {
      tr.parts.key.dataset.path = `headers[${i}].key`;
      tr.parts.value.dataset.path = `headers[${i}].value`;
    });
  }
  (c.headers || []).forEach(addHeader);
  (c.lines || []).forEach(addLine);

  // The domain: live count, error position, row builder.
  const countBox = h("p.count", { id: "match-count", "aria-live": "polite" });
  const domainError = h("div", { id: "domain-error" });
  let countSeq = 0;
  const updateCount = debounce(async () => {
    const seq = ++countSeq;
    const model = el.model.value.trim();
    const domain = el.filterDomain.value.trim() || "[]";
    if (!model) return;
    try {
      const answer = await api("GET", `/api/catalog/models/${encodeURIComponent(model)}/count?domain=${encodeURIComponent(domain)}`);
      if (seq !== countSeq) return;
      countBox.textContent = `${answer.count.toLocaleString()} record${answer.count === 1 ? "" : "s"} match right now`;
      countBox.dataset.count = answer.count;
      countBox.dataset.firstIds = answer.firstIds.join(",");
      domainError.replaceChildren();
      el.filterDomain.classList.remove("invalid");
    } catch (e) {
      if (seq !== countSeq) return;
      countBox.textContent = "";
      delete countBox.dataset.count;
      const message = e.problem && e.problem.errors ? e.problem.errors[0].message : e.message;
      domainError.replaceChildren(h("p.error", { role: "alert" }, message), positionMarker(domain, message));
      el.filterDomain.classList.add("invalid");
    }
  }, 300);
  el.filterDomain.addEventListener("input", updateCount);
  el.model.addEventListener("change", updateCount);
  updateCount();

  const builder = domainBuilder(el, updateCount);

  const form = h("form#config-form", { novalidate: true },
    h("div.form-summary"),
    h("section.card", {}, h("h2", {}, "What to read"),
      h("div.grid", {},
        field("Name", el.name, { path: "name" }),
        field("Model", el.model, { path: "model", hint: "Odoo model, e.g. res.partner" }),
        field("Enabled", el.enabled, { path: "enabled", hint: "Runs start only for an enabled config; previews always work." }),
        field("Domain", el.filterDomain, { path: "filterDomain", wide: true, hint: "Odoo domain, e.g. [('customer_rank', '>', 0)]" }),
      ),
      countBox, domainError, builder,
      h("div.grid", {},
        field("Language", el.language, { path: "language", hint: "Translated fields are read in it" }),
        field("Company id", el.companyId, { path: "companyId" }),
        field("Only the company's records", el.companyRecordsOnly, { path: "companyRecordsOnly" }),
        field("Incremental (changed since the last run)", el.incremental, { path: "incremental" }),
      ),
      modelsList,
    ),
    h("section.card", {}, h("h2", {}, "Field lines"),
      h("table.lines", {}, h("thead", {}, h("tr", {}, ["Source field", "JSON key", "Value type", "Id", "Mapping config", "Python expression", ""].map((t) => h("th", { scope: "col" }, t)))), linesBody),
      h("div.actions", {}, h("button.secondary", { type: "button", onclick: () => addLine() }, "Add line")),
      h("details", {}, h("summary", {}, "What the columns mean"), h("ul.hint", {},
        h("li", {}, "Source field: a field of the model; a dotted path walks many2one links (parent_id.country_id.code). “Pick…” browses them."),
        h("li", {}, "JSON key: where the value goes; a dotted key (address.city) builds nested JSON."),
        h("li", {}, "plain: the field's value · relational: the related record(s) as objects built by another config (Mapping config) · python: an expression per record (record, env) · relational_python: an expression returning a list or dict · selection_label: a selection's label in the config's language."),
        h("li", {}, "Id: marks the one line whose value identifies the record at the target (as the Odoo form’s identifier flag). The request URL’s {placeholders} take any line’s JSON key."))),
    ),
    h("section.card", {}, h("h2", {}, "Where to send"),
      h("div.grid", {},
        field("Request URL", el.requestUrl, { path: "requestUrl", wide: true, hint: "{external_key} placeholders are filled per record" }),
        field("Method", el.httpMethod, { path: "httpMethod" }),
        field("Connect timeout (s)", el.connectTimeout, { path: "connectTimeout" }),
        field("Read timeout (s)", el.readTimeout, { path: "readTimeout" }),
        field("Authentication", el.authType, { path: "auth.type" }),
      ),
      authBox,
      h("h2", {}, "Headers"),
      h("table.lines", {}, h("thead", {}, h("tr", {}, ["Name", "Value", "Secret", ""].map((t) => h("th", { scope: "col" }, t)))), headersBody),
      h("div.actions", {}, h("button.secondary", { type: "button", onclick: () => addHeader() }, "Add header")),
    ),
    h("section.card", {}, h("h2", {}, "How to send"),
      h("div.grid", {},
        field("One request per page", el.paginated, { path: "paginated" }),
        field("Page size", el.pageSize, { path: "pageSize" }),
        field("Limit (records per run)", el.limit, { path: "limit" }),
        field("Concurrency", el.concurrency, { path: "concurrency" }),
        field("Rate limit (requests/s)", el.rateLimit, { path: "rateLimit" }),
        field("Max failure ratio (0–1)", el.maxFailureRatio, { path: "maxFailureRatio" }),
        field("Retry: attempts", el.maxAttempts, { path: "retry.maxAttempts" }),
        field("Retry: first interval (s)", el.initialInterval, { path: "retry.initialInterval" }),
        field("Retry: backoff", el.backoffCoefficient, { path: "retry.backoffCoefficient" }),
        field("Retry: max interval (s)", el.maxInterval, { path: "retry.maxInterval" }),
        field("Outage: failures that open the circuit", el.circuitThreshold, { path: "outage.circuitThreshold" }),
        field("Outage: window (s)", el.circuitWindowSeconds, { path: "outage.circuitWindowSeconds" }),
        field("Outage: give up after (min)", el.maxOutageMinutes, { path: "outage.maxOutageMinutes" }),
        field("Request script", el.requestScript, { path: "requestScript", wide: true, hint: "Python run on each request: sees records, record, request_data (the mapped payload), env; what it assigns to result becomes the body" }),
        field("Script timeout (s)", el.scriptTimeout, { path: "scriptTimeout" }),
      ),
    ),
    h("div.actions", {},
      h("button#save", { type: "submit" }, id ? "Save changes" : "Create config"),
      id ? h("button.danger", { type: "button", onclick: () => deleteConfig(id) }, "Delete") : null,
    ),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      name: el.name.value, model: el.model.value.trim(), filterDomain: el.filterDomain.value,
      requestUrl: el.requestUrl.value.trim(), httpMethod: el.httpMethod.value,
      connectTimeout: num(el.connectTimeout.value), readTimeout: num(el.readTimeout.value),
      auth: authBody(el),
      headers: [...headersBody.children].map((tr) => {
        const hd = { key: tr.parts.key.value, secret: tr.parts.secret.checked };
        if (!(hd.secret && tr.parts.value.value === "")) hd.value = tr.parts.value.value;
        return hd;
      }),
      lines: [...linesBody.children].map((tr) => ({
        field: tr.parts.fieldInput.value.trim(), externalKey: tr.parts.key.value.trim(), valueType: tr.parts.type.value,
        isIdentifier: tr.parts.ident.checked, mappingConfig: num(tr.parts.mapping.value), expression: tr.parts.expression.value,
      })),
      paginated: el.paginated.checked, pageSize: num(el.pageSize.value), limit: num(el.limit.value),
      requestScript: el.requestScript.value,
      retry: { maxAttempts: num(el.maxAttempts.value), initialInterval: num(el.initialInterval.value), backoffCoefficient: num(el.backoffCoefficient.value), maxInterval: num(el.maxInterval.value) },
      rateLimit: num(el.rateLimit.value), maxFailureRatio: num(el.maxFailureRatio.value), concurrency: num(el.concurrency.value),
      enabled: el.enabled.checked, language: el.language.value.trim(), scriptTimeout: num(el.scriptTimeout.value),
      companyId: num(el.companyId.value), companyRecordsOnly: el.companyRecordsOnly.checked, incremental: el.incremental.checked,
      outage: { circuitThreshold: num(el.circuitThreshold.value), circuitWindowSeconds: num(el.circuitWindowSeconds.value), maxOutageMinutes: num(el.maxOutageMinutes.value) },
    };
    try {
      const saved = id ? await api("PUT", `/api/configs/${id}`, body) : await api("POST", "/api/configs", body);
      showErrors(form, null);
      toast(`Saved "${saved.name}".`);
      if (!id) location.hash = `#/configs/${saved.id}`;
      else configPage(id);
    } catch (e) {
      showErrors(form, e);
    }
  });

  render(
    h("p", {}, h("a", { href: "#/configs" }, "← Configs")),
    h("h1", {}, id ? c.name : "New sync config"),
    id ? h("div.split", {}, previewPanel(id, countBox), runPanel(id)) : null,
    form,
    id ? h("div.split", {}, schedulePanel(id), triggersPanel(id, c.model)) : null,
  );
  el.name.focus();
}

function authBody(el) {
  const type = el.authType.value;
  const auth = { type };
  if (type === "basic") {
    auth.login = el.login.value;
    if (el.password.value) auth.password = el.password.value;
  } else if (type === "bearer") {
    if (el.token.value) auth.token = el.token.value;
  } else if (type === "apiKey") {
    auth.headerName = el.headerName.value;
    if (el.apiKey.value) auth.value = el.apiKey.value;
  }
  return auth;
}

async function deleteConfig(id) {
  if (!confirm("Delete this config? Its schedule, triggers and webhook go with it.")) return;
  try {
    await api("DELETE", `/api/configs/${id}`);
    toast("Deleted.");
    location.hash = "#/configs";
  } catch (e) {
    toast(e.message);
  }
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Points at the "position N" a domain error names (1-based), under the domain's text. */
function positionMarker(domain, message) {
  const m = message.match(/position (\d+)/);
  if (!m) return "";
  const at = Math.min(Number(m[1]) - 1, domain.length);
  return h("pre.marker", { "aria-hidden": "true" }, `${domain}\n${" ".repeat(Math.max(0, at))}^`);
}

/** field op value → one more term of the domain text. */
function domainBuilder(el, changed) {
  const fieldInput = h("input", { type: "text", list: "builder-fields", "aria-label": "Condition field", placeholder: "field", spellcheck: "false" });
  const fieldsList = h("datalist#builder-fields");
  const loadFields = async () => {
    const fields = await api("GET", `/api/catalog/models/${encodeURIComponent(el.model.value.trim())}/fields`).catch(() => []);
    fieldsList.replaceChildren(...fields.map((f) => h("option", { value: f.name }, `${f.label} (${f.type})`)));
  };
  el.model.addEventListener("change", loadFields);
  loadFields();
  const op = h("select", { "aria-label": "Condition operator" }, ["=", "!=", ">", ">=", "<", "<=", "ilike", "like", "in", "not in", "child_of"].map((o) => h("option", { value: o }, o)));
  const value = h("input", { type: "text", "aria-label": "Condition value", placeholder: "value (lists: a, b)" });
  const add = () => {
    if (!fieldInput.value.trim()) return;
    const term = `('${fieldInput.value.trim()}', '${op.value}', ${pyValue(value.value, op.value)})`;
    const text = el.filterDomain.value.trim();
    el.filterDomain.value = !text || text === "[]" ? `[${term}]` : `${text.replace(/\]\s*$/, "")}, ${term}]`;
    changed();
  };
  return h("div.actions", { role: "group", "aria-label": "Add a condition" }, h("span.hint", {}, "Add a condition:"), fieldInput, fieldsList, op, value, h("button.secondary", { type: "button", onclick: add }, "Add condition"));
}

function pyValue(text, op) {
  const one = (t) => {
    t = t.trim();
    if (/^-?\d+(\.\d+)?$/.test(t)) return t;
    if (/^(true|false)$/i.test(t)) return t[0].toUpperCase() + t.slice(1).toLowerCase();
    if (/^(none|null)$/i.test(t)) return "False";
    return `'${t.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  };
  return op === "in" || op === "not in" ? `[${text.split(",").filter((t) => t.trim()).map(one).join(", ")}]` : one(text);
}

/** Walks the catalog from a model through many2one fields and fills a dotted path. */
async function pickField(model, target) {
  const dialog = h("dialog", { "aria-label": "Pick a field" });
  document.body.append(dialog);
  const trail = [];
  const show = async (current) => {
    const fields = await api("GET", `/api/catalog/models/${encodeURIComponent(current)}/fields`).catch((e) => {
      toast(e.message);
      return [];
    });
    const list = h("ul.picker-list", {}, fields.map((f) => h("li", {},
      h("button.link", { type: "button", onclick: () => { target.value = [...trail.map((t) => t.field), f.name].join("."); target.dispatchEvent(new Event("input")); dialog.close(); } }, f.name),
      h("span", {}, f.label, " ", h("span.type", {}, f.type, f.relatedModel ? ` → ${f.relatedModel}` : "")),
      f.type === "many2one" || (f.relatedModel && f.type !== "one2many" && f.type !== "many2many")
        ? h("button.secondary", { type: "button", "aria-label": `Fields of ${f.name}`, onclick: () => { trail.push({ field: f.name, model: f.relatedModel }); show(f.relatedModel); } }, "›")
        : h("span"),
    )));
    dialog.replaceChildren(
      h("h2", {}, "Pick a field"),
      h("p.crumbs", {}, [model, ...trail.map((t) => `${t.field} (${t.model})`)].join(" › ")),
      trail.length ? h("button.link", { type: "button", onclick: () => { trail.pop(); show(trail.length ? trail[trail.length - 1].model : model); } }, "← back") : "",
      list,
      h("div.actions", {}, h("button.secondary", { type: "button", onclick: () => dialog.close() }, "Close")),
    );
  };
  dialog.addEventListener("close", () => dialog.remove());
  await show(model);
  dialog.showModal();
}

// ---------- preview and runs of a config ----------

async function startAndWait(id, body) {
  const started = await api("POST", `/api/configs/${id}/runs`, body);
  for (;;) {
    const run = await api("GET", `/api/runs/${encodeURIComponent(started.workflowId)}`);
    if (run.status !== "RUNNING") return run;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

function previewPanel(id, countBox) {
  const recordId = h("input", { type: "number", min: 1, placeholder: "first match" });
  const out = h("div#preview-output", { "aria-live": "polite" });
  const button = h("button#preview", { type: "button" }, "Preview request");
  button.addEventListener("click", async () => {
    const chosen = num(recordId.value) || Number((countBox.dataset.firstIds || "").split(",")[0]);
    if (!chosen) {
      out.replaceChildren(h("p.error", {}, "No record matches the domain: enter a record id."));
      return;
    }
    button.disabled = true;
    out.replaceChildren(h("p.hint", {}, `Building the request for record ${chosen}…`));
    try {
      const run = await startAndWait(id, { recordIds: [chosen], dryRun: true });
      out.replaceChildren(...renderPreview(run, chosen));
    } catch (e) {
      out.replaceChildren(h("p.error", { role: "alert" }, e.message));
    } finally {
      button.disabled = false;
    }
  });
  return h("section.card", {},
    h("h2", {}, "Preview"),
    h("p.hint", {}, "The exact request the saved config would send for one record, after mapping and the request script. Nothing is sent."),
    h("div.actions", {}, field("Record id", recordId), button),
    out);
}

function renderPreview(run, recordId) {
  const result = run.result || {};
  const failures = result.failures || [];
  if (run.status !== "COMPLETED") return [h("p.error", { role: "alert" }, `The preview run ${run.status}: ${run.error || ""}`)];
  if (failures.length) {
    return [h("p.error", { role: "alert" }, `Record ${failures[0].recordId} cannot be sent:`), h("pre.marker#preview-error", {}, failures[0].reason)];
  }
  const previews = result.previews || [];
  if (!previews.length) return [h("p", {}, `Record ${recordId} is not selected by the config (archived, filtered out, or skipped).`)];
  return previews.map((p) => h("div.preview", {},
    h("p", {}, h("strong#preview-line", {}, `${p.method} ${p.url}`)),
    h("dl.kv", {}, Object.entries(p.headers).sort().map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h("p.hint", {}, "Body, as sent:"),
    h("pre#preview-body", {}, p.body || "(no body)")));
}

function runPanel(id) {
  const ids = h("input", { type: "text", placeholder: "all records of the domain", "aria-describedby": "run-ids-hint" });
  const out = h("div", { "aria-live": "polite" });
  const start = async (dryRun) => {
    const recordIds = ids.value.split(/[\s,]+/).filter(Boolean).map(Number);
    try {
      const started = await api("POST", `/api/configs/${id}/runs`, { recordIds, dryRun });
      location.hash = `#/run/${encodeURIComponent(started.workflowId)}`;
    } catch (e) {
      out.replaceChildren(h("p.error", { role: "alert" }, e.message));
    }
  };
  return h("section.card", {},
    h("h2", {}, "Run"),
    field("Record ids", ids, { hint: "Comma-separated; empty for every record the domain selects" }),
    h("div.actions", {},
      h("button#run-now", { type: "button", onclick: () => start(false) }, "Run now"),
      h("button.secondary#dry-run", { type: "button", onclick: () => start(true) }, "Dry run"),
      h("a", { href: `#/runs?configId=${id}` }, "Runs of this config"),
      h("a", { href: `#/logs?configId=${id}` }, "Its request log")),
    out);
}

function schedulePanel(id) {
  const box = h("section.card", {}, h("h2", {}, "Schedule"));
  const cron = h("input", { type: "text", placeholder: "0 2 * * *" });
  const every = h("input", { type: "text", placeholder: "PT15M" });
  const zone = h("input", { type: "text", value: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const next = h("div");
  const form = h("form", {}, h("div.form-summary"),
    h("div.grid", {}, field("Cron", cron, { path: "cron" }), field("Time zone", zone, { path: "timeZone" }), field("Or every (ISO-8601)", every, { path: "every" })),
    next,
    h("div.actions", {}, h("button", { type: "submit" }, "Save schedule"), h("button.danger", { type: "button", onclick: async () => { await api("DELETE", `/api/configs/${id}/schedule`).catch((e) => toast(e.message)); load(); } }, "Remove")));
  const show = (s) => {
    cron.value = (s && s.cron) || "";
    every.value = (s && s.every) || "";
    if (s && s.timeZone) zone.value = s.timeZone;
    next.replaceChildren(s
      ? h("div", {}, h("p.hint", {}, s.paused ? "Paused. " : "", s.note || ""), h("p", {}, "Next runs:"), h("ul", {}, (s.nextRuns || []).map((t) => h("li", {}, fmtTime(t)))))
      : h("p.hint", {}, "No schedule: runs start by hand, on triggers or webhooks."));
  };
  const load = async () => show(await api("GET", `/api/configs/${id}/schedule`).catch(() => null));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = every.value.trim() ? { every: every.value.trim() } : { cron: cron.value.trim(), timeZone: zone.value.trim() };
    try {
      show(await api("POST", `/api/configs/${id}/schedule`, body));
      showErrors(form, null);
    } catch (e) {
      showErrors(form, e);
    }
  });
  load();
  box.append(form);
  return box;
}

function triggersPanel(id) {
  const onCreate = h("input", { type: "checkbox" });
  const onUpdate = h("input", { type: "checkbox" });
  const onDelete = h("input", { type: "checkbox" });
  const watch = h("input", { type: "text", placeholder: "all fields" });
  const hook = h("div");
  const form = h("form", {}, h("div.form-summary"),
    h("div.grid", {}, field("On create", onCreate), field("On update", onUpdate), field("On delete", onDelete), field("Watched fields", watch, { path: "watchFields", hint: "Comma-separated; updates of other fields start no run" })),
    h("div.actions", {}, h("button", { type: "submit" }, "Save triggers"), h("button.danger", { type: "button", onclick: async () => { await api("DELETE", `/api/configs/${id}/triggers`).catch((e) => toast(e.message)); load(); } }, "Remove")),
    h("h2", {}, "Odoo webhook"), hook,
    h("div.actions", {}, h("button.secondary", { type: "button", onclick: async () => {
      try {
        const issued = await api("POST", `/api/configs/${id}/webhook`);
        hook.replaceChildren(h("p", {}, "Paste into Odoo's “Send Webhook Notification” (shown once):"), h("pre", {}, issued.url));
      } catch (e) {
        toast(e.message);
      }
    } }, "Issue webhook URL")));
  const load = async () => {
    const t = await api("GET", `/api/configs/${id}/triggers`).catch(() => null);
    onCreate.checked = !!(t && t.onCreate);
    onUpdate.checked = !!(t && t.onUpdate);
    onDelete.checked = !!(t && t.onDelete);
    watch.value = t ? (t.watchFields || []).join(", ") : "";
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("PUT", `/api/configs/${id}/triggers`, { onCreate: onCreate.checked, onUpdate: onUpdate.checked, onDelete: onDelete.checked, watchFields: watch.value.split(",").map((s) => s.trim()).filter(Boolean) });
      showErrors(form, null);
      toast("Triggers saved.");
    } catch (e) {
      showErrors(form, e);
    }
  });
  load();
  return h("section.card", {}, h("h2", {}, "Record-event triggers"), form);
}

// ---------- runs ----------

/** How far a run got: done records over those the domain selects now (an estimate). */
function progressBar(run, total) {
  const p = run.progress || {};
  const done = (p.sent || 0) + (p.failed || 0) + (p.skipped || 0);
  const finished = run.status !== "RUNNING";
  const share = finished ? 1 : total ? Math.min(1, done / total) : 0;
  return h(`div.progress${finished && run.status === "COMPLETED" ? ".done" : ""}`,
    { role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": Math.round(share * 100), "aria-label": "Progress" },
    h("span", { style: `width: ${Math.round(share * 100)}%` }));
}

async function runsPage(params) {
  const configId = params.get("configId") || "";
  const status = params.get("status") || "";
  const list = await api("GET", `/api/runs?limit=50${configId ? `&configId=${configId}` : ""}${status ? `&status=${status}` : ""}`);
  const runs = list.runs || [];
  await Promise.all(runs.filter((r) => r.status === "RUNNING").map((r) => runTotal(r.workflowId, r.configId)));
  const rows = runs.map((r) => {
    const p = r.progress || {};
    return h("tr", {},
      h("td", {}, h("a", { href: `#/run/${encodeURIComponent(r.workflowId)}` }, r.configName || `config ${r.configId}`), r.dryRun ? h("span.badge", {}, "dry run") : null),
      h("td", {}, r.trigger || ""),
      h("td", {}, h("span", { class: `status-${r.status}` }, r.status)),
      h("td", {}, progressBar(r, runTotals.get(r.workflowId) || 0)),
      h("td.num", {}, p.sent ?? 0), h("td.num", {}, p.failed ?? 0), h("td.num", {}, p.skipped ?? 0),
      h("td", {}, fmtTime(r.startedAt)));
  });
  render(
    h("h1", {}, configId ? `Runs of config ${configId}` : "Runs"),
    runs.length
      ? h("table#runs", {}, h("thead", {}, h("tr", {}, ["Config", "Trigger", "Status", "Progress", "Sent", "Failed", "Skipped", "Started"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, rows))
      : h("p", {}, "No run yet."),
  );
  if (runs.some((r) => r.status === "RUNNING")) refreshTimer = setInterval(() => runsPage(params), 2000);
}

/** Per run, the records its domain selected when the console first looked: the bar's 100%. */
const runTotals = new Map();

async function runTotal(workflowId, configId, knownConfig) {
  if (runTotals.has(workflowId)) return runTotals.get(workflowId);
  const config = knownConfig || (await api("GET", `/api/configs/${configId}`).catch(() => null));
  let total = 0;
  if (config) {
    const count = await api("GET", `/api/catalog/models/${encodeURIComponent(config.model)}/count?domain=${encodeURIComponent(config.filterDomain)}`).catch(() => null);
    total = count ? count.count : 0;
    if (config.limit) total = Math.min(total, config.limit);
  }
  runTotals.set(workflowId, total);
  return total;
}

async function runPage(workflowId) {
  const run = await api("GET", `/api/runs/${encodeURIComponent(workflowId)}`);
  const config = await api("GET", `/api/configs/${run.configId}`).catch(() => null);
  const total = run.status === "RUNNING" ? await runTotal(workflowId, run.configId, config) : 0;
  const p = run.progress || {};
  const result = run.result || {};
  const op = (label, path, body, cls = "") => h(`button${cls}`, { type: "button", onclick: async () => {
    try {
      const answer = await api("POST", `/api/runs/${encodeURIComponent(workflowId)}/${path}`, body);
      if (answer && answer.workflowId && answer.workflowId !== workflowId) location.hash = `#/run/${encodeURIComponent(answer.workflowId)}`;
      else runPage(workflowId);
    } catch (e) {
      toast(e.message);
    }
  } }, label);
  const failures = result.failures || [];
  render(
    h("p", {}, h("a", { href: `#/runs?configId=${run.configId}` }, "← Runs"), " · ", h("a", { href: `#/configs/${run.configId}` }, config ? config.name : `config ${run.configId}`)),
    h("h1", {}, "Run ", h("span#run-status", { class: `status-${run.status}` }, run.status)),
    h("section.card", {},
      progressBar(run, total),
      h("p.hint", {}, run.status === "RUNNING" && total ? `${(p.sent || 0) + (p.failed || 0) + (p.skipped || 0)} of about ${total} records` : ""),
      h("dl.kv", {},
        h("dt", {}, "Workflow"), h("dd", {}, run.workflowId),
        h("dt", {}, "Trigger"), h("dd", {}, run.trigger || ""),
        h("dt", {}, "Pages"), h("dd", {}, p.pages ?? 0),
        h("dt", {}, "Sent"), h("dd#run-sent", {}, p.sent ?? 0),
        h("dt", {}, "Failed"), h("dd#run-failed", {}, p.failed ?? 0),
        h("dt", {}, "Skipped"), h("dd", {}, p.skipped ?? 0),
        p.waiting ? [h("dt", {}, "Waiting"), h("dd.warn", {}, p.waiting)] : null,
        run.error ? [h("dt", {}, "Error"), h("dd.bad", {}, run.error)] : null),
      h("div.actions", {},
        run.status === "RUNNING" ? op("Cancel", "cancel", {}, ".danger") : null,
        run.status !== "RUNNING" ? op("Retry", "retry", {}) : null,
        run.status !== "RUNNING" && (p.failed || 0) > 0 ? op("Retry failed records", "retry-failed", {}, ".secondary") : null,
        h("a", { href: `#/logs?workflowId=${encodeURIComponent(run.workflowId)}` }, "Request log of this run"),
        run.uiUrl ? h("a", { href: run.uiUrl, target: "_blank", rel: "noopener" }, "Open in Temporal Web UI") : null)),
    failures.length
      ? h("section.card", {}, h("h2", {}, "Failed records"), h("table", {}, h("thead", {}, h("tr", {}, ["Record", "Status", "Attempts", "Reason"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, failures.map((f) => h("tr", {}, h("td", {}, f.recordId), h("td", {}, f.status || ""), h("td", {}, f.attempts ?? ""), h("td", {}, h("pre", {}, f.reason)))))))
      : null,
    (result.previews || []).length ? h("section.card", {}, h("h2", {}, "Dry-run requests"), renderPreview(run, "")) : null,
  );
  if (run.status === "RUNNING") refreshTimer = setInterval(() => runPage(workflowId), 1500);
}

// ---------- request log ----------

async function logsPage(params) {
  const configs = await api("GET", "/api/configs");
  const configId = h("select", { "aria-label": "Config" }, h("option", { value: "" }, "any config"), configs.map((c) => h("option", { value: c.id, selected: String(c.id) === params.get("configId") }, c.name)));
  const workflowId = h("input", { type: "text", value: params.get("workflowId") || "" });
  const outcome = h("select", {}, ["", "SENT", "RETRYING", "FAILED", "ERROR"].map((o) => h("option", { value: o, selected: o === (params.get("outcome") || "") }, o || "any outcome")));
  const recordId = h("input", { type: "number", min: 1, value: params.get("recordId") || "" });
  const from = h("input", { type: "datetime-local", value: localInput(params.get("from")) });
  const to = h("input", { type: "datetime-local", value: localInput(params.get("to")) });
  const form = h("form.card", {}, h("div.form-summary"),
    h("div.grid", {}, field("Config", configId, { path: "configId" }), field("Run (workflow id)", workflowId, { path: "workflowId" }), field("Outcome", outcome, { path: "outcome" }),
      field("Record id", recordId, { path: "recordId" }), field("From", from, { path: "from" }), field("To", to, { path: "to" })),
    h("div.actions", {}, h("button", { type: "submit" }, "Filter")));
  const query = new URLSearchParams();
  for (const key of ["configId", "workflowId", "outcome", "recordId", "from", "to", "before"]) if (params.get(key)) query.set(key, params.get(key));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (configId.value) q.set("configId", configId.value);
    if (workflowId.value.trim()) q.set("workflowId", workflowId.value.trim());
    if (outcome.value) q.set("outcome", outcome.value);
    if (recordId.value) q.set("recordId", recordId.value);
    if (from.value) q.set("from", new Date(from.value).toISOString());
    if (to.value) q.set("to", new Date(to.value).toISOString());
    location.hash = `#/logs?${q}`;
  });
  const body = h("tbody");
  let page;
  try {
    page = await api("GET", `/api/logs?limit=50&${query}`);
  } catch (e) {
    render(h("h1", {}, "Request log"), form);
    showErrors(form, e);
    return;
  }
  for (const row of page.items) {
    const detail = h("tr.row-detail", { hidden: true }, h("td", { colspan: 7 }, h("div.split", {},
      h("div", {}, h("h2", {}, "Request"), h("p", {}, `${row.method} ${row.url}`), headersList(row.requestHeaders), h("pre", {}, row.requestBody ? readable(row.requestBody) : "(no body)")),
      h("div", {}, h("h2", {}, "Response"), row.responseStatus == null ? h("p.bad", {}, row.error || "no response") : [h("p", {}, `HTTP ${row.responseStatus}`), headersList(row.responseHeaders), h("pre", {}, row.responseBody ? readable(row.responseBody) : "(no body)")]))));
    const toggle = h("button.link", { type: "button", "aria-expanded": "false", onclick: () => {
      detail.hidden = !detail.hidden;
      toggle.setAttribute("aria-expanded", String(!detail.hidden));
    } }, fmtTime(row.createdAt));
    body.append(
      h("tr.log-row", {}, h("td", {}, toggle), h("td", {}, `${row.method} ${row.url}`), h("td", {}, row.responseStatus ?? "—"), h("td", {}, h("span", { class: row.outcome === "SENT" ? "ok" : "bad" }, row.outcome)),
        h("td.num", {}, `${row.durationMs} ms`), h("td", {}, (row.recordIds || []).slice(0, 10).join(", "), row.recordIds.length > 10 ? ` … (${row.recordIds.length})` : ""), h("td", {}, row.attempt)),
      detail);
  }
  const older = new URLSearchParams(query);
  if (page.nextBefore) older.set("before", page.nextBefore);
  render(
    h("h1", {}, "Request log"),
    form,
    page.items.length
      ? h("table#log", {}, h("thead", {}, h("tr", {}, ["When (click for bodies)", "Request", "Status", "Outcome", "Took", "Records", "Attempt"].map((t) => h("th", { scope: "col" }, t)))), body)
      : h("p", {}, "No request matches."),
    page.nextBefore ? h("p", {}, h("a", { href: `#/logs?${older}` }, "Older →")) : null,
  );
}

function headersList(headers) {
  return h("dl.kv", {}, Object.entries(headers || {}).sort().map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function localInput(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

// Last, so every page's module-level state exists before the first page renders.
route();
