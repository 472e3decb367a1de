"""The generator's data: the YAML tables under ``bench/data``, read once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def table(name: str) -> dict[str, Any]:
    """Return the parsed ``bench/data/<name>.yaml`` (shared: do not mutate)."""
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml: expected a mapping at the top")
    return data
