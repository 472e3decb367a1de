// Calling the govkg API: JSON in, JSON out, and errors as readable messages.

export class ApiError extends Error {}

async function explain(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || JSON.stringify(body);
  } catch {
    return response.statusText;
  }
}

// GET (or POST a form to) `path`, parse the JSON answer; throws ApiError with the server's reason.
export async function getJson(path, { form, accept = "application/json" } = {}) {
  const options = { headers: { Accept: accept } };
  if (form) {
    options.method = "POST";
    options.body = new URLSearchParams(form);
  }
  const response = await fetch(path, options);
  if (!response.ok) {
    const reason = await explain(response);
    throw new ApiError(`${response.status}: ${typeof reason === "string" ? reason : JSON.stringify(reason)}`);
  }
  return response.json();
}

// A path with its query string, leaving out empty values.
export function withQuery(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

// A short, readable form of an IRI: its last path segment.
export function shortIri(iri) {
  return String(iri).split(/[/#]/).filter(Boolean).pop() || String(iri);
}

// Create an element with attributes and children (strings become text, never HTML).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
