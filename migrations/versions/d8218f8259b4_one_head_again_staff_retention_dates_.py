"""One head again: staff retention dates (hret) and translated report actions landed side by side

Revision ID: d8218f8259b4
Revises: b13a5c7e2d41, ecfe6e62d620
Create Date: 2026-12-07 15:48:49.748802

"""

# revision identifiers, used by Alembic.
revision = 'd8218f8259b4'
down_revision = ('b13a5c7e2d41', 'ecfe6e62d620')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
