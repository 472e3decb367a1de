"""The question govkg was built for, asked of the seed articles: who chaired which meeting under which decree?"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.store.embedded import OxigraphStore
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest
from tests.conftest import SHARED, requires_shared

QUESTION = """
SELECT ?date ?province ?notation ?chair ?sentence WHERE {
    ?meeting a govkg:Meeting ; schema:startDate ?date ; govkg:heldIn ?place ;
             govkg:underLegalBasis ?decree ; govkg:chairedBy ?person .
    ?place skos:prefLabel ?province .
    ?decree a govkg:Decree ; eli:id_local ?notation .
    ?person foaf:name ?chair .
    ?evidence rdf:subject ?meeting ; rdf:predicate govkg:chairedBy ; rdf:object ?person ;
              govkg:sentence ?s .
    ?s govkg:text ?sentence .
}
"""


@requires_shared
def test_the_seeds_answer_who_chaired_which_meeting_under_which_decree(store: OxigraphStore) -> None:
    summary = ingest(store, [SHARED / "seeds"], max_bytes=2_000_000)
    assert {o.status for o in summary.outcomes} == {Status.OK}
    result = store.query(QUESTION)
    assert isinstance(result, ox.QuerySolutions)
    rows = [{k: row[k].value for k in ("date", "province", "notation", "chair", "sentence")} for row in result]
    ha_tinh = [r for r in rows if r["date"] == "2012-08-14"]
    assert {r["chair"] for r in ha_tinh} == {"Nguyễn Minh Hồng", "Nguyễn Thiện"}
    assert {(r["province"], r["notation"]) for r in ha_tinh} == {("Hà Tĩnh", "64/2007/NĐ-CP")}
    for row in ha_tinh:
        assert "chủ trì" in row["sentence"] and row["chair"] in row["sentence"]


def test_the_samples_ingest_without_quarantine(store: OxigraphStore) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    summary = ingest(store, [samples], max_bytes=2_000_000)
    assert len(summary.outcomes) >= 5
    assert {o.status for o in summary.outcomes} == {Status.OK}, [o.reason for o in summary.outcomes]
