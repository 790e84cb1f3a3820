"""Automatic fulfilment (issue #4): a meeting that took place closes the item promised for it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from minsk import add_minsk_meeting

from tracker.domain.model import Kind, Window
from tracker.errors import ConflictError
from tracker.services import fulfilment, tracking
from tracker.storage import models as m
from tracker.storage import repo

AT = dt.datetime(2017, 1, 10, 12, 0, tzinfo=dt.UTC)

D = dt.date


def _links(session, item_id):
    return [(link.meeting_id, link.state) for link in fulfilment.list_links(session, commitment_id=item_id)]


def test_meeting_in_the_window_fulfils_the_item(session, add_item, add_meeting):
    item = add_item()
    held = add_meeting(D(2017, 5, 15))
    assert (item.status, item.fulfilled_meeting_id, item.fulfilled_on) == (
        "fulfilled",
        held.id,
        D(2017, 5, 15),
    )
    assert _links(session, item.id) == [(held.id, "auto")]
    why = [h.reason for h in repo.list_history(session, "commitment", item.id) if h.field == "status"]
    assert len(why) == 1 and why[0].startswith(f"fulfilled automatically by meeting #{held.id}")
    assert "within the window 2017-01-01..2017-12-31" in why[0]


def test_meeting_after_the_window_fulfils_it_late(session, add_item, add_meeting):
    item = add_item()
    add_meeting(D(2018, 3, 20))
    domain_item = repo.commitment_to_domain(item)
    assert item.status == "fulfilled"
    from tracker.domain.status import State, derive_state

    assert derive_state(domain_item, D(2018, 6, 1)) is State.FULFILLED_LATE


@pytest.mark.parametrize(
    "changes",
    [
        {"city": "Belgrade"},
        {"parties": ["BY", "RU"]},
        {"kind": Kind.CALL},
    ],
    ids=["other-city", "other-parties", "incompatible-kind"],
)
def test_meeting_that_does_not_fit_changes_nothing(session, add_item, add_meeting, changes):
    item = add_item()
    add_meeting(D(2017, 5, 15), **changes)
    assert item.status == "open" and _links(session, item.id) == []


def test_meeting_before_the_item_was_made_never_fulfils_it(session, add_item, add_meeting):
    add_meeting(D(2016, 10, 5))
    item = add_item()  # compared with the stored meetings too
    add_meeting(D(2016, 9, 1))
    assert item.status == "open" and _links(session, item.id) == []


def test_loosely_compatible_kind_is_only_proposed(session, add_item, add_meeting):
    item = add_item()
    held = add_meeting(D(2017, 5, 15), kind=Kind.TALKS)
    assert item.status == "open"
    [link] = fulfilment.list_links(session, commitment_id=item.id)
    assert (link.meeting_id, link.state) == (held.id, "proposed")
    assert "only loosely fits" in link.reason


def test_open_ended_item_is_only_proposed(session, add_item, add_meeting):
    item = add_item(window=Window.open("at an early date"))
    add_meeting(D(2017, 5, 15))
    assert item.status == "open" and _links(session, item.id)[0][1] == "proposed"


def test_one_meeting_fitting_two_items_proposes_both(session, add_item, add_meeting):
    first, second = add_item(), add_item(title="same round, reported again")
    add_meeting(D(2017, 5, 15))
    assert (first.status, second.status) == ("open", "open")
    assert [state for _, state in _links(session, first.id) + _links(session, second.id)] == ["proposed"] * 2


def test_item_added_after_its_meeting_is_matched(session, add_item, add_meeting):
    """Press releases do not arrive in order: an item is compared with the meetings already stored."""
    held = add_meeting(D(2017, 5, 15))
    add_meeting(D(2018, 4, 1))  # a later round, late for this item: the one in the window wins
    item = add_item()
    assert (item.status, item.fulfilled_meeting_id) == ("fulfilled", held.id)
    assert sorted(state for _, state in _links(session, item.id)) == ["auto", "proposed"]


def test_rescheduled_item_is_fulfilled_at_its_new_window(session, add_item, add_meeting):
    item = add_item()
    tracking.reschedule_item(
        session, item.id, Window(D(2018, 1, 1), D(2018, 6, 30), "half", "first half of 2018"), at=AT
    )
    add_meeting(D(2018, 5, 1))
    assert item.status == "fulfilled" and item.fulfilled_on == D(2018, 5, 1)


def test_rejecting_an_automatic_link_reopens_the_item_with_its_old_status(session, add_item, add_meeting):
    item = add_item()
    tracking.reschedule_item(
        session, item.id, Window(D(2018, 1, 1), D(2018, 6, 30), "half", "h1 2018"), at=AT
    )
    held = add_meeting(D(2018, 5, 1))
    [link] = fulfilment.list_links(session, commitment_id=item.id)
    fulfilment.reject_link(session, link.id, at=AT)
    assert (item.status, item.fulfilled_meeting_id, item.fulfilled_on) == ("rescheduled", None, None)
    assert link.state == "rejected"
    # A rejected pair is never proposed again, even when the meeting is edited.
    tracking.edit_meeting(session, held.id, {"title": "5th round"}, at=AT)
    tracking.edit_meeting(session, held.id, {"start_date": D(2018, 5, 2), "end_date": D(2018, 5, 2)}, at=AT)
    assert _links(session, item.id) == [(held.id, "rejected")] and item.status == "rescheduled"


def test_confirming_a_proposed_link_fulfils_the_item(session, add_item, add_meeting):
    item = add_item()
    held = add_meeting(D(2017, 5, 15), kind=Kind.TALKS)
    [link] = fulfilment.list_links(session, commitment_id=item.id)
    fulfilment.confirm_link(session, link.id, at=AT)
    assert (item.status, item.fulfilled_meeting_id, link.state) == ("fulfilled", held.id, "confirmed")


def test_a_proposed_link_cannot_be_confirmed_once_the_item_is_fulfilled_otherwise(
    session, add_item, add_meeting
):
    item = add_item()
    add_meeting(D(2017, 4, 1), kind=Kind.TALKS)
    add_meeting(D(2017, 5, 15))
    proposed = [
        link for link in fulfilment.list_links(session, commitment_id=item.id) if link.state == "proposed"
    ]
    with pytest.raises(ConflictError, match="already fulfilled"):
        fulfilment.confirm_link(session, proposed[0].id, at=AT)


def test_done_by_the_same_meeting_confirms_the_automatic_link(session, add_item, add_meeting):
    item = add_item()
    held = add_meeting(D(2017, 5, 15))
    tracking.complete_item(session, item.id, meeting_id=held.id, at=AT)
    assert _links(session, item.id) == [(held.id, "confirmed")]


def test_rejected_meeting_fulfils_nothing(session, add_item, add_meeting):
    item = add_item()
    add_meeting(D(2017, 5, 15), review="rejected")
    assert item.status == "open" and _links(session, item.id) == []


def test_no_link_is_written_twice(session, add_item, add_meeting):
    item = add_item(window=Window.open())
    held = add_meeting(D(2017, 5, 15))
    fulfilment.match_fulfilments(session, held, at=AT)
    fulfilment.match_item(session, item, at=AT)
    assert session.query(m.FulfilmentLink).count() == 1


# Through ingest: the must-show cases of issue #4, with press releases written for the tests.

MINSK_2017 = (
    "On 15 May 2017, regular political consultations between the Ministry of Foreign Affairs of the "
    "Republic of Serbia and the Ministry of Foreign Affairs of the Republic of Belarus were held in Minsk."
)
MINSK_2018 = (
    "On 20 March 2018, regular political consultations between the Ministry of Foreign Affairs of the "
    "Republic of Serbia and the Ministry of Foreign Affairs of the Republic of Belarus were held in Minsk."
)
BELGRADE_2017 = (
    "On 15 May 2017, regular political consultations between the Ministry of Foreign Affairs of the "
    "Republic of Serbia and the Ministry of Foreign Affairs of the Republic of Belarus were held in "
    "Belgrade."
)
MINSK_2016 = (
    "On 14 March 2016, regular political consultations between the Ministry of Foreign Affairs of the "
    "Republic of Serbia and the Ministry of Foreign Affairs of the Republic of Belarus were held in Minsk."
)


def _ingest_second(cli, seed_path, tmp_path, text, *, first_the_seed=True):
    release = tmp_path / "second-release.txt"
    release.write_text(text + "\n", encoding="utf-8")
    order = [seed_path, release] if first_the_seed else [release, seed_path]
    for path in order:
        result = cli("ingest", path)
        assert result.exit_code == 0, result.stderr
    items = json.loads(cli("items", "list", "--json", today="2019-01-01").stdout)
    minsk = [i for i in items if i["city"] == "Minsk"]
    assert len(minsk) == 1, items
    return minsk[0]


def test_ingested_minsk_round_in_2017_fulfils_the_seed_item(cli, seed_path, tmp_path):
    item = _ingest_second(cli, seed_path, tmp_path, MINSK_2017)
    assert (item["status"], item["state"], item["fulfilled_on"]) == ("fulfilled", "fulfilled", "2017-05-15")
    shown = json.loads(cli("items", "show", item["id"], "--json").stdout)
    assert [link["state"] for link in shown["links"]] == ["auto"]
    assert any("fulfilled automatically" in h["reason"] for h in shown["history"])


def test_ingested_minsk_round_in_2018_fulfils_it_late(cli, seed_path, tmp_path):
    item = _ingest_second(cli, seed_path, tmp_path, MINSK_2018)
    assert (item["status"], item["state"], item["fulfilled_on"]) == (
        "fulfilled",
        "fulfilled_late",
        "2018-03-20",
    )


def test_ingested_belgrade_round_does_not_fulfil_the_minsk_item(cli, seed_path, tmp_path):
    item = _ingest_second(cli, seed_path, tmp_path, BELGRADE_2017)
    assert item["status"] == "open" and item["fulfilled_meeting"] is None


@pytest.mark.parametrize("first_the_seed", [True, False], ids=["seed-first", "seed-last"])
def test_ingested_round_before_6_october_2016_never_fulfils_it(cli, seed_path, tmp_path, first_the_seed):
    item = _ingest_second(cli, seed_path, tmp_path, MINSK_2016, first_the_seed=first_the_seed)
    assert item["status"] == "open"
    assert json.loads(cli("review", "list", "--json").stdout)["links"] == []


def test_ingest_order_does_not_matter_for_a_fulfilment(cli, seed_path, tmp_path):
    item = _ingest_second(cli, seed_path, tmp_path, MINSK_2017, first_the_seed=False)
    assert (item["status"], item["fulfilled_on"]) == ("fulfilled", "2017-05-15")


def test_hand_added_meeting_through_the_cli_fulfils_the_seed_item(cli, seed_path):
    cli("ingest", seed_path)
    added = add_minsk_meeting(cli, start="2017-05-15")
    assert added.exit_code == 0, added.stderr
    assert "fulfils item #1 (link #1)" in added.stdout
    late = json.loads(cli("items", "show", "1", "--json", today="2018-01-02").stdout)
    assert (late["state"], late["days_overdue"]) == ("fulfilled", 0)
