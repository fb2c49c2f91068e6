"""A "you said, we did" action carries its words in each language, as surveys do

Revision ID: b13a5c7e2d41
Revises: ecfe6e62d620
Create Date: 2026-12-07 15:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'b13a5c7e2d41'
down_revision = 'ecfe6e62d620'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report_actions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('what_translations', sa.JSON(), nullable=False, server_default='{}'))


def downgrade():
    with op.batch_alter_table('report_actions', schema=None) as batch_op:
        batch_op.drop_column('what_translations')
