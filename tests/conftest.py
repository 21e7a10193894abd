"""Shared test helpers: the location of ../shared/data and the ``shared`` marker.

Tests that read ../shared/data are marked ``@pytest.mark.shared``; where the
folder is absent they are skipped with a reason (CI has it).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HADATH_SHARED_DATA", ROOT.parent / "shared" / "data"))


def pytest_collection_modifyitems(config, items):
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs ../shared/data (not found at {SHARED})")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ../shared/data (tests using it must be marked ``shared``)."""
    return SHARED


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The bundled sample article (Masrawy, 8 June 2016), as shipped in the package."""
    from importlib import resources

    return resources.files("hadath.data").joinpath("sample_masrawy_2016-06-08.txt").read_text("utf-8")
