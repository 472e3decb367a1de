"""The packages depend one way: api, cli → services → queries → graph → ontology, and loaders → ontology.

The two front ends (the HTTP API and the command line) never import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("ontology", "loaders", "graph", "queries", "services", "api", "cli")
ALLOWED = {
    "ontology": {"ontology"},
    "loaders": {"loaders", "ontology"},
    "graph": {"graph", "ontology"},
    "queries": {"queries", "graph", "ontology"},
    "services": {"services", "loaders", "graph", "queries", "ontology"},
    "api": {"api", "services", "queries", "graph", "ontology"},
    "cli": {"cli", "services", "queries", "graph", "ontology"},
}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_layers_below_it(package: str) -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(found - ALLOWED[package])
        for path in sorted((REPO / package).rglob("*.py"))
        if (found := _imported_packages(path)) - ALLOWED[package]
    }
    assert offenders == {}
