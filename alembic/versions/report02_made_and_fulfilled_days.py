"""Items: indexes on the day an item was made and on (status, fulfilment day) (issue #16)

Revision ID: report02_made_and_fulfilled_days
Revises: report01_status_window_end
Create Date: 2026-12-03 18:30:00

The weekly report lists the items made in its week and those fulfilled in it. Without
these indexes each was a pass over every item (made: a scan of the table; fulfilled:
every fulfilled item through the status index); with them each reads the week's rows.
"""

from alembic import op

revision = "report02_made_and_fulfilled_days"
down_revision = "report01_status_window_end"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitments_made_on", "commitments", ["made_on"])
    op.create_index("ix_commitments_status_fulfilled_on", "commitments", ["status", "fulfilled_on"])


def downgrade() -> None:
    op.drop_index("ix_commitments_status_fulfilled_on", table_name="commitments")
    op.drop_index("ix_commitments_made_on", table_name="commitments")
