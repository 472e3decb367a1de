// who_chaired_under
// description: Who chaired which meeting, when, where and under which legal document. One row per (meeting, chair, legal basis); `document` and `notation` are empty when the meeting has none; only meetings with a chair.
// param document: document, optional — the legal basis: a notation such as 64/2007/NĐ-CP, or a document IRI
// param province: province, optional — where the meeting was held: a unit code or name (its predecessors match too)
// param from: date, optional — meetings on or after this day
// param to: date, optional — meetings on or before this day
// columns: meeting, date, label, province, chair, chair_name, document, notation
//
// Over the Neo4j projection: $province is the unit's IRI, $from/$to are dates, a parameter not given is null.
MATCH (chair:Person)-[:CHAIRED]->(m:Meeting)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($province IS NULL
       OR EXISTS { (m)-[:HELD_IN]->(:Province)-[:SUCCEEDED_BY*0..]->(:Province {iri: $province}) })
OPTIONAL MATCH (m)-[:UNDER]->(d:LegalDocument)
WITH chair, m, d
WHERE $document IS NULL OR (d IS NOT NULL AND (d.iri = $document OR $document IN d.notations))
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Province)
WITH m, chair, d, min(place.iri) AS province
RETURN m.iri AS meeting, m.date AS date, m.label AS label, province,
       chair.iri AS chair, chair.name AS chair_name, d.iri AS document, d.notation AS notation
ORDER BY meeting, coalesce(toString(date), ''), chair, coalesce(document, '')
