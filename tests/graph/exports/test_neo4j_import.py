"""The Neo4j CSV export, imported by Neo4j's own ``neo4j-admin database import full``.

The import tool comes from the Neo4j 5.26 jars ``scripts/neo4j-server install``
puts in ``scripts/neo4j/target/lib`` (``org.neo4j.cli.AdminTool``, the class
behind ``neo4j-admin``); no server is started. Skipped when the jars or Java are
missing, unless ``GOVKG_REQUIRE_NEO4J=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.exports.neo4j_csv import COMMAND_FILE, import_arguments, write_csv_folder
from graph.projection.networkx_graph import project
from graph.store.embedded import OxigraphStore
from loaders.record import Extraction
from tests.conftest import REPO
from tests.factories.stores import write_extraction

LIB = REPO / "scripts" / "neo4j" / "target" / "lib"


def _import_tool() -> list[str]:
    java = shutil.which("java")
    if java is None or not any(LIB.glob("neo4j-import-tool-*.jar")):
        reason = "Neo4j's import tool is not built (scripts/neo4j-server install) or java is missing"
        if os.environ.get("GOVKG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"GOVKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return [java, "-Xmx512m", "-cp", f"{LIB}/*", "org.neo4j.cli.AdminTool", "database", "import", "full"]


@pytest.mark.slow
def test_neo4j_admin_imports_every_node_and_relationship(
    store: OxigraphStore, invented_extraction: Extraction, tmp_path: Path
) -> None:
    command = _import_tool()
    write_extraction(store, invented_extraction)
    graph = project(store)
    folder = tmp_path / "csv"
    write_csv_folder(graph, folder)
    files = re.findall(r"--(?:nodes|relationships)=\S+", (folder / COMMAND_FILE).read_text("utf-8"))
    home = tmp_path / "neo4j-home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    environment = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(
        [*command, *import_arguments(files)], cwd=folder, env=environment, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    imported = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", done.stdout)
    assert imported is not None, done.stdout[-2000:]
    assert (int(imported.group(1)), int(imported.group(2))) == (graph.number_of_nodes(), graph.number_of_edges())
