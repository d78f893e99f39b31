/* tidings explorer, article page: tooltips and links between the highlights and the tables.
   Served from the server (CSP: no inline script). Builds every text node with textContent. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  var LABELS = {
    event: [["cameo", "CAMEO"], ["event_name", "event"], ["plover", "PLOVER"], ["source_name", "source"],
      ["source_code", "source code"], ["target_name", "target"], ["target_code", "target code"], ["date", "date"],
      ["date_source", "date source"], ["place_name", "place"], ["modality", "modality"], ["negated", "negated"],
      ["confidence", "confidence"], ["goldstein", "Goldstein"], ["quad_class", "QuadClass"]],
    actor: [["name", "name"], ["code", "code"], ["country", "country"], ["sector", "sector"], ["actor_kind", "kind"],
      ["wikidata", "Wikidata"], ["mention_count", "mentions"]],
    quote: [["quote_kind", "kind"], ["speaker_name", "speaker"], ["speaker_code", "speaker code"], ["cue", "cue"]],
    place: [["name", "name"], ["country", "country"], ["geonameid", "GeoNames"], ["lat", "lat"], ["lon", "lon"],
      ["feature", "feature"], ["role", "role"]],
    time: [["text", "text"], ["value", "value"], ["time_kind", "kind"]]
  };
  function show(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(2);
    return String(value);
  }
  function describe(records, refs) {
    var box = document.createDocumentFragment();
    refs.forEach(function (ref) {
      var rec = records[ref];
      if (!rec) return;
      var head = document.createElement("strong");
      head.textContent = rec.kind + (rec.kind === "event" ? " " + show(rec.cameo) : "");
      box.appendChild(head);
      var dl = document.createElement("dl");
      dl.setAttribute("data-ref", ref);
      (LABELS[rec.kind] || []).forEach(function (pair) {
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = pair[1];
        dd.textContent = show(rec[pair[0]]);
        dd.setAttribute("data-field", pair[0]);
        dl.appendChild(dt); dl.appendChild(dd);
      });
      box.appendChild(dl);
    });
    return box;
  }
  ready(function () {
    var island = document.getElementById("tidings-data");
    if (!island) return;
    var records = JSON.parse(island.textContent).records || {};
    var tip = document.getElementById("tip");
    var details = document.getElementById("details");
    var marks = Array.prototype.slice.call(document.querySelectorAll("#article-text mark.hl"));
    marks.forEach(function (m) {
      m.setAttribute("data-title", m.getAttribute("title") || "");
      m.removeAttribute("title");
      m.setAttribute("aria-label", m.getAttribute("data-title"));
    });
    function refsOf(el) { return (el.getAttribute("data-refs") || "").split(" ").filter(Boolean); }
    function openTip(el) {
      tip.textContent = "";
      tip.appendChild(describe(records, refsOf(el)));
      tip.hidden = false;
      var r = el.getBoundingClientRect();
      tip.style.left = Math.max(4, window.scrollX + r.left) + "px";
      tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    }
    function closeTip() { tip.hidden = true; }
    function clearLinks() {
      document.querySelectorAll(".linked, .pinned").forEach(function (x) { x.classList.remove("linked", "pinned"); });
    }
    function pin(refs, focusEl) {
      clearLinks();
      details.textContent = "";
      details.appendChild(describe(records, refs));
      refs.forEach(function (ref) {
        marks.forEach(function (m) { if (refsOf(m).indexOf(ref) >= 0) m.classList.add("pinned"); });
        var rec = records[ref];
        if (rec && rec.kind === "event") {
          var row = document.getElementById("row-event-" + rec.id);
          if (row) row.classList.add("linked");
          marks.forEach(function (m) {
            var s = +m.getAttribute("data-start"), kind = m.getAttribute("data-kind");
            if (kind === "actor" && (s === rec.source_start || s === rec.target_start)) m.classList.add("linked");
          });
        }
      });
      if (focusEl) focusEl.scrollIntoView({block: "center"});
    }
    function innermost(ev) { return ev.target.closest ? ev.target.closest("mark.hl") : null; }
    var text = document.getElementById("article-text");
    text.addEventListener("mouseover", function (ev) { var m = innermost(ev); if (m) openTip(m); });
    text.addEventListener("mouseout", function (ev) { if (innermost(ev)) closeTip(); });
    text.addEventListener("focusin", function (ev) { var m = innermost(ev); if (m) openTip(m); });
    text.addEventListener("focusout", closeTip);
    text.addEventListener("click", function (ev) { var m = innermost(ev); if (m) pin(refsOf(m), null); });
    text.addEventListener("keydown", function (ev) {
      var m = innermost(ev);
      if (m && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); pin(refsOf(m), null); }
    });
    document.querySelectorAll(".span-link").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var ref = a.getAttribute("data-ref");
        var target = document.getElementById(a.getAttribute("href").slice(1));
        ev.preventDefault();
        pin([ref], target);
        if (target) target.focus({preventScroll: true});
      });
    });
    document.body.setAttribute("data-tidings-ready", "1");
  });
})();
