"""The SPARQL behind the API's resources (persons, organizations, documents, meetings, articles, evidence).

Every query here is fixed text; what a caller asks for reaches it only as
SEP-0007 substitutions. A list query is assembled from its fixed parts plus
one fixed *filter pattern* per filter the caller gives; each pattern binds the
variable ``?param_<filter>``, which :meth:`ListQuery.text` adds to the
projection and the grouping (Oxigraph substitutes only projected variables).
The same list query answers the detail of one entity by substituting its
entity variable (``?person``, ``?meeting`` …) directly.

Multi-valued columns of list rows are packed with ``GROUP_CONCAT``: IRIs
separated by spaces (``provinces``), or ``IRI<TAB>label`` pairs separated by
new lines (``chairs``, ``legal_basis``), unpacked by :func:`pairs`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ontology.namespaces import sparql_prologue

#: The prologue of every resource query (all govkg prefixes).
PROLOGUE = sparql_prologue()


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A grouped SELECT over one kind of entity, with optional filter patterns."""

    select: str
    where: str
    group_by: str
    order_by: str
    filters: Mapping[str, str] = field(default_factory=dict)

    def text(self, given: Iterable[str] = ()) -> str:
        """The query text with the filter patterns of ``given`` (unknown names raise ``KeyError``)."""
        names = sorted(set(given))
        patterns = "\n  ".join(self.filters[name] for name in names)
        params = "".join(f" ?param_{name}" for name in names)
        return (
            f"{PROLOGUE}SELECT {self.select}{params}\nWHERE {{\n  {self.where}\n  {patterns}\n}}\n"
            f"GROUP BY {self.group_by}{params}\nORDER BY {self.order_by}\n"
        )


_IN_PROVINCE = "?{v} govkg:succeededBy* ?param_province ."

PERSONS = ListQuery(
    select="?person (MIN(?person_name) AS ?name) (GROUP_CONCAT(DISTINCT STR(?home); separator=' ') AS ?provinces)",
    where="""?person a foaf:Person .
  OPTIONAL { ?person foaf:name ?person_name }
  OPTIONAL { ?person govkg:province ?home }""",
    group_by="?person",
    order_by="?name ?person",
    filters={
        "name": "?person foaf:name ?name_filter . FILTER (CONTAINS(govkg:searchKey(?name_filter), ?param_name))",
        "province": "{ ?person govkg:province ?province_filter } UNION "
        "{ ?post_filter org:member ?person ; org:organization/govkg:province ?province_filter } "
        + _IN_PROVINCE.format(v="province_filter"),
        "organization": "?organization_filter org:member ?person ; org:organization ?param_organization .",
    },
)

ORGANIZATIONS = ListQuery(
    select="?organization (MIN(?label) AS ?name) (MIN(?home) AS ?province) "
    "(GROUP_CONCAT(DISTINCT STRAFTER(STR(?class), '#'); separator=' ') AS ?kinds)",
    where="""?organization a org:Organization .
  OPTIONAL { ?organization skos:prefLabel ?label }
  OPTIONAL { ?organization govkg:province ?home }
  OPTIONAL { ?organization a ?class FILTER (?class != org:Organization) }""",
    group_by="?organization",
    order_by="?name ?organization",
    filters={
        "name": "?organization skos:prefLabel ?name_filter . "
        "FILTER (CONTAINS(govkg:searchKey(?name_filter), ?param_name))",
        "province": "?organization govkg:province ?province_filter . " + _IN_PROVINCE.format(v="province_filter"),
        "kind": "?organization a ?param_kind .",
    },
)

LEGAL_DOCUMENTS = ListQuery(
    select="?document (MIN(?id_local) AS ?notation) (MIN(?type_name) AS ?type) (MIN(?document_label) AS ?title) "
    "(MIN(?day) AS ?date) (MIN(?issuer_name) AS ?issuer) (MIN(?issuer_organization) AS ?issued_by)",
    where="""?document a eli:LegalResource .
  OPTIONAL { ?document eli:id_local ?id_local }
  OPTIONAL { ?document eli:type_document ?class BIND (STRAFTER(STR(?class), '#') AS ?type_name) }
  OPTIONAL { ?document rdfs:label ?document_label }
  OPTIONAL { ?document eli:date_document ?day }
  OPTIONAL { ?document govkg:issuerName ?issuer_name }
  OPTIONAL { ?document eli:passed_by ?issuer_organization }""",
    group_by="?document",
    order_by="?notation ?document",
    filters={
        "type": "?document eli:type_document ?type_filter . ?type_filter rdfs:label ?type_filter_label . "
        "FILTER (govkg:searchKey(?type_filter_label) = ?param_type)",
        "number": "?document eli:id_local ?number_filter . "
        "FILTER (CONTAINS(govkg:searchKey(?number_filter), ?param_number))",
        "issuer": "?document govkg:issuerName ?issuer_filter . "
        "FILTER (CONTAINS(govkg:searchKey(?issuer_filter), ?param_issuer))",
        "year": "OPTIONAL { ?document eli:date_document ?year_filter_day } "
        "OPTIONAL { ?document eli:id_local ?year_filter_notation } "
        "FILTER (YEAR(?year_filter_day) = ?param_year "
        "|| CONTAINS(?year_filter_notation, CONCAT('/', STR(?param_year), '/')))",
    },
)

MEETINGS = ListQuery(
    select="?meeting (MIN(?meeting_label) AS ?label) (MIN(?kind_name) AS ?kind) (MIN(?day) AS ?date) "
    "(MIN(?place) AS ?province) "
    "(GROUP_CONCAT(DISTINCT CONCAT(STR(?chair), '\\t', COALESCE(?chair_name, '')); separator='\\n') AS ?chairs) "
    "(GROUP_CONCAT(DISTINCT CONCAT(STR(?basis), '\\t', COALESCE(?basis_notation, '')); separator='\\n') "
    "AS ?legal_basis)",
    where="""?meeting a govkg:Meeting .
  OPTIONAL { ?meeting rdfs:label ?meeting_label }
  OPTIONAL { ?meeting govkg:meetingKind ?kind_class BIND (STRAFTER(STR(?kind_class), '#') AS ?kind_name) }
  OPTIONAL { ?meeting schema:startDate ?day }
  OPTIONAL { ?meeting govkg:heldIn ?place }
  OPTIONAL { ?meeting govkg:chairedBy ?chair OPTIONAL { ?chair foaf:name ?chair_name } }
  OPTIONAL { ?meeting govkg:underLegalBasis ?basis OPTIONAL { ?basis eli:id_local ?basis_notation } }""",
    group_by="?meeting",
    order_by="DESC(?date) ?meeting",
    filters={
        "chair": "?meeting govkg:chairedBy ?param_chair .",
        "chair_name": "?meeting govkg:chairedBy/foaf:name ?chair_filter_name . "
        "FILTER (CONTAINS(govkg:searchKey(?chair_filter_name), ?param_chair_name))",
        "attendee": "?meeting govkg:attendedBy ?param_attendee .",
        "organizer": "?meeting govkg:organizedBy ?param_organizer .",
        "province": "?meeting govkg:heldIn ?province_filter . " + _IN_PROVINCE.format(v="province_filter"),
        "from": "?meeting schema:startDate ?from_filter . FILTER (?from_filter >= ?param_from)",
        "to": "?meeting schema:startDate ?to_filter . FILTER (?to_filter <= ?param_to)",
        "legal_basis": "?meeting govkg:underLegalBasis ?param_legal_basis .",
        "legal_basis_notation": "?meeting govkg:underLegalBasis/eli:id_local ?param_legal_basis_notation .",
    },
)

ARTICLES = ListQuery(
    select="?article (MIN(?headline) AS ?title) (MIN(?day) AS ?published) (MIN(?outlet) AS ?source) "
    "(MIN(?link) AS ?url) (MIN(?home) AS ?province) (MIN(?source_file) AS ?file)",
    where="""?article a schema:NewsArticle .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?day }
  OPTIONAL { ?article schema:publisher ?outlet }
  OPTIONAL { ?article schema:url ?link }
  OPTIONAL { ?article govkg:province ?home }
  OPTIONAL { ?article govkg:sourceFile ?source_file }""",
    group_by="?article",
    order_by="DESC(?published) ?article",
    filters={
        "province": "?article govkg:province ?province_filter . " + _IN_PROVINCE.format(v="province_filter"),
        "from": "?article schema:datePublished ?from_filter . FILTER (?from_filter >= ?param_from)",
        "to": "?article schema:datePublished ?to_filter . FILTER (?to_filter <= ?param_to)",
        "mentions": "?article schema:mentions ?param_mentions .",
    },
)

#: Posts (memberships) of a person, or of an organization's members: substitute ?person or ?organization.
POSTS = (
    PROLOGUE
    + """SELECT ?membership ?person (MIN(?person_name) AS ?name) ?title ?organization
       (MIN(?label) AS ?organization_name) (MIN(?reported) AS ?first_reported) (MAX(?reported) AS ?last_reported)
       (MIN(?begin) AS ?member_from) (MAX(?end) AS ?member_until)
WHERE {
  ?membership org:member ?person ;
              org:organization ?organization ;
              govkg:title ?title .
  OPTIONAL { ?person foaf:name ?person_name }
  OPTIONAL { ?organization skos:prefLabel ?label }
  OPTIONAL { ?membership govkg:reportedOn ?reported }
  OPTIONAL { ?membership org:memberDuring/time:hasBeginning/time:inXSDDate ?begin }
  OPTIONAL { ?membership org:memberDuring/time:hasEnd/time:inXSDDate ?end }
}
GROUP BY ?membership ?person ?title ?organization
ORDER BY ?first_reported ?title ?organization ?person
"""
)

#: The meetings a person chaired or attended: substitute ?person.
MEETINGS_OF_PERSON = (
    PROLOGUE
    + """SELECT ?meeting ?role ?person (MIN(?meeting_label) AS ?label) (MIN(?day) AS ?date) (MIN(?place) AS ?province)
WHERE {
  VALUES ?relation { govkg:chairedBy govkg:attendedBy }
  ?meeting ?relation ?person .
  BIND (STRAFTER(STR(?relation), '#') AS ?role)
  OPTIONAL { ?meeting rdfs:label ?meeting_label }
  OPTIONAL { ?meeting schema:startDate ?day }
  OPTIONAL { ?meeting govkg:heldIn ?place }
}
GROUP BY ?meeting ?role ?person
ORDER BY ?date ?meeting ?role
"""
)


def _evidence_query(extra_projection: str = "", extra_pattern: str = "") -> str:
    return (
        PROLOGUE
        + f"""SELECT ?evidence ?subject ?predicate ?object ?article ?headline ?published ?sentence_text ?sentence_start
       ?start ?end ?rule ?confidence ?subject_label ?object_label{extra_projection}
WHERE {{
  ?evidence rdf:subject ?subject ;
            rdf:predicate ?predicate ;
            rdf:object ?object ;
            prov:wasDerivedFrom ?article ;
            a govkg:Evidence .
  {extra_pattern}
  OPTIONAL {{ ?evidence govkg:charStart ?start }}
  OPTIONAL {{ ?evidence govkg:charEnd ?end }}
  OPTIONAL {{ ?evidence govkg:rule ?rule }}
  OPTIONAL {{ ?evidence govkg:confidence ?confidence }}
  OPTIONAL {{
    ?evidence govkg:sentence ?sentence .
    OPTIONAL {{ ?sentence govkg:text ?sentence_text }}
    OPTIONAL {{ ?sentence govkg:charStart ?sentence_start }}
  }}
  OPTIONAL {{ ?article schema:headline ?headline }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?subject foaf:name|skos:prefLabel|rdfs:label|govkg:title|schema:headline ?subject_label }}
  OPTIONAL {{ ?object foaf:name|skos:prefLabel|rdfs:label|eli:id_local|schema:headline ?object_label }}
}}
ORDER BY ?subject ?predicate ?object ?published ?article ?evidence
"""
    )


#: Evidence nodes: substitute any of ?subject, ?predicate, ?object, ?article. One row per combination of
#: an evidence node's values (an article stating a fact twice gives its node two spans).
EVIDENCE = _evidence_query()

#: The evidence of the posts held in an organization: substitute ?organization.
MEMBERSHIP_EVIDENCE = _evidence_query(" ?organization", "?subject org:organization ?organization .")

#: How many triples an article's named graph holds: substitute ?graph.
GRAPH_SIZE = """SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"""

#: What /search indexes: persons by name, organizations by label, documents by notation and title.
SEARCH_LABELS = (
    PROLOGUE
    + """SELECT ?entity ?kind ?label
WHERE {
  { ?entity a foaf:Person ; foaf:name ?label . BIND ("person" AS ?kind) }
  UNION { ?entity a org:Organization ; skos:prefLabel ?label . BIND ("organization" AS ?kind) }
  UNION { ?entity a eli:LegalResource ; eli:id_local ?label . BIND ("document" AS ?kind) }
  UNION { ?entity a eli:LegalResource ; rdfs:label ?label . BIND ("document" AS ?kind) }
}
"""
)

#: What the store holds, for /health: substitute nothing.
COUNTS = (
    PROLOGUE
    + """SELECT ?what (COUNT(DISTINCT ?entity) AS ?count)
WHERE {
  VALUES (?what ?class) {
    ("articles" schema:NewsArticle) ("persons" foaf:Person) ("organizations" org:Organization)
    ("legal_documents" eli:LegalResource) ("meetings" govkg:Meeting)
  }
  ?entity a ?class .
}
GROUP BY ?what
"""
)


def pairs(packed: object) -> list[tuple[str, str]]:
    """Unpack a ``IRI<TAB>label`` list packed by ``GROUP_CONCAT`` (empty labels become "")."""
    if not isinstance(packed, str) or not packed:
        return []
    found = []
    for line in packed.split("\n"):
        iri, _, label = line.partition("\t")
        if iri:
            found.append((iri, label))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def words(packed: object) -> list[str]:
    """Unpack a space-separated list packed by ``GROUP_CONCAT``."""
    return sorted(packed.split()) if isinstance(packed, str) else []
