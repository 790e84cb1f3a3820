"""Items: an index on the city as fulfilment compares it (issue #16)

Revision ID: ingestfast02
Revises: ingestfast01
Create Date: 2026-12-03 10:10:00

Matching a new meeting asks for the active items of its city or of none; with
this index that is one lookup, however many items are stored.
"""

import sqlalchemy as sa

from alembic import op

revision = "ingestfast02"
down_revision = "ingestfast01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitments_city_key", "commitments", [sa.text("coalesce(lower(city), '')")])


def downgrade() -> None:
    op.drop_index("ix_commitments_city_key", table_name="commitments")
