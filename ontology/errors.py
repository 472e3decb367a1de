"""govkg's one family of errors: each says what kind of failure it is and the HTTP status that fits it.

Every layer raises these, so the family sits in the bottom layer, which every
package may import; its problem types are named under govkg's base IRI like the
vocabulary (``https://w3id.org/govkg/problems/<kind>``). The front ends turn any
of them into an answer in one place each: ``api/problems.py`` into RFC 9457
problem details, ``cli/errors.py`` into a terminal message and an exit code.

The classes here say *how* something failed; a subclass beside the code that
raises it says *what* failed and may refine ``kind``, ``title`` and ``detail``:

=================  ======  ==================================================================
class              status  raised by, for example
=================  ======  ==================================================================
``NotFound``       404     ``UnknownEntity``, ``UnknownQuery``: the name or id given is unknown
``InvalidInput``   422     ``ParameterError``, ``UnknownFormat``, ``DecisionError``: unusable input
``Refused``        400     ``CypherRefused``: a request govkg will not run (it writes, reads files …)
``QueryError``     400     ``QuerySyntaxError``, ``QueryEvaluationError``, ``CypherFailed``
``QueryTimeout``   504     either engine: the query ran past its deadline and was stopped
``TooManyRows``    422     either engine: the answer is larger than the cap, refused rather than cut
``Unavailable``    503     ``StoreError``, ``Neo4jUnavailable``, ``RunnerBusy``: try again later
``GovkgError``     500     ``QueryDefinitionError``, ``BindingError``: govkg's own fault
=================  ======  ==================================================================

A subclass keeps the built-in base it had before the family (``ValueError``,
``LookupError``, ``KeyError``), so code that catches those still does.
"""

from __future__ import annotations

#: Base of the ``type`` IRIs of govkg's problems (RFC 9457), one per ``kind``.
PROBLEM_BASE = "https://w3id.org/govkg/problems/"


class GovkgError(Exception):
    """Something govkg could not do; the message says what, for a person to act on.

    ``kind`` names the failure (the last segment of its problem type IRI),
    ``status`` is the HTTP status that fits it, ``title`` a short summary of
    the kind (``None``: the status's own phrase), ``retry_after`` the seconds
    after which trying again may succeed (``None``: it will not by waiting).
    """

    kind: str = "internal-error"
    status: int = 500
    title: str | None = None
    retry_after: int | None = None

    def __str__(self) -> str:
        # The message as given, also for subclasses of KeyError (which would quote it).
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()

    @property
    def detail(self) -> str:
        """What went wrong this time and what to do about it: the message, plus advice where a kind has some."""
        return str(self)


class NotFound(GovkgError, LookupError):
    """A name, id or IRI that govkg does not know."""

    kind = "not-found"
    status = 404


class InvalidInput(GovkgError, ValueError):
    """Input that cannot be used; ``parameter`` names the part to blame when one is."""

    kind = "invalid-parameters"
    status = 422

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        super().__init__(f"{parameter}: {message}" if parameter else message)
        self.parameter = parameter
        self.message = message


class Refused(GovkgError):
    """A request govkg will not run, though it may be well formed (a write on a read-only endpoint …)."""

    kind = "refused"
    status = 400


class QueryError(GovkgError):
    """A query did not produce an answer; the message says why, for the caller."""

    kind = "query-failed"
    status = 400


class QueryTimeout(QueryError):
    """A query (SPARQL or Cypher) ran past its deadline and was stopped."""

    kind = "query-timeout"
    status = 504
    title = "Query timed out"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query took longer than {seconds:g} s and was stopped")
        self.seconds = seconds

    @property
    def detail(self) -> str:
        """The message with what to do about it."""
        return (
            f"The query took longer than {self.seconds:g} s and was stopped. Narrow it (more specific "
            "patterns, fewer joins, a LIMIT) or ask for a larger GOVKG_QUERY_TIMEOUT."
        )


class TooManyRows(QueryError):
    """An answer (SPARQL rows or triples, Cypher rows) larger than the cap: refused rather than cut."""

    kind = "too-many-rows"
    status = 422
    title = "Answer too large"

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer has more than {limit} rows")
        self.limit = limit

    @property
    def detail(self) -> str:
        """The message with what to do about it."""
        return (
            f"The answer has more than {self.limit} rows, the most this service returns (GOVKG_MAX_ROWS). "
            "Add filters or a LIMIT, aggregate, and page with LIMIT/OFFSET."
        )


class Unavailable(GovkgError):
    """Something govkg needs (the store, Neo4j, a free query worker) cannot serve now."""

    kind = "unavailable"
    status = 503
    retry_after: int | None = 5
