// The HTML inbox served at `/` of the catcher's HTTP side. One self-contained document (no build
// step, no external assets) so it works offline and can be linked to from the sandbox UI as is.
//
// Safety notes, since caught mail is untrusted content:
// - every mail field is put into the DOM with textContent, never innerHTML, so it is escaped;
// - HTML bodies go into an iframe with `sandbox` (no scripts, opaque origin) via srcdoc;
// - the API is fetched with relative URLs, so the page also works behind a path prefix.
// The script below is plain JS inside a TS template literal: it must not use backticks or `${`.

export function renderInboxPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polygram mail catcher</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; font-size: 14px; }
  body { margin: 0; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; gap: 8px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #8884; }
  header h1 { font-size: 16px; margin: 0 auto 0 0; }
  main { flex: 1; display: flex; min-height: 0; }
  #list { width: 36%; min-width: 240px; overflow-y: auto; border-right: 1px solid #8884; margin: 0; padding: 0; list-style: none; }
  #list li { padding: 8px 12px; border-bottom: 1px solid #8882; cursor: pointer; }
  #list li:hover { background: #8881; }
  #list li.selected { background: #4a90e233; }
  #list .subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  #list .meta { opacity: .7; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  #reader { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #headers { padding: 8px 12px; border-bottom: 1px solid #8884; }
  #headers div { overflow-wrap: anywhere; }
  #tabs { display: flex; gap: 4px; padding: 6px 12px; }
  #tabs button[aria-pressed="true"] { font-weight: 700; }
  #body { flex: 1; min-height: 0; display: flex; }
  #body iframe { flex: 1; border: 0; background: #fff; }
  #body pre { flex: 1; margin: 0; padding: 12px; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  .empty { padding: 24px; opacity: .6; }
</style>
</head>
<body>
<header>
  <h1>Mail catcher <span id="count"></span></h1>
  <label><input type="checkbox" id="auto" checked> auto-refresh</label>
  <button id="refresh" type="button">Refresh</button>
  <button id="clear" type="button">Delete all</button>
</header>
<main>
  <ul id="list"></ul>
  <section id="reader"><p class="empty">Select a message.</p></section>
</main>
<script nonce="${nonce}">
"use strict";
var state = { messages: [], selectedId: null, view: "html" };
var listEl = document.getElementById("list");
var readerEl = document.getElementById("reader");
var countEl = document.getElementById("count");

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderList() {
  countEl.textContent = "(" + state.messages.length + ")";
  listEl.replaceChildren();
  if (state.messages.length === 0) listEl.append(el("li", "empty", "No mail yet."));
  state.messages.forEach(function (m) {
    var item = el("li", m.id === state.selectedId ? "selected" : "");
    item.append(el("div", "subject", m.subject || "(no subject)"));
    item.append(el("div", "meta", "to " + m.to.join(", ")));
    item.append(el("div", "meta", "from " + m.from + " \\u00b7 " + new Date(m.receivedAt).toLocaleString()));
    item.addEventListener("click", function () { select(m.id); });
    listEl.append(item);
  });
}

function renderReader() {
  var m = state.messages.find(function (x) { return x.id === state.selectedId; });
  readerEl.replaceChildren();
  if (!m) { readerEl.append(el("p", "empty", "Select a message.")); return; }
  var headers = el("div");
  headers.id = "headers";
  headers.append(el("div", "", "From: " + m.from));
  headers.append(el("div", "", "To: " + m.to.join(", ")));
  headers.append(el("div", "", "Subject: " + m.subject));
  headers.append(el("div", "", "Received: " + new Date(m.receivedAt).toLocaleString()));
  var tabs = el("div");
  tabs.id = "tabs";
  var view = m.html === null ? "text" : state.view;
  ["html", "text"].forEach(function (name) {
    var button = el("button", "", name.toUpperCase());
    button.type = "button";
    button.disabled = name === "html" && m.html === null;
    button.setAttribute("aria-pressed", String(name === view));
    button.addEventListener("click", function () { state.view = name; renderReader(); });
    tabs.append(button);
  });
  var body = el("div");
  body.id = "body";
  if (view === "html") {
    var frame = document.createElement("iframe");
    // No allow-scripts and no allow-same-origin: the mail cannot run code or reach this page.
    // Popups are allowed so links (e.g. a verification link) open in a new tab.
    frame.setAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.title = "HTML body";
    frame.srcdoc = '<base target="_blank">' + m.html;
    body.append(frame);
  } else {
    body.append(el("pre", "", m.text));
  }
  readerEl.append(headers, tabs, body);
}

function select(id) {
  state.selectedId = id;
  history.replaceState(null, "", "#" + encodeURIComponent(id));
  renderList();
  renderReader();
}

function load() {
  return fetch("messages", { cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(function (messages) {
      var before = state.messages.map(function (m) { return m.id; }).join();
      state.messages = messages;
      // Re-rendering an unchanged inbox would reload the iframe and lose the reader's scroll.
      if (before === messages.map(function (m) { return m.id; }).join()) return;
      renderList();
      renderReader();
    })
    .catch(function () { countEl.textContent = "(catcher unreachable)"; });
}

document.getElementById("refresh").addEventListener("click", load);
document.getElementById("clear").addEventListener("click", function () {
  fetch("messages", { method: "DELETE" }).then(function () { state.selectedId = null; return load(); });
});
setInterval(function () { if (document.getElementById("auto").checked) load(); }, 2000);
if (location.hash.length > 1) state.selectedId = decodeURIComponent(location.hash.slice(1));
load().then(function () { renderList(); renderReader(); });
</script>
</body>
</html>
`;
}
