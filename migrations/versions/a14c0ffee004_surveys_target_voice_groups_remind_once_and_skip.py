"""Surveys target voice groups, remind non-responders once, skip questions by an earlier answer, and seeded
surveys carry a key

Revision ID: a14c0ffee004
Revises: a9e4c2d7b1f0
Create Date: 2026-12-02 19:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a14c0ffee004'
down_revision = 'a9e4c2d7b1f0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('voice_groups', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('key', sa.String(length=60), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_surveys_key'), ['key'])
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('show_if', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.drop_column('show_if')
    with op.batch_alter_table('surveys', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_surveys_key'), type_='unique')
        batch_op.drop_column('key')
        batch_op.drop_column('reminded_at')
        batch_op.drop_column('voice_groups')
