"""Paraphrase sets for rules read off blind18 once it became dev data (#11, thirteenth session). None of
the phrasings is from a corpus."""

import datetime as dt

import pytest
from lead_sentence import items_after_lead

from tracker.domain.model import Precision

D = dt.date


# PUBLISHED is a Wednesday (2024-03-06): Monday and Tuesday ahead are 11 and 12 March.
@pytest.mark.parametrize(
    "text",
    [
        "The annual forum of the two countries is scheduled for Monday and Tuesday.",
        "Their foreign ministers will meet again on Monday and Tuesday in Abuja.",
        "A joint commission session is to be held on 11 and 12 March.",
        "The two delegations are due to hold talks on Monday and Tuesday next week.",
        "Ghana will host the next round of consultations on March 11 and March 12.",
    ],
)
def test_an_item_over_two_days_in_a_row_has_both(text):
    [item] = items_after_lead(text)
    assert (item.window.start, item.window.end, item.window.precision) == (
        D(2024, 3, 11),
        D(2024, 3, 12),
        Precision.DAYS,
    )
