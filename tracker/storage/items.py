"""Queries over stored items (commitments), with plain keyword filters.

"Active" here is `tracker.domain.status.is_active` as SQL: the status is one of
ACTIVE_STATUSES and the item is not rejected in review.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_

from tracker.domain.model import ReviewState
from tracker.domain.status import ACTIVE_STATUSES
from tracker.storage import models as m

__all__ = ["active_condition", "not_rejected"]

_ACTIVE_VALUES = sorted(str(status) for status in ACTIVE_STATUSES)


def not_rejected(table: type[m.Commitment] | type[m.Meeting]) -> Any:
    """SQL condition: the item or meeting was not rejected in review."""
    return table.review != str(ReviewState.REJECTED)


def active_condition() -> Any:
    """SQL condition: the item is active (see the module docstring)."""
    return and_(m.Commitment.status.in_(_ACTIVE_VALUES), not_rejected(m.Commitment))
