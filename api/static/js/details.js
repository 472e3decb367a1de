// The facts panel: what the articles say about one node, each relationship with its evidence sentences.

import { el, shortIri } from "./http.js";
import { drawTimeline, timelineOf } from "./timeline.js";

// Attributes shown elsewhere, or only for machines.
const HIDDEN = new Set(["id", "label", "name", "category", "labels", "caption", "colour", "content_hash"]);
const EDGE_SHOWN = ["title", "first_reported", "last_reported", "member_from", "member_until"];

function value(item) {
  return Array.isArray(item) ? item.join(", ") : String(item);
}

function properties(data) {
  const rows = Object.entries(data)
    .filter(([name, item]) => !HIDDEN.has(name) && item !== null && item !== "" && name !== "iri")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, item]) => el("tr", {}, el("th", { scope: "row" }, name.replaceAll("_", " ")), el("td", {}, value(item))));
  rows.push(el("tr", {}, el("th", { scope: "row" }, "IRI"), el("td", {}, data.iri || data.id)));
  return el("table", { class: "props" }, el("tbody", {}, rows));
}

function evidence(edge, nodes) {
  const sentences = edge.sentences || [];
  const articles = edge.articles || [];
  return sentences
    .map((sentence, index) => ({ sentence, article: articles[index] }))
    .filter(({ sentence }) => sentence)
    .map(({ sentence, article }) =>
      el(
        "blockquote",
        { class: "evidence" },
        el("p", {}, `“${sentence}”`),
        el("footer", {}, "— ", article ? nodes.get(article)?.label || shortIri(article) : "the reference data"),
      ),
    );
}

function fact(edge, node, nodes, onNavigate) {
  const outgoing = edge.source === node;
  const other = nodes.get(outgoing ? edge.target : edge.source);
  const otherId = outgoing ? edge.target : edge.source;
  const extra = EDGE_SHOWN.filter((name) => edge[name]).map((name) => `${name.replaceAll("_", " ")}: ${edge[name]}`);
  const head = el(
    "div",
    { class: "fact-head" },
    outgoing ? "" : "← ",
    el("span", { class: "fact-type" }, edge.type),
    outgoing ? " → " : " ",
    el("button", { type: "button", class: "link", onclick: () => onNavigate(otherId) }, other?.label || shortIri(otherId)),
    other ? el("span", { class: "fact-extra" }, ` (${other.category})`) : "",
  );
  const sources = edge.articles?.length ? `${edge.articles.length} article${edge.articles.length > 1 ? "s" : ""}` : "";
  return el(
    "li",
    {},
    head,
    extra.length || sources ? el("div", { class: "fact-extra" }, [...extra, sources].filter(Boolean).join(" · ")) : "",
    evidence(edge, nodes),
  );
}

// Show node `id` from its one-step neighbourhood (Cytoscape.js JSON from /export/cytoscape).
export function showFacts({ facts, relations, timeline }, id, elements, onNavigate) {
  const nodes = new Map(elements.nodes.map(({ data }) => [data.id, data]));
  const edges = elements.edges.map(({ data }) => data).filter((e) => e.source === id || e.target === id);
  const data = nodes.get(id);
  if (!data) {
    facts.replaceChildren(el("p", { class: "hint" }, "This entity is not in the graph."));
    relations.replaceChildren();
    timeline.section.hidden = true;
    return;
  }
  edges.sort((a, b) => a.type.localeCompare(b.type) || (nodes.get(a.target)?.label || "").localeCompare(nodes.get(b.target)?.label || ""));
  facts.replaceChildren(
    el("p", { class: "caption" }, data.label),
    el("p", { class: "labels" }, (data.labels || [data.category]).join(" · ")),
    properties(data),
  );
  relations.replaceChildren(
    el("h3", {}, `Relationships (${edges.length})`),
    el("ul", { class: "facts" }, edges.map((edge) => fact(edge, id, nodes, onNavigate))),
  );
  if (data.category === "Person") drawTimeline(timeline, timelineOf(id, edges, nodes));
  else timeline.section.hidden = true;
}
