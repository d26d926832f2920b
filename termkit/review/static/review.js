// termkit review: keyboard shortcuts, decisions without reloading, record context on demand.
// Served by termkit itself; no framework. Without this script every form still works
// (plain POST and redirect).
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const status = document.getElementById("status");
  const mine = []; // decisions taken in this tab, newest last (for undo)

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "ok";
  }

  function cards() {
    return Array.from(document.querySelectorAll("article.card"));
  }

  function current() {
    const el = document.activeElement;
    return (el && el.closest && el.closest("article.card")) || document.querySelector("article.card.current");
  }

  function focusCard(card) {
    if (!card) return;
    document.querySelectorAll("article.card.current").forEach((c) => c.classList.remove("current"));
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const all = cards();
    if (!all.length) return;
    const here = current();
    let i = here ? all.indexOf(here) + step : 0;
    i = Math.max(0, Math.min(all.length - 1, i));
    focusCard(all[i]);
  }

  function updateSummary(data) {
    if (data.summary) {
      for (const [key, value] of Object.entries(data.summary)) {
        const el = document.querySelector('[data-count="' + key + '"]');
        if (el) el.textContent = value;
      }
    }
    const undoButton = document.getElementById("undo-button");
    const undoForm = document.getElementById("undo-form");
    if (undoButton && "undo" in data) {
      undoButton.disabled = !data.undo && !mine.length;
      undoButton.querySelector(".undo-label").textContent = data.undo ? ": " + data.undo.label : "";
      undoForm.querySelector('input[name="seq"]').value = data.undo ? data.undo.seq : "";
    }
    const exportButton = document.getElementById("export-button");
    if (exportButton && "exports_stale" in data) {
      let dot = exportButton.querySelector(".stale");
      if (data.exports_stale && !dot) {
        dot = document.createElement("span");
        dot.className = "stale";
        dot.title = "decisions since the last export";
        dot.textContent = "●";
        exportButton.append(" ", dot);
      } else if (!data.exports_stale && dot) {
        dot.remove();
      }
    }
  }

  function replaceCard(id, html) {
    const old = document.getElementById("card-" + id);
    const tpl = document.createElement("template");
    tpl.innerHTML = html.trim();
    const fresh = tpl.content.firstElementChild;
    if (!old) return fresh;
    const oldSources = old.querySelector("section.sources");
    if (oldSources && oldSources.dataset.loaded) {
      const section = fresh.querySelector("section.sources");
      section.innerHTML = oldSources.innerHTML;
      section.dataset.loaded = "1";
    }
    old.replaceWith(fresh);
    return fresh;
  }

  async function post(form, extra) {
    const body = new URLSearchParams(new FormData(form));
    for (const [k, v] of Object.entries(extra || {})) body.set(k, v);
    // form.getAttribute: a field named "action" shadows form.action
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: body,
      headers: { Accept: "application/json", "X-CSRF-Token": csrf },
      credentials: "same-origin",
    });
    let data;
    try {
      data = await response.json();
    } catch (e) {
      data = { ok: false, error: "the server answered " + response.status };
    }
    return data;
  }

  async function decide(form) {
    const card = form.closest("article.card");
    const action = form.dataset.action;
    const data = await post(form);
    if (!data.ok) {
      say(data.error, true);
      if (card) {
        let note = card.querySelector(".refused");
        if (!note) {
          note = document.createElement("p");
          note.className = "refused";
          note.setAttribute("role", "alert");
          card.querySelector(".badges").after(note);
        }
        note.textContent = data.error;
        if (response409(data)) {
          const link = document.createElement("button");
          link.type = "button";
          link.textContent = "Show the current version";
          link.addEventListener("click", () => reloadCard(card.dataset.id));
          note.append(" ", link);
        }
      }
      return;
    }
    mine.push(data.seq);
    const fresh = replaceCard(data.id, data.html);
    updateSummary(data);
    say(data.message, false);
    if (action === "approve" || action === "reject") {
      const all = cards();
      const i = all.indexOf(fresh);
      focusCard(all[i + 1] || fresh);
    } else {
      focusCard(fresh);
    }
  }

  function response409(data) {
    return typeof data.version === "number";
  }

  async function reloadCard(id) {
    const back = location.pathname + location.search;
    const response = await fetch("/api/card/" + encodeURIComponent(id) + "?back=" + encodeURIComponent(back), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const data = await response.json();
    if (data.ok) {
      focusCard(replaceCard(id, data.html));
      loadContexts([document.getElementById("card-" + id)]);
    }
  }

  async function undo(form) {
    const extra = {};
    if (mine.length) extra.seq = String(mine[mine.length - 1]);
    const data = await post(form, extra);
    if (!data.ok) {
      say(data.error, true);
      return;
    }
    if (mine.length && extra.seq) mine.pop();
    const fresh = replaceCard(data.id, data.html);
    updateSummary(data);
    say(data.message, false);
    if (fresh && fresh.isConnected) focusCard(fresh);
  }

  async function exportAll(form) {
    say("exporting…", false);
    const data = await post(form);
    if (!data.ok) {
      say(data.error, true);
      return;
    }
    updateSummary(data);
    say(data.message, false);
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    let handler = null;
    if (form.classList.contains("decision")) handler = decide;
    else if (form.classList.contains("undo")) handler = undo;
    else if (form.classList.contains("export")) handler = exportAll;
    if (!handler) return;
    event.preventDefault();
    handler(form).catch((err) => say("not saved: " + err, true));
  });

  async function loadContexts(list) {
    const wanted = list.filter((c) => c && !c.querySelector("section.sources").dataset.loaded);
    if (!wanted.length) return;
    const ids = wanted.map((c) => c.dataset.id);
    const response = await fetch("/api/contexts?ids=" + encodeURIComponent(ids.join(",")), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const data = await response.json();
    for (const id of ids) {
      const card = document.getElementById("card-" + id);
      const html = data.contexts[id];
      if (!card || html === undefined) continue;
      const section = card.querySelector("section.sources");
      section.innerHTML = html;
      section.dataset.loaded = "1";
    }
    document.body.dataset.contexts = "loaded";
    document.body.dataset.contextsMs = String(Math.round(performance.now()));
  }

  function openDetails(card, selector, fields) {
    const details = card.querySelector(selector);
    if (!details) return;
    details.open = true;
    // the first of the candidate fields that the form has (in the order given)
    const input = fields.map((f) => details.querySelector(f)).find((el) => el);
    if (input) {
      input.focus();
      if (input.select) input.select();
    }
  }

  function submitAction(card, action) {
    const form = card.querySelector('form[data-action="' + action + '"]');
    const button = form && form.querySelector('button[type="submit"]');
    if (button && !button.disabled) form.requestSubmit();
    else if (action === "approve") say("pick the preferred rendering first (keys 1–9)", true);
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target.closest && target.closest("input, textarea, select");
    if (event.key === "Escape") {
      const details = target.closest && target.closest("details");
      if (details) {
        details.open = false;
        focusCard(details.closest("article.card"));
        event.preventDefault();
      }
      const help = document.getElementById("help");
      if (!help.hidden) toggleHelp();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const card = current();
    switch (event.key) {
      case "j":
      case "ArrowDown":
        if (event.key === "ArrowDown" && !card) return;
        move(1);
        break;
      case "k":
      case "ArrowUp":
        if (event.key === "ArrowUp" && !card) return;
        move(-1);
        break;
      case "a":
        if (card) submitAction(card, "approve");
        break;
      case "r":
        if (card) submitAction(card, "reject");
        break;
      case "e":
        if (card) openDetails(card, "details.edit", ['input[name="en"]:not([disabled])', 'input[name="zh-Hant"]']);
        break;
      case "n":
        if (card) openDetails(card, "details.note", ["textarea"]);
        break;
      case "o":
        if (card) location.href = "/concept/" + encodeURIComponent(card.dataset.id);
        break;
      case "u": {
        const form = document.getElementById("undo-form");
        if (form) form.requestSubmit();
        break;
      }
      case "x": {
        const form = document.getElementById("export-form");
        if (form) form.requestSubmit();
        break;
      }
      case "/":
        document.getElementById("q")?.focus();
        break;
      case "?":
        toggleHelp();
        break;
      default:
        if (card && /^[1-9]$/.test(event.key)) {
          const radio = card.querySelector('form.pick input[data-key="' + event.key + '"]');
          if (radio) {
            radio.checked = true;
            radio.form.requestSubmit();
          }
          break;
        }
        return;
    }
    event.preventDefault();
  });

  function toggleHelp() {
    const help = document.getElementById("help");
    help.hidden = !help.hidden;
    document.getElementById("help-button").setAttribute("aria-expanded", String(!help.hidden));
  }
  document.getElementById("help-button").addEventListener("click", toggleHelp);

  document.addEventListener("focusin", (event) => {
    const card = event.target.closest && event.target.closest("article.card");
    if (card && !card.classList.contains("current")) {
      document.querySelectorAll("article.card.current").forEach((c) => c.classList.remove("current"));
      card.classList.add("current");
    }
  });

  const all = cards();
  if (location.hash.startsWith("#card-")) {
    focusCard(document.getElementById(location.hash.slice(1)));
  }
  const pending = all.filter((c) => !c.querySelector("section.sources").dataset.loaded &&
    !c.closest(".single"));
  loadContexts(pending).catch(() => {});
  document.body.dataset.ready = "1";
})();
