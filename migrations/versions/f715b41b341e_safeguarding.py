"""Safeguarding alerts and their event log

Revision ID: f715b41b341e
Revises: 38c5f657878b
"""
from alembic import op
import sqlalchemy as sa


revision = 'f715b41b341e'
down_revision = '38c5f657878b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('safeguarding_alerts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('young_person_id', sa.Uuid(), nullable=True),
    sa.Column('source_type', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('channel', sa.Enum('web', 'sms', 'voice', name='channel', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('trigger', sa.Enum('screening', 'unsafe_choice', name='trigger', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('status', sa.Enum('open', 'acknowledged', 'closed', name='alertstatus', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by_id', sa.Uuid(), nullable=True),
    sa.Column('action_taken', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Uuid(), nullable=True),
    sa.Column('notify_count', sa.Integer(), nullable=False),
    sa.Column('last_notified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by_id'], ['staff_users.id'], name=op.f('fk_safeguarding_alerts_acknowledged_by_id_staff_users')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['staff_users.id'], name=op.f('fk_safeguarding_alerts_closed_by_id_staff_users')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_safeguarding_alerts_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_alerts')),
    sa.UniqueConstraint('source_type', 'source_id', name=op.f('uq_safeguarding_alerts_source_type_source_id'))
    )
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alerts_young_person_id'), ['young_person_id'], unique=False)
    op.create_table('safeguarding_alert_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('alert_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('raised', 'renotified', 'escalated', 'acknowledged', 'action_recorded', 'closed', 'also_stored', name='eventkind', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('actor_staff_id', sa.Uuid(), nullable=True),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_type', sa.String(length=32), nullable=True),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_staff_id'], ['staff_users.id'], name=op.f('fk_safeguarding_alert_events_actor_staff_id_staff_users')),
    sa.ForeignKeyConstraint(['alert_id'], ['safeguarding_alerts.id'], name=op.f('fk_safeguarding_alert_events_alert_id_safeguarding_alerts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_alert_events'))
    )
    with op.batch_alter_table('safeguarding_alert_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_alert_events_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_alert_events_source_id'), ['source_id'], unique=False)


def downgrade():
    with op.batch_alter_table('safeguarding_alert_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_alert_events_source_id'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_alert_events_alert_id'))
    op.drop_table('safeguarding_alert_events')
    with op.batch_alter_table('safeguarding_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_status'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_alerts_created_at'))
    op.drop_table('safeguarding_alerts')
