// co_chairs
// description: Who chaired meetings together: one row per ordered pair of co-chairs, with the number of meetings they co-chaired.
// param person: iri, optional — only the pairs whose first person is this one
// columns: person, name, other, other_name, meetings
//
// Over the Neo4j projection: a parameter not given is null.
MATCH (p:Person)-[:CHAIRED]->(m:Meeting)<-[:CHAIRED]-(other:Person)
WHERE p <> other AND ($person IS NULL OR p.iri = $person)
RETURN p.iri AS person, min(p.name) AS name, other.iri AS other, min(other.name) AS other_name,
       count(DISTINCT m) AS meetings
ORDER BY person, name, other
