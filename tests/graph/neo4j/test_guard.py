"""The read-only check reads Cypher's tokens: keywords in strings, comments and names are harmless.

(No server needed: these run everywhere.)
"""

from __future__ import annotations

import pytest

from graph.neo4j.guard import CypherRefused, check_read_only

READS = [
    "MATCH (p:Person)-[h:HOLDS_POST]->(o) RETURN p.name, h.title, o.name",
    "MATCH (n) WHERE n.name = 'CREATE (x) DETACH DELETE x' RETURN n",
    'MATCH (n) WHERE n.note = "it\\"s SET here" RETURN n',
    "MATCH (n) // DELETE n\nRETURN n",
    "MATCH (n) /* SET n.x = 1\n MERGE (m) */ RETURN n",
    "MATCH (n:`Create`)-[:`DELETE`]->(m) RETURN n.set, m.remove, {merge: 1, drop: 2} AS map",
    "MATCH (n)-[:SET]->(m:Merge) RETURN m",
    "RETURN $create AS parameter, $`delete` AS quoted",
    "RETURN apoc.coll.sum([1, 2]) AS total, apoc.text.join(['a', 'b'], ';') AS joined",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.labels",
    "CALL dbms.components()",
    "SHOW INDEXES",
    "SHOW TRANSACTIONS",
    "MATCH p = (a)-[*1..3]->(b) RETURN [x IN nodes(p) | x.name] AS names",
    "MATCH (n) RETURN count(n);",
    "MATCH (n) RETURN n ; // a trailing comment",
    "CALL { MATCH (n:Person) RETURN n } RETURN n.name",
]

REFUSED = [
    ("CREATE (n)", "CREATE"),
    ("match (n) detach delete n", "DETACH"),
    ("MATCH (n) SET n.x = 1", "SET"),
    ("MATCH (n) REMOVE n:Person", "REMOVE"),
    ("MERGE (n:Person {iri: 'x'})", "MERGE"),
    ("DROP INDEX govkg_person_name", "DROP"),
    ("FOREACH (x IN [1] | CREATE ())", "FOREACH"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS", "DELETE"),
    ("CALL { MATCH (n) RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN 1", "IN TRANSACTIONS"),
    ("CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS RETURN 1", "IN TRANSACTIONS"),
    ("CALL apoc.load.json('http://example.org')", "apoc.load.json"),
    ("CALL `apoc`.`load`.json('http://example.org')", "apoc.load.json"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "apoc.periodic.iterate"),
    ("RETURN apoc.cypher.runFirstColumnSingle('CREATE () RETURN 1', {})", "apoc.cypher"),
    ("CALL apoc.export.csv.all('out.csv', {})", "apoc.export"),
    ("CALL db.createLabel('X')", "db.createLabel"),
    ("CALL db.index.fulltext.createNodeIndex('x', ['A'], ['b'])", "createNodeIndex"),
    ("CALL dbms.security.listUsers()", "dbms.security.listUsers"),
    ("CALL gds.pageRank.write('g', {writeProperty: 'rank'})", "gds.pageRank.write"),
    ("USE system SHOW USERS", "USE"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "ALTER"),
    ("RETURN 1; MATCH (n) DELETE n", "one statement"),
    ("RETURN 'unterminated", "unterminated"),
    ("RETURN 1 /* unterminated", "unterminated"),
    ("", "empty"),
    ("   // only a comment", "empty"),
]


@pytest.mark.parametrize("query", READS)
def test_read_only_queries_pass(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize(("query", "named"), REFUSED)
def test_writes_files_and_administration_are_refused_by_name(query: str, named: str) -> None:
    with pytest.raises(CypherRefused) as refused:
        check_read_only(query)
    assert named in str(refused.value)


def test_a_refusal_says_where() -> None:
    with pytest.raises(CypherRefused, match="line 2, column 3"):
        check_read_only("MATCH (n)\n  SET n.x = 1")
