// The network view: the graph `fuentes network metrics` analyses, cut to its top nodes by
// degree and laid out on the server (fuentes/network/layout.py): each node comes with x and y
// in [0, 1], which this script fits to the canvas, margins kept, so every node is inside it.
//
// Labels: placed greedily, most connected node first, beside their node (above, below, right
// or left, whichever fits); a label that would overlap a label already placed or another node,
// or leave the canvas, is hidden and shown on hover or keyboard focus, with the full name in
// the node's tooltip. Filters by relation type, time and weight hide edges and the nodes they
// leave alone; the layout stays put. Pan (drag the background), zoom (wheel); a click on a node
// opens its profile, on a stored relation's edge the relation's page (its evidence). Names are
// set with textContent only.
"use strict";
(function () {
  const svg = document.getElementById("network");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const MARGIN = { x: 24, top: 36, bottom: 30 };  // around the outermost nodes: the largest radius
  // and a stroke on the sides, room for a label above the top row and below the bottom one
  const LABEL_CHARS = 28;  // a label's length at most (the full name is in the tooltip)
  const SHORT_CHARS = 14;  // tried when the label does not fit anywhere
  const view = { x: 0, y: 0, k: 1 };
  let graph = { nodes: [], edges: [] };
  const layer = document.createElementNS(NS, "g");
  svg.appendChild(layer);

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function size() {
    return { width: svg.clientWidth || 900, height: svg.clientHeight || 640 };
  }

  function radius(d, many) {
    const grow = Math.sqrt(d.articles || 1);
    return many ? 3 + Math.min(grow, 7) : 5 + Math.min(grow * 2, 13);
  }

  function fit(nodes, width, height) {
    // The server's unit square onto the canvas, MARGIN kept on every side.
    const w = Math.max(width - 2 * MARGIN.x, 1), h = Math.max(height - MARGIN.top - MARGIN.bottom, 1);
    for (const d of nodes) {
      d.px = MARGIN.x + d.x * w;
      d.py = MARGIN.top + d.y * h;
    }
  }

  function inRange(r, from, to) {
    // Partial ISO dates compare as strings once cut to the same length.
    const start = r.start || r.end, end = r.end || r.start;
    if (!start) return !(from || to);
    if (from && end.slice(0, from.length) < from) return false;
    if (to && start.slice(0, to.length) > to) return false;
    return true;
  }

  function filtered() {
    const predicate = document.getElementById("net-predicate").value;
    const from = document.getElementById("net-from").value.trim();
    const to = document.getElementById("net-to").value.trim();
    const least = Number(document.getElementById("net-weight").value) || 1;
    const edges = [];
    for (const e of graph.edges) {
      const rels = (e.relations && e.relations.length ? e.relations : [e])
        .filter((r) => (!predicate || r.predicate === predicate) && inRange(r, from, to));
      if (!rels.length) continue;
      const weight = rels.length === (e.relations || []).length ? e.weight
        : rels.reduce((sum, r) => sum + (r.weight || 1), 0);
      if (weight < least) continue;
      const best = rels[0];
      edges.push({ source: e.source, target: e.target, weight, predicate: best.predicate,
        id: best.predicate === "co_mentioned" ? null : best.id });
    }
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const all = !predicate && !from && !to && least <= 1;
    const nodes = graph.nodes.filter((d) => all || used.has(d.id));
    return { nodes, edges };
  }

  function overlaps(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  function candidates(d, r, text) {
    // The four places for a label (above, below, right, left of its node) with their boxes.
    const w = text.getComputedTextLength() || text.textContent.length * 6.5, h = 13;
    return [
      { x: d.px, y: d.py - r - 4, anchor: "middle", box: { x1: d.px - w / 2, y1: d.py - r - 4 - h + 3, x2: d.px + w / 2, y2: d.py - r - 1 } },
      { x: d.px, y: d.py + r + 12, anchor: "middle", box: { x1: d.px - w / 2, y1: d.py + r + 1, x2: d.px + w / 2, y2: d.py + r + 15 } },
      { x: d.px + r + 4, y: d.py + 4, anchor: "start", box: { x1: d.px + r + 3, y1: d.py - h / 2, x2: d.px + r + 4 + w, y2: d.py + h / 2 + 1 } },
      { x: d.px - r - 4, y: d.py + 4, anchor: "end", box: { x1: d.px - r - 4 - w, y1: d.py - h / 2, x2: d.px - r - 3, y2: d.py + h / 2 + 1 } },
    ];
  }

  function placeLabels(items, width, height) {
    // items: {d, r, text} in priority order. A label takes the first side that stays inside
    // the canvas and clear of labels placed before it and of every node's circle.
    const taken = [];
    const circles = items.map(({ d, r }) => ({ x1: d.px - r, y1: d.py - r, x2: d.px + r, y2: d.py + r, d }));
    for (const item of items) {
      const { d, r, text } = item;
      let side = null, sides = null;
      for (const cut of [0, SHORT_CHARS]) {  // the label as it is, then shortened
        if (cut && d.name.length <= cut) break;
        if (cut) text.textContent = d.name.slice(0, cut - 1) + "…";
        sides = candidates(d, r, text);
        side = sides.find(({ box }) => box.x1 >= 1 && box.y1 >= 1 && box.x2 <= width - 1 && box.y2 <= height - 1
          && !taken.some((t) => overlaps(t, box)) && !circles.some((c) => c.d !== d && overlaps(c, box)));
        if (side) break;
      }
      if (!side) text.textContent = d.name.length > LABEL_CHARS ? d.name.slice(0, LABEL_CHARS - 1) + "…" : d.name;
      const chosen = side || sides.find(({ box }) => box.x1 >= 1 && box.y1 >= 1 && box.x2 <= width - 1
        && box.y2 <= height - 1) || sides[0];
      text.setAttribute("x", chosen.x);
      text.setAttribute("y", chosen.y);
      text.setAttribute("text-anchor", chosen.anchor);
      if (side) {
        taken.push(side.box);
        text.classList.remove("hover-label");
      } else {
        text.classList.add("hover-label");  // shown on hover or focus only
      }
    }
  }

  function draw() {
    const { nodes, edges } = filtered();
    const { width, height } = size();
    fit(graph.nodes, width, height);
    const index = new Map(nodes.map((d) => [d.id, d]));
    const many = nodes.length > 150;
    layer.replaceChildren();
    const lines = el("g", { class: "edges" });
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      if (!a || !b) continue;
      const line = el("line", { x1: a.px, y1: a.py, x2: b.px, y2: b.py, class: "edge edge-" + e.predicate,
        "stroke-width": Math.min(1 + e.weight, 6) });
      const title = el("title"); title.textContent = e.predicate + " (" + e.weight + ")";
      line.appendChild(title);
      if (e.id) {  // a stored relation: a click opens its page, with the sentences that state it
        line.classList.add("linked");
        line.dataset.id = e.id;
        line.addEventListener("click", () => { window.location.href = "/relations/" + encodeURIComponent(e.id); });
      }
      lines.appendChild(line);
    }
    layer.appendChild(lines);
    const labels = [];
    for (const d of nodes) {
      const r = radius(d, many);
      const g = el("g", { class: "node kind-" + d.kind, tabindex: 0, "data-id": d.id });
      const circle = el("circle", { cx: d.px, cy: d.py, r });
      const tip = el("title");
      tip.textContent = d.name + (d.kind ? " (" + d.kind + ")" : "") + " · " + d.degree + " tie(s)";
      circle.appendChild(tip);
      g.appendChild(circle);
      const label = el("text", { class: "label" });
      label.textContent = d.name.length > LABEL_CHARS ? d.name.slice(0, LABEL_CHARS - 1) + "…" : d.name;
      g.appendChild(label);
      const open = () => { window.location.href = "/entities/" + encodeURIComponent(d.id); };
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      g.addEventListener("pointerenter", () => { if (g.nextSibling) layer.appendChild(g); });  // on top of the rest
      layer.appendChild(g);
      labels.push({ d, r, text: label });
    }
    placeLabels(labels, width, height);
    const shown = labels.filter((l) => !l.text.classList.contains("hover-label")).length;
    document.getElementById("net-count").textContent = nodes.length + " nodes, " + edges.length + " ties shown ("
      + shown + " labelled; hover for the others) of " + graph.total_nodes + " nodes, " + graph.total_edges
      + " ties: " + (graph.command || "fuentes network metrics");
    apply();
    svg.dataset.ready = "1";
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
  let resized = null;
  window.addEventListener("resize", () => {
    clearTimeout(resized);
    resized = setTimeout(() => { if (graph.nodes.length) draw(); }, 150);
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
      draw();
    });
})();
