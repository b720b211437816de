// 一张图: draws the resource map's markers with the locally served Leaflet (no CDN, no inline script).
// The markers come from the page's Markers handler (scoped and filtered like the table); tiles only when the county
// set teams.map-tile-url, else the markers stand on a blank background.
(function () {
    var box = document.getElementById("resource-map");
    if (!box || typeof L === "undefined") {
        return;
    }

    var colours = { teams: "#d9480f", sites: "#1971c2", shelters: "#2f9e44" };
    var map = L.map(box, { attributionControl: false, zoomSnap: 0.5 });
    var tiles = box.getAttribute("data-tile-source");
    if (tiles) {
        L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
    }

    var legend = L.control({ position: "topright" });
    legend.onAdd = function () {
        var div = L.DomUtil.create("div", "resource-map-legend");
        ["teams", "sites", "shelters"].forEach(function (layer) {
            var line = document.createElement("div");
            var dot = document.createElement("i");
            dot.className = layer;
            line.appendChild(dot);
            line.appendChild(document.createTextNode(box.getAttribute("data-layer-" + layer)));
            div.appendChild(line);
        });
        return div;
    };
    legend.addTo(map);
    map.setView([35, 105], 4);

    fetch(box.getAttribute("data-markers"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
            var bounds = [];
            data.items.forEach(function (item) {
                var popup = document.createElement("div");
                var link = document.createElement("a");
                link.href = item.url;
                link.textContent = item.name;
                popup.appendChild(link);
                popup.appendChild(document.createElement("br"));
                popup.appendChild(document.createTextNode(item.owner + " · " + item.detail));
                L.circleMarker([item.lat, item.lng], { radius: 7, color: colours[item.layer], fillOpacity: 0.8, weight: 2 })
                    .bindTooltip(item.name)
                    .bindPopup(popup)
                    .addTo(map);
                bounds.push([item.lat, item.lng]);
            });
            if (bounds.length === 1) {
                map.setView(bounds[0], 14);
            } else if (bounds.length > 1) {
                map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
            }
        });
})();
