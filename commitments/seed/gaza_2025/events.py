"""Status events. Each cites the statements that show it, and the translation the seed holds. An event takes the
date of its dated evidence; one whose statements give no date takes the report's day."""

from .dates import REPORTED, THIS_WEEK, TWO_WEEKS_AGO

AS_REPORTED = "Status as reported on 24 October 2025; the report gives no earlier date."
VANCE = "2025-10-20-jd-vance-gulf-turkey-indonesia"
DRAW_ON = "2025-10-24-reuters-isf-possible-contributors"
CMCC_BUILDING = "2025-10-24-reuters-cmcc-building"
HELLYER = "2025-10-20-ha-hellyer-reluctant-contributors"
OBSTACLES = "2025-10-24-reuters-isf-key-part-and-obstacles"
RUBIO = "2025-10-24-marco-rubio-mandate-and-rules"
DIPLOMATS_PA = "2025-10-20-diplomats-pa-security-forces"
DIPLOMATS_POLICE = "2025-10-20-diplomats-european-police-observers"

PLEDGE_EVENTS = [
    (
        "usa-cmcc-troops",
        "deployed",
        THIS_WEEK,
        "The US military announced this week that the troops have begun monitoring the ceasefire.",
        ["2025-10-20-us-military-cmcc-troops"],
    ),
    ("usa-gaza-isf-troops", "ruled_out", REPORTED, AS_REPORTED, [DRAW_ON]),
    (
        "gbr-cmcc-staff-officers",
        "deployed",
        REPORTED,
        "A UK government spokesperson: planning officers are at the centre.",
        ["2025-10-20-uk-spokesperson-planning-officers", CMCC_BUILDING],
    ),
    ("isr-cmcc-personnel", "deployed", REPORTED, AS_REPORTED, [CMCC_BUILDING]),
    ("can-cmcc-personnel", "deployed", REPORTED, AS_REPORTED, [CMCC_BUILDING]),
    ("egy-gaza-isf-troops", "possible", REPORTED, "The report: the US could draw on Egypt's forces.", [DRAW_ON]),
    ("idn-gaza-isf-troops", "possible", THIS_WEEK, "Vance signalled that Indonesia could be involved.", [VANCE]),
    ("idn-gaza-isf-troops", "possible", REPORTED, "The report: the US could draw on Indonesia's forces.", [DRAW_ON]),
    (
        "gulf-states-gaza-isf-troops",
        "possible",
        THIS_WEEK,
        "Vance signalled that Gulf states could be involved.",
        [VANCE],
    ),
    (
        "gulf-states-gaza-isf-troops",
        "possible",
        REPORTED,
        "The report: the US could draw on Gulf states' forces.",
        [DRAW_ON],
    ),
    ("tur-gaza-isf-troops", "possible", THIS_WEEK, "Vance signalled that Turkey could be involved.", [VANCE]),
    (
        "palestinian-authority-gaza-security-forces",
        "possible",
        REPORTED,
        "Some European countries want these forces to operate inside Gaza (diplomats).",
        [DIPLOMATS_PA],
    ),
    (
        "european-countries-police-observers",
        "possible",
        REPORTED,
        "Some European police could act as observers; which countries is not yet clear (diplomats).",
        [DIPLOMATS_POLICE],
    ),
]

INITIATIVE_EVENTS = [
    (
        "gaza-ceasefire",
        "active",
        TWO_WEEKS_AGO,
        "The temporary ceasefire took effect two weeks before the report.",
        ["2025-10-24-reuters-hamas-disarmament-and-crackdown", "2025-10-24-reuters-us-forces-begin-monitoring"],
    ),
    (
        "cmcc",
        "active",
        THIS_WEEK,
        "The US military announced this week that troops at the centre have begun monitoring the ceasefire; the "
        "report does not say when the centre opened.",
        ["2025-10-20-us-military-cmcc-troops", "2025-10-24-reuters-us-forces-begin-monitoring"],
    ),
    ("gaza-isf", "planned", REPORTED, AS_REPORTED, [OBSTACLES, "2025-10-24-reuters-us-forces-begin-monitoring"]),
    ("isf-two-forces", "proposed", REPORTED, "One proposal (three diplomats).", ["2025-10-20-diplomats-two-forces"]),
    (
        "isf-phased-entry-rafah",
        "proposed",
        REPORTED,
        "The US plan (two Israeli security sources and an official).",
        ["2025-10-20-israeli-security-sources-phased-entry"],
    ),
    (
        "pa-security-forces-deployment",
        "proposed",
        REPORTED,
        "What some European countries want (diplomats).",
        [DIPLOMATS_PA],
    ),
    ("european-police-observers", "proposed", REPORTED, "Under the European plan (diplomats).", [DIPLOMATS_POLICE]),
]

CONDITION_EVENTS = [
    ("un-mandate", "under_negotiation", REPORTED, "Rubio: discussions are under way.", [RUBIO]),
    ("rules-of-engagement", "under_negotiation", REPORTED, "Rubio: discussions are under way.", [RUBIO]),
    (
        "hamas-disarmament",
        "unresolved",
        REPORTED,
        "Hamas has so far not committed to disarming.",
        ["2025-10-24-reuters-hamas-disarmament-and-crackdown"],
    ),
    (
        "no-combat-against-hamas",
        "unresolved",
        REPORTED,
        "H.A. Hellyer's assessment; the report says no more.",
        [HELLYER],
    ),
    (
        "force-shape",
        "unresolved",
        REPORTED,
        "Many countries do not yet know what shape the force will take.",
        ["2025-10-20-officials-countries-hesitate"],
    ),
    (
        "force-composition",
        "unresolved",
        THIS_WEEK,
        "Israel's concerns; Netanyahu opposes any role for Turkish forces.",
        ["2025-10-20-benjamin-netanyahu-turkish-forces", OBSTACLES],
    ),
    ("troop-contributor-readiness", "unresolved", REPORTED, "One of the obstacles the report lists.", [OBSTACLES]),
    (
        "israeli-withdrawal-pace",
        "under_negotiation",
        REPORTED,
        "Two officials: the pace is being discussed.",
        ["2025-10-20-two-officials-withdrawal-pace"],
    ),
]

EVENTS = [
    *[("pledge", *event) for event in PLEDGE_EVENTS],
    *[("initiative", *event) for event in INITIATIVE_EVENTS],
    *[("condition", *event) for event in CONDITION_EVENTS],
]
