"""Evidence rows (``queries.resources.EVIDENCE``) as statements, each with the evidence of every article.

An evidence node reifies one statement of one article. When an article states
the same fact twice, its node has two spans (and possibly two sentences); the
API shows the first span, the sentence containing it, the first rule name and
the highest confidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from api.identifiers import entity_id
from api.models import ArticleRef, Evidence, Statement, Term
from graph.sparql.results import Rows, Value
from ontology.namespaces import GOVKG

#: Predicates whose object is a literal value rather than an entity.
_LITERAL_PREDICATES = frozenset({str(GOVKG.value)})


@dataclass
class _Node:
    subject: str
    predicate: str
    object: str
    article: str
    headline: str | None = None
    published: str | None = None
    starts: set[int] = field(default_factory=set)
    ends: set[int] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    confidences: set[float] = field(default_factory=set)
    sentences: set[tuple[int, str]] = field(default_factory=set)
    subject_labels: set[str] = field(default_factory=set)
    object_labels: set[str] = field(default_factory=set)

    def add(self, row: Mapping[str, Value]) -> None:
        for name, target in (("start", self.starts), ("end", self.ends)):
            if isinstance(row[name], int):
                target.add(int(row[name]))  # type: ignore[arg-type]
        if isinstance(row["rule"], str):
            self.rules.add(row["rule"])
        if isinstance(row["confidence"], int | float):
            self.confidences.add(float(row["confidence"]))
        if isinstance(row["sentence_text"], str):
            start = row["sentence_start"]
            self.sentences.add((start if isinstance(start, int) else 0, row["sentence_text"]))
        for name, labels in (("subject_label", self.subject_labels), ("object_label", self.object_labels)):
            if isinstance(row[name], str):
                labels.add(row[name])  # type: ignore[arg-type]

    def evidence(self) -> Evidence:
        start = min(self.starts) if self.starts else None
        ends_after = sorted(end for end in self.ends if start is None or end >= start)
        before = [sentence for sentence in sorted(self.sentences) if start is None or sentence[0] <= start]
        sentence = (before[-1] if before else min(self.sentences, default=(0, None)))[1]
        return Evidence(
            article=ArticleRef(
                id=entity_id(self.article),
                iri=self.article,
                title=self.headline,
                published=date.fromisoformat(self.published) if self.published else None,
            ),
            sentence=sentence,
            char_start=start,
            char_end=ends_after[0] if ends_after else None,
            rule=min(self.rules) if self.rules else None,
            confidence=max(self.confidences) if self.confidences else None,
        )


def _text(value: Value) -> str | None:
    return None if value is None else str(value)


def statements(rows: Rows) -> list[Statement]:
    """Group evidence rows into statements, in the order the rows give them."""
    nodes: dict[str, _Node] = {}
    for row in rows.dicts():
        key = str(row["evidence"])
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _Node(
                str(row["subject"]),
                str(row["predicate"]),
                str(row["object"]),
                str(row["article"]),
                _text(row["headline"]),
                _text(row["published"]),
            )
        node.add(row)
    grouped: dict[tuple[str, str, str], list[_Node]] = {}
    for node in nodes.values():
        grouped.setdefault((node.subject, node.predicate, node.object), []).append(node)
    result = []
    for (subject, predicate, obj), members in grouped.items():
        subject_labels = set().union(*(m.subject_labels for m in members))
        object_labels = set().union(*(m.object_labels for m in members))
        literal = predicate in _LITERAL_PREDICATES
        result.append(
            Statement(
                subject=Term(iri=subject, label=min(subject_labels, default=None)),
                predicate=predicate,
                object=Term(value=obj) if literal else Term(iri=obj, label=min(object_labels, default=None)),
                evidence=sorted((m.evidence() for m in members), key=_evidence_order),
            )
        )
    return result


def _evidence_order(evidence: Evidence) -> tuple[str, str]:
    published = evidence.article.published
    return (published.isoformat() if published else "", evidence.article.iri)


class EvidenceIndex:
    """Statements by (subject, predicate, object), for embedding evidence in detail responses."""

    def __init__(self, found: list[Statement]) -> None:
        self.statements = found
        self._by_edge = {(s.subject.iri, s.predicate, s.object.iri or s.object.value): s for s in found}

    def of(self, subject: str, predicate: str, obj: str) -> list[Evidence]:
        """The evidence of one edge (empty when no article states it)."""
        statement = self._by_edge.get((subject, predicate, obj))
        return list(statement.evidence) if statement else []

    def about(self, predicate: str, *, subject: str | None = None, obj: str | None = None) -> list[Statement]:
        """The statements with ``predicate`` (and the given subject or object)."""
        return [
            s
            for s in self.statements
            if s.predicate == predicate
            and (subject is None or s.subject.iri == subject)
            and (obj is None or s.object.iri == obj)
        ]
