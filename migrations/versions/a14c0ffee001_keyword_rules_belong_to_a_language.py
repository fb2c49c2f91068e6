"""Keyword rules belong to a language, so Arabic (and any language added later) is themed by its own rules

Revision ID: a14c0ffee001
Revises: 8c1d2e3f4a5b
Create Date: 2026-12-02 18:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a14c0ffee001'
down_revision = '8c1d2e3f4a5b'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme_keyword_rules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=False, server_default='en'))
        batch_op.drop_constraint('uq_theme_keyword_rules_priority_id_keyword', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_theme_keyword_rules_priority_id_language_keyword'),
                                          ['priority_id', 'language', 'keyword'])


def downgrade():
    with op.batch_alter_table('theme_keyword_rules', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_theme_keyword_rules_priority_id_language_keyword'), type_='unique')
        batch_op.create_unique_constraint('uq_theme_keyword_rules_priority_id_keyword', ['priority_id', 'keyword'])
        batch_op.drop_column('language')
