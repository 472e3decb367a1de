// meetings_under_document
// description: The meetings held under a legal document, with their chairs (names joined with "; " in name order).
// param document: document — a notation such as 64/2007/NĐ-CP, or a document IRI
// columns: meeting, date, label, province, chairs
// joined: chairs
//
// Over the Neo4j projection. `chairs` is null when the meeting has no chair.
MATCH (m:Meeting)-[:UNDER]->(d:LegalDocument)
WHERE d.iri = $document OR $document IN d.notations
WITH DISTINCT m
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Province)
WITH m, min(place.iri) AS province
OPTIONAL MATCH (chair:Person)-[:CHAIRED]->(m)
WITH m, province, chair.name AS name
ORDER BY name
WITH m, province, collect(DISTINCT name) AS names
RETURN m.iri AS meeting, m.date AS date, m.label AS label, province,
       reduce(joined = head(names), name IN tail(names) | joined + '; ' + name) AS chairs
ORDER BY meeting, coalesce(toString(date), '')
