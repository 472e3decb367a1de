"""The Cypher text the Neo4j projection runs, kept apart from the code that runs it.

Every write is written once as a *body* that reads one ``row`` map; the writer
runs it either batched (``UNWIND $rows AS row`` + body, one transaction per
batch) or, for comparison, once per row (``WITH $row AS row`` + body). Labels
and relationship types cannot be query parameters in Cypher 5 before 5.26, so
the templates take them as ``{label}``-style placeholders filled from the fixed
vocabulary in ``graph.projection.spec``, never from user input.

The text uses only Cypher 5 features every Neo4j 5 server (Community,
Enterprise, Aura) has: ``IF NOT EXISTS`` schema commands, ``MERGE`` on a
property backed by a uniqueness constraint, ``CALL {…} IN TRANSACTIONS`` for
large deletes.
"""

from __future__ import annotations

#: Label of the per-article sync ledger entries (not part of the projection).
LEDGER_LABEL = "GovkgSyncedArticle"
#: Label of the single node holding the projection's versions.
STATE_LABEL = "GovkgSyncState"
#: The ``name`` of that node.
STATE_NAME = "projection"

# -- schema ------------------------------------------------------------------

UNIQUE_IRI = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE"
NODE_INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})"
RELATIONSHIP_INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.{property})"
LEDGER_CONSTRAINT = (
    f"CREATE CONSTRAINT govkg_ledger_article IF NOT EXISTS FOR (n:{LEDGER_LABEL}) REQUIRE n.article IS UNIQUE"
)
STATE_CONSTRAINT = f"CREATE CONSTRAINT govkg_state_name IF NOT EXISTS FOR (n:{STATE_LABEL}) REQUIRE n.name IS UNIQUE"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"

# -- writes (bodies over `row`) ------------------------------------------------

#: Upsert one node: its properties are replaced by the row's (``row.properties`` holds ``iri``).
MERGE_NODE = "MERGE (n:{label} {{iri: row.iri}}) SET n = row.properties{extra_labels}"

#: Upsert one relationship between two existing nodes; rows whose ends are missing are skipped.
MERGE_RELATIONSHIP = (
    "MATCH (a:{start} {{iri: row.start}}) MATCH (b:{end} {{iri: row.end}}) "
    "MERGE (a)-[r:{type}{key}]->(b) SET r = row.properties"
)
#: The merge key of relationships that several can join the same two nodes (a post: one per membership).
RELATIONSHIP_KEY = " {iri: row.iri}"

#: Delete the nodes of one label whose IRI is in ``$iris``, with their relationships.
DELETE_NODES = "MATCH (n:{label}) WHERE n.iri IN $iris DETACH DELETE n"

BATCH_PREFIX = "UNWIND $rows AS row "
ROW_PREFIX = "WITH $row AS row "

# -- clearing everything the projection owns ------------------------------------

CLEAR_LABEL = "MATCH (n:{label}) CALL {{ WITH n DETACH DELETE n }} IN TRANSACTIONS OF 5000 ROWS"

# -- the sync ledger -------------------------------------------------------------

READ_LEDGER = f"MATCH (e:{LEDGER_LABEL}) RETURN e.article AS article, e.digest AS digest, e.nodes AS nodes"

#: Mark articles as being synced: no digest (so a crash leaves them to redo) and every node they touched.
BEGIN_ARTICLES = (
    f"UNWIND $rows AS row MERGE (e:{LEDGER_LABEL} {{article: row.article}}) SET e.digest = null, e.nodes = row.nodes"
)
#: Record articles as synced at their digest, with the nodes their current version touches.
FINISH_ARTICLES = (
    f"UNWIND $rows AS row MERGE (e:{LEDGER_LABEL} {{article: row.article}}) "
    "SET e.digest = row.digest, e.nodes = row.nodes"
)
FORGET_ARTICLES = f"UNWIND $articles AS article MATCH (e:{LEDGER_LABEL} {{article: article}}) DELETE e"

READ_STATE = f"MATCH (s:{STATE_LABEL} {{name: $name}}) RETURN s.projection AS projection, s.reference AS reference"
WRITE_STATE = (
    f"MERGE (s:{STATE_LABEL} {{name: $name}}) "
    "SET s.projection = $projection, s.reference = $reference, s.synced_at = datetime()"
)

# -- reading the projection back --------------------------------------------------

COUNT_LABEL = "MATCH (n:{label}) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n"


def batched(body: str) -> str:
    """The body run once over a batch of rows (``$rows``)."""
    return BATCH_PREFIX + body


def per_row(body: str) -> str:
    """The body run for a single row (``$row``)."""
    return ROW_PREFIX + body
