// officials_of_province
// description: The officials of a province: one row per post held in an organization of the province (or of a unit it succeeded), with the last day an article reported it.
// param province: province — a unit code or name (its predecessors match too)
// columns: person, name, title, organization, organization_name, last_reported
//
// Over the Neo4j projection: $province is the unit's IRI.
MATCH (o:Organization)-[:LOCATED_IN]->(:Province)-[:SUCCEEDED_BY*0..]->(:Province {iri: $province})
WITH DISTINCT o
MATCH (p:Person)-[post:HOLDS_POST]->(o)
RETURN p.iri AS person, min(p.name) AS name, post.title AS title, o.iri AS organization,
       min(o.name) AS organization_name, max(post.last_reported) AS last_reported
ORDER BY person, name, title, organization
