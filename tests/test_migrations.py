"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""
import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from tests.conftest import base_config, reset_schema
from voiceapp import create_app
from voiceapp.extensions import db

MIGRATIONS = os.path.join(os.path.dirname(__file__), "..", "migrations")


def migrated_app(database_url, tmp_path):
    """A database of its own, built only by the migrations."""
    if database_url.startswith("postgres"):
        url = database_url + ("&" if "?" in database_url else "?") + "options=-csearch_path%3Dmigration_check"
    else:
        url = f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    app = create_app(base_config(url))
    with app.app_context():
        reset_schema(db.engine, "migration_check")
    return app


def test_the_migrations_build_exactly_what_the_models_describe(database_url, tmp_path):
    app = migrated_app(database_url, tmp_path)
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        downgrade(directory=MIGRATIONS, revision="base")
        db.engine.dispose()


def test_constraint_names_follow_the_naming_convention(app):
    for table in db.metadata.tables.values():
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"
