// The search box: /search results as a list of buttons.

import { el, getJson, withQuery } from "./http.js";

const KIND_NAMES = { person: "Person", organization: "Organization", document: "Legal document" };

export function setUpSearch({ form, input, list, status, onChoose }) {
  let current = null;

  function mark(button) {
    if (current) current.removeAttribute("aria-current");
    current = button;
    button.setAttribute("aria-current", "true");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    status.textContent = "Searching…";
    list.replaceChildren();
    try {
      const page = await getJson(withQuery("/search", { q, limit: 25 }));
      const items = page.items || [];
      status.textContent = items.length
        ? `${page.total ?? items.length} found${page.total > items.length ? `, first ${items.length} shown` : ""}.`
        : `Nothing found for “${q}”.`;
      for (const hit of items) {
        const button = el(
          "button",
          { type: "button", "data-iri": hit.iri },
          el("span", { class: "kind" }, KIND_NAMES[hit.kind] || hit.kind),
          hit.label,
        );
        button.addEventListener("click", () => {
          mark(button);
          onChoose(hit.iri);
        });
        list.append(el("li", {}, button));
      }
    } catch (error) {
      status.textContent = `Search failed — ${error.message}`;
      status.classList.add("error");
    }
  });
}
