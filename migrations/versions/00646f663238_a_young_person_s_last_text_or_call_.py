"""A young person's last text or call outlives its record (rights/records.py keeps its moment)

Revision ID: 00646f663238
Revises: 60476d468dee
Create Date: 2026-12-07 15:29:44.069655

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '00646f663238'
down_revision = '60476d468dee'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_contact_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_column('last_contact_at')

