"""Escalate Tell Us messages: deadlines, outcomes, complaint stages, locks, approved replies, satisfaction and praise

Revision ID: 95fda3e0ca50
Revises: f715b41b341e
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '95fda3e0ca50'
down_revision = 'f715b41b341e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reply_templates',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=False),
    sa.Column('updated_by_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff_users.id'], name=op.f('fk_reply_templates_created_by_id_staff_users')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['staff_users.id'], name=op.f('fk_reply_templates_updated_by_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reply_templates'))
    )
    with op.batch_alter_table('reply_templates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reply_templates_language'), ['language'], unique=False)
    op.create_table('complaint_stages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_by_id', sa.Uuid(), nullable=False),
    sa.Column('extended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('extension_reason', sa.String(length=500), nullable=True),
    sa.Column('panel_held_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('panel_reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.Enum('resolved', 'partly_resolved', 'not_upheld', 'referred_to_complaints', 'praise_passed_on', name='outcome', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_complaint_stages_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['started_by_id'], ['staff_users.id'], name=op.f('fk_complaint_stages_started_by_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_stages')),
    sa.UniqueConstraint('message_id', 'number', name=op.f('uq_complaint_stages_message_id_number'))
    )
    with op.batch_alter_table('complaint_stages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_stages_message_id'), ['message_id'], unique=False)
    op.create_table('message_deadline_notices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('deadline', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_deadline_notices_message_id_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_deadline_notices')),
    sa.UniqueConstraint('message_id', 'deadline', 'kind', 'due_at', name=op.f('uq_message_deadline_notices_message_id_deadline_kind_due_at'))
    )
    with op.batch_alter_table('message_deadline_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_deadline_notices_message_id'), ['message_id'], unique=False)
    op.create_table('praise_passed_on',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('person_name', sa.String(length=200), nullable=False),
    sa.Column('manager_email', sa.String(length=254), nullable=False),
    sa.Column('passed_by_id', sa.Uuid(), nullable=False),
    sa.Column('passed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_praise_passed_on_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['passed_by_id'], ['staff_users.id'], name=op.f('fk_praise_passed_on_passed_by_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_praise_passed_on'))
    )
    with op.batch_alter_table('praise_passed_on', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_praise_passed_on_message_id'), ['message_id'], unique=False)
    op.create_table('satisfaction_answers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('answer', sa.Enum('yes', 'partly', 'no', name='satisfaction', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('reply_id', sa.Uuid(), nullable=True),
    sa.Column('outcome', sa.Enum('resolved', 'partly_resolved', 'not_upheld', 'referred_to_complaints', 'praise_passed_on', name='outcome', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('channel', sa.Enum('web', 'sms', 'voice', name='channel', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_satisfaction_answers_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reply_id'], ['message_replies.id'], name=op.f('fk_satisfaction_answers_reply_id_message_replies'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_satisfaction_answers'))
    )
    with op.batch_alter_table('satisfaction_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_satisfaction_answers_message_id'), ['message_id'], unique=False)
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('reply', 'update', 'letter', 'satisfaction_question', name='entrykind', native_enum=False, create_constraint=True, length=40), nullable=False, server_default='reply'))
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ack_due_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('response_due_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('extended_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('extension_reason', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.Enum('resolved', 'partly_resolved', 'not_upheld', 'referred_to_complaints', 'praise_passed_on', name='outcome', native_enum=False, create_constraint=True, length=40), nullable=True))
        batch_op.add_column(sa.Column('reply_lock_staff_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('reply_lock_expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('complaint_stage', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('advocacy_offered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('satisfaction_asked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_messages_ack_due_at'), ['ack_due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_response_due_at'), ['response_due_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_messages_reply_lock_staff_id_staff_users'), 'staff_users', ['reply_lock_staff_id'], ['id'])
    _backfill_deadlines()
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.alter_column('ack_due_at', existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.alter_column('response_due_at', existing_type=sa.DateTime(timezone=True), nullable=False)
    # Bulk texts to a young person with something open are now held (status "held").
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_outbound_messages_status_outboundstatus'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_outbound_messages_status_outboundstatus'), sa.text(
            "status IN ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'suppressed', "
            "'expired', 'held')"))


def _backfill_deadlines():
    """Messages received before time limits existed get theirs, counted in working days from receipt."""
    from voiceapp.tellus.deadlines import deadline_at
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, received_at FROM messages WHERE ack_due_at IS NULL")).all()
    for row in rows:
        received = row.received_at
        if isinstance(received, str):          # SQLite hands raw SQL back as text
            received = datetime.fromisoformat(received)
        if received.tzinfo is None:
            received = received.replace(tzinfo=timezone.utc)
        bind.execute(sa.text("UPDATE messages SET ack_due_at = :ack, response_due_at = :response WHERE id = :id"),
                     {"ack": deadline_at(received, 1), "response": deadline_at(received, 10), "id": row.id})


def downgrade():
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_outbound_messages_status_outboundstatus'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_outbound_messages_status_outboundstatus'), sa.text(
            "status IN ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'suppressed', "
            "'expired')"))
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_messages_reply_lock_staff_id_staff_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_messages_response_due_at'))
        batch_op.drop_index(batch_op.f('ix_messages_ack_due_at'))
        batch_op.drop_column('satisfaction_asked_at')
        batch_op.drop_column('advocacy_offered_at')
        batch_op.drop_column('complaint_stage')
        batch_op.drop_column('reply_lock_expires_at')
        batch_op.drop_column('reply_lock_staff_id')
        batch_op.drop_constraint(batch_op.f('ck_messages_outcome_outcome'), type_='check')
        batch_op.drop_column('outcome')
        batch_op.drop_column('extension_reason')
        batch_op.drop_column('extended_at')
        batch_op.drop_column('response_due_at')
        batch_op.drop_column('ack_due_at')
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_message_replies_kind_entrykind'), type_='check')
        batch_op.drop_column('kind')
    with op.batch_alter_table('satisfaction_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_satisfaction_answers_message_id'))
    op.drop_table('satisfaction_answers')
    with op.batch_alter_table('praise_passed_on', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_praise_passed_on_message_id'))
    op.drop_table('praise_passed_on')
    with op.batch_alter_table('message_deadline_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_deadline_notices_message_id'))
    op.drop_table('message_deadline_notices')
    with op.batch_alter_table('complaint_stages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_stages_message_id'))
    op.drop_table('complaint_stages')
    with op.batch_alter_table('reply_templates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reply_templates_language'))
    op.drop_table('reply_templates')
