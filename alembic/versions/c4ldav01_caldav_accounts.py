"""CalDAV accounts and what was pushed to each (issue 13)

Revision ID: c4ldav01
Revises: s0urces02
Create Date: 2026-12-03 07:20:00

Accounts keep where their password comes from (an environment variable's name or
a command), never the password. Each pushed component is remembered with its
href, the server's ETag and a hash of the bytes pushed, for conditional writes
and for syncs that send nothing when nothing changed.
"""

import sqlalchemy as sa

from alembic import op

revision = "c4ldav01"
down_revision = "s0urces02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caldav_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=True),
        sa.Column("auth_env", sa.String(length=200), nullable=True),
        sa.Column("auth_cmd", sa.Text(), nullable=True),
        sa.Column("sync_token", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caldav_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_caldav_accounts_name")),
    )
    op.create_table(
        "caldav_objects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("etag", sa.String(length=200), nullable=True),
        sa.Column("pushed_hash", sa.String(length=64), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("pushed_status", sa.String(length=20), nullable=True),
        sa.Column("pushed_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["caldav_accounts.id"],
            name=op.f("fk_caldav_objects_account_id_caldav_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caldav_objects")),
        sa.UniqueConstraint("account_id", "uid", name="uq_caldav_objects_account_uid"),
    )


def downgrade() -> None:
    op.drop_table("caldav_objects")
    op.drop_table("caldav_accounts")
