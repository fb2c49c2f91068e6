"""Thread entries keep their own order (entries written in one step share a timestamp)

Revision ID: 8c1d2e3f4a5b
Revises: 31b7f41b93e6
Create Date: 2026-11-23 13:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '8c1d2e3f4a5b'
down_revision = '31b7f41b93e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=True))
    # Existing threads are numbered in the order they were written (ties, which could not be told apart
    # before, by id, so every thread gets a stable order).
    op.execute("""
        UPDATE message_replies SET position = (
            SELECT numbered.n FROM (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY message_id ORDER BY created_at, id) - 1 AS n
                FROM message_replies) AS numbered
            WHERE numbered.id = message_replies.id)
    """)
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.alter_column('position', existing_type=sa.Integer(), nullable=False)


def downgrade():
    with op.batch_alter_table('message_replies', schema=None) as batch_op:
        batch_op.drop_column('position')
