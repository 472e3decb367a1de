"""Values bound to a query: a ``VALUES`` row placed first in the query's outer ``WHERE`` group.

Each value is a typed term written in its own N-Triples form (never caller
text), so no value can change the query around it. Oxigraph plans that row
as a known input, so the query starts from the bound values. SEP-0007
substitution (``substitutions=``) is not used: the planner does not see
substituted values, and a query driven by one ran 3–15× slower on a
20,000-article store (indicators of a province: 460 ms substituted, 150 ms
with the row).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import pyoxigraph as ox

from graph.sparql.text import SparqlTextError, tokens
from ontology.errors import GovkgError

#: What a variable may be bound to: an IRI or a literal.
Term = ox.NamedNode | ox.Literal

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class BindingError(GovkgError, ValueError):
    """Values cannot be bound to a query: a bad variable name or term, or no outer ``WHERE {`` to bind them in.

    The queries values are bound to are govkg's own, so this is govkg's fault (status 500).
    """

    kind = "binding-failed"


def values_row(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (term term) }`` for ``bindings`` (variable name → term); empty when there are none.

    Each term is written in its own N-Triples form (``str`` of a pyoxigraph
    term: an IRI the constructor validated, a literal with its quotes and
    escapes), so no value can change the query around it.
    """
    if not bindings:
        return ""
    for name, term in bindings.items():
        if not _VARIABLE_NAME.match(name):
            raise BindingError(f"{name!r} is not a variable name")
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise BindingError(f"?{name} must be bound to an IRI or a literal, not {type(term).__name__}")
    ordered = sorted(bindings.items())  # one text (and one cache entry) whatever the order given
    variables = " ".join(f"?{name}" for name, _ in ordered)
    terms = " ".join(str(term) for _, term in ordered)
    return f"VALUES ({variables}) {{ ({terms}) }}"


@functools.lru_cache(maxsize=1024)
def outer_group_start(query: str) -> int:
    """Where the outer ``WHERE`` group's content begins in ``query``: the offset just past its ``{``.

    Read from the tokens (a brace in a string, an IRI or a comment does not
    count; a ``{`` inside parentheses belongs to an expression such as
    ``EXISTS``). Raises :class:`BindingError` when the first top-level group
    is not introduced by the keyword ``WHERE`` (``SELECT * { … }``, a
    ``CONSTRUCT`` template) or there is none: a query that takes values must
    say ``WHERE {``.
    """
    depth = parentheses = 0
    previous = None
    try:
        for token in tokens(query):
            if token.kind == "punct" and token.text in "{}()":
                if token.text == "{" and depth == 0 and parentheses == 0:
                    if previous is None or previous.kind != "word" or previous.text.upper() != "WHERE":
                        break
                    return token.offset + 1
                step = 1 if token.text in "{(" else -1
                if token.text in "{}":
                    depth += step
                else:
                    parentheses += step
            previous = token
    except SparqlTextError as exc:
        raise BindingError(f"cannot read the query: {exc}") from None
    raise BindingError("the query has no outer 'WHERE {' to bind values in")


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with :func:`values_row` of ``bindings`` as the first element of its outer ``WHERE`` group.

    The query is returned unchanged when there is nothing to bind. Raises
    :class:`BindingError` (see :func:`outer_group_start`).
    """
    if not bindings:
        return query
    row = values_row(bindings)
    start = outer_group_start(query)
    return f"{query[:start]}\n  {row}\n{query[start:]}"
