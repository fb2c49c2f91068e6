"""A promise check can be answered one promise at a time on the website: finished_at marks a finished one

Revision ID: a9e4c2d7b1f0
Revises: a14c0ffee003
Create Date: 2026-12-02 18:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a9e4c2d7b1f0'
down_revision = 'a14c0ffee003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True))
    # Every check before this was sent whole, so it was finished when it was sent.
    op.execute("UPDATE promise_checks SET finished_at = submitted_at")


def downgrade():
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.drop_column('finished_at')
