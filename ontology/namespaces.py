"""The vocabularies govkg speaks, as rdflib namespaces.

govkg reuses W3C ORG, FOAF / schema.org, ELI, PROV-O, OWL-Time, SKOS and the RDF
Data Cube; ``GOVKG`` holds only the terms none of those has (``Meeting``,
``chairedBy``, ``underLegalBasis`` …). Entity IRIs live under ``ID``.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

BASE = "https://w3id.org/govkg/"
GOVKG = Namespace(BASE + "def#")
ID = Namespace(BASE + "id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
QB = Namespace("http://purl.org/linked-data/cube#")

#: The named graph holding the gazetteers (provinces, kinds, national documents).
REFERENCE_GRAPH = ID["graph/reference"]
#: The named graph holding quarantine records (article, reasons, SHACL report).
QUARANTINE_GRAPH = ID["graph/quarantine"]
#: The named graph holding the user's identity decisions (same / different).
DECISIONS_GRAPH = ID["graph/decisions"]

PREFIXES: dict[str, str] = {
    "govkg": str(GOVKG),
    "id": str(ID),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "eli": str(ELI),
    "prov": str(PROV),
    "time": str(TIME),
    "skos": str(SKOS),
    "qb": str(QB),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def sparql_prologue() -> str:
    """Return ``PREFIX`` lines for every vocabulary above, for query text."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


__all__ = [
    "BASE",
    "DCTERMS",
    "DECISIONS_GRAPH",
    "ELI",
    "FOAF",
    "GOVKG",
    "ID",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "QUARANTINE_GRAPH",
    "RDF",
    "RDFS",
    "REFERENCE_GRAPH",
    "SCHEMA",
    "SKOS",
    "TIME",
    "XSD",
    "sparql_prologue",
]
