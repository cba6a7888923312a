"""One function finds the shipped data: beside the package in a checkout, inside it when installed.

(The installed case runs for real in test_wheel_install.py and test_bundle_run.py.)
"""

from __future__ import annotations

import pytest

from bundle_run import ROOT
from kitchen_ui import resources
from kitchen_ui.storage.database import DatabaseError, migrations_dir


@pytest.fixture
def fresh_lookup():
    resources.shipped_dir.cache_clear()
    yield
    resources.shipped_dir.cache_clear()


def test_a_checkout_uses_its_top_level_folders(fresh_lookup):
    assert resources.resources_root() == ROOT / "resources"
    assert migrations_dir() == ROOT / "db" / "migrations"


def test_missing_data_is_named_with_where_it_was_looked_for(fresh_lookup, monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path)
    with pytest.raises(FileNotFoundError, match="resources folder is missing") as missing:
        resources.resource_path("theme", "dark.json")
    assert "_resources" in str(missing.value) and str(tmp_path / "resources") in str(missing.value)
    with pytest.raises(DatabaseError, match=r"db/migrations folder is missing from this installation"):
        migrations_dir()
    # the folder in a checkout holds no stray copy: an empty one is not taken for Hearth's data
    (tmp_path / "resources").mkdir()
    with pytest.raises(FileNotFoundError):
        resources.resources_root()
