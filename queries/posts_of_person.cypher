// posts_of_person
// description: The posts a person held over time: one row per post (title in an organization), with the first and last day an article reported it, ordered by the first.
// param person: iri — the person's IRI
// columns: title, organization, organization_name, first_reported, last_reported
//
// Over the Neo4j projection. Posts never reported on a day come first, as unbound values do in SPARQL.
MATCH (:Person {iri: $person})-[post:HOLDS_POST]->(o:Organization)
RETURN post.title AS title, o.iri AS organization, min(o.name) AS organization_name,
       min(post.first_reported) AS first_reported, max(post.last_reported) AS last_reported
ORDER BY first_reported IS NOT NULL, first_reported, title, organization
