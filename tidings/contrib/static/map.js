/* tidings explorer, map page: event places on the vendored Natural Earth country outlines
   (tiles only when the server was given a tile URL). Popups are built with textContent. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  function popup(p, quads) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = p.name + (p.country ? " (" + p.country + ")" : "");
    box.appendChild(title);
    var list = document.createElement("ul");
    Object.keys(p.counts).forEach(function (q) {
      var li = document.createElement("li");
      li.textContent = quads[q] + ": " + p.counts[q];
      list.appendChild(li);
    });
    box.appendChild(list);
    if (p.events_url) {
      var a = document.createElement("a");
      a.href = p.events_url;
      a.textContent = p.total + " event" + (p.total === 1 ? "" : "s");
      box.appendChild(a);
    }
    return box;
  }
  function majority(counts) {
    var best = 1, n = -1;
    Object.keys(counts).forEach(function (q) { if (counts[q] > n) { n = counts[q]; best = q; } });
    return best;
  }
  ready(function () {
    var el = document.getElementById("map");
    var data = JSON.parse(document.getElementById("tidings-data").textContent);
    var map = L.map(el, {worldCopyJump: true, minZoom: 1, maxZoom: 10}).setView([30, 15], 2);
    var points = L.featureGroup();
    data.points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {
        radius: 5 + 3 * Math.sqrt(p.total), className: "q" + majority(p.counts), weight: 1
      }).bindPopup(popup(p, data.quads)).addTo(points);
    });
    function finish() {
      points.addTo(map);
      if (data.points.length) map.fitBounds(points.getBounds(), {padding: [40, 40], maxZoom: 5});
      el.setAttribute("data-ready", "1");
    }
    if (data.tile_url) {
      L.tileLayer(data.tile_url, {attribution: data.tile_attribution || ""}).addTo(map);
      finish();
      return;
    }
    map.attributionControl.addAttribution("Natural Earth");
    fetch(data.countries_url).then(function (r) { return r.json(); }).then(function (topo) {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        style: function () { return {className: "country", weight: 0.6}; }, interactive: false
      }).addTo(map);
      finish();
    }).catch(function () { finish(); });
  });
})();
