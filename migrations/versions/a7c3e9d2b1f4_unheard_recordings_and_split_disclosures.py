"""Alerts for voice messages nobody could turn into words, and for a disclosure split across several texts

Revision ID: a7c3e9d2b1f4
Revises: a16b0c7e1d2f
"""
from alembic import op
import sqlalchemy as sa


revision = 'a7c3e9d2b1f4'
down_revision = 'a16b0c7e1d2f'
branch_labels = None
depends_on = None

TRIGGERS = "'screening', 'unsafe_choice'"
KINDS = "'raised', 'renotified', 'escalated', 'acknowledged', 'action_recorded', 'closed', 'also_stored'"


def _checks(triggers, kinds):
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_safeguarding_alerts_trigger_trigger'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_safeguarding_alerts_trigger_trigger'),
                                         sa.text(f"trigger IN ({triggers})"))
    with op.batch_alter_table('safeguarding_alert_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_safeguarding_alert_events_kind_eventkind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_safeguarding_alert_events_kind_eventkind'),
                                         sa.text(f"kind IN ({kinds})"))


def upgrade():
    _checks(TRIGGERS + ", 'unheard_recording'", KINDS + ", 'earlier_part'")


def downgrade():
    _checks(TRIGGERS, KINDS)
