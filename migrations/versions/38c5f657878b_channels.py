"""Store every inbound text and call first, pace and expire outbound texts

Revision ID: 38c5f657878b
Revises: 47f698b78829
"""
from alembic import op
import sqlalchemy as sa


revision = '38c5f657878b'
down_revision = '47f698b78829'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sms_conversations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('flow', sa.String(length=24), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('privacy_notice_sent', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_conversations')),
    sa.UniqueConstraint('phone_hash', name=op.f('uq_sms_conversations_phone_hash'))
    )
    op.create_table('inbound_sms',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_sid', sa.String(length=64), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('phone_encrypted', sa.Text(), nullable=False),
    sa.Column('young_person_id', sa.Uuid(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('num_segments', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('pending', 'processed', 'failed', name='inboundstatus', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('via_fallback', sa.Boolean(), nullable=False),
    sa.Column('error_code', sa.String(length=16), nullable=True),
    sa.Column('from_spool', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_inbound_sms_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_sms')),
    sa.UniqueConstraint('message_sid', name=op.f('uq_inbound_sms_message_sid'))
    )
    with op.batch_alter_table('inbound_sms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_sms_phone_hash'), ['phone_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_sms_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_sms_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_sms_young_person_id'), ['young_person_id'], unique=False)
    op.create_table('voice_calls',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('call_sid', sa.String(length=64), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('young_person_id', sa.Uuid(), nullable=True),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_voice_calls_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voice_calls')),
    sa.UniqueConstraint('call_sid', name=op.f('uq_voice_calls_call_sid'))
    )
    with op.batch_alter_table('voice_calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voice_calls_phone_hash'), ['phone_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_voice_calls_young_person_id'), ['young_person_id'], unique=False)
    op.create_table('voice_recordings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('recording_sid', sa.String(length=64), nullable=False),
    sa.Column('recording_url', sa.String(length=500), nullable=False),
    sa.Column('duration_seconds', sa.Integer(), nullable=False),
    sa.Column('transcription', sa.Text(), nullable=True),
    sa.Column('stored_path', sa.String(length=300), nullable=True),
    sa.Column('deleted_at_twilio', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_voice_recordings_message_id_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voice_recordings')),
    sa.UniqueConstraint('message_id', name=op.f('uq_voice_recordings_message_id')),
    sa.UniqueConstraint('recording_sid', name=op.f('uq_voice_recordings_recording_sid'))
    )
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('send_after', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('valid_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('segments', sa.Integer(), nullable=False, server_default='1'))
        batch_op.create_index(batch_op.f('ix_outbound_messages_send_after'), ['send_after'], unique=False)
    # Texts queued before pacing existed may go as soon as they are due.
    op.execute("UPDATE outbound_messages SET send_after = created_at WHERE send_after IS NULL")
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.alter_column('send_after', existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade():
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_messages_send_after'))
        batch_op.drop_column('segments')
        batch_op.drop_column('valid_until')
        batch_op.drop_column('send_after')
    op.drop_table('voice_recordings')
    with op.batch_alter_table('voice_calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voice_calls_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_voice_calls_phone_hash'))
    op.drop_table('voice_calls')
    with op.batch_alter_table('inbound_sms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_sms_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_inbound_sms_status'))
        batch_op.drop_index(batch_op.f('ix_inbound_sms_received_at'))
        batch_op.drop_index(batch_op.f('ix_inbound_sms_phone_hash'))
    op.drop_table('inbound_sms')
    op.drop_table('sms_conversations')
