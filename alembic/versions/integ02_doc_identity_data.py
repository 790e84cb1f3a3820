"""Data: fill documents.normalised_sha256 for the documents stored before it existed (issue #17)

Existing near-duplicates keep both rows (their meetings and items may have been
reviewed since); they now share one key, and no further copy is added.

Revision ID: integ02_doc_identity_data
Revises: integ01_doc_identity
Create Date: 2026-12-03 06:50:01
"""

import sqlalchemy as sa

from alembic import op
from tracker.domain.identity import normalised_sha256

revision = "integ02_doc_identity_data"
down_revision = "integ01_doc_identity"
branch_labels = None
depends_on = None

_documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("normalised_sha256", sa.String(64)),
)
_BATCH = 500


def upgrade() -> None:
    connection = op.get_bind()
    last_id = 0
    while True:  # in batches by id: the texts of a large database never sit in memory at once
        rows = connection.execute(
            sa.select(_documents.c.id, _documents.c.text)
            .where(_documents.c.id > last_id, _documents.c.normalised_sha256.is_(None))
            .order_by(_documents.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            _documents.update()
            .where(_documents.c.id == sa.bindparam("row_id"))
            .values(normalised_sha256=sa.bindparam("key")),
            [{"row_id": row.id, "key": normalised_sha256(row.text)} for row in rows],
        )
        last_id = rows[-1].id


def downgrade() -> None:
    op.execute(_documents.update().values(normalised_sha256=None))
