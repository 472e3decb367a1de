"""Binding values to a query: a VALUES row at the start of the outer WHERE group, never caller text."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.sparql.binding import BindingError, bind_values, outer_group_start, values_row

EX = "http://example.org/"


@pytest.fixture
def small_store() -> ox.Store:
    """An in-memory store with three people, two of them in Hà Tĩnh."""
    store = ox.Store()
    for person, province in (("a", "ha-tinh"), ("b", "ha-tinh"), ("c", "nghe-an")):
        store.add(ox.Quad(ox.NamedNode(EX + person), ox.NamedNode(EX + "province"), ox.NamedNode(EX + province)))
    return store


def test_values_row_orders_variables_and_writes_terms_in_ntriples() -> None:
    row = values_row({"b": ox.Literal("x"), "a": ox.NamedNode(EX + "y")})
    assert row == f'VALUES (?a ?b) {{ (<{EX}y> "x") }}'


def test_the_row_opens_the_outer_where_group() -> None:
    query = "SELECT ?person WHERE { ?person <http://example.org/province> ?param_province }"
    bound = bind_values(query, {"param_province": ox.NamedNode(EX + "ha-tinh")})
    assert bound.startswith("SELECT ?person WHERE {\n  VALUES (?param_province)")
    assert bound.endswith(query[query.index("{") + 1 :])


def test_braces_in_strings_iris_comments_and_expressions_are_not_the_group() -> None:
    query = (
        "# a comment { with a brace\n"
        'SELECT ?x (IF(EXISTS { ?x ?p "}" }, 1, 0) AS ?flag) WHERE { ?x <http://example.org/{odd}> ?y }'
    )
    start = outer_group_start(query)
    assert query[start - len("WHERE {") : start] == "WHERE {"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?s ?p ?o }",  # no WHERE keyword
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",  # the first group is a template
        "ASK",
    ],
)
def test_a_query_without_an_outer_where_group_is_refused(query: str) -> None:
    with pytest.raises(BindingError):
        bind_values(query, {"s": ox.NamedNode(EX + "a")})


def test_nothing_to_bind_leaves_the_text_as_it_is() -> None:
    query = "SELECT * { ?s ?p ?o }"
    assert bind_values(query, {}) is query


@pytest.mark.parametrize("name", ["1st", "a b", "x)", ""])
def test_a_bad_variable_name_is_refused(name: str) -> None:
    with pytest.raises(BindingError, match="variable name"):
        values_row({name: ox.Literal("x")})


def test_bound_values_filter_the_answer(small_store: ox.Store) -> None:
    query = "SELECT ?person WHERE { ?person <http://example.org/province> ?param_province }"
    bound = bind_values(query, {"param_province": ox.NamedNode(EX + "ha-tinh")})
    people = sorted(row["person"].value for row in small_store.query(bound))  # type: ignore[union-attr]
    assert people == [EX + "a", EX + "b"]


def test_a_hostile_literal_stays_one_value(small_store: ox.Store) -> None:
    hostile = ox.Literal('x" ) } } UNION { ?person ?p ?o } #')
    query = "SELECT ?person WHERE { ?person <http://example.org/province> ?o FILTER (STR(?o) = ?name) }"
    rows = list(small_store.query(bind_values(query, {"name": hostile})))  # type: ignore[arg-type]
    assert rows == []
