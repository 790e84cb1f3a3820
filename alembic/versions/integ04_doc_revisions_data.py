"""Data: the web address key and revision of the documents stored before they existed (issue #17)

Documents already stored at one address (an edited release ingested twice before
this revision) are all kept, with their meetings and items: they become revisions
1, 2, ... of that address in the order they were stored, so the next text read
there is compared with all of them.

Revision ID: integ04_doc_revisions_data
Revises: integ03_doc_revisions
Create Date: 2026-12-03 12:45:01
"""

import sqlalchemy as sa

from alembic import op
from tracker.domain.identity import url_key

revision = "integ04_doc_revisions_data"
down_revision = "integ03_doc_revisions"
branch_labels = None
depends_on = None

_documents = sa.table(
    "documents",
    sa.column("id", sa.Integer),
    sa.column("source", sa.String),
    sa.column("url_sha256", sa.String(64)),
    sa.column("revision", sa.Integer),
)
_BATCH = 500


def upgrade() -> None:
    connection = op.get_bind()
    revisions: dict[str, int] = {}  # address key -> the last revision given
    last_id = 0
    while True:  # in id order, so that revisions follow the order the texts were stored in
        rows = connection.execute(
            sa.select(_documents.c.id, _documents.c.source)
            .where(_documents.c.id > last_id)
            .order_by(_documents.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        updates = []
        for row in rows:
            key = url_key(row.source)
            if key is not None:
                revisions[key] = revisions.get(key, 0) + 1
                updates.append({"row_id": row.id, "key": key, "number": revisions[key]})
        if updates:
            connection.execute(
                _documents.update()
                .where(_documents.c.id == sa.bindparam("row_id"))
                .values(url_sha256=sa.bindparam("key"), revision=sa.bindparam("number")),
                updates,
            )
        last_id = rows[-1].id


def downgrade() -> None:
    op.execute(_documents.update().values(url_sha256=None, revision=1))
