"""Give a claimed text a lease (claimed_at) so only a dead worker's claim is recovered; index sent_at for pacing

Revision ID: a11c1a1me001
Revises: a14c0ffee004
Create Date: 2026-12-02 18:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a11c1a1me001'
down_revision = 'a14c0ffee004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbound_messages_sent_at'), ['sent_at'], unique=False)


def downgrade():
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_messages_sent_at'))
        batch_op.drop_column('claimed_at')
