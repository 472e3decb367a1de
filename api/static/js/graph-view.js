// The graph view: Cytoscape.js drawing a neighbourhood, or a note when Cytoscape.js is missing.

const UNAVAILABLE =
  "The graph view is unavailable: Cytoscape.js is not installed here (scripts/setup fetches it with npm). " +
  "Search, facts, the timeline and queries still work.";

// A stable id for an edge, so neighbourhoods fetched one after another merge without duplicates.
function edgeId(data) {
  return data.iri ? `${data.iri}` : `${data.source} ${data.type} ${data.target}`;
}

function prepare(elements, colours) {
  const nodes = elements.nodes.map(({ data }) => ({ data: { ...data, colour: colours[data.category] || "#666666" } }));
  const edges = elements.edges.map(({ data }) => ({ data: { ...data, id: edgeId(data) } }));
  return { nodes, edges };
}

function style() {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(colour)",
        label: "data(label)",
        "font-size": 10,
        "min-zoomed-font-size": 6,
        color: "#1d232b",
        "text-wrap": "ellipsis",
        "text-max-width": "120px",
        "text-valign": "bottom",
        "text-margin-y": 3,
        width: 18,
        height: 18,
      },
    },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#12324f", width: 26, height: 26 } },
    {
      selector: "edge",
      style: {
        width: 1.2,
        "line-color": "#b8c2cc",
        "target-arrow-color": "#b8c2cc",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.7,
        "curve-style": "bezier",
        label: "data(label)",
        "font-size": 7,
        "min-zoomed-font-size": 9,
        color: "#5b6572",
        "text-rotation": "autorotate",
      },
    },
  ];
}

export function createGraphView({ container, colours, onSelect }) {
  if (typeof window.cytoscape !== "function") {
    container.classList.add("unavailable");
    container.textContent = UNAVAILABLE;
    return { available: false, show() {}, merge() {}, select() {}, fit() {} };
  }
  const cy = window.cytoscape({ container, style: style(), minZoom: 0.2, maxZoom: 2 });
  let focus = null;

  function layout() {
    const distances = focus && cy.getElementById(focus).nonempty()
      ? cy.elements().dijkstra({ root: cy.getElementById(focus), directed: false })
      : null;
    const depth = (node) => (distances ? distances.distanceTo(node) : 0);
    const far = Math.max(1, ...cy.nodes().map((node) => (Number.isFinite(depth(node)) ? depth(node) : 0)));
    cy.layout({
      name: "concentric",
      concentric: (node) => (Number.isFinite(depth(node)) ? far - depth(node) : 0),
      levelWidth: () => 1,
      minNodeSpacing: 70,
      spacingFactor: 1.1,
      padding: 32,
      animate: false,
    }).run();
  }

  cy.on("tap", "node", (event) => onSelect(event.target.id()));
  // For scripting the page (and its browser test): the Cytoscape.js instance.
  window.govkgExplorer = { graph: cy };

  return {
    available: true,
    // Replace the drawing with `elements`, centred on `centre`.
    show(elements, centre) {
      focus = centre;
      cy.elements().remove();
      const { nodes, edges } = prepare(elements, colours);
      cy.add(nodes);
      cy.add(edges);
      layout();
      this.select(centre);
    },
    // Add what `elements` has that the drawing lacks (a node's own neighbourhood, fetched on click).
    merge(elements) {
      const { nodes, edges } = prepare(elements, colours);
      const added = cy.add([...nodes, ...edges].filter((item) => cy.getElementById(item.data.id).empty()));
      if (added.nonempty()) layout();
    },
    select(id) {
      cy.elements().unselect();
      const node = cy.getElementById(id);
      if (node.nonempty()) {
        node.select();
        cy.animate({ center: { eles: node }, duration: 0 });
      }
    },
    fit() {
      cy.fit(undefined, 20);
    },
  };
}
