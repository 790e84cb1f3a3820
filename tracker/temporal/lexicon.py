"""The words of English time expressions, as data.

Month and weekday names, ordinals, the parts of a month or year, seasons, and the
relative, vague and open phrases of the contract's due-window table. The grammar
(patterns.py) turns these tables into regular expressions; nothing here computes.
"""

from __future__ import annotations

__all__ = [
    "key",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "ORDINALS",
    "DAY_ORDINALS",
    "MONTH_PARTS",
    "YEAR_PARTS",
    "SEASONS",
    "SEASON_PARTS",
    "LEADS",
    "DEADLINE_LEADS",
    "RESCHEDULE_VERBS",
    "SPAN_LEADS",
    "VAGUE_PHRASES",
    "OPEN_PHRASES",
    "YEAR_OFFSETS",
    "MONTH_OFFSETS",
    "NOT_AFTER_A_YEAR",
]

# IGNORECASE matches these letters as ASCII ones ("TRıLATERAL" as "trilateral"); str.lower() keeps them.
_IGNORECASE_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def key(word: str) -> str:
    """The table key of a word an IGNORECASE pattern matched: lower case, with the letters the
    pattern equated with ASCII ones made ASCII."""
    return word.lower().translate(_IGNORECASE_LETTERS)


MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
# Abbreviations only count next to a day or a year ("Oct. 6", "Dec 2017"): alone they are names or words.
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Abbreviated weekdays ("Tue 17th December 2019") only count in front of a full date.
WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "latter": 2,
    "last": -1,
    "final": -1,
}

# Days of a month spelled out ("the eighteenth of November", "March the first"), hyphen or space in compounds.
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
DAY_ORDINALS = {
    **{word: day for day, word in enumerate(_UNITS + _TEENS, start=1)},
    "twentieth": 20,
    **{f"twenty-{word}": 20 + day for day, word in enumerate(_UNITS, start=1)},
    "thirtieth": 30,
    "thirty-first": 31,
}

# Part of a month -> (first day, last day); None means the month's last day.
MONTH_PARTS = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, None),
    "end": (21, None),
    "first half": (1, 15),
    "second half": (16, None),
    "latter half": (16, None),
    # "the first week of September": seven days counted from the month's start, or back from its end.
    "first week": (1, 7),
    "second week": (8, 14),
    "third week": (15, 21),
    "fourth week": (22, 28),
    "last week": (-7, None),
    "final week": (-7, None),
}

# Part of a year -> (first month, last month), precision part_of_year (halves: see patterns).
YEAR_PARTS = {
    "early": (1, 3),
    "beginning": (1, 3),
    "start": (1, 3),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (10, 12),
    "end": (10, 12),
}

# Season -> its first month; a season lasts three months (winter runs into the next year).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# early / mid / late season -> which of its three months.
SEASON_PARTS = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}

# Prepositions that may open a time expression; they join its span ("in 2017").
LEADS = [
    "no later than",
    "not later than",
    "no earlier than",
    "not earlier than",
    "prior to",
    "in",
    "on",
    "during",
    "throughout",
    "at",
    "from",
    "between",
    "by",
    "before",
    "until",
    "till",
    "through",
    "since",
    "for",
    "after",
    "to",
    "and",
    "or",
]
DEADLINE_LEADS = {"by", "before", "no later than", "not later than", "prior to"}
# Verbs after which "to" leads a new date ("postponed to June", "moved to May"), not a person ("talked to May").
RESCHEDULE_VERBS = [
    "postponed",
    "moved",
    "shifted",
    "pushed back",
    "put off",
    "rescheduled",
    "deferred",
    "delayed",
    "brought forward",
]
# Leads that are also connectors: they join a span only when they connect two expressions.
SPAN_LEADS = set(LEADS) - {"to", "and", "or"}

# Vague phrases: (regex, months, days) -> window anchor .. anchor + months + days - 1 day.
VAGUE_PHRASES = [
    (r"in\s{1,3}(?:the\s{1,3})?(?:very\s{1,3})?near\s{1,3}(?:future|term)", 6, 0),
    (r"in\s{1,3}the\s{1,3}not\s{1,3}(?:too\s{1,3})?distant\s{1,3}future", 6, 0),
    (r"soon(?<!as soon)(?<!so soon)(?!\s{1,3}(?:as|after|afterwards|thereafter)\b)", 6, 0),
    (r"shortly(?!\s{1,3}(?:after|afterwards|before|thereafter)\b)", 6, 0),
    # "at an early date", "at the earliest possible date".
    (
        r"(?:at|on)\s{1,3}(?:an\s{1,3}early|the\s{1,3}earliest(?:\s{1,3}(?:possible|convenient))?)\s{1,3}date",
        6,
        0,
    ),
    (r"before\s{1,3}long", 6, 0),
    # "efforts to realize an early visit", "an early resumption of the talks": at an early date.
    (
        r"(?:an|the|its|their)\s{1,3}early\s{1,3}(?:visit|meeting|resumption|convening|holding|organi[sz]ation)",
        6,
        0,
    ),
    (
        r"(?:in|over|during|within)\s{1,3}(?:the\s{1,3})?(?:coming|upcoming|next(?:\s{1,3}few|\s{1,3}several)?|following)"
        r"\s{1,3}months",
        6,
        0,
    ),
    (r"in\s{1,3}the\s{1,3}months\s{1,3}(?:ahead|to\s{1,3}come)", 6, 0),
    (
        r"(?:in|over|during|within)\s{1,3}(?:the\s{1,3})?(?:coming|upcoming|next(?:\s{1,3}few|\s{1,3}several)?|following)"
        r"\s{1,3}weeks",
        2,
        0,
    ),
    (r"in\s{1,3}the\s{1,3}weeks\s{1,3}(?:ahead|to\s{1,3}come)", 2, 0),
    (
        r"(?:in|over|during)\s{1,3}(?:the\s{1,3})?(?:coming|upcoming|next\s{1,3}few|following)\s{1,3}days",
        0,
        14,
    ),
    (r"in\s{1,3}the\s{1,3}days\s{1,3}(?:ahead|to\s{1,3}come)", 0, 14),
]

# Phrases that say a date will be fixed later: they give an open window.
OPEN_PHRASES = [
    r"(?:at|on)\s{1,3}(?:a|the)\s{1,3}(?:mutually\s{1,3})?(?:convenient|agreeable|acceptable|agreed)\s{1,3}(?:time|date|dates|moment)",
    r"(?:at|on)\s{1,3}(?:a|the)\s{1,3}(?:time|date|dates)\s{1,3}(?:convenient|acceptable)\s{1,3}(?:to|for)\s{1,3}(?:both|all|the)\s{1,3}\w{1,20}",
    r"(?:at|on)\s{1,3}(?:a|some)\s{1,3}(?:later|future)\s{1,3}(?:time|date|stage|point)",
    r"(?:at|on)\s{1,3}(?:a|the)\s{1,3}(?:time|date|dates)\s{1,3}(?:yet\s{1,3})?to\s{1,3}be\s{1,3}"
    r"(?:agreed(?:\s{1,3}upon)?|decided|determined|fixed|set|announced|confirmed|coordinated|specified|finali[sz]ed)",
    r"(?:mutually\s{1,3}convenient\s{1,3})?dates?\s{1,3}(?:(?:are|is|were|was|will\s{1,3}be|would\s{1,3}be)\s{1,3}|yet\s{1,3})?to\s{1,3}be\s{1,3}"
    r"(?:agreed(?:\s{1,3}upon)?|decided|determined|fixed|set|coordinated|finali[sz]ed)"
    r"(?:\s{1,3}(?:upon\s{1,3})?(?:through|via)\s{1,3}(?:the\s{1,3})?diplomatic\s{1,3}channels)?",
    r"(?:through|via)\s{1,3}(?:the\s{1,3})?diplomatic\s{1,3}channels",
    r"in\s{1,3}due\s{1,3}course",
    r"mutually\s{1,3}convenient\s{1,3}(?:time|date|dates)",
]

# "next year" and friends -> years after the anchor's.
YEAR_OFFSETS = {
    "this": 0,
    "the current": 0,
    "current": 0,
    "the": 0,
    "next": 1,
    "the next": 1,
    "the following": 1,
    "the coming": 1,
    "the upcoming": 1,
    "the new": 1,  # "in the new year", said in December
    "coming": 1,
    "last": -1,
    "the last": -1,
    "the previous": -1,
    "the past": -1,
    "previous": -1,
}
MONTH_OFFSETS = YEAR_OFFSETS

# Words after a number that show it counts things, so "in 2000 cities" is no year.
NOT_AFTER_A_YEAR = [
    "people",
    "persons",
    "cases",
    "units",
    "tons",
    "tonnes",
    "troops",
    "soldiers",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "dollars",
    "euros",
    "students",
    "companies",
    "projects",
    "years",
    "times",
    "votes",
    "members",
    "delegates",
    "participants",
    "pages",
    "copies",
    "hectares",
    "residents",
    "refugees",
    "migrants",
    "hours",
    "minutes",
    "days",
    "weeks",
    "months",
    "cities",
    "countries",
    "villages",
    "towns",
    "schools",
    "households",
    "families",
    "children",
    "women",
    "men",
    "workers",
    "jobs",
    "cars",
    "vehicles",
    "houses",
    "homes",
    "sites",
    "places",
    "items",
    "signatures",
    "kilograms",
    "kg",
    "barrels",
    "euro",
    "dollar",
    "usd",
    "mw",
    "million",
    "billion",
    "thousand",
]
