"""Sources: which poll is reading a source now, and until when (issue #12, overlapping cron runs)

Revision ID: ingestfast01
Revises: c4ldav01
Create Date: 2026-12-03 10:10:00

A poll claims each source it reads for a while (a lease); a second poll started
meanwhile (cron, by hand) skips the source and says so. A lease that ran out (the
poll was killed) is claimed again by the next poll.
"""

import sqlalchemy as sa

from alembic import op

revision = "ingestfast01"
down_revision = "c4ldav01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("poll_holder", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("poll_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("poll_until")
        batch.drop_column("poll_holder")
