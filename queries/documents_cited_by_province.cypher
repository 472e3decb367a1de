// documents_cited_by_province
// description: The legal documents a province's articles cite, with how many of its articles cite each. `type` is the govkg class's local name (Decree, Decision …).
// param province: province — a unit code or name (its predecessors match too)
// columns: document, notation, type, articles
//
// Over the Neo4j projection: $province is the unit's IRI.
MATCH (a:Article)-[:ABOUT]->(:Province)-[:SUCCEEDED_BY*0..]->(:Province {iri: $province})
WITH DISTINCT a
MATCH (d:LegalDocument)-[:MENTIONED_IN]->(a)
RETURN d.iri AS document, min(d.notation) AS notation, min(d.type) AS type, count(DISTINCT a) AS articles
ORDER BY document, notation
