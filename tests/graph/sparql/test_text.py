"""Reading a SPARQL request's operation and SERVICE endpoints from its tokens, checked against rdflib's parser."""

from __future__ import annotations

from typing import Any

import pytest
from pyparsing import ParseException
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from graph.sparql.text import Operation, SparqlTextError, inspect_request, refused_services

CASES = [
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
    "PREFIX : <http://example.org/> select * where { service silent :endpoint { ?s ?p ?o } }",
    "BASE <http://example.org/a/b> SELECT * WHERE { SERVICE <../sparql> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://example.org/in-a-string>" }',
    "SELECT * WHERE { ?s ?p '''multi\nline SERVICE <http://example.org/long> ''' }",
    "SELECT * WHERE { # SERVICE <http://example.org/in-a-comment>\n ?s ?p ?o }",
    "PREFIX SERVICE: <http://example.org/prefix/> SELECT * WHERE { ?s SERVICE:x <http://e.org/SERVICE> }",
    "PREFIX ex: <http://example.org/> SELECT ?x WHERE { ?x ex:SERVICE ?y }",
    "SELECT * WHERE { OPTIONAL { SERVICE <http://a.example/q> { ?s ?p ?o } } "
    "{ SELECT ?s WHERE { SERVICE <http://b.example/q> { ?s ?p ?o } } } UNION { ?s ?p 1 } }",
    "SELECT * WHERE { VALUES ?e { <http://example.org/sparql> } SERVICE ?e { ?s ?p ?o } }",
    "ASK { FILTER (1 < 2 && 3 > 2) SERVICE <http://example.org/ask> { } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://example.org/c> { ?s ?p ?o } }",
]


def _rdflib_services(query: str) -> set[str]:
    """The SERVICE targets rdflib's parser and algebra find (variables as ?name)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                term = node.get("term")
                found.add(f"?{term}" if isinstance(term, Variable) else str(term))
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(translateQuery(parseQuery(query)).algebra)
    return found


def _ours(query: str) -> set[str]:
    return {call.endpoint or str(call.variable) for call in inspect_request(query).services}


@pytest.mark.parametrize("query", CASES)
def test_service_endpoints_agree_with_rdflib(query: str) -> None:
    assert _ours(query) == _rdflib_services(query)


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <http://example.org/> DELETE WHERE { ex:a ?p ?o }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "drop silent graph <urn:g>",
        "CREATE GRAPH <urn:g> ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    ],
)
def test_updates_are_recognised(update: str) -> None:
    parseUpdate(update)  # rdflib agrees it is an update
    with pytest.raises(ParseException):
        parseQuery(update)
    assert inspect_request(update).operation is Operation.UPDATE


@pytest.mark.parametrize(
    ("query", "operation"),
    [
        ("PREFIX x: <urn:x:> SELECT * { ?s ?p ?o }", Operation.SELECT),
        ("BASE <urn:b> ask {}", Operation.ASK),
        ("CONSTRUCT WHERE { ?s ?p ?o }", Operation.CONSTRUCT),
        ("DESCRIBE <urn:x>", Operation.DESCRIBE),
        ("SELECT * { ?s ?p 'INSERT' }", Operation.SELECT),
        ("# INSERT DATA { }\nSELECT * {}", Operation.SELECT),
    ],
)
def test_query_forms_are_recognised(query: str, operation: Operation) -> None:
    assert inspect_request(query).operation is operation


def test_only_allowed_endpoints_pass() -> None:
    shape = inspect_request(
        "SELECT * { SERVICE <http://ok.example/sparql> {} SERVICE <http://other.example/sparql> {} SERVICE ?v {} }"
    )
    refused = refused_services(shape, frozenset({"http://ok.example/sparql"}))
    assert refused == ["<http://other.example/sparql>", "a SERVICE named by the variable ?v"]
    assert refused_services(inspect_request("SELECT * {}"), frozenset()) == []


def test_text_no_token_starts_with_is_an_error() -> None:
    with pytest.raises(SparqlTextError, match="line 2"):
        inspect_request("SELECT * {\n ?s ?p ?o ` }")
