"""The data inventory names every column's purpose, sensitivity, lawful basis and retention (PRIV-03)."""
from pathlib import Path

import pytest
import yaml

from voiceapp.extensions import db

INVENTORY = yaml.safe_load((Path(__file__).resolve().parent.parent / "docs" / "data-inventory.yml").read_text())
SENSITIVITIES = {"public", "internal", "personal", "special", "secret"}


def model_columns(app):
    return {table.name: {c.name for c in table.columns} for table in db.metadata.tables.values()}


def test_every_table_is_in_the_inventory_and_nothing_stale_is(app):
    assert set(INVENTORY["tables"]) == set(model_columns(app))


def test_every_column_is_in_the_inventory_and_nothing_stale_is(app):
    for table, columns in model_columns(app).items():
        assert set(INVENTORY["tables"][table]["columns"]) == columns, table


@pytest.mark.parametrize("table", sorted(INVENTORY["tables"]))
def test_each_table_states_lawful_basis_retention_and_subject_link(table):
    entry = INVENTORY["tables"][table]
    assert entry["lawful_basis"] in INVENTORY["lawful_bases"]
    assert entry["retention"]
    assert isinstance(entry["subject_linked"], bool)
    for column, facts in entry["columns"].items():
        assert facts["purpose"], f"{table}.{column}"
        assert facts["sensitivity"] in SENSITIVITIES, f"{table}.{column}"
