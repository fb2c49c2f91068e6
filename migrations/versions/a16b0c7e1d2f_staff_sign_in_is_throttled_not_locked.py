"""Staff sign-in is slowed down per source and account instead of locking the account

The counts now live in the rate limiter's storage (voiceapp/auth/throttle.py), so the per-account lock
columns go.

Revision ID: a16b0c7e1d2f
Revises: a11c1a1me001
Create Date: 2026-12-02 19:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a16b0c7e1d2f'
down_revision = 'a11c1a1me001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_sign_ins')


def downgrade():
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_sign_ins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
