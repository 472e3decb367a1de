"""The SPARQL behind the API's resources (persons, organizations, documents, meetings, articles, evidence).

Every query here is fixed text; what a caller asks for reaches it only as
values the runner binds in a ``VALUES`` row at the start of the ``WHERE``
group. A list query is assembled from its fixed parts plus one fixed *filter
pattern* per filter the caller gives, each using the variable
``?param_<filter>``. The same list query answers the detail of one entity by
binding its entity variable (``?person``, ``?meeting`` …) directly.

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
    """A grouped SELECT over one kind of entity, with optional filter patterns.

    ``entity`` names the entity variable and ``pattern`` is what makes a node
    one of them; ``optional`` holds the ``OPTIONAL`` blocks that fetch the
    columns. ``filters`` are listed most selective first: the first filter
    given *drives* the query (its pattern comes first, next to the bound
    value, so the engine starts from that value instead of scanning every
    entity), the others are checked with ``FILTER EXISTS`` on its rows.
    """

    entity: str
    pattern: str
    select: str
    optional: str
    group_by: str
    order_by: str
    filters: Mapping[str, str] = field(default_factory=dict)

    def text(self, given: Iterable[str] = ()) -> str:
        """The query text with the filter patterns of ``given`` (unknown names raise ``KeyError``)."""
        chosen = set(given)
        unknown = chosen - set(self.filters)
        if unknown:
            raise KeyError(f"unknown filters: {', '.join(sorted(unknown))}")
        names = [name for name in self.filters if name in chosen]
        if names:
            first = names[0]
            driver = self.filters[first]
            checks = [f"FILTER EXISTS {{ {self.filters[name]} }}" for name in names[1:]]
            checks.append(f"FILTER EXISTS {{ {self.pattern} }}")
        else:
            driver, checks = self.pattern, []
        params = "".join(f" ?param_{name}" for name in sorted(names))
        body = "\n  ".join([driver, self.optional, *checks])
        return (
            f"{PROLOGUE}SELECT {self.select}{params}\nWHERE {{\n  {body}\n}}\n"
            f"GROUP BY {self.group_by}{params}\nORDER BY {self.order_by}\n"
        )


def _in_province(variable: str, link: str) -> str:
    """A filter pattern: ``variable`` is linked by ``link`` to the given unit or one it succeeded."""
    return f"?province_filter govkg:succeededBy* ?param_province . ?{variable} {link} ?province_filter ."


def _label_filter(variable: str, predicate: str, parameter: str, test: str) -> str:
    """A filter pattern: a ``predicate`` label of ``variable`` passes ``test`` against the parameter."""
    condition = test.format(label=f"?{parameter}_label", param=f"?param_{parameter}")
    return f"?{variable} {predicate} ?{parameter}_label FILTER ({condition})"


#: Every word given begins a word of the label (govkg:wordsMatch runs in the query workers).
_WORDS = "govkg:wordsMatch({label}, {param})"
#: The label's search key contains the given key.
_CONTAINS = "CONTAINS(govkg:searchKey({label}), {param})"


PERSONS = ListQuery(
    entity="person",
    pattern="?person a foaf:Person .",
    select="?person (MIN(?person_name) AS ?name) (GROUP_CONCAT(DISTINCT STR(?home); separator=' ') AS ?provinces)",
    optional="""OPTIONAL { ?person foaf:name ?person_name }
  OPTIONAL { ?person govkg:province ?home }""",
    group_by="?person",
    order_by="?name ?person",
    filters={
        "organization": "?organization_filter org:member ?person ; org:organization ?param_organization .",
        "province": "?province_filter govkg:succeededBy* ?param_province . "
        "{ ?person govkg:province ?province_filter } UNION "
        "{ ?post_filter org:organization/govkg:province ?province_filter ; org:member ?person }",
        "name": _label_filter("person", "foaf:name", "name", _WORDS),
    },
)

ORGANIZATIONS = ListQuery(
    entity="organization",
    pattern="?organization a org:Organization .",
    select="?organization (MIN(?label) AS ?name) (MIN(?home) AS ?province) "
    "(GROUP_CONCAT(DISTINCT STRAFTER(STR(?class), '#'); separator=' ') AS ?kinds)",
    optional="""OPTIONAL { ?organization skos:prefLabel ?label }
  OPTIONAL { ?organization govkg:province ?home }
  OPTIONAL { ?organization a ?class FILTER (?class != org:Organization) }""",
    group_by="?organization",
    order_by="?name ?organization",
    filters={
        "province": _in_province("organization", "govkg:province"),
        "kind": "?organization a ?param_kind .",
        "name": _label_filter("organization", "skos:prefLabel", "name", _WORDS),
    },
)

LEGAL_DOCUMENTS = ListQuery(
    entity="document",
    pattern="?document a eli:LegalResource .",
    select="?document (MIN(?id_local) AS ?notation) (MIN(?type_name) AS ?type) (MIN(?document_label) AS ?title) "
    "(MIN(?day) AS ?date) (MIN(?issuer_name) AS ?issuer) (MIN(?issuer_organization) AS ?issued_by)",
    optional="""OPTIONAL { ?document eli:id_local ?id_local }
  OPTIONAL { ?document eli:type_document ?class BIND (STRAFTER(STR(?class), '#') AS ?type_name) }
  OPTIONAL { ?document rdfs:label ?document_label }
  OPTIONAL { ?document eli:date_document ?day }
  OPTIONAL { ?document govkg:issuerName ?issuer_name }
  OPTIONAL { ?document eli:passed_by ?issuer_organization }""",
    group_by="?document",
    order_by="?notation ?document",
    filters={
        "number": _label_filter("document", "eli:id_local", "number", _CONTAINS),
        "issuer": _label_filter("document", "govkg:issuerName", "issuer", _CONTAINS),
        "type": "?type_filter rdfs:label ?type_filter_label FILTER (govkg:searchKey(?type_filter_label) = ?param_type) "
        "?document eli:type_document ?type_filter .",
        "year": "?document a eli:LegalResource "
        "OPTIONAL { ?document eli:date_document ?year_filter_day } "
        "OPTIONAL { ?document eli:id_local ?year_filter_notation } "
        "FILTER (YEAR(?year_filter_day) = ?param_year "
        "|| CONTAINS(?year_filter_notation, CONCAT('/', STR(?param_year), '/')))",
    },
)

MEETINGS = ListQuery(
    entity="meeting",
    pattern="?meeting a govkg:Meeting .",
    select="?meeting (MIN(?meeting_label) AS ?label) (MIN(?kind_name) AS ?kind) (MIN(?day) AS ?date) "
    "(MIN(?place) AS ?province) "
    "(GROUP_CONCAT(DISTINCT CONCAT(STR(?chair), '\\t', COALESCE(?chair_name, '')); separator='\\n') AS ?chairs) "
    "(GROUP_CONCAT(DISTINCT CONCAT(STR(?basis), '\\t', COALESCE(?basis_notation, '')); separator='\\n') "
    "AS ?legal_basis)",
    optional="""OPTIONAL { ?meeting rdfs:label ?meeting_label }
  OPTIONAL { ?meeting govkg:meetingKind ?kind_class BIND (STRAFTER(STR(?kind_class), '#') AS ?kind_name) }
  OPTIONAL { ?meeting schema:startDate ?day }
  OPTIONAL { ?meeting govkg:heldIn ?place }
  OPTIONAL { ?meeting govkg:chairedBy ?chair OPTIONAL { ?chair foaf:name ?chair_name } }
  OPTIONAL { ?meeting govkg:underLegalBasis ?basis OPTIONAL { ?basis eli:id_local ?basis_notation } }""",
    group_by="?meeting",
    order_by="DESC(?date) ?meeting",
    filters={
        "chair": "?meeting govkg:chairedBy ?param_chair .",
        "legal_basis": "?meeting govkg:underLegalBasis ?param_legal_basis .",
        "attendee": "?meeting govkg:attendedBy ?param_attendee .",
        "organizer": "?meeting govkg:organizedBy ?param_organizer .",
        "legal_basis_notation": "?basis_filter eli:id_local ?param_legal_basis_notation . "
        "?meeting govkg:underLegalBasis ?basis_filter .",
        "chair_name": _label_filter("chair_filter", "foaf:name", "chair_name", _WORDS)
        + " ?meeting govkg:chairedBy ?chair_filter .",
        "province": _in_province("meeting", "govkg:heldIn"),
        "from": "?meeting schema:startDate ?from_filter . FILTER (?from_filter >= ?param_from)",
        "to": "?meeting schema:startDate ?to_filter . FILTER (?to_filter <= ?param_to)",
    },
)

ARTICLES = ListQuery(
    entity="article",
    pattern="?article a schema:NewsArticle .",
    select="?article (MIN(?headline) AS ?title) (MIN(?day) AS ?published) (MIN(?outlet) AS ?source) "
    "(MIN(?link) AS ?url) (MIN(?home) AS ?province) (MIN(?source_file) AS ?file)",
    optional="""OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?day }
  OPTIONAL { ?article schema:publisher ?outlet }
  OPTIONAL { ?article schema:url ?link }
  OPTIONAL { ?article govkg:province ?home }
  OPTIONAL { ?article govkg:sourceFile ?source_file }""",
    group_by="?article",
    order_by="DESC(?published) ?article",
    filters={
        "mentions": "?article schema:mentions ?param_mentions .",
        "province": _in_province("article", "govkg:province"),
        "from": "?article schema:datePublished ?from_filter . FILTER (?from_filter >= ?param_from)",
        "to": "?article schema:datePublished ?to_filter . FILTER (?to_filter <= ?param_to)",
    },
)

#: Posts (memberships) of a person, or of an organization's members: bind ?person or ?organization.
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

#: The meetings a person chaired or attended: bind ?person.
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


#: Evidence nodes: bind any of ?subject, ?predicate, ?object, ?article. One row per combination of
#: an evidence node's values (an article stating a fact twice gives its node two spans).
EVIDENCE = _evidence_query()

#: The evidence of the posts held in an organization: bind ?organization.
MEMBERSHIP_EVIDENCE = _evidence_query(" ?organization", "?subject org:organization ?organization .")

#: How many triples an article's named graph holds: bind ?graph.
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

#: What the store holds, for /health: bind nothing.
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
