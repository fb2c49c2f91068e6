"""A caller can ask for a call back as the way to hear our answer

Revision ID: c11b7d2e9a30
Revises: b11a0c4d7e21
"""
from alembic import op
import sqlalchemy as sa


revision = 'c11b7d2e9a30'
down_revision = 'b11a0c4d7e21'
branch_labels = None
depends_on = None


def _allow(values):
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_messages_reply_channel_replychannel'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_messages_reply_channel_replychannel'),
                                         sa.text(f"reply_channel IN ({values})"))


def upgrade():
    _allow("'sms', 'web', 'worker', 'call'")


def downgrade():
    op.execute("UPDATE messages SET reply_channel = 'web' WHERE reply_channel = 'call'")
    _allow("'sms', 'web', 'worker'")
