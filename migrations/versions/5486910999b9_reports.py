"""Report actions, theme rules and mentions, approved quotes and council priorities

Revision ID: 5486910999b9
Revises: 95fda3e0ca50
"""
from alembic import op
import sqlalchemy as sa


revision = '5486910999b9'
down_revision = '95fda3e0ca50'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('council_comments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('council', sa.Enum('have_a_voice', 'care_leavers', name='council', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('period', sa.String(length=30), nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff_users.id'], name=op.f('fk_council_comments_author_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_council_comments_priority_id_strategic_priorities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_comments'))
    )
    with op.batch_alter_table('council_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_council_comments_period'), ['period'], unique=False)
    op.create_table('council_priorities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('council', sa.Enum('have_a_voice', 'care_leavers', name='council', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('period', sa.String(length=30), nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=False),
    sa.Column('marked_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by_id'], ['staff_users.id'], name=op.f('fk_council_priorities_marked_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_council_priorities_priority_id_strategic_priorities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_priorities')),
    sa.UniqueConstraint('council', 'period', 'priority_id', name=op.f('uq_council_priorities_council_period_priority_id'))
    )
    op.create_table('report_quotes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('young_person_id', sa.Uuid(), nullable=False),
    sa.Column('source_type', sa.Enum('message', 'promise_rating', 'survey_answer', name='quotesource', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('said_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', name='quotestatus', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('proposed_by_id', sa.Uuid(), nullable=True),
    sa.Column('decided_by_id', sa.Uuid(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['staff_users.id'], name=op.f('fk_report_quotes_decided_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_report_quotes_priority_id_strategic_priorities')),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['staff_users.id'], name=op.f('fk_report_quotes_proposed_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_report_quotes_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_quotes')),
    sa.UniqueConstraint('source_type', 'source_id', name=op.f('uq_report_quotes_source_type_source_id'))
    )
    with op.batch_alter_table('report_quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_quotes_said_at'), ['said_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_quotes_young_person_id'), ['young_person_id'], unique=False)
    op.create_table('theme_keyword_rules',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=False),
    sa.Column('keyword', sa.String(length=60), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff_users.id'], name=op.f('fk_theme_keyword_rules_created_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_theme_keyword_rules_priority_id_strategic_priorities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_keyword_rules')),
    sa.UniqueConstraint('priority_id', 'keyword', name=op.f('uq_theme_keyword_rules_priority_id_keyword'))
    )
    with op.batch_alter_table('theme_keyword_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_keyword_rules_priority_id'), ['priority_id'], unique=False)
    op.create_table('report_actions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('what', sa.String(length=500), nullable=False),
    sa.Column('who', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', name='actionstatus', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=True),
    sa.Column('promise_id', sa.Uuid(), nullable=True),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('told_young_people_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('told_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff_users.id'], name=op.f('fk_report_actions_created_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_report_actions_message_id_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_report_actions_priority_id_strategic_priorities')),
    sa.ForeignKeyConstraint(['promise_id'], ['promises.id'], name=op.f('fk_report_actions_promise_id_promises')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_actions'))
    )
    with op.batch_alter_table('report_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_actions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_actions_priority_id'), ['priority_id'], unique=False)
    op.create_table('theme_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('priority_id', sa.Uuid(), nullable=False),
    sa.Column('rule_id', sa.Uuid(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=True),
    sa.Column('rating_id', sa.Uuid(), nullable=True),
    sa.Column('answer_id', sa.Uuid(), nullable=True),
    sa.Column('young_person_id', sa.Uuid(), nullable=False),
    sa.Column('said_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['survey_answers.id'], name=op.f('fk_theme_mentions_answer_id_survey_answers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_theme_mentions_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_theme_mentions_priority_id_strategic_priorities')),
    sa.ForeignKeyConstraint(['rating_id'], ['promise_ratings.id'], name=op.f('fk_theme_mentions_rating_id_promise_ratings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['theme_keyword_rules.id'], name=op.f('fk_theme_mentions_rule_id_theme_keyword_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_theme_mentions_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_mentions'))
    )
    with op.batch_alter_table('theme_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_mentions_answer_id'), ['answer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_mentions_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_mentions_rating_id'), ['rating_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_mentions_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_mentions_said_at'), ['said_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_mentions_young_person_id'), ['young_person_id'], unique=False)


def downgrade():
    with op.batch_alter_table('theme_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_mentions_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_theme_mentions_said_at'))
        batch_op.drop_index(batch_op.f('ix_theme_mentions_rule_id'))
        batch_op.drop_index(batch_op.f('ix_theme_mentions_rating_id'))
        batch_op.drop_index(batch_op.f('ix_theme_mentions_message_id'))
        batch_op.drop_index(batch_op.f('ix_theme_mentions_answer_id'))
    op.drop_table('theme_mentions')
    with op.batch_alter_table('report_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_actions_priority_id'))
        batch_op.drop_index(batch_op.f('ix_report_actions_created_at'))
    op.drop_table('report_actions')
    with op.batch_alter_table('theme_keyword_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_keyword_rules_priority_id'))
    op.drop_table('theme_keyword_rules')
    with op.batch_alter_table('report_quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_quotes_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_report_quotes_said_at'))
    op.drop_table('report_quotes')
    op.drop_table('council_priorities')
    with op.batch_alter_table('council_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_council_comments_period'))
    op.drop_table('council_comments')
