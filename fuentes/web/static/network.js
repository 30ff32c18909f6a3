// The network view: entities as nodes, relations (or co-mentions) as edges.
// A small force layout, pan (drag the background), zoom (wheel), filters by relation and
// time; a click on a node opens its profile, on a stored relation's edge the relation's page
// (its evidence). Labels are set with textContent only.
"use strict";
(function () {
  const svg = document.getElementById("network");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const view = { x: 0, y: 0, k: 1 };
  let graph = { nodes: [], edges: [] };
  const layer = document.createElementNS(NS, "g");
  svg.appendChild(layer);

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function layout(nodes, edges, width, height) {
    // Fruchterman-Reingold style: repulsion between all nodes, springs along edges.
    const n = nodes.length;
    const area = width * height, k = Math.sqrt(area / Math.max(n, 1)) * 0.8;
    nodes.forEach((d, i) => {
      const a = 2 * Math.PI * i / Math.max(n, 1);
      d.x = width / 2 + (width / 3) * Math.cos(a) * (0.3 + (i % 7) / 10);
      d.y = height / 2 + (height / 3) * Math.sin(a) * (0.3 + (i % 5) / 8);
    });
    const index = new Map(nodes.map((d) => [d.id, d]));
    let t = width / 8;
    for (let step = 0; step < 120; step++) {
      for (const d of nodes) { d.dx = 0; d.dy = 0; }
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y, dist = Math.hypot(dx, dy) || 0.01;
        const f = (k * k) / dist;
        a.dx += (dx / dist) * f; a.dy += (dy / dist) * f;
        b.dx -= (dx / dist) * f; b.dy -= (dy / dist) * f;
      }
      for (const e of edges) {
        const a = index.get(e.source), b = index.get(e.target);
        if (!a || !b) continue;
        let dx = a.x - b.x, dy = a.y - b.y, dist = Math.hypot(dx, dy) || 0.01;
        const f = (dist * dist) / k;
        a.dx -= (dx / dist) * f; a.dy -= (dy / dist) * f;
        b.dx += (dx / dist) * f; b.dy += (dy / dist) * f;
      }
      for (const d of nodes) {
        const len = Math.hypot(d.dx, d.dy) || 0.01;
        d.x += (d.dx / len) * Math.min(len, t);
        d.y += (d.dy / len) * Math.min(len, t);
        d.x += (width / 2 - d.x) * 0.01; d.y += (height / 2 - d.y) * 0.01;  // gravity
      }
      t *= 0.96;
    }
  }

  function inRange(e, from, to) {
    // Partial ISO dates compare as strings once cut to the same length.
    const start = e.start || e.end, end = e.end || e.start;
    if (!start) return !(from || to);
    if (from && end.slice(0, from.length) < from) return false;
    if (to && start.slice(0, to.length) > to) return false;
    return true;
  }

  function filtered() {
    const predicate = document.getElementById("net-predicate").value;
    const from = document.getElementById("net-from").value.trim();
    const to = document.getElementById("net-to").value.trim();
    const weight = Number(document.getElementById("net-weight").value) || 1;
    const edges = graph.edges.filter((e) => (!predicate || e.predicate === predicate)
      && e.weight >= weight && inRange(e, from, to));
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = graph.nodes.filter((d) => used.has(d.id) || (!predicate && !from && !to && weight <= 1));
    return { nodes, edges };
  }

  function draw() {
    const { nodes, edges } = filtered();
    const width = svg.clientWidth || 900, height = svg.clientHeight || 640;
    layout(nodes, edges, width, height);
    const index = new Map(nodes.map((d) => [d.id, d]));
    layer.replaceChildren();
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      const line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge edge-" + e.predicate,
        "stroke-width": Math.min(1 + e.weight, 6) });
      const title = el("title"); title.textContent = e.predicate + " (" + e.weight + ")";
      line.appendChild(title);
      if (e.id) {  // a stored relation: a click opens its page, with the sentences that state it
        line.classList.add("linked");
        line.dataset.id = e.id;
        line.addEventListener("click", () => { window.location.href = "/relations/" + encodeURIComponent(e.id); });
      }
      layer.appendChild(line);
    }
    for (const d of nodes) {
      const g = el("g", { class: "node kind-" + d.kind, tabindex: 0, "data-id": d.id });
      g.appendChild(el("circle", { cx: d.x, cy: d.y, r: 5 + Math.min(Math.sqrt(d.articles || 1) * 2, 14) }));
      const label = el("text", { x: d.x, y: d.y - 12, "text-anchor": "middle" });
      label.textContent = d.name;
      g.appendChild(label);
      const open = () => { window.location.href = "/entities/" + encodeURIComponent(d.id); };
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      layer.appendChild(g);
    }
    document.getElementById("net-count").textContent = nodes.length + " nodes, " + edges.length + " edges";
    apply();
  }

  function apply() { layer.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`); }

  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest && ev.target.closest("g.node, line.linked")) return;
    drag = { x: ev.clientX - view.x, y: ev.clientY - view.y };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    view.x = ev.clientX - drag.x; view.y = ev.clientY - drag.y; apply();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const rect = svg.getBoundingClientRect();
    const px = ev.clientX - rect.left, py = ev.clientY - rect.top;
    const factor = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
    const k = Math.min(8, Math.max(0.2, view.k * factor));
    view.x = px - ((px - view.x) * k) / view.k; view.y = py - ((py - view.y) * k) / view.k; view.k = k;
    apply();
  }, { passive: false });

  for (const id of ["net-predicate", "net-from", "net-to", "net-weight"]) {
    document.getElementById(id).addEventListener("change", draw);
  }
  document.getElementById("net-reset").addEventListener("click", () => {
    view.x = 0; view.y = 0; view.k = 1; apply();
  });

  fetch(svg.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => r.json())
    .then((data) => {
      graph = data;
      const select = document.getElementById("net-predicate");
      for (const p of data.predicates || []) {
        const option = document.createElement("option");
        option.value = p; option.textContent = p;
        select.appendChild(option);
      }
      svg.dataset.ready = "1";
      draw();
    });
})();
