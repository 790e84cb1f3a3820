"""Documents: normalised_sha256, the identity of a release whatever its form (issue #17)

Schema only: a nullable, indexed column. `integ02_doc_identity_data` fills it
for the documents already stored. Not unique: a database may already hold the
same release twice (stored before this revision), and ingests take turns, so the
look-up before an insert is enough.

Revision ID: integ01_doc_identity
Revises: 0001
Create Date: 2026-12-03 06:50:00
"""

import sqlalchemy as sa

from alembic import op

revision = "integ01_doc_identity"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("normalised_sha256", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_documents_normalised_sha256"), ["normalised_sha256"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_normalised_sha256"))
        batch_op.drop_column("normalised_sha256")
