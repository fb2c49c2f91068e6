"""An alert's history records each text sent to the young person from it and each showing of their number

Revision ID: d4e8a1c6b9f2
Revises: c11b7d2e9a30
"""
from alembic import op
import sqlalchemy as sa


revision = 'd4e8a1c6b9f2'
down_revision = 'c11b7d2e9a30'
branch_labels = None
depends_on = None

KINDS = ("'raised', 'renotified', 'escalated', 'acknowledged', 'action_recorded', 'closed', 'also_stored', "
         "'earlier_part'")


def _check(kinds):
    with op.batch_alter_table('safeguarding_alert_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_safeguarding_alert_events_kind_eventkind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_safeguarding_alert_events_kind_eventkind'),
                                         sa.text(f"kind IN ({kinds})"))


def upgrade():
    _check(KINDS + ", 'contacted', 'number_shown'")


def downgrade():
    op.execute("DELETE FROM safeguarding_alert_events WHERE kind IN ('contacted', 'number_shown')")
    _check(KINDS)
