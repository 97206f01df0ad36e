"""Conditions of the report and their links: what each holds up, who insists, who must act, and the evidence.

A link holds up a pledge (`("pledge", key)`) or an initiative (`("initiative", slug)`), and with `party` that
party's participation in the initiative. Its evidence is a statement key.
"""

ISF = ("initiative", "gaza-isf")

CONDITIONS = [
    {
        "slug": "un-mandate",
        "name": "UN mandate for the force",
        "description": "Whether the international force would operate under a United Nations mandate.",
        "links": [
            {
                "holds_up": ISF,
                "must_act": "org:united-nations",
                "statement": "2025-10-24-marco-rubio-mandate-and-rules",
                "note": "A UN mandate can only come from the United Nations; the report names no UN body.",
            }
        ],
    },
    {
        "slug": "rules-of-engagement",
        "name": "Rules of engagement for the force",
        "description": "The rules of engagement under which the international force would operate.",
        "links": [{"holds_up": ISF, "statement": "2025-10-24-marco-rubio-mandate-and-rules"}],
    },
    {
        "slug": "hamas-disarmament",
        "name": "Hamas disarmament",
        "description": (
            "Hamas has so far not committed to disarming; the report calls this the main challenge for the force."
        ),
        "links": [
            {
                "holds_up": ISF,
                "must_act": "org:hamas",
                "statement": "2025-10-20-ha-hellyer-disarmament-cooperation",
                "note": (
                    "H.A. Hellyer's assessment: unless Hamas agrees to cooperate on disarmament, no country wants to "
                    "risk its troops."
                ),
            },
            {
                "holds_up": ("initiative", "gaza-ceasefire"),
                "must_act": "org:hamas",
                "statement": "2025-10-20-assaf-orion-israel-may-resume-war",
                "note": (
                    "Assaf Orion's assessment: if the force is not formed and Hamas refuses to disarm, Israel would "
                    "likely resume the war."
                ),
            },
        ],
    },
    {
        "slug": "no-combat-against-hamas",
        "name": "Contributors not expected to fight Hamas",
        "description": "Whether troops sent to the force would be expected to fight Hamas.",
        "links": [
            {
                "holds_up": ISF,
                "statement": "2025-10-20-ha-hellyer-reluctant-contributors",
                "note": (
                    "H.A. Hellyer's assessment: most countries would be reluctant to send troops if they were expected "
                    "to fight Hamas."
                ),
            }
        ],
    },
    {
        "slug": "force-shape",
        "name": "Shape of the force",
        "description": "What the international force will look like; many countries want to know before committing.",
        "links": [
            {
                "holds_up": ISF,
                "statement": "2025-10-20-officials-countries-hesitate",
                "note": (
                    "Countries have been asked to join the force, but many (the report names none) are hesitant to "
                    "pledge support without knowing what shape it will take."
                ),
            }
        ],
    },
    {
        "slug": "force-composition",
        "name": "Composition of the force",
        "description": "Israel's concerns about which countries' forces make up the international force.",
        "links": [
            {"holds_up": ISF, "insisted_by": "ISR", "statement": "2025-10-24-reuters-isf-key-part-and-obstacles"},
            {
                "holds_up": ("pledge", "tur-gaza-isf-troops"),
                "insisted_by": "ISR",
                "statement": "2025-10-20-benjamin-netanyahu-turkish-forces",
                "note": (
                    "Netanyahu indicated his opposition to any role for Turkish forces; the report says tensions "
                    "have already surfaced."
                ),
            },
        ],
    },
    {
        "slug": "troop-contributor-readiness",
        "name": "Readiness of states to send troops",
        "description": "The readiness of Arab states and other countries to send troops to the international force.",
        "links": [
            {
                "holds_up": ISF,
                "party": "group:arab-states",
                "statement": "2025-10-24-reuters-isf-key-part-and-obstacles",
            },
            {
                "holds_up": ISF,
                "statement": "2025-10-24-reuters-isf-key-part-and-obstacles",
                "note": "Other countries than the Arab states; the report names none.",
            },
        ],
    },
    {
        "slug": "palestinian-state-push",
        "name": "Push for a Palestinian state",
        "description": (
            "A major push to establish a Palestinian state. The report does not say whether one is under way, so "
            "the condition has no status."
        ),
        "links": [
            {
                "holds_up": ISF,
                "party": "group:arab-states",
                "statement": "2025-10-20-ha-hellyer-reluctant-contributors",
                "note": (
                    "H.A. Hellyer's assessment, recorded as his: Arab states would be reluctant to take part unless "
                    "there is a big push to establish a Palestinian state."
                ),
            }
        ],
    },
    {
        "slug": "israeli-withdrawal-pace",
        "name": "Pace of Israeli withdrawal",
        "description": "The pace of Israeli forces' withdrawal from areas overseen by the international force.",
        "links": [{"holds_up": ISF, "must_act": "ISR", "statement": "2025-10-20-two-officials-withdrawal-pace"}],
    },
]
