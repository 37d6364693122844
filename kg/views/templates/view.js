(function () {
  "use strict";
  var D = __GEOKG_DATA__;

  // Tooltips are built as DOM nodes whose text is set with textContent: evidence and
  // titles come from scraped articles and must never be parsed as HTML.
  function tooltip(rows) {
    var box = document.createElement("div");
    box.className = "tip";
    for (var i = 0; i < rows.length; i++) {
      var line = document.createElement("div");
      line.className = "tip-" + rows[i][0];
      line.dir = "auto";
      line.textContent = rows[i][1];
      box.appendChild(line);
    }
    return box;
  }
  D.nodes.forEach(function (n) { if (n.tip) { n.title = tooltip(n.tip); } delete n.tip; });
  D.edges.forEach(function (e) { if (e.tip) { e.title = tooltip(e.tip); } delete e.tip; });

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var state = {
    network: network, nodes: nodes, edges: edges, drawn: false, settled: !D.physics,
    expected: { nodes: D.nodes.length, edges: D.edges.length }, pruned: D.pruned
  };
  window.geokg = state;
  network.once("afterDrawing", function () { state.drawn = true; });
  if (D.physics) {
    network.once("stabilizationIterationsDone", function () {
      // Freeze the layout once it has settled: positions stay put while the user reads.
      network.setOptions({ physics: { enabled: false } });
      state.settled = true;
    });
  }

  // Relations in the legend toggle their edges.
  var boxes = document.querySelectorAll("input[data-relation]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      var relation = box.getAttribute("data-relation");
      var hide = !box.checked;
      edges.update(edges.get({ filter: function (e) { return e.relation === relation; } })
        .map(function (e) { return { id: e.id, hidden: hide }; }));
    });
  });

  // Find an actor by any of its labels.
  var find = document.getElementById("find");
  function norm(s) { return (s || "").replace(/[\u2066-\u2069]/g, "").toLowerCase().trim(); }
  find.addEventListener("change", function () {
    var q = norm(find.value);
    if (!q) { return; }
    var hit = nodes.get({ filter: function (n) {
      if (norm(n.label) === q || norm(n.id) === q) { return true; }
      for (var k in n.labels) { if (norm(n.labels[k]) === q) { return true; } }
      return false;
    } })[0];
    if (hit) {
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: 1.3, animation: { duration: 400 } });
    }
  });
})();
