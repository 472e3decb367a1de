"""Writing projection rows into Neo4j: batched ``UNWIND`` (default) or one statement per row.

The writer knows nothing about RDF: it takes the rows of ``graph.projection.view``
and the Cypher bodies of ``graph.neo4j.cypher``. Batched mode sends up to
``batch_size`` rows per statement, one transaction each; per-row mode sends one
statement and one transaction per row, the way a naive loader does (kept for
the benchmark that compares the two). Every write is a ``MERGE`` on ``iri``, so
running the same rows twice leaves the same graph.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from neo4j import Driver, ManagedTransaction, Query

from graph.neo4j import cypher
from graph.projection.spec import NODES, RELATIONSHIPS, RelationshipSpec
from graph.projection.view import NodeRow, RelationshipRow

#: Rows per ``UNWIND`` statement (and transaction) unless told otherwise.
DEFAULT_BATCH_SIZE = 1000

#: Node properties the named queries and look-ups filter on, indexed besides ``iri``.
NODE_INDEXES = (
    ("LegalDocument", "notation"),
    ("Province", "code"),
    ("Province", "name"),
    ("Meeting", "date"),
    ("Person", "name"),
    ("Organization", "name"),
    ("Article", "published"),
)
#: Relationship properties indexed (posts are matched on their membership IRI when merged).
RELATIONSHIP_INDEXES = (("HOLDS_POST", "iri"),)


def _batches(rows: Sequence[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _consume(tx: ManagedTransaction, statement: str, parameters: dict[str, Any]) -> None:
    tx.run(statement, parameters).consume()


def node_body(label: str, extra_labels: Sequence[str]) -> str:
    """The upsert body for nodes of ``label`` that also carry ``extra_labels``."""
    extra = "".join(f" SET n:{name}" for name in extra_labels)
    return cypher.MERGE_NODE.format(label=label, extra_labels=extra)


def relationship_body(spec: RelationshipSpec) -> str:
    """The upsert body for relationships of ``spec``."""
    key = cypher.RELATIONSHIP_KEY if spec.through is not None else ""
    return cypher.MERGE_RELATIONSHIP.format(start=spec.start.label, end=spec.end.label, type=spec.type, key=key)


class Neo4jWriter:
    """Upserts and deletes projection rows in one Neo4j database."""

    def __init__(
        self, driver: Driver, database: str, *, batch_size: int = DEFAULT_BATCH_SIZE, per_row: bool = False
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.per_row = per_row
        #: Seconds spent in :meth:`write` so far (sending rows and waiting for Neo4j).
        self.seconds = 0.0

    # -- plumbing ------------------------------------------------------------

    def execute(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        """Run one statement in a write transaction and return its records as dictionaries."""

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, parameters)]

        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def run_auto_commit(self, query: str, **parameters: Any) -> None:
        """Run one statement that manages its own transactions (``CALL {…} IN TRANSACTIONS``, schema)."""
        with self.driver.session(database=self.database) as session:
            session.run(Query(query), parameters).consume()

    def write(self, body: str, rows: Sequence[dict[str, Any]]) -> int:
        """Run ``body`` over ``rows`` (batched or per row, as configured); return the rows sent."""
        if not rows:
            return 0
        if self.per_row:
            statement, name, groups = cypher.per_row(body), "row", [[row] for row in rows]
        else:
            statement, name, groups = cypher.batched(body), "rows", list(_batches(rows, self.batch_size))
        began = time.perf_counter()
        with self.driver.session(database=self.database) as session:
            for group in groups:
                value: Any = group[0] if self.per_row else group
                session.execute_write(_consume, statement, {name: value})
        self.seconds += time.perf_counter() - began
        return len(rows)

    # -- the projection ------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints (first), then the look-up indexes, and wait for them."""
        for spec in NODES:
            self.run_auto_commit(cypher.UNIQUE_IRI.format(name=f"govkg_{spec.label.lower()}_iri", label=spec.label))
        self.run_auto_commit(cypher.LEDGER_CONSTRAINT)
        self.run_auto_commit(cypher.STATE_CONSTRAINT)
        for label, prop in NODE_INDEXES:
            name = f"govkg_{label.lower()}_{prop}"
            self.run_auto_commit(cypher.NODE_INDEX.format(name=name, label=label, property=prop))
        for rel_type, prop in RELATIONSHIP_INDEXES:
            name = f"govkg_{rel_type.lower()}_{prop}"
            self.run_auto_commit(cypher.RELATIONSHIP_INDEX.format(name=name, type=rel_type, property=prop))
        self.run_auto_commit(cypher.AWAIT_INDEXES)

    def write_nodes(self, rows: Sequence[NodeRow]) -> int:
        """Upsert nodes (grouped by label and kind labels, which Cypher cannot take as parameters)."""
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[(row.label, row.extra_labels)].append({"iri": row.iri, "properties": row.properties})
        return sum(self.write(node_body(label, extra), group) for (label, extra), group in sorted(groups.items()))

    def write_relationships(self, rows: Sequence[RelationshipRow]) -> int:
        """Upsert relationships between existing nodes, grouped by spec."""
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            groups[row.spec.name].append(row.as_parameters())
        specs = {spec.name: spec for spec in RELATIONSHIPS}
        return sum(self.write(relationship_body(specs[name]), group) for name, group in groups.items())

    def delete_nodes(self, iris: Sequence[str]) -> None:
        """Delete the projected nodes with these IRIs (any label), with their relationships."""
        if not iris:
            return
        with self.driver.session(database=self.database) as session:
            for spec in NODES:
                statement = cypher.DELETE_NODES.format(label=spec.label)
                for batch in _batches(iris, self.batch_size):
                    session.execute_write(_consume, statement, {"iris": batch})

    def clear(self) -> None:
        """Delete every node the projection owns (all projected labels and the sync ledger)."""
        for label in (*(spec.label for spec in NODES), cypher.LEDGER_LABEL, cypher.STATE_LABEL):
            self.run_auto_commit(cypher.CLEAR_LABEL.format(label=label))

    def counts(self) -> dict[str, int]:
        """Nodes per label (kind labels included) and relationships per type, as ``label`` / ``:TYPE`` keys."""
        labels = {spec.label for spec in NODES} | {label for spec in NODES for _, label in spec.kinds}
        figures: dict[str, int] = {}
        with self.driver.session(database=self.database) as session:
            for label in sorted(labels):
                record = session.run(cypher.COUNT_LABEL.format(label=label)).single()
                figures[label] = int(record["n"]) if record else 0
            for record in session.run(cypher.COUNT_RELATIONSHIPS):
                figures[f":{record['type']}"] = int(record["n"])
        return figures
