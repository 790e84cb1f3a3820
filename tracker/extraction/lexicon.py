"""The phrases the extractor reads, as data: event words, tense and firmness cues, reporting verbs.

Each table maps a regular-expression fragment (matched case-insensitively on word
boundaries) to what it means. The rules in meetings.py and commitments.py only
combine these; to teach the extractor a new phrasing, add a row here. Fragments
use bounded repetition only, so every pattern built from them runs in linear time.
"""

from __future__ import annotations

import re

from tracker.domain.model import Firmness, Kind
from tracker.speed.prefilter import guarded

__all__ = [
    "EVENT_WORDS",
    "RECEPTION",
    "FUTURE_RECEPTION",
    "COMMISSION_WORDS",
    "PAST_TRIGGERS",
    "PAST_GATHERINGS",
    "FUTURE_CUES",
    "PAST_CUES",
    "FIRMNESS_CUES",
    "REPORTING_VERBS",
    "REPORT_FILLERS",
    "REPORT_DOCUMENTS",
    "PRESENT_SCHEDULE",
    "PRESENT_MOVES",
    "PRESENT_WITH_A_TIME_AHEAD",
    "DISCUSSION_CUES",
    "FORMAT_SIZES",
    "SCHEDULE_CUES",
    "PAST_EVENT_VERBS",
    "PAST_MOTION",
    "NOT_THE_EVENT",
    "MODAL_BEFORE",
    "TODAY",
    "SAME_DAY",
    "UNDER_WAY",
    "STAY_UNDER_WAY",
    "HAPPENING_NOW",
    "ON_THE_SCHEDULE",
    "PEOPLE",
    "CALLED_SOMEONE",
    "NO_CITY_WORDS",
    "HERE_WORDS",
    "ABANDONED",
    "POSTPONEMENTS",
    "CANCELS",
    "DATE_FIXING",
    "MOVES",
    "ORIGINAL_PLAN",
    "NEW_DATES",
    "STAY_PARTS",
    "PLEDGE_CUES",
    "KIND_LABELS",
    "SPECULATION",
    "PRESENT_FEELINGS",
    "compile_alternatives",
]


def compile_alternatives(fragments, flags=re.IGNORECASE, lower_only: bool = False) -> re.Pattern:
    """One pattern matching any fragment as whole words; longest fragments first.

    With `lower_only`, words match in lower case only, so the cue "may" or "planning" does not
    fire on "May 5" or the "Strategic Planning Group".
    The pattern is `guarded` (tracker.speed.prefilter): its opening lookbehind would have the engine
    enter it at every position; behind a lookahead for the letters the fragments begin with, the
    others fail at once.
    """
    ordered = sorted(fragments, key=len, reverse=True)
    if lower_only:
        flags &= ~re.IGNORECASE
    return guarded(re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])", flags))


# Bodies the parties may set up together.
_BODIES = (
    r"(?:secretariat|working group|task force|hotline|liaison office|business council|coordination cent(?:re|er)|"
    r"joint fund|investment fund)s?"
)
# A reception names a contact, and reports it as past: "welcomed his Chilean counterpart", "received the
# Foreign Minister of Laos".
PEOPLE = r"(?:counterpart|president|prime minister|minister|delegation|ambassador|king|emir|chancellor|envoy|leader)s?"
# "by Togo's Foreign Minister", "by the President", "by his counterpart": a person, not "by email".
BY_SOMEONE = r" by(?= (?:the |his |her |their )?(?:(?-i:[A-Z])|(?:[\w-]+ ){0,2}" + PEOPLE + r"\b))"
RECEPTION = (
    r"(?:welcomed|received|hosted) (?:his|her|their|the|visiting) (?:[\w-]+ ){0,3}" + PEOPLE + "|"
    # "received Japanese Foreign Minister Kawaguchi": a title after a state's adjective or name.
    r"(?:welcomed|received|hosted) (?-i:[A-Z])[\w'\u2019-]+ (?:[\w'\u2019-]+ ){0,3}"
    + PEOPLE
    + r"(?= (?-i:[A-Z])|,| and )|"
    # "received President Biden": a head named by title and name.
    r"(?:welcomed|received|hosted) (?i:president|prime minister|premier|chancellor|king|emir|crown prince)"
    r"(?= (?-i:[A-Z]))|"
    # "received Christoph Heusgen, foreign policy advisor to the German Chancellor": a guest named, then titled.
    r"(?:welcomed|received|hosted) (?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+){1,3}, (?:the )?(?:[\w-]+ ){0,4}"
    r"(?:" + PEOPLE + r"|advis[eo]rs?)(?= (?:to|of)\b)|"
    # "received a courtesy call from the Foreign Minister": an audience granted.
    r"received (?:a )?courtesy calls? from|"
    # "Prime Minister Starmer received him at Downing Street": the guest just named.
    r"(?:welcomed|received|hosted) (?:him|her|them)(?= (?:at|in|on|for|with|yesterday|today)\b)"
)
# A reception to come names a contact too: "will receive the Foreign Minister of Slovenia", "is to be
# received by the President", "looked forward to welcoming his counterpart to Dublin".
FUTURE_RECEPTION = (
    r"(?:receive|host|welcome|receiving|welcoming) (?:his|her|their|the|visiting) (?:[\w-]+ ){0,3}"
    + PEOPLE
    + "|"
    # "will receive Peru's President Castillo", "to welcome Japanese Prime Minister Kishida" ("will host
    # President Tusk for the summit" names the summit's guests, not a contact of its own).
    r"(?:receive|welcome|receiving|welcoming) (?-i:[A-Z])[\w-]+(?:'s|\u2019s)? (?:[\w-]+ ){0,2}"
    + PEOPLE
    + r"(?= (?-i:[A-Z]))|"
    r"be (?:also )?received by"
)
# A call placed to someone by title: "called Foreign Minister Qureshi", "called his Turkish counterpart".
CALLED_SOMEONE = (
    r"called (?:up )?(?:his |her |their |the )?(?:[\w-]+ ){0,3}"
    r"(?:counterpart|minister|president|prime minister|premier|secretary|chancellor|king|emir|amir|"
    r"director[- ]general|secretary[- ]general|envoy|ambassador)"
    # "telephoned his Iranian counterpart", "phoned President Duda": unlike "called", always a call.
    r"|(?:tele)?phoned"
)
# "to meet the objectives", "met the deadline": to satisfy, not to see someone.
NOT_TO_SATISFY = (
    r"(?! (?:the |their |its |all |these |those )?(?:[\w-]+ )?(?:objectives?|targets?|goals?|needs|"
    r"requirements?|expectations|demands|deadlines?|criteria|challenges?|obligations|standards|costs?)\b)"
)
# Event words -> kind. Order matters only for ties at the same position.
EVENT_WORDS: dict[str, Kind] = {
    r"(?:tele)?phone (?:call|conversation|talks?)s?": Kind.CALL,
    r"(?:video|online|virtual)[ -](?:call|conference|link meeting|meeting|talks|summit|link)s?": Kind.CALL,
    r"videoconference|video-conference|video link|video-link meeting|phone conversation": Kind.CALL,
    r"(?:spoke|spoken|speak|talked|talk) (?:by|on the|over the) (?:tele)?phone": Kind.CALL,
    # "were discussed by phone on Wednesday", "held yesterday by teleconference", "spoke on Tuesday with".
    # The words start at "phone", "be", "arrive": a match is tried only where a rare word begins.
    r"(?:(?<=by )|(?<=over the ))(?:tele)?phone|teleconferenc(?:e|ing)|spoke(?= (?:\w+ ){0,2}with)": Kind.CALL,
    # "called Foreign Minister Qureshi today", "called his Turkish counterpart".
    CALLED_SOMEONE: Kind.CALL,
    r"consultations?": Kind.CONSULTATIONS,
    r"summits?": Kind.SUMMIT,
    r"(?:joint|intergovernmental|inter-governmental|permanent|bilateral|binational|economic|trade|higher|"
    r"cooperation|co-operation)(?: [\w-]{1,20}){0,3} (?:commission|committee|council)s?": Kind.COMMISSION,
    r"commission|committee|JEC|JTC|JCC|PJCC|IGC|HLCC|JMC": Kind.COMMISSION,
    r"talks|dialogue|negotiations|parleys|(?:held|hold|holds|had) (?:[\w-]+ )?discussions?(?= with)": Kind.TALKS,
    # "will talk again on 12 May", "agreed to talk again next week": another round of a contact.
    r"talk again|(?:(?<=will )|(?<=to ))(?:talk|speak)(?= (?:again )?(?:on|next|by|over the)\b)": Kind.TALKS,
    r"(?:state |official |working |return |reciprocal )?visits?|visited|visiting|trip|tour|travel(?:s|led|ed)?|"
    r"come to|pay a visit|arrived in|arrives in|arriving in|will arrive in|"
    # "will arrive on June 14", "is to arrive tomorrow": the first day of a visit.
    r"(?:(?<=will )|(?<=to ))arrive(?= (?:on|next|tomorrow|this|in)\b)|"
    # "is scheduled to leave for Tajikistan", "a trade mission will be dispatched to Malaysia".
    r"(?:(?<=will )|(?<=to ))leave for|(?:trade|investment|business|economic|goodwill)(?: and \w+)? missions?|"
    # "is due in Nairobi" (not "due in June"), "will send a delegation to Nairobi".
    r"due in(?= (?!January|February|March|April|May|June|July|August|September|October|November|December|"
    r"The |Early |Mid|Late )[A-Z])|send(?:s|ing)? (?:a |an |its |his |her |their )?(?:[\w-]+ ){0,2}"
    r"(?:delegation|mission|team)s?|"
    # "will be in Sri Lanka from tomorrow to Thursday", "is to be in the US on 21 and 22 September".
    r"(?:(?<=will )|(?<=would )|(?<=to )|(?<=shall ))be in(?= (?:the )?(?-i:[A-Z])(?!anuary|ebruary|arch|pril|ay |une|uly|ugust|"
    r"eptember|ctober|ovember|ecember|he |arly |id|ate ))": Kind.VISIT,
    # "is to host the leaders of the bloc": a gathering of heads.
    r"host(?:s|ing)? (?:the |a )?(?:[\w-]+ ){0,2}(?:leaders|heads of state|heads of government)": Kind.SUMMIT,
    r"sign(?:ing|ed)?(?: ceremony)?|ratif(?:y|ying|ied|ication)": Kind.SIGNING,
    r"meetings?|(?:meets?|met)"
    + NOT_TO_SATISFY
    + "|talked with|conferred with|(?:sat|sits?|sitting) down with|gathering|(?:get|gets|getting|got) together|session|round|retreat|"
    # "the binational cabinet": two governments sitting together ("Monday's Cabinet reshuffle" is not one).
    r"(?:binational|bi-national|joint|intergovernmental|inter-governmental) cabinet|"
    r"sitting|seminar": Kind.MEETING,
    RECEPTION: Kind.MEETING,
    FUTURE_RECEPTION: Kind.MEETING,
    # "President Yoon and Prime Minister Kishida agreed Thursday to ...": two sides agreeing on a day met.
    r"agreed(?= (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b)": Kind.MEETING,
    # "was received by the President", "paid a courtesy call on the Prime Minister": an audience.
    # "... was received Wednesday in Havana by the Deputy Minister": the day and place may come between.
    # "Plans were discussed here yesterday by Prince Saud and President Assad": the people named discussed.
    r"(?:(?<=was )|(?<=were )|(?<=also ))discussed(?=(?: [\w-]+){0,4}" + BY_SOMEONE + ")|"
    r"(?:was|were) (?:also )?received by|(?:was|were) (?:also |\w+ly )?received(?: [\w-]+){1,4}"
    + BY_SOMEONE
    + "|"
    r"(?:paid|pays|paying) (?:a )?courtesy calls? on|called on": Kind.MEETING,
    r"forums?|(?<!press )(?<!news )conferences?|congress": Kind.OTHER,
    r"(?:re-?open(?:ing)?|open(?:ing)?|establish(?:ing|ment of)?)(?: \w{1,20}){0,3} "
    r"(?:embassy|embassies|consulate|consulates|diplomatic (?:mission|representation|office)|"
    r"representation|mission|trade office|office)|"
    r"(?:embassy|embassies|consulate|consulates)(?: [\w-]{1,20}){0,4} (?:re-?open|open)": Kind.OTHER,
    # "work towards concluding a free trade agreement by the end of the year": an agreement to be reached.
    r"(?:conclu(?:de|ding|sion of)|finali[sz](?:e|ing|ation of))(?: [\w-]{1,20}){0,5} "
    r"(?:agreement|treaty|accord|deal)s?": Kind.OTHER,
    # "we will work out an action plan", "to speed up the approval of the action programme": a joint
    # document to be drawn up.
    r"(?:work(?:ing)? out|draw(?:ing)? up|draft(?:ing)?|complet(?:e|ing)|finali[sz](?:e|ing)|approv(?:e|ing|al of))"
    r"(?: [\w'\u2019-]+){0,4} (?:action plan|action programme|action program|road ?map|declaration)s?": Kind.OTHER,
    # "each side will complete its domestic procedures": the steps before a treaty takes effect.
    r"(?:domestic|internal|national|constitutional) (?:legal |ratification )?(?:procedures|requirements|formalities)": Kind.OTHER,
    # A body the parties set up: "a permanent secretariat will be set up", "agreed to establish a task force".
    # ... and any group they set up: "set up a wise men group".
    r"(?:set(?:ting)? up|establish(?:ing)?|creat(?:e|ing)|launch(?:ing)?)(?: [\w-]{1,20}){0,3} "
    r"(?:" + _BODIES + r"|groups?)": Kind.OTHER,
    _BODIES
    + r"(?=(?: [\w-]{1,20}){0,6} (?:be |been )?(?:set up|established|created|launched)\b)": Kind.OTHER,
}
# Words that make a "meeting/session/round" of something more specific.
COMMISSION_WORDS = r"commission|committee|cooperation council|co-operation council|JEC|JTC|PJCC|HLCC|JCC"

# "is paying an official visit to North Macedonia", "is on a working visit": a stay under way, a contact
# of the publication day and no commitment (followed by "visit").
UNDER_WAY = (
    r"(?:is|are|am) (?:currently |now )?(?:paying|making|on) (?:an? |his |her |their )(?:[\w-]+ ){0,2}"
)
STAY_UNDER_WAY = UNDER_WAY + "visit"
# "A meeting of the working group is taking place in Bishkek": a contact under way as the text is written
# ("a dialogue is under way", "discussions are taking place on holding the session": a process, no contact).
HAPPENING_NOW = (
    r"(?:is|are) (?:currently |now )?(?:taking place|in progress|in session)"
    r"(?![^.;]{0,60}\b(?:on|about|over|regarding) (?:holding|convening|organi[sz]ing|arranging|preparing|the dates?\b))"
)
# Verbs (past) that report a contact as having taken place.
PAST_TRIGGERS = [
    r"(?:was|were|had been) held",
    r"held",
    r"took place",
    r"met(?: with)?",
    r"hosted",
    r"convened",
    r"visited",
    # "took part in the meeting of the Council", "headed Kazakhstan's delegation at the meeting".
    r"(?:was|were) (?:preceded|followed) by",  # "The visit was preceded by consultations ... on 15 February"
    r"got under way|kicked off",  # "the session got under way in Harare yesterday"
    r"took part in",
    r"participated in",
    r"attended",
    r"(?:headed|led) (?:the |his |her |their |a |an )?(?:[\w'\u2019-]+ ){0,2}delegations?",
    r"arrived in",
    r"left for",  # "left for Tbilisi on a one-day working visit"
    # A photo caption tells the past in the present: "Minh (left) meets with President Widodo yesterday".
    r"(?:meets|holds talks)(?= [^.;]{0,80}\byesterday\b)",
    r"paid (?:him |her |them )?(?:an? )?(?:\w+ ){0,2}visit",  # "paid him a courtesy visit"
    r"(?:began|started|arrived on|arrived for) (?:an? |his |her )?(?:\w+ ){0,2}visit",
    # "when the Prime Minister was in Manila on an official visit".
    r"(?:was|were) (?:in [\w'-]+(?: [\w'-]+)? )?(?:on|for) (?:an? |his |her |their )(?:[\w-]+ ){0,2}visit",
    # "Yesterday Dr Wirajuda was in Perth for talks with Stephen Smith".
    r"(?:was|were) in [\w'-]+(?: [\w'-]+)? for (?:[\w-]+ )?(?:talks|consultations|a meeting|meetings)",
    STAY_UNDER_WAY,
    HAPPENING_NOW,
    r"was the venue",
    r"were hosted",
    r"was hosted",
    r"spoke by (?:tele)?phone",
    r"spoke(?= (?:\w+ ){0,2}with)",
    r"(?:took|received|made|had) (?:a |an )?(?:\w+ ){0,2}(?:tele)?phone call",
    r"(?:were|was) discussed by (?:tele)?phone",
    # "Bilateral relations were discussed by Sheikh Abdullah during a phone call with Lavrov".
    r"(?:were|was) (?:also )?discussed(?: [\w-]+){0,4}" + BY_SOMEONE,
    CALLED_SOMEONE,
    r"talked by (?:tele)?phone",
    r"talked with",  # "talked over the issues" is a topic's verb: its objects are no parties
    r"conferred with",
    r"sat down with",
    r"concluded",
    r"wound up",
    r"ended",
    r"co-chaired",
    r"chaired",
    r"received",
    r"called on",
    r"paid (?:a )?courtesy calls? on",
    r"had (?:a|an) (?:\w+ ){0,2}(?:meeting|conversation)",
    r"had (?:\w+ ){0,2}talks",
    r"had (?:\w+ ){0,2}discussions? with",
    r"at the (?:closing|opening) (?:ceremony|session|sitting)",
    # "They reached the agreement at their meeting in Boracay, the Philippines on February 20".
    r"reached (?:an?|the) (?:[\w-]+ ){0,2}(?:agreement|understanding|consensus)",
    RECEPTION,
]
# A past journey: "to meet", "to hold talks" after it is its purpose, not a future act
# ("the ministers travelled to Manila to meet their counterparts").
PAST_MOTION = r"travell?ed|flew|came|went|arrived|headed|was in|were in|visited"
# A past trigger after these is not past: "will be held", "is to be held", "will probably be held".
MODAL_BEFORE = (
    r"\b(?:will|would|shall|may|might|could|should|to|is|are)\s+(?:(?:also|not|now|then|still|\w{3,}ly)\s+)?"
    r"(?:be\s+|have\s+)?$"
)
# Expressions that can date a contact on the publication day even in future tense.
# Words for the publication day itself.
TODAY = r"today|tonight|this (?:morning|afternoon|evening)"
SAME_DAY = (
    TODAY
    + r"|(?:earlier|later) (?:in the|this) (?:morning|afternoon|evening|day)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

# Present-tense verbs of a schedule ("the summit opens on Wednesday"): a day they govern has not
# passed yet, so it dates no past contact.
PRESENT_SCHEDULE = [
    r"opens",
    r"begins",
    r"starts",
    r"kicks off",
    r"gets under way",
    r"takes place",
    r"convenes",
    r"closes",
]
# ... and of a trip or a sitting ("the minister travels to Accra next week", "a session follows tomorrow").
PRESENT_MOVES = [r"follows", r"arrives", r"travels", r"visits", r"meets", r"heads"]
# "A ministerial session follows tomorrow": such a verb with a time that can only lie ahead is future.
PRESENT_WITH_A_TIME_AHEAD = (
    r"(?:" + "|".join(PRESENT_SCHEDULE + PRESENT_MOVES) + r")"
    r"(?= [^.;]{0,40}?\b(?:tomorrow|next (?:week|month|year)|later this (?:week|month|year)|this coming))"
)

# Words that make a clause speak of the future (a commitment).
# "A working visit on Thursday ... is on the schedule of the President": a plan to come.
ON_THE_SCHEDULE = r"on the (?:schedule|programme|program) of"
# Past verbs of a pledge made at a contact: "At their meeting in Sochi, the presidents agreed that ...".
PAST_PLEDGES = r"agreed|decided|undertook|resolved"
# An act being made ready, whose subject is the event word before the cue: "the visit is being arranged",
# "the dates for which are being finalised", "is still being worked out", "The meeting is set for April 07".
BEING_READIED = [
    r"being (?:arranged|organi[sz]ed|worked out|finali[sz]ed|coordinated|planned|discussed)",
    r"(?:is|are|was|were|been|now) set for",
]
FUTURE_CUES = [
    r"will",
    r"would",
    r"shall",
    r"is to",
    r"are to",
    r"was to",
    r"to be held",
    r"to take place",
    r"to visit",
    r"to meet" + NOT_TO_SATISFY,
    r"to hold",
    r"to host",
    r"to sign",
    r"to open",
    r"to re-?open",
    r"to come",
    r"to travel",
    r"set to",
    r"slated",
    r"due to",
    r"is due",
    r"are due",
    r"was due",
    r"scheduled",
    r"planned",
    r"plans?",
    r"planning",
    r"tentatively",
    r"expected",
    r"intends?",
    r"intention",
    r"upcoming",
    r"forthcoming",
    r"next round",
    r"next session",
    r"next meeting",
    r"next visit",
    r"next trip",
    r"next summit",
    r"next sitting",
    r"agreed to",
    r"agreed that",
    r"undert(?:ook|ake|akes|aken) to",
    r"commit(?:ted|ments?|s)? to",
    r"decided to",
    r"decision to",
    r"invit(?:ed|ation)",
    r"proposed",
    r"proposes",
    r"possibility of",
    r"prospects? (?:of|for)",
    r"suggested",
    r"suggests",
    r"may",
    r"might",
    r"could",
    r"hopes?",
    r"hoped",
    r"hoping",
    r"looking forward",
    r"look forward",
    r"looks forward",
    r"would like",
    r"readiness",
    r"ready to",
    r"being prepared",
    # "From 17 to 18 April, the Minister takes part in the meeting of the Nordic foreign ministers": the
    # news present of a programme.
    r"takes part in",
    r"participates in",
    *BEING_READIED,
    r"sets? the stage for",
    r"proposals? for",
    r"preparing for",
    r"prepare the",
    # "have set a joint border commission meeting for June 14", "announced a meeting for the beginning of
    # February": a contact fixed for a time.
    r"(?:announced|set|fixed|arranged)(?= (?:a|an|the|their|its)\b[^.;:]{0,80}?\bfor (?:the )?"
    r"(?:\d|next|this|early|mid|late|end|beginning|start|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun)))",
    # "Belgrade expects the Russian minister's visit on 21 and 22 February": an act awaited by its host.
    r"(?:expects?|expecting|awaits?|awaiting)(?= the\b)",
    r"put off",
    r"postponed",
    r"pushed back",
    r"rescheduled",
    r"shifted",
    r"moved to",
    r"get together again",
    r"to get together",
    PRESENT_WITH_A_TIME_AHEAD,
    r"looked forward",
    r"preparations? (?:for|ahead of)",
    r"prepare for",
    # A plan named as a matter of the talks: "the question of holding the third session was discussed".
    r"(?:questions?|issues?|matters?) (?:of|concerning) (?:the )?(?:holding|organi[sz]ing|organi[sz]ation of|convening)",
    r"organi[sz]ation of",
    r"towards holding",
    r"work(?:ing)? towards",
    # A decision or an instruction to act: "a decision was taken to set up", "directed their officials to".
    r"decisions? (?:was|were|has been|have been) (?:taken|made) to",
    r"(?:directed|instructed|tasked|mandated) (?:their |the |his |her |its )?(?:[\w-]+ ){0,8}?to",
    r"suggestions? to",
    r"proposals? to",
    # An act still owed or under way: "still requires ratification", "is in the works", "on the calendar".
    r"requires?",
    r"has yet to be",
    r"have yet to be",
    r"remains? to be",
    r"in the works",
    r"in the pipeline",
    r"on the cards",
    r"on the calendar",
    ON_THE_SCHEDULE,
    r"under consideration",
    r"considering",
    r"likely to",
    r"under preparation",
    r"in preparation",
    # Pressing for an act: "pressed for a long-awaited exchange of visits", "called for the early convening".
    r"call(?:s|ed)? for",
    r"pressed for",
    r"pushed for",
    # A programme to come: "the minister's schedule for the coming period also includes the summit".
    r"(?:schedule|programme|program) (?:for (?:the )?(?:[\w-]+ ){0,3})?(?:also )?includes?",
]
# Cues that describe the event itself ("the visit has been put off", "is tentatively planned"):
# they need no verb after them, unlike modal cues ("the dialogue would help ...").
SCHEDULE_CUES = (
    r"put off|postponed|pushed back|rescheduled|shifted|moved to|scheduled|planned|tentatively|set to|slated|"
    r"due to|is due|are due|expected|upcoming|forthcoming|next round|next session|next meeting|next visit|next trip|"
    r"next summit|next sitting|in the works|in the pipeline|on the cards|on the calendar|under consideration|"
    + ON_THE_SCHEDULE
    + r"|being prepared|under preparation|in preparation"
)
# Verbs of a past contact: a day right after them dates that contact, not the future item.
PAST_EVENT_VERBS = (
    r"described|held|met|took place|hosted|convened|visited|discussed|reviewed|attended|welcomed|"
    r"concluded|ended|talked|gathered|spoke|entered into force|came into force|took effect|"
    r"(?:took|received|made|had) (?:a |an )?(?:\w+ ){0,2}(?:tele)?phone (?:call|conversation)"
)
# "the outcomes of the session would be seen": the future is the outcome's, not the session's.
NOT_THE_EVENT = (
    r"outcomes?|results?|decisions?|implementation|agenda|program(?:me)?|framework|agreements?|documents?|"
    r"communiqu\w+|statement|success|spirit"
)

# Words that keep a clause in the past even with a future-looking word in it.
PAST_CUES = [
    r"had been (?:scheduled|planned|expected|chosen)",
    r"was expected",
    r"were expected",
    r"never took place",
    r"was supposed",
    r"were supposed",
    r"had originally",
    r"was originally",
    r"had agreed",
    r"last year",
    r"in the past",
    r"was scheduled",
    # "He had also planned talks in Uzbekistan": a plan the text reports as overtaken.
    r"had (?:also )?(?:planned|intended|hoped|expected)",
    r"(?:had been|has been|was|were) (?:in the works|in the pipeline|on the cards|on the calendar|under consideration)",
    # "had been due to visit", "was to have met", "would have been his first visit": a plan that did not happen.
    r"had been due",
    r"(?:was|were) to have",
    r"would have been",
]

# The plan a postponement overtook: a date after these is the old one ("the visit she was to make
# on March 28", "which had been scheduled for November"), never the item's window.
ORIGINAL_PLAN = (
    r"was to|were to|was due to|were due to|had been due to|was about to|were about to|originally|initially|"
    r"(?:was|were|had(?: first| earlier| at first)? been) (?:scheduled|planned|expected|set)"
)
# A mention that looks for the put-off item's new time: "new dates will be worked out", "fresh dates".
NEW_DATES = r"(?:new|fresh|alternative|alternate|revised|other) dates?|a (?:new|fresh|later) date"

# Firmness cues, strongest reading first: the first that matches decides.
FIRMNESS_CUES: list[tuple[str, Firmness]] = [
    (r"agreed in principle|in-principle agreement|agreement in principle", Firmness.IN_PRINCIPLE),
    (
        r"may|might|could|hopes?|hoped|hoping|hope to|looking forward|look forward|looks forward|looked forward|"
        r"would like|readiness|ready to|proposed|propose|suggested|suggest(?:ion)?|wish(?:es)?|possibility|"
        r"signalled|signaled|called for|offered|considering|under consideration|suggestions? to",
        Firmness.PROPOSED,
    ),
    (
        r"planned|plans?|planning|tentatively|expected|expects|being prepared|under preparation|intends?|"
        r"intention|preparing for|prepare the|likely to|requires?|in the works|"
        r"in the pipeline|on the cards|" + NEW_DATES,
        Firmness.PLANNED,
    ),
    (r"invit(?:ed|ation|es)", Firmness.INVITED),
]

# Reporting verbs: a date right after them dates the report, not the event.
REPORTING_VERBS = [
    r"said",
    r"says",
    r"told",
    r"stated",
    r"announced",
    r"added",
    r"noted",
    r"reported",
    r"reports",
    r"declared",
    r"confirmed",
    r"explained",
    r"stressed",
    r"underlined",
    r"wrote",
    r"informed",
    r"briefed",
    r"remarked",
    r"commented",
    r"revealed",
    r"disclosed",
    r"spoke",
    r"speaking",
    r"briefing",
    r"interview",
    r"agreed",
    r"decided",
    r"(?:news|press) conference",
    r"statement",
    r"was told",
    r"were told",
]

# Contacts with no place of their own.
NO_CITY_WORDS = (
    r"online|virtual(?:ly)?|in virtual mode|video|videoconference|video-link|telephone|phone|by phone"
)

# "here" stands for the dateline city.
HERE_WORDS = r"here|in this city|in the capital"

# How a date gets fixed: "no date has been set yet", "the date is to be agreed upon soon".
DATE_FIXING = r"agreed|set|fixed|decided|determined|finali[sz]ed|worked out|announced"
# Words that call an act off: "on Friday called off his planned trip", "the visit was scrapped today".
CANCELS = r"called off|cancel(?:l?ed|s)?|scrapped"
# Words that put an item off to a later time: ingest reschedules the stored item they name.
POSTPONEMENTS = r"put off|postponed?|pushed back|deferred|defer|delayed|rescheduled?|moved to a later date"
# "shifted from March 12 to March 18", "moved to May": a change of date, either way.
MOVES = r"moved|shifted"

# Phrases that tie an act to the programme of a stay: "during his stay", "before returning home".
STAY_PARTS = (
    r"(?:during|in the course of) (?:his|her|their|the|this) (?:[\w-]+ ){0,2}?(?:stay|visit|trip|tour)|"
    r"before (?:returning|flying|heading|travell?ing) (?:home|back)|"
    r"before (?:departing|leaving|heading|flying) (?:for|to)"
)

# Words by which a sentence makes a new pledge rather than tell the programme of an act already announced:
# "agreed to hold the next round", "invited him to visit", "hope to meet again". A sentence with none
# ("will also meet the Armenian community", "his schedule includes a session") tells the programme.
PLEDGE_CUES = (
    r"agree\w*|decid\w*|decision|undert(?:ook|ake|akes|aken)|invit\w*|accept\w*|next|upcoming|forthcoming|plan\w*|expect\w*|propos\w*|suggest\w*|hop\w*|"
    r"look\w* forward|ready|readiness|intend\w*|intention|prepar\w*|consider\w*|commit(?:s|ted|ments?)?|called for|may|"
    r"might|could|would like|wish\w*|resum\w*|again|reciprocal|return visit|another|follow-?up|postpon\w*|put off|"
    + MOVES
)

# "was delighted to be able to visit India again": a feeling about the stay under way, not a plan.
PRESENT_FEELINGS = (
    r"(?:was|were|is|am|are) (?:very |most |truly )?(?:delighted|pleased|glad|happy|honou?red|proud|privileged|"
    r"thrilled)(?: to be able)?"
)

# A journalist's question ("Q:" opening a sentence), what the media report, what nobody knows yet:
# speculation, not what the parties agreed or plan. Matched in lower case, on the sentence with its
# first letter lowered.
SPECULATION = (
    r"q\s*:|(?:media|press|news) reports?|reports (?:say|said|suggest(?:ed)?)|rumou?rs?|"
    r"by (?:some )?speculation|speculation (?:that|has it|had it)|speculated that|"
    r"(?:not (?:yet )?clear|unclear|uncertain|unknown) (?:whether|if|when)"
)

# Pledges the text reports as abandoned or overtaken.
ABANDONED = r"never took place|was cancelled|were cancelled|was called off|was abandoned|fell through"

KIND_LABELS = {
    Kind.CONSULTATIONS: "political consultations",
    Kind.VISIT: "visit",
    Kind.MEETING: "meeting",
    Kind.TALKS: "talks",
    Kind.SUMMIT: "summit",
    Kind.COMMISSION: "commission session",
    Kind.CALL: "call",
    Kind.SIGNING: "signing",
    Kind.OTHER: "follow-up",
}

# Past verbs of people coming together for a contact ("the ministers gathered in Kuala Lumpur on
# October 25", "sat down for talks on Monday"): read with PAST_TRIGGERS by the meeting rules.
PAST_GATHERINGS = [
    r"gathered",
    r"came together",
    r"got together",
    r"sat down (?:for|to)",
    r"attended",
    r"(?:was|were) (?:preceded|followed) by",  # "The visit was preceded by consultations ... on 15 February"
    r"took part in",
    r"participated in",
    r"wrapped up",
    r"(?:was|were) conducted",
    r"(?:had )?spoken (?:by|over the) (?:tele)?phone",
    r"(?:spoke|talked) over the (?:tele)?phone",
]

# Words that may stand between a reporting verb and the day it dates ("told reporters here Monday",
# "a statement issued in Beijing tonight", "a press release issued on Sunday").
REPORT_FILLERS = [
    r"issued",
    r"released",
    r"published",
    r"(?:to )?reporters",
    r"(?:to )?journalists",
    r"correspondents",
    r"(?:to )?the press",
    r"(?:to )?the media",
    r"here",
]
# Documents that report, dated like a reporting verb: "in a press release issued on Sunday".
REPORT_DOCUMENTS = [r"(?:press|news) release", r"communiqu\w+", r"readout"]


# Verbs that open what a contact was about: a state named after them in the sentence is a topic
# ("met in Riga to discuss the informal meeting of NATO"), not a party.
DISCUSSION_CUES = [
    r"to discuss",
    r"discussed",
    r"discussing",
    r"exchang(?:ed|ing) views on",
    r"focused on",
    r"touched on",
    r"talked about",
    r"to review",
    r"reviewed",
    r"draft agenda",
]

# How many states a format word says took part ("a trilateral meeting with India and the Maldives":
# the document's own state is the third).
FORMAT_SIZES = {"trilateral": 3, "three-way": 3, "tripartite": 3, "quadrilateral": 4, "four-way": 4}
