// The explorer: search → a neighbourhood drawn → a node's facts, evidence and timeline; queries below.

import { el, getJson, withQuery } from "./http.js";
import { showFacts } from "./details.js";
import { createGraphView } from "./graph-view.js";
import { setUpQueries } from "./sparql.js";
import { setUpSearch } from "./search.js";

const $ = (id) => document.getElementById(id);

function neighbourhood(iri, hops) {
  return getJson(withQuery("/export/cytoscape", { node: iri, hops }));
}

function legend(target, colours) {
  target.replaceChildren(
    ...Object.entries(colours).map(([label, colour]) => {
      const item = el("li", {}, label);
      item.style.setProperty("--swatch", colour);
      return item;
    }),
  );
}

function offerDownloads(target, iri, hops) {
  target.hidden = false;
  for (const link of target.querySelectorAll("a[data-format]")) {
    link.href = withQuery(`/export/${link.dataset.format}`, { node: iri, hops });
    link.setAttribute("download", "");
  }
}

async function start() {
  const status = await getJson("/explorer/status").catch(() => ({ graph_view: false, colours: {} }));
  legend($("legend"), status.colours);
  const graphStatus = $("graph-status");
  const panel = {
    facts: $("facts"),
    relations: $("relations"),
    timeline: { section: $("timeline"), figure: $("timeline-figure"), list: $("timeline-list") },
  };

  // Show a node's facts (its one-step neighbourhood), adding what is new to the drawing.
  async function openFacts(iri) {
    try {
      const elements = (await neighbourhood(iri, 1)).elements;
      graph.merge(elements);
      graph.select(iri);
      showFacts(panel, iri, elements, openEntity);
      graphStatus.textContent = `${elements.nodes.length} nodes around the selection.`;
    } catch (error) {
      panel.facts.replaceChildren(el("p", { class: "error" }, `The facts could not be read — ${error.message}`));
    }
  }

  let current = null;

  // Draw an entity's neighbourhood (as many steps as chosen) and show its facts.
  async function openEntity(iri) {
    current = iri;
    const hops = Number($("hops").value);
    graphStatus.textContent = "Loading the neighbourhood…";
    try {
      const elements = (await neighbourhood(iri, hops)).elements;
      graph.show(elements, iri);
      offerDownloads($("downloads"), iri, hops);
      await openFacts(iri);
      graphStatus.textContent = `${elements.nodes.length} nodes and ${elements.edges.length} relationships within ${hops} step${hops > 1 ? "s" : ""}.`;
    } catch (error) {
      graphStatus.textContent = `The neighbourhood could not be loaded — ${error.message}`;
    }
  }

  const graph = createGraphView({ container: $("graph"), colours: status.colours, onSelect: openFacts });
  if (!graph.available) graphStatus.textContent = "Graph view unavailable; facts are still listed beside it.";
  $("fit").addEventListener("click", () => graph.fit());
  $("hops").addEventListener("change", () => current && openEntity(current));

  setUpSearch({
    form: $("search-form"),
    input: $("search-input"),
    list: $("results"),
    status: $("results-status"),
    onChoose: openEntity,
  });
  await setUpQueries(
    {
      select: $("named-select"),
      description: $("named-description"),
      parameters: $("named-parameters"),
      namedForm: $("named-form"),
      editButton: $("named-edit"),
      editor: $("sparql-text"),
      sparqlForm: $("sparql-form"),
      status: $("query-status"),
      results: $("query-table"),
    },
    openEntity,
  );
  document.body.dataset.ready = "true";
}

start();
