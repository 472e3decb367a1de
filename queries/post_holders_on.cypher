// post_holders_on
// description: Who held a post in an organization on a given day: an org:memberDuring interval contains the day, or (no interval) the post was reported on a day in [on − within_days, on], or reports of it bracket the day.
// param organization: iri — the organization's IRI
// param on: date — the day
// param title: string, optional — only this post title (compared case-insensitively)
// param within_days: integer, default=365 — how many days before `on` a report still counts
// columns: person, name, title, first_reported, last_reported
//
// Over the Neo4j projection: a post's interval is HOLDS_POST {interval, member_from, member_until}
// (either end may be open); a parameter not given is null.
MATCH (p:Person)-[post:HOLDS_POST]->(:Organization {iri: $organization})
WHERE $title IS NULL OR toLower(post.title) = toLower($title)
WITH p, post, $on - duration({days: coalesce($within_days, 365)}) AS since
WHERE CASE
        WHEN post.interval THEN (post.member_from IS NULL OR post.member_from <= $on)
                                AND (post.member_until IS NULL OR $on <= post.member_until)
        ELSE any(day IN coalesce(post.reported_on, []) WHERE since <= day AND day <= $on)
             OR (post.first_reported <= $on AND $on <= post.last_reported)
      END
RETURN p.iri AS person, min(p.name) AS name, post.title AS title,
       min(post.first_reported) AS first_reported, max(post.last_reported) AS last_reported
ORDER BY person, name, title
