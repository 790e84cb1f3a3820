"""The tracker's vocabulary: meetings that took place and commitments to follow up.

Plain dataclasses and enums with no I/O. Words and values follow the extraction
contract (kind, firmness, precision, parties, evidence). Dates are inclusive:
a one-day meeting has end == start, a window ends on its last valid day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Kind",
    "Firmness",
    "Precision",
    "Status",
    "ReviewState",
    "Window",
    "Evidence",
    "Participant",
    "Meeting",
    "Commitment",
    "COMMITMENT_RECORD_FIELDS",
    "Extraction",
]


class Kind(StrEnum):
    CONSULTATIONS = "consultations"
    VISIT = "visit"
    MEETING = "meeting"
    TALKS = "talks"
    SUMMIT = "summit"
    COMMISSION = "commission"
    CALL = "call"
    SIGNING = "signing"
    OTHER = "other"


class Firmness(StrEnum):
    AGREED = "agreed"
    IN_PRINCIPLE = "in_principle"
    PLANNED = "planned"
    PROPOSED = "proposed"
    INVITED = "invited"


class Precision(StrEnum):
    DAY = "day"
    DAYS = "days"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"
    DEADLINE = "deadline"
    VAGUE = "vague"
    OPEN = "open"


class Status(StrEnum):
    """Stored status of a commitment; overdue / due soon are derived, never stored."""

    OPEN = "open"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


class LinkState:
    """States of a fulfilment link: proposed -> confirmed | rejected; auto -> confirmed | rejected."""

    PROPOSED = "proposed"
    AUTO = "auto"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    PENDING = ("proposed", "auto")


class ReviewState(StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Window:
    """A closed interval of dates in which a commitment is due.

    An `open` window has neither start nor end. Any other window has both, with
    start <= end.
    """

    start: dt.date | None
    end: dt.date | None
    precision: Precision = Precision.OPEN
    text: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.precision, Precision):
            object.__setattr__(self, "precision", Precision(self.precision))
        if self.precision is Precision.OPEN:
            if self.start is not None or self.end is not None:
                raise ValueError("an open window has no dates")
            return
        if self.start is None or self.end is None:
            raise ValueError(f"a {self.precision} window needs a start and an end")
        if self.start > self.end:
            raise ValueError(f"window start {self.start} is after its end {self.end}")

    @classmethod
    def open(cls, text: str = "") -> Window:
        return cls(None, None, Precision.OPEN, text)

    @property
    def is_open(self) -> bool:
        return self.precision is Precision.OPEN


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an item was read from, with offsets into the extracted text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: str | None = None
    country: str | None = None


@dataclass(slots=True)
class Meeting:
    """A diplomatic contact that took place (or is fixed for the publication day)."""

    kind: Kind
    start: dt.date
    end: dt.date
    title: str = ""
    city: str | None = None
    country: str | None = None
    timezone: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    evidence: Evidence | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    review: ReviewState = ReviewState.UNREVIEWED
    source: str | None = None
    id: int | None = None
    uid: str | None = None
    sequence: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


@dataclass(slots=True)
class Commitment:
    """A forward-looking item the parties agreed, planned, proposed or were invited to do."""

    kind: Kind
    firmness: Firmness
    window: Window
    title: str = ""
    parties: list[str] = field(default_factory=list)
    city: str | None = None
    country: str | None = None
    timezone: str | None = None
    evidence: Evidence | None = None
    status: Status = Status.OPEN
    review: ReviewState = ReviewState.UNREVIEWED
    made_on: dt.date | None = None
    agreed_meeting_uid: str | None = None
    fulfilled_meeting_uid: str | None = None
    fulfilled_on: dt.date | None = None
    source: str | None = None
    id: int | None = None
    uid: str | None = None
    sequence: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    # Read from a text that puts the item off ("the planned visit has been postponed to June"): ingest
    # reschedules the stored item it names instead of adding a second one.
    postponed: bool = False

    @property
    def stored_id(self) -> int:
        """The id of an item read from the database; asking it of an item never stored is a bug."""
        if self.id is None:
            raise ValueError(f"item {self.title!r} was never stored: it has no id")
        return self.id


# A stored commitment's fields as every record of it names and orders them (`--json`, the JSON the
# database writes for long lists); the fields derived on a day (state, days overdue) come after.
# `window` holds start, end, precision and text; `agreed_meeting`/`fulfilled_meeting` are meeting uids;
# `evidence` is the sentence's text.
COMMITMENT_RECORD_FIELDS = (
    "id",
    "uid",
    "kind",
    "title",
    "firmness",
    "parties",
    "city",
    "country",
    "status",
    "review",
    "window",
    "made_on",
    "agreed_meeting",
    "fulfilled_meeting",
    "fulfilled_on",
    "source",
    "evidence",
)


@dataclass
class Extraction:
    """What the extractor read from one document."""

    published: dt.date | None
    meetings: list[Meeting] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    title: str | None = None
    language: str = "en"  # ISO 639-1; only English is read for now
