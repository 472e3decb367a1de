// indicators_of_province
// description: The indicator figures reported for a province: one row per observation (indicator, value, unit, reference date and the article that reported it).
// param province: province — a unit code or name (its predecessors match too)
// columns: indicator, label, value, unit, date, article
//
// Over the Neo4j projection: $province is the unit's IRI; `value` is a float (SPARQL gives the decimal).
MATCH (o:Observation)-[:ABOUT]->(:Province)-[:SUCCEEDED_BY*0..]->(:Province {iri: $province})
WITH DISTINCT o
OPTIONAL MATCH (o)-[:REPORTED_IN]->(a:Article)
WITH o, min(a.iri) AS article
RETURN o.indicator AS indicator, o.indicator_label AS label, o.value AS value, o.unit AS unit,
       o.date AS date, article
ORDER BY indicator, label, coalesce(toString(date), ''), value, article
