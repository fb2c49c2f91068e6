"""Promise checks record whether the young person's social worker gave them the promise and explained it

Revision ID: a14c0ffee002
Revises: a14c0ffee001
Create Date: 2026-12-02 19:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a14c0ffee002'
down_revision = 'a14c0ffee001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('promise_information', sa.Enum('yes', 'no', 'not_sure', name='promiseinformation',
                                                                     native_enum=False, create_constraint=True,
                                                                     length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_promise_checks_promise_information_promiseinformation'),
                                 type_='check')
        batch_op.drop_column('promise_information')
