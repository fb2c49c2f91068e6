"""Subject access requests, promise check comments and callers' country codes

Revision ID: 3029e60f196a
Revises: 5486910999b9
"""
from alembic import op
import sqlalchemy as sa


revision = '3029e60f196a'
down_revision = '5486910999b9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('subject_access_requests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('young_person_id', sa.Uuid(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('open', 'completed', name='sarstatus', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('recorded_by_id', sa.Uuid(), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['staff_users.id'], name=op.f('fk_subject_access_requests_recorded_by_id_staff_users')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_subject_access_requests_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subject_access_requests'))
    )
    with op.batch_alter_table('subject_access_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subject_access_requests_young_person_id'), ['young_person_id'], unique=False)
    with op.batch_alter_table('phone_numbers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('country_code', sa.String(length=4), nullable=False, server_default='44'))
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('promise_checks', schema=None) as batch_op:
        batch_op.drop_column('comment')
    with op.batch_alter_table('phone_numbers', schema=None) as batch_op:
        batch_op.drop_column('country_code')
    with op.batch_alter_table('subject_access_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subject_access_requests_young_person_id'))
    op.drop_table('subject_access_requests')
