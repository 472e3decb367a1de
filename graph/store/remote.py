"""The scale-out store: any SPARQL 1.1 endpoint (Oxigraph server, Fuseki, GraphDB).

Articles are written with the same SPARQL Update requests as the embedded
store; each request is one transaction on servers that run updates
atomically (Oxigraph server, Fuseki with TDB2). Results come back as
pyoxigraph objects, so the layers above cannot tell the two stores apart.
"""

from __future__ import annotations

import secrets

import httpx
import pyoxigraph as ox

from graph.store.base import ArticleStore, QueryResult, StoreError
from graph.store.writer_slot import take_slot
from ontology.namespaces import sparql_prologue

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"


class SparqlEndpointStore(ArticleStore):
    """A store behind the SPARQL 1.1 Protocol (query) and Update (write) endpoints."""

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float = 60.0) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self._slot = take_slot(self.update_url)
        super().__init__(self._slot.name)
        self._http = httpx.Client(timeout=timeout)

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query on the endpoint, with govkg's prefixes declared."""
        text = sparql_prologue() + sparql
        response = self._post(self.query_url, text, "application/sparql-query", f"{_RESULTS}, {_TRIPLES};q=0.9")
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media == _TRIPLES:
            return _triples(response.content)
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)

    def _update(self, update: str) -> None:
        try:
            self._post(self.update_url, update, "application/sparql-update", "*/*")
        except _Unanswered:
            # The request may still commit, with the change-log numbers it carries: go on under a new name.
            self.writer = f"{self._slot.name}+{secrets.token_hex(4)}"
            raise

    def _post(self, url: str, body: str, content_type: str, accept: str) -> httpx.Response:
        try:
            response = self._http.post(
                url, content=body.encode("utf-8"), headers={"Content-Type": content_type, "Accept": accept}
            )
        except httpx.HTTPError as exc:
            raise _Unanswered(f"the SPARQL endpoint {url} cannot be reached: {exc}") from exc
        if response.status_code >= 400:
            raise StoreError(f"the SPARQL endpoint {url} answered {response.status_code}: {response.text[:300]}")
        return response

    def flush(self) -> None:
        """Nothing to do: the endpoint made each update durable before answering it."""

    def close(self) -> None:
        """Close the HTTP connections and free this process's writer slot."""
        self._http.close()
        self._slot.release()


class _Unanswered(StoreError):
    """The request got no answer: it may or may not have been run."""


def _triples(data: bytes) -> ox.QueryTriples:
    # Re-run as a local CONSTRUCT over the parsed triples, so callers get the same result type.
    local = ox.Store()
    local.extend(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    result = local.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result
