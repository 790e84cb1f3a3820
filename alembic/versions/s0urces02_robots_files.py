"""Hosts' robots.txt as a poll last read it, reused for a day (tracker sources, issue #12)

Revision ID: s0urces02
Revises: s0urces01
Create Date: 2026-12-03 07:16:00
"""

import sqlalchemy as sa

from alembic import op

revision = "s0urces02"
down_revision = "s0urces01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "robots_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_robots_files")),
        sa.UniqueConstraint("host", name=op.f("uq_robots_files_host")),
    )


def downgrade() -> None:
    op.drop_table("robots_files")
