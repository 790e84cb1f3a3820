"""The lead sentence the paraphrase sets of #11 read their phrasings after: a meeting already reported,
so that a phrasing's item has the parties and the day of a real release around it."""

import datetime as dt

from tracker.extraction import extract

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday
LEAD = "Ghana and Nigeria held political consultations in Accra on Tuesday. "


def items_after_lead(text, published=PUBLISHED):
    """The commitments read from `text` after the lead sentence."""
    return extract(LEAD + text, published).commitments


def read(text, published=PUBLISHED):
    """The meetings and the commitments read from `text` alone."""
    found = extract(text, published)
    return found.meetings, found.commitments
