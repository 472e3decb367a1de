"""Fixtures shared by every layer's tests: paths, a store on disk, a valid extraction (data: ``tests/factories``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store.embedded import OxigraphStore
from loaders.record import Extraction
from tests.factories.invented import co_chaired_2016
from tests.factories.invented import invented_extraction as invented
from tests.factories.stores import build_store, new_store

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"

requires_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not here")


@pytest.fixture
def invented_extraction() -> Extraction:
    """A valid extraction of an invented article, built by hand (independent of the extractors)."""
    return invented()


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    """An empty store on disk with the reference graph loaded."""
    return new_store(tmp_path / "store")


@pytest.fixture
def co_chaired_store(tmp_path: Path, invented_extraction: Extraction) -> Path:
    """A closed store on disk holding the invented article and a 2016 meeting its two officials co-chaired."""
    return build_store(tmp_path / "store", [invented_extraction, co_chaired_2016()])
