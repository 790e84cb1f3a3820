"""The SQL of `tracker.speed.dbapi`, GENERATED from the Core statements of `tracker.storage` by
`python -m tracker.speed.dbapi_render`: do not edit. tests/speed/test_dbapi.py renders it
again and fails when it differs."""

# ruff: noqa: E501

SCHEMA_HEAD = "report02_made_and_fulfilled_days"

CONDITIONS_MARK = "__CONDITIONS__"

PARTY_SLOTS = 8

STATEMENTS = {
    "sqlite": {
        "items": "SELECT commitments.id AS id, commitments.uid AS uid, commitments.kind AS "
        "kind, commitments.title AS title, commitments.firmness AS firmness, (SELECT "
        "group_concat(commitment_parties.code, ',') AS aggregate_strings_1 \n"
        "FROM commitment_parties \n"
        "WHERE commitment_parties.commitment_id = commitments.id) AS parties, "
        "commitments.city AS city, commitments.country AS country, "
        "commitments.timezone AS timezone, commitments.status AS status, "
        "commitments.review AS review, commitments.window_start AS window_start, "
        "commitments.window_end AS window_end, commitments.window_precision AS "
        "window_precision, commitments.window_text AS window_text, "
        "commitments.made_on AS made_on, meetings_1.uid AS agreed_meeting, "
        "meetings_2.uid AS fulfilled_meeting, commitments.fulfilled_on AS "
        "fulfilled_on, documents.source AS source, commitments.evidence_text AS "
        "evidence, commitments.evidence_start AS evidence_start, "
        "commitments.evidence_end AS evidence_end, commitments.sequence AS sequence, "
        "commitments.created_at AS created_at, commitments.updated_at AS updated_at \n"
        "FROM commitments LEFT OUTER JOIN documents ON documents.id = "
        "commitments.document_id LEFT OUTER JOIN meetings AS meetings_1 ON "
        "meetings_1.id = commitments.agreed_meeting_id LEFT OUTER JOIN meetings AS "
        "meetings_2 ON meetings_2.id = commitments.fulfilled_meeting_id \n"
        "WHERE __CONDITIONS__ ORDER BY commitments.window_end IS NULL, "
        "commitments.window_end, commitments.id",
        "item": "SELECT commitments.id AS id, commitments.uid AS uid, commitments.kind AS "
        "kind, commitments.title AS title, commitments.firmness AS firmness, (SELECT "
        "group_concat(commitment_parties.code, ',') AS aggregate_strings_1 \n"
        "FROM commitment_parties \n"
        "WHERE commitment_parties.commitment_id = commitments.id) AS parties, "
        "commitments.city AS city, commitments.country AS country, "
        "commitments.timezone AS timezone, commitments.status AS status, "
        "commitments.review AS review, commitments.window_start AS window_start, "
        "commitments.window_end AS window_end, commitments.window_precision AS "
        "window_precision, commitments.window_text AS window_text, commitments.made_on "
        "AS made_on, meetings_1.uid AS agreed_meeting, meetings_2.uid AS "
        "fulfilled_meeting, commitments.fulfilled_on AS fulfilled_on, documents.source "
        "AS source, commitments.evidence_text AS evidence, commitments.evidence_start "
        "AS evidence_start, commitments.evidence_end AS evidence_end, "
        "commitments.sequence AS sequence, commitments.created_at AS created_at, "
        "commitments.updated_at AS updated_at \n"
        "FROM commitments LEFT OUTER JOIN documents ON documents.id = "
        "commitments.document_id LEFT OUTER JOIN meetings AS meetings_1 ON "
        "meetings_1.id = commitments.agreed_meeting_id LEFT OUTER JOIN meetings AS "
        "meetings_2 ON meetings_2.id = commitments.fulfilled_meeting_id \n"
        "WHERE commitments.id = :item_id",
        "fulfilling_meeting": "SELECT commitments.fulfilled_meeting_id \n"
        "FROM commitments \n"
        "WHERE commitments.id = :item_id",
        "item_history": "SELECT history.changed_at, history.field, history.old_value, "
        "history.new_value, history.reason \n"
        "FROM history \n"
        "WHERE history.entity = 'commitment' AND history.entity_id = :item_id "
        "ORDER BY history.changed_at, history.id",
        "item_links": "SELECT fulfilment_links.id, fulfilment_links.meeting_id, "
        "fulfilment_links.state, fulfilment_links.reason \n"
        "FROM fulfilment_links \n"
        "WHERE fulfilment_links.commitment_id = :item_id ORDER BY "
        "fulfilment_links.id",
        "possible_matches": "SELECT fulfilment_links.commitment_id, "
        "fulfilment_links.meeting_id \n"
        "FROM fulfilment_links \n"
        "WHERE fulfilment_links.state = 'proposed' ORDER BY "
        "fulfilment_links.id",
        "meetings": "SELECT meetings.id, meetings.uid, meetings.kind, meetings.title, "
        "meetings.start_date, meetings.end_date, meetings.start_time, "
        "meetings.end_time, meetings.city, meetings.country, meetings.timezone, "
        "meetings.document_id, meetings.evidence_text, meetings.evidence_start, "
        "meetings.evidence_end, meetings.review, meetings.sequence, "
        "meetings.created_at, meetings.updated_at, documents.source \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__ ORDER BY meetings.start_date, meetings.id",
        "meeting_parties": "SELECT meeting_parties.meeting_id, meeting_parties.code \n"
        "FROM meeting_parties \n"
        "WHERE meeting_parties.meeting_id IN (SELECT meetings.id \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__) ORDER BY meeting_parties.code",
        "meeting_participants": "SELECT participants.meeting_id, participants.name, "
        "participants.role, participants.country \n"
        "FROM participants \n"
        "WHERE participants.meeting_id IN (SELECT meetings.id \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__) ORDER BY participants.position, "
        "participants.id",
        "could_fulfil": "SELECT EXISTS (SELECT * \nFROM meetings \nWHERE __CONDITIONS__) AS anon_1",
        "insert_item": "INSERT INTO commitments (uid, kind, title, firmness, city, country, "
        "timezone, window_start, window_end, window_precision, window_text, "
        "status, review, made_on, agreed_meeting_id, document_id, "
        "evidence_text, evidence_start, evidence_end, sequence, created_at, "
        "updated_at) VALUES (:uid, :kind, :title, :firmness, :city, :country, "
        ":timezone, :window_start, :window_end, :window_precision, "
        ":window_text, :status, :review, :made_on, :agreed_meeting_id, "
        ":document_id, :evidence_text, :evidence_start, :evidence_end, "
        ":sequence, :created_at, :updated_at) RETURNING id",
        "insert_item_party": "INSERT INTO commitment_parties (commitment_id, code) VALUES "
        "(:commitment_id, :code)",
        "insert_history": "INSERT INTO history (entity, entity_id, field, old_value, "
        "new_value, changed_at, reason) VALUES (:entity, :entity_id, :field, "
        ":old_value, :new_value, :changed_at, :reason)",
    },
    "postgresql": {
        "items": "SELECT commitments.id AS id, commitments.uid AS uid, commitments.kind AS "
        "kind, commitments.title AS title, commitments.firmness AS firmness, "
        "(SELECT string_agg(commitment_parties.code, ',') AS "
        "aggregate_strings_1 \n"
        "FROM commitment_parties \n"
        "WHERE commitment_parties.commitment_id = commitments.id) AS parties, "
        "commitments.city AS city, commitments.country AS country, "
        "commitments.timezone AS timezone, commitments.status AS status, "
        "commitments.review AS review, commitments.window_start AS window_start, "
        "commitments.window_end AS window_end, commitments.window_precision AS "
        "window_precision, commitments.window_text AS window_text, "
        "commitments.made_on AS made_on, meetings_1.uid AS agreed_meeting, "
        "meetings_2.uid AS fulfilled_meeting, commitments.fulfilled_on AS "
        "fulfilled_on, documents.source AS source, commitments.evidence_text AS "
        "evidence, commitments.evidence_start AS evidence_start, "
        "commitments.evidence_end AS evidence_end, commitments.sequence AS "
        "sequence, commitments.created_at AS created_at, commitments.updated_at "
        "AS updated_at \n"
        "FROM commitments LEFT OUTER JOIN documents ON documents.id = "
        "commitments.document_id LEFT OUTER JOIN meetings AS meetings_1 ON "
        "meetings_1.id = commitments.agreed_meeting_id LEFT OUTER JOIN meetings "
        "AS meetings_2 ON meetings_2.id = commitments.fulfilled_meeting_id \n"
        "WHERE __CONDITIONS__ ORDER BY commitments.window_end IS NULL, "
        "commitments.window_end, commitments.id",
        "item": "SELECT commitments.id AS id, commitments.uid AS uid, commitments.kind AS "
        "kind, commitments.title AS title, commitments.firmness AS firmness, "
        "(SELECT string_agg(commitment_parties.code, ',') AS aggregate_strings_1 \n"
        "FROM commitment_parties \n"
        "WHERE commitment_parties.commitment_id = commitments.id) AS parties, "
        "commitments.city AS city, commitments.country AS country, "
        "commitments.timezone AS timezone, commitments.status AS status, "
        "commitments.review AS review, commitments.window_start AS window_start, "
        "commitments.window_end AS window_end, commitments.window_precision AS "
        "window_precision, commitments.window_text AS window_text, "
        "commitments.made_on AS made_on, meetings_1.uid AS agreed_meeting, "
        "meetings_2.uid AS fulfilled_meeting, commitments.fulfilled_on AS "
        "fulfilled_on, documents.source AS source, commitments.evidence_text AS "
        "evidence, commitments.evidence_start AS evidence_start, "
        "commitments.evidence_end AS evidence_end, commitments.sequence AS "
        "sequence, commitments.created_at AS created_at, commitments.updated_at AS "
        "updated_at \n"
        "FROM commitments LEFT OUTER JOIN documents ON documents.id = "
        "commitments.document_id LEFT OUTER JOIN meetings AS meetings_1 ON "
        "meetings_1.id = commitments.agreed_meeting_id LEFT OUTER JOIN meetings AS "
        "meetings_2 ON meetings_2.id = commitments.fulfilled_meeting_id \n"
        "WHERE commitments.id = %(item_id)s",
        "fulfilling_meeting": "SELECT commitments.fulfilled_meeting_id \n"
        "FROM commitments \n"
        "WHERE commitments.id = %(item_id)s",
        "item_history": "SELECT history.changed_at, history.field, history.old_value, "
        "history.new_value, history.reason \n"
        "FROM history \n"
        "WHERE history.entity = 'commitment' AND history.entity_id = "
        "%(item_id)s ORDER BY history.changed_at, history.id",
        "item_links": "SELECT fulfilment_links.id, fulfilment_links.meeting_id, "
        "fulfilment_links.state, fulfilment_links.reason \n"
        "FROM fulfilment_links \n"
        "WHERE fulfilment_links.commitment_id = %(item_id)s ORDER BY "
        "fulfilment_links.id",
        "possible_matches": "SELECT fulfilment_links.commitment_id, "
        "fulfilment_links.meeting_id \n"
        "FROM fulfilment_links \n"
        "WHERE fulfilment_links.state = 'proposed' ORDER BY "
        "fulfilment_links.id",
        "meetings": "SELECT meetings.id, meetings.uid, meetings.kind, meetings.title, "
        "meetings.start_date, meetings.end_date, meetings.start_time, "
        "meetings.end_time, meetings.city, meetings.country, "
        "meetings.timezone, meetings.document_id, meetings.evidence_text, "
        "meetings.evidence_start, meetings.evidence_end, meetings.review, "
        "meetings.sequence, meetings.created_at, meetings.updated_at, "
        "documents.source \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__ ORDER BY meetings.start_date, meetings.id",
        "meeting_parties": "SELECT meeting_parties.meeting_id, meeting_parties.code \n"
        "FROM meeting_parties \n"
        "WHERE meeting_parties.meeting_id IN (SELECT meetings.id \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__) ORDER BY meeting_parties.code",
        "meeting_participants": "SELECT participants.meeting_id, participants.name, "
        "participants.role, participants.country \n"
        "FROM participants \n"
        "WHERE participants.meeting_id IN (SELECT meetings.id \n"
        "FROM meetings LEFT OUTER JOIN documents ON documents.id = "
        "meetings.document_id \n"
        "WHERE __CONDITIONS__) ORDER BY participants.position, "
        "participants.id",
        "could_fulfil": "SELECT EXISTS (SELECT * \nFROM meetings \nWHERE __CONDITIONS__) AS anon_1",
        "insert_item": "INSERT INTO commitments (uid, kind, title, firmness, city, "
        "country, timezone, window_start, window_end, window_precision, "
        "window_text, status, review, made_on, agreed_meeting_id, "
        "document_id, evidence_text, evidence_start, evidence_end, "
        "sequence, created_at, updated_at) VALUES (%(uid)s, %(kind)s, "
        "%(title)s, %(firmness)s, %(city)s, %(country)s, %(timezone)s, "
        "%(window_start)s, %(window_end)s, %(window_precision)s, "
        "%(window_text)s, %(status)s, %(review)s, %(made_on)s, "
        "%(agreed_meeting_id)s, %(document_id)s, %(evidence_text)s, "
        "%(evidence_start)s, %(evidence_end)s, %(sequence)s, "
        "%(created_at)s, %(updated_at)s) RETURNING commitments.id",
        "insert_item_party": "INSERT INTO commitment_parties (commitment_id, code) VALUES "
        "(%(commitment_id)s, %(code)s)",
        "insert_history": "INSERT INTO history (entity, entity_id, field, old_value, "
        "new_value, changed_at, reason) VALUES (%(entity)s, "
        "%(entity_id)s, %(field)s, %(old_value)s, %(new_value)s, "
        "%(changed_at)s, %(reason)s) RETURNING history.id",
        "lock_for_ingest": "SELECT pg_advisory_xact_lock(7420032)",
    },
}

CONDITIONS = {
    "sqlite": {
        "items.active_only": (
            "commitments.status IN ('open', 'rescheduled')",
            "commitments.status IN ('open', 'rescheduled')",
        ),
        "items.not_rejected": ("commitments.review != 'rejected'", "commitments.review != 'rejected'"),
        "items.status": ("commitments.status = :status", "commitments.status = :status"),
        "items.overdue_on": (
            "coalesce(commitments.window_end, NULL) < :overdue_on",
            "coalesce(commitments.window_end, NULL) < :overdue_on",
        ),
        "items.party": (
            "EXISTS (SELECT * \n"
            "FROM commitment_parties \n"
            "WHERE commitment_parties.commitment_id = commitments.id AND "
            "commitment_parties.code = :party)",
            "(EXISTS (SELECT * \n"
            "FROM commitment_parties \n"
            "WHERE commitment_parties.commitment_id = commitments.id AND "
            "commitment_parties.code = :party))",
        ),
        "items.kind": ("commitments.kind = :kind", "commitments.kind = :kind"),
        "meetings.not_rejected": ("meetings.review != 'rejected'", "meetings.review != 'rejected'"),
        "meetings.party": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :party)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :party))",
        ),
        "meetings.kind": ("meetings.kind = :kind", "meetings.kind = :kind"),
        "meetings.since": ("meetings.start_date >= :since", "meetings.start_date >= :since"),
        "meetings.until": ("meetings.start_date <= :until", "meetings.start_date <= :until"),
        "meetings.meeting_id": ("meetings.id = :meeting_id", "meetings.id = :meeting_id"),
        "could_fulfil.not_rejected": ("meetings.review != 'rejected'", "meetings.review != 'rejected'"),
        "could_fulfil.since": ("meetings.start_date >= :since", "meetings.start_date >= :since"),
        "could_fulfil.party_0": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_0)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_0))",
        ),
        "could_fulfil.party_1": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_1)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_1))",
        ),
        "could_fulfil.party_2": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_2)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_2))",
        ),
        "could_fulfil.party_3": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_3)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_3))",
        ),
        "could_fulfil.party_4": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_4)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_4))",
        ),
        "could_fulfil.party_5": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_5)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_5))",
        ),
        "could_fulfil.party_6": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_6)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_6))",
        ),
        "could_fulfil.party_7": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_7)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = :code_7))",
        ),
    },
    "postgresql": {
        "items.active_only": (
            "commitments.status IN ('open', 'rescheduled')",
            "commitments.status IN ('open', 'rescheduled')",
        ),
        "items.not_rejected": ("commitments.review != 'rejected'", "commitments.review != 'rejected'"),
        "items.status": ("commitments.status = %(status)s", "commitments.status = %(status)s"),
        "items.overdue_on": (
            "coalesce(commitments.window_end, NULL) < %(overdue_on)s",
            "coalesce(commitments.window_end, NULL) < %(overdue_on)s",
        ),
        "items.party": (
            "EXISTS (SELECT * \n"
            "FROM commitment_parties \n"
            "WHERE commitment_parties.commitment_id = commitments.id AND "
            "commitment_parties.code = %(party)s)",
            "(EXISTS (SELECT * \n"
            "FROM commitment_parties \n"
            "WHERE commitment_parties.commitment_id = commitments.id AND "
            "commitment_parties.code = %(party)s))",
        ),
        "items.kind": ("commitments.kind = %(kind)s", "commitments.kind = %(kind)s"),
        "meetings.not_rejected": ("meetings.review != 'rejected'", "meetings.review != 'rejected'"),
        "meetings.party": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(party)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(party)s))",
        ),
        "meetings.kind": ("meetings.kind = %(kind)s", "meetings.kind = %(kind)s"),
        "meetings.since": ("meetings.start_date >= %(since)s", "meetings.start_date >= %(since)s"),
        "meetings.until": ("meetings.start_date <= %(until)s", "meetings.start_date <= %(until)s"),
        "meetings.meeting_id": ("meetings.id = %(meeting_id)s", "meetings.id = %(meeting_id)s"),
        "could_fulfil.not_rejected": ("meetings.review != 'rejected'", "meetings.review != 'rejected'"),
        "could_fulfil.since": ("meetings.start_date >= %(since)s", "meetings.start_date >= %(since)s"),
        "could_fulfil.party_0": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_0)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_0)s))",
        ),
        "could_fulfil.party_1": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_1)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_1)s))",
        ),
        "could_fulfil.party_2": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_2)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_2)s))",
        ),
        "could_fulfil.party_3": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_3)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_3)s))",
        ),
        "could_fulfil.party_4": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_4)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_4)s))",
        ),
        "could_fulfil.party_5": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_5)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_5)s))",
        ),
        "could_fulfil.party_6": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_6)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_6)s))",
        ),
        "could_fulfil.party_7": (
            "EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_7)s)",
            "(EXISTS (SELECT * \n"
            "FROM meeting_parties \n"
            "WHERE meeting_parties.meeting_id = meetings.id AND "
            "meeting_parties.code = %(code_7)s))",
        ),
    },
}

RESULT_COLUMNS = {
    "items": (
        ("id", None),
        ("uid", None),
        ("kind", None),
        ("title", None),
        ("firmness", None),
        ("parties", None),
        ("city", None),
        ("country", None),
        ("timezone", None),
        ("status", None),
        ("review", None),
        ("window_start", "date"),
        ("window_end", "date"),
        ("window_precision", None),
        ("window_text", None),
        ("made_on", "date"),
        ("agreed_meeting", None),
        ("fulfilled_meeting", None),
        ("fulfilled_on", "date"),
        ("source", None),
        ("evidence", None),
        ("evidence_start", None),
        ("evidence_end", None),
        ("sequence", None),
        ("created_at", "datetime"),
        ("updated_at", "datetime"),
    ),
    "item": (
        ("id", None),
        ("uid", None),
        ("kind", None),
        ("title", None),
        ("firmness", None),
        ("parties", None),
        ("city", None),
        ("country", None),
        ("timezone", None),
        ("status", None),
        ("review", None),
        ("window_start", "date"),
        ("window_end", "date"),
        ("window_precision", None),
        ("window_text", None),
        ("made_on", "date"),
        ("agreed_meeting", None),
        ("fulfilled_meeting", None),
        ("fulfilled_on", "date"),
        ("source", None),
        ("evidence", None),
        ("evidence_start", None),
        ("evidence_end", None),
        ("sequence", None),
        ("created_at", "datetime"),
        ("updated_at", "datetime"),
    ),
    "fulfilling_meeting": (("fulfilled_meeting_id", None),),
    "item_history": (
        ("changed_at", "datetime"),
        ("field", None),
        ("old_value", None),
        ("new_value", None),
        ("reason", None),
    ),
    "item_links": (("id", None), ("meeting_id", None), ("state", None), ("reason", None)),
    "possible_matches": (("commitment_id", None), ("meeting_id", None)),
    "meetings": (
        ("id", None),
        ("uid", None),
        ("kind", None),
        ("title", None),
        ("start_date", "date"),
        ("end_date", "date"),
        ("start_time", "time"),
        ("end_time", "time"),
        ("city", None),
        ("country", None),
        ("timezone", None),
        ("document_id", None),
        ("evidence_text", None),
        ("evidence_start", None),
        ("evidence_end", None),
        ("review", None),
        ("sequence", None),
        ("created_at", "datetime"),
        ("updated_at", "datetime"),
        ("source", None),
    ),
    "meeting_parties": (("meeting_id", None), ("code", None)),
    "meeting_participants": (("meeting_id", None), ("name", None), ("role", None), ("country", None)),
    "could_fulfil": ((None, None),),
    "insert_item": (),
    "insert_item_party": (),
    "insert_history": (),
}
