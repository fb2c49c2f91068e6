"""A disabled staff account remembers when, so it can be anonymised a year later (rights/records.py)

Revision ID: ecfe6e62d620
Revises: 00646f663238
Create Date: 2026-12-07 15:35:31.905789

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'ecfe6e62d620'
down_revision = '00646f663238'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(timezone=True), nullable=True))
    # Accounts disabled before this: when is unknown, so their year is counted from now.
    staff = sa.table('staff_users', sa.column('is_active', sa.Boolean),
                     sa.column('disabled_at', sa.DateTime(timezone=True)))
    op.execute(staff.update().where(staff.c.is_active.is_(False)).values(disabled_at=sa.func.current_timestamp()))


def downgrade():
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('anonymised_at')
        batch_op.drop_column('disabled_at')
