"""Promises link across versions (a lineage key), so a promise's trend carries on in a new version

Revision ID: a14c0ffee003
Revises: a14c0ffee002
Create Date: 2026-12-02 19:35:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a14c0ffee003'
down_revision = 'a14c0ffee002'
branch_labels = None
depends_on = None


def upgrade():
    # Filled by `flask seed` for the sets it knows (the keys in voiceapp/promises/data), and by staff for others.
    with op.batch_alter_table('promises', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lineage', sa.String(length=80), nullable=True))
        batch_op.create_index(batch_op.f('ix_promises_lineage'), ['lineage'], unique=False)


def downgrade():
    with op.batch_alter_table('promises', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promises_lineage'))
        batch_op.drop_column('lineage')
