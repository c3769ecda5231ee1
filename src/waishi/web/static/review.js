// Review mode (issue 13): keyboard-driven accept / reject / edit, add an event by selecting
// its sentence. Writes go to POST /api/review/decisions with the CSRF cookie echoed in a header;
// text from the store is only ever set with textContent.
(function () {
  "use strict";
  const $ = (s, el) => (el || document).querySelector(s);
  const $$ = (s, el) => Array.from((el || document).querySelectorAll(s));
  const typing = (t) => t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");

  // -- the queue: j/k move, Enter opens ---------------------------------------------------
  const rows = $$("tr.qrow");
  if (rows.length) {
    let q = 0;
    const mark = () => rows.forEach((r, i) => r.classList.toggle("cur", i === q));
    mark();
    document.addEventListener("keydown", (ev) => {
      if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === "j") { q = Math.min(q + 1, rows.length - 1); mark(); rows[q].scrollIntoView({ block: "nearest" }); }
      else if (ev.key === "k") { q = Math.max(q - 1, 0); mark(); rows[q].scrollIntoView({ block: "nearest" }); }
      else if (ev.key === "Enter") { location.href = rows[q].dataset.href; }
    });
  }

  // -- the event page in review mode: one decision for every report of the event ---------------
  const evBox = document.getElementById("event-review");
  if (evBox) {
    const evMsg = document.getElementById("evmsg");
    $$("button[data-act]", evBox).forEach((b) => b.addEventListener("click", async () => {
      const action = b.dataset.act;
      const note = $("input[name=note]", evBox).value.trim() || null;
      const fields = action === "edit" ? { date: $("input[name=date]", evBox).value.trim() || null } : {};
      const c = document.cookie.split("; ").find((x) => x.startsWith("waishi_csrf="));
      const r = await fetch("/api/review/events/" + evBox.dataset.event + "/decisions", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json",
                   "X-CSRF-Token": c ? decodeURIComponent(c.slice("waishi_csrf=".length)) : "" },
        body: JSON.stringify({ action: action, fields: fields, note: note }),
      }).catch((e) => null);
      if (r && r.ok) { evMsg.textContent = "saved"; location.href = "/events"; return; }
      let why = r ? r.status + " " + r.statusText : "network error";
      try { const j = await r.json(); if (j && j.error) why = r.status + ": " + j.error.message; } catch (e) { /* */ }
      evMsg.textContent = "not saved — " + why;
      evMsg.className = "bad";
    }));
  }

  const dataEl = document.getElementById("review-data");
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent);
  const items = $$("li.item");
  const msg = $("#msg");
  let cur = 0;
  const m = /i=(\d+)/.exec(location.hash);
  if (m) cur = Math.min(parseInt(m[1], 10), Math.max(items.length - 1, 0));

  function csrf() {
    const c = document.cookie.split("; ").find((x) => x.startsWith("waishi_csrf="));
    return c ? decodeURIComponent(c.slice("waishi_csrf=".length)) : "";
  }

  function say(text, bad) {
    msg.textContent = text;
    msg.className = bad ? "bad" : "ok";
  }

  async function post(body) {
    let r;
    try {
      r = await fetch("/api/review/decisions", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify(body),
      });
    } catch (e) { say("not saved: " + e, true); return false; }
    if (!r.ok) {
      let why = r.status + " " + r.statusText;
      try { const j = await r.json(); if (j && j.error) why = r.status + ": " + j.error.message; } catch (e) { /* not JSON */ }
      say("not saved — " + why, true);
      return false;
    }
    return true;
  }

  function reloadAt(i) {
    location.hash = "i=" + i;
    location.reload();
  }

  function select(i) {
    if (!items.length) return;
    cur = Math.max(0, Math.min(i, items.length - 1));
    items.forEach((el, k) => el.classList.toggle("cur", k === cur));
    const it = items[cur];
    $$("#rtext span").forEach((s) => s.classList.remove("hl"));
    const attr = it.dataset.kind === "event" ? "ev" : it.dataset.kind === "fact" ? "fact" : null;
    if (attr) {
      $$("#rtext span").forEach((s) => {
        if ((s.dataset[attr] || "").split(" ").includes(it.dataset.i)) s.classList.add("hl");
      });
      const first = $("#rtext span.hl");
      if (first) first.scrollIntoView({ block: "nearest" });
    }
    it.scrollIntoView({ block: "nearest" });
  }

  function names(v) { return v.split(/[、,，;；]\s*/).map((x) => x.trim()).filter(Boolean); }

  async function act(action) {
    const it = items[cur];
    if (!it) return;
    const body = { kind: it.dataset.kind, action: action, target: JSON.parse(it.dataset.key), fields: {} };
    if (action === "confirm") body.fields = JSON.parse(it.dataset.fields);
    if (await post(body)) reloadAt(cur + 1);
  }

  function openEdit() {
    const it = items[cur];
    if (!it) return;
    const f = $("form.edit", it);
    f.hidden = false;
    const first = $("input, select", f);
    if (first) first.focus();
  }

  items.forEach((it, i) => {
    it.addEventListener("click", (ev) => { if (!it.contains(document.activeElement) || ev.target === it) select(i); });
    $$("button[data-act]", it).forEach((b) => b.addEventListener("click", (ev) => {
      ev.stopPropagation();
      select(i);
      if (b.dataset.act === "edit") openEdit(); else act(b.dataset.act);
    }));
    const f = $("form.edit", it);
    $(".cancel", f).addEventListener("click", () => { f.hidden = true; });
    f.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const was = JSON.parse(it.dataset.fields);
      const fields = {};
      for (const el of $$("input, select", f)) {
        if (el.name === "note") continue;
        let v = el.value.trim();
        const old = was[el.name];
        if (Array.isArray(old)) {
          const nv = names(v);
          if (nv.join("、") !== old.join("、")) fields[el.name] = nv;
        } else if (v !== (old === null || old === undefined ? "" : String(old))) {
          fields[el.name] = v === "" ? null : v;
        }
      }
      const note = $("input[name=note]", f).value.trim();
      if (!Object.keys(fields).length && !note) { f.hidden = true; return; }
      const body = { kind: it.dataset.kind, action: "edit", target: JSON.parse(it.dataset.key), fields: fields,
                     note: note || null };
      if (await post(body)) reloadAt(i);
    });
  });

  // -- add an event by selecting its sentence ------------------------------------------------
  const text = $("#rtext");
  const add = $("#addform");
  function offset(node, off) {
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(node, off);
    return Array.from(r.toString()).length; // code points, as Python counts them
  }
  text.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !text.contains(sel.anchorNode) || !text.contains(sel.focusNode)) return;
    const r = sel.getRangeAt(0);
    const raw = r.toString();
    const lead = Array.from(raw).length - Array.from(raw.replace(/^\s+/, "")).length;
    const trail = Array.from(raw).length - Array.from(raw.replace(/\s+$/, "")).length;
    let s = offset(r.startContainer, r.startOffset) + lead;
    let e = offset(r.endContainer, r.endOffset) - trail;
    if (e <= s) return;
    add.elements.start.value = data.doc_start + s;
    add.elements.end.value = data.doc_start + e;
    $("#addtext").textContent = raw.trim();
    add.hidden = false;
    add.elements.type.focus();
  });
  $(".cancel", add).addEventListener("click", () => { add.hidden = true; });
  add.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const el = add.elements;
    const fields = { type: el.type.value, date: el.date.value.trim() || null, source: names(el.source.value),
                     target: names(el.target.value), location: el.location.value.trim() || null };
    const body = { kind: "event", action: "add", fields: fields, note: el.note.value.trim() || null,
                   target: { locator: data.locator, type: el.type.value, start: parseInt(el.start.value, 10),
                             end: parseInt(el.end.value, 10) } };
    if (await post(body)) reloadAt(items.length);
  });

  async function done() {
    if (await post({ kind: "document", action: "confirm", target: data.doc_key, fields: {} })) {
      if (data.next && data.next !== location.pathname) location.href = data.next; else reloadAt(cur);
    }
  }
  $("#done").addEventListener("click", done);

  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      $$("form.rv-form").forEach((f) => { f.hidden = true; });
      if (document.activeElement) document.activeElement.blur();
      return;
    }
    if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const keys = { j: () => select(cur + 1), k: () => select(cur - 1), a: () => act("confirm"),
                   r: () => act("reject"), e: openEdit, d: done,
                   n: () => { if (data.next) location.href = data.next; },
                   p: () => { if (data.prev) location.href = data.prev; } };
    const f = keys[ev.key];
    if (f) { ev.preventDefault(); f(); }
  });
  select(cur);
})();
