"""A young person's worker (who passes on answers asked for "through my worker"), and where each reply went

Revision ID: b11a0c4d7e21
Revises: 4777386c3721
"""
from alembic import op
import sqlalchemy as sa


revision = 'b11a0c4d7e21'
down_revision = '4777386c3721'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('worker_name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('worker_email', sa.String(length=254), nullable=True))
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('delivered_to', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('pass_on_by', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.drop_column('pass_on_by')
        batch_op.drop_column('delivered_to')
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_column('worker_email')
        batch_op.drop_column('worker_name')
