// Queries: the named queries (GET /queries, run with GET /queries/{name}) and a SPARQL editor (POST /sparql)
// whose examples are the named queries' own SPARQL.

import { el, getJson, withQuery } from "./http.js";

const ID_SPACE = "https://w3id.org/govkg/id/";

function cell(item, onOpen) {
  if (item === null || item === undefined) return "";
  const text = String(item);
  if (text.startsWith(ID_SPACE)) {
    return el("button", { type: "button", class: "link", title: text, onclick: () => onOpen(text) }, text.slice(ID_SPACE.length));
  }
  return text;
}

function table(target, columns, rows, onOpen) {
  target.replaceChildren(
    el("thead", {}, el("tr", {}, columns.map((name) => el("th", { scope: "col" }, name)))),
    el("tbody", {}, rows.map((row) => el("tr", {}, columns.map((name) => el("td", {}, cell(row[name], onOpen)))))),
  );
}

export async function setUpQueries(parts, onOpen) {
  const { select, description, parameters, namedForm, editButton, editor, sparqlForm, status, results } = parts;
  let queries = [];

  function report(message, failed = false) {
    status.textContent = message;
    status.classList.toggle("error", failed);
  }

  function showParameters() {
    const query = queries.find((q) => q.name === select.value);
    description.textContent = query ? query.description : "";
    parameters.replaceChildren(el("legend", {}, "Parameters"));
    for (const parameter of query?.parameters || []) {
      const id = `param-${parameter.name}`;
      parameters.append(
        el("label", { for: id }, `${parameter.name}${parameter.required ? " (required)" : ""} — ${parameter.type}`),
        el("input", {
          id,
          name: parameter.name,
          required: parameter.required,
          placeholder: parameter.accepts || parameter.description || "",
          value: parameter.default ?? "",
        }),
      );
    }
    if (!query?.parameters?.length) parameters.append(el("p", { class: "hint" }, "No parameters."));
  }

  try {
    queries = await getJson("/queries");
    select.replaceChildren(...queries.map((q) => el("option", { value: q.name }, q.name.replaceAll("_", " "))));
    showParameters();
  } catch (error) {
    report(`The named queries could not be listed — ${error.message}`, true);
  }
  select.addEventListener("change", showParameters);

  namedForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const given = Object.fromEntries(new FormData(namedForm).entries());
    report(`Running ${select.value}…`);
    try {
      const answer = await getJson(withQuery(`/queries/${encodeURIComponent(select.value)}`, given));
      table(results, answer.columns, answer.rows, onOpen);
      report(`${select.value}: ${answer.rows.length} row${answer.rows.length === 1 ? "" : "s"}.`);
    } catch (error) {
      report(`${select.value} failed — ${error.message}`, true);
    }
  });

  editButton.addEventListener("click", async () => {
    const given = Object.fromEntries(new FormData(namedForm).entries());
    try {
      const example = await getJson(withQuery(`/explorer/examples/${encodeURIComponent(select.value)}`, given));
      editor.value = example.sparql;
      editor.focus();
      report(`The SPARQL of ${select.value}, its parameters bound in the VALUES row.`);
    } catch (error) {
      report(`The example could not be loaded — ${error.message}`, true);
    }
  });

  sparqlForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    report("Running the SPARQL query…");
    try {
      const answer = await getJson("/sparql", { form: { query: editor.value }, accept: "application/sparql-results+json" });
      if ("boolean" in answer) {
        table(results, ["answer"], [{ answer: String(answer.boolean) }], onOpen);
        report("ASK answered.");
        return;
      }
      const columns = answer.head.vars;
      const rows = answer.results.bindings.map((b) => Object.fromEntries(columns.map((c) => [c, b[c]?.value ?? null])));
      table(results, columns, rows, onOpen);
      report(`${rows.length} row${rows.length === 1 ? "" : "s"}.`);
    } catch (error) {
      report(`The query failed — ${error.message}`, true);
    }
  });
}
