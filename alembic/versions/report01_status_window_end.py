"""Items: an index on (status, window end) for the reads of active items in window order (issue #16)

Revision ID: report01_status_window_end
Revises: integ04_doc_revisions_data
Create Date: 2026-12-03 15:55:00

The weekly report reads each partner's first open items soonest window end first, and
the items due nearest to today. With this index each active status is read in window
end order (then by id, the row id ending every index entry) and stops early, instead
of sorting every active item first.
"""

from alembic import op

revision = "report01_status_window_end"
down_revision = "integ04_doc_revisions_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitments_status_window_end", "commitments", ["status", "window_end"])


def downgrade() -> None:
    op.drop_index("ix_commitments_status_window_end", table_name="commitments")
