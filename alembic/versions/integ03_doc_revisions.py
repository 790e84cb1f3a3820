"""Documents: url_sha256 and revision, a release's web address and which text of it each row is (issue #17)

Schema only; `integ04_doc_revisions_data` fills both for the documents already
stored. Unique per (address, revision): an address has one document per
revision, while several rows may share an address. The index holds on upgrade:
rows are still null here (nulls never collide), and the data step numbers the
rows of one address 1, 2, 3 by id, so duplicates stored before are kept.

Revision ID: integ03_doc_revisions
Revises: ingestfast02
Create Date: 2026-12-03 12:45:00
"""

import sqlalchemy as sa

from alembic import op

revision = "integ03_doc_revisions"
down_revision = "ingestfast02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_index("ix_documents_url_revision", ["url_sha256", "revision"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_url_revision")
        batch_op.drop_column("revision")
        batch_op.drop_column("url_sha256")
