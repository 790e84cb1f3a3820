"""Watched sources (tracker sources, issue #12) and the article URLs their polls have handled

Revision ID: s0urces01
Revises: integ02_doc_identity_data
Create Date: 2026-12-03 06:40:09.100854
"""

import sqlalchemy as sa

from alembic import op

revision = "s0urces01"
down_revision = "integ02_doc_identity_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("fetch_url", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parties", sa.String(length=200), nullable=False),
        sa.Column("links_pattern", sa.String(length=500), nullable=True),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status", sa.String(length=20), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_new", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("redirects", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "source_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url_sha256", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_source_entries_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_entries_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_entries")),
        sa.UniqueConstraint("url_sha256", name=op.f("uq_source_entries_url_sha256")),
    )
    with op.batch_alter_table("source_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_entries_source_id"), ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("source_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_entries_source_id"))

    op.drop_table("source_entries")
    op.drop_table("sources")
