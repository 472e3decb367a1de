"""The ways a SPARQL query can fail to give an answer, beyond those every query shares.

A timeout and an answer over the row cap are ``ontology.errors.QueryTimeout``
and ``TooManyRows``, the same for SPARQL and Cypher.
"""

from __future__ import annotations

from ontology.errors import QueryError, Unavailable


class QuerySyntaxError(QueryError):
    """The query is not valid SPARQL."""

    kind = "sparql-syntax"

    @property
    def detail(self) -> str:
        """The engine's (or the tokeniser's) message, introduced."""
        return f"The query is not valid SPARQL: {self}"


class QueryEvaluationError(QueryError):
    """The engine parsed the query but failed while evaluating it (a type error, a failed SERVICE call …)."""

    @property
    def detail(self) -> str:
        """The engine's message, introduced."""
        return f"The query failed while running: {self}"


class RunnerBusy(Unavailable, QueryError):
    """No worker became free in time (every worker is running a long query)."""

    kind = "busy"


class RunnerClosed(Unavailable, QueryError):
    """The runner has been closed or has no snapshot to query yet."""
