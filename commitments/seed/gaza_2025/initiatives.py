"""Initiatives and pledges of the report. A party is an ISO alpha-3 code, `group:<slug>` or `org:<slug>`."""

from .dates import TWO_WEEKS_AGO

INITIATIVES = [
    {
        "slug": "gaza-peace-plan",
        "name": "Trump's plan to end the Gaza war",
        "description": "US President Donald Trump's plan to end the war in Gaza.",
        "lead": "USA",
        "location": "Gaza",
    },
    {
        "slug": "gaza-ceasefire",
        "name": "Gaza ceasefire",
        "description": (
            'The fragile ("rapuh") temporary ceasefire in Gaza, which took effect two weeks before the report.'
        ),
        "location": "Gaza",
        "start": TWO_WEEKS_AGO,
    },
    {
        "slug": "cmcc",
        "name": "Civil-Military Coordination Center",
        "description": (
            "Centre from which US forces have begun monitoring the Gaza ceasefire and planning the international "
            "force for the enclave; the troops will coordinate the flow of aid and security assistance into Gaza. "
            "It works from a short grey building, usually a cargo centre, in a business district across from timber "
            "and steel factories; the building also houses Israeli, British and Canadian military personnel."
        ),
        "lead": "USA",
        "location": "Kiryat Gat, southern Israel (north-east of Gaza)",
    },
    {
        "slug": "gaza-isf",
        "name": "International force (pasukan internasional)",
        "description": (
            'The US-backed international force to stabilise Gaza ("pasukan internasional"), a key part of '
            "President Trump's plan to end the war. The US has ruled out sending its own troops into Gaza."
        ),
        "parent": "gaza-peace-plan",
        "lead": "USA",
        "location": "Gaza",
        "editor_supplied": ["lead"],
    },
    {
        "slug": "isf-two-forces",
        "name": "Two forces: one on the Israel–Gaza border, one inside Gaza",
        "description": (
            "A proposal for two forces, one securing the border between Israel and Gaza and one operating inside "
            "the enclave (three diplomats familiar with the discussions)."
        ),
        "parent": "gaza-isf",
        "location": "Gaza and the Israel–Gaza border",
    },
    {
        "slug": "isf-phased-entry-rafah",
        "name": "Phased entry of the force, starting with Rafah",
        "description": (
            "The US plan for the international force to move in gradually, starting with the Rafah area in "
            "southern Gaza, which is under Israeli control (two Israeli security sources and an official briefed "
            "on the talks)."
        ),
        "parent": "gaza-isf",
        "lead": "USA",
        "location": "Rafah, southern Gaza",
    },
    {
        "slug": "pa-security-forces-deployment",
        "name": "Deployment of Palestinian Authority security forces in Gaza",
        "description": (
            "What some European countries want: thousands of Palestinian Authority security forces from the "
            "Israeli-occupied West Bank, trained in Egypt and Jordan, operating inside Gaza with a smaller "
            "international force (diplomats). The report names none of these countries."
        ),
        "parent": "gaza-isf",
        "location": "Gaza",
    },
    {
        "slug": "european-police-observers",
        "name": "European police observers in Gaza",
        "description": (
            "Under the European plan, some European police could act as observers inside Gaza, working directly "
            "alongside the Palestinian forces; which countries would take part is not yet clear (diplomats)."
        ),
        "parent": "pa-security-forces-deployment",
        "location": "Gaza",
    },
]

VANCE_NOTE = "Vance signalled during his visit to Israel this week that it could be involved."
DRAW_ON_NOTE = "The report: the US could draw on its forces for the international force."

PLEDGES = [
    {
        "key": "usa-cmcc-troops",
        "party": "USA",
        "initiative": "cmcc",
        "kind": "troops",
        "quantity_qualifier": "approximate",
        "quantity_low": 200,
        "quantity_high": 200,
        "quantity_text": "sekitar 200 tentara",
        "description": (
            "About 200 troops with expertise in transportation, planning, security and engineering, who have "
            "begun monitoring the ceasefire and will coordinate the flow of aid and security assistance into Gaza."
        ),
        "lines": "lines 2-3",
    },
    {
        "key": "usa-gaza-isf-troops",
        "party": "USA",
        "initiative": "gaza-isf",
        "kind": "troops",
        "description": "The United States has ruled out sending its own troops into Gaza.",
        "lines": "line 6",
    },
    {
        "key": "gbr-cmcc-staff-officers",
        "party": "GBR",
        "initiative": "cmcc",
        "kind": "staff_officers",
        "quantity_text": "sejumlah kecil",
        "description": (
            '"A small number" of planning officers at the centre, according to a UK government spokesperson, '
            "who declined to comment further."
        ),
        "lines": "lines 4, 19",
    },
    {
        "key": "isr-cmcc-personnel",
        "party": "ISR",
        "initiative": "cmcc",
        "kind": "personnel",
        "description": "Israeli military personnel in the centre's building; the report gives no number.",
        "lines": "line 4",
    },
    {
        "key": "can-cmcc-personnel",
        "party": "CAN",
        "initiative": "cmcc",
        "kind": "personnel",
        "description": "Canadian military personnel in the centre's building; the report gives no number.",
        "lines": "line 4",
    },
    {
        "key": "egy-gaza-isf-troops",
        "party": "EGY",
        "initiative": "gaza-isf",
        "kind": "troops",
        "description": DRAW_ON_NOTE,
        "lines": "line 6",
    },
    {
        "key": "idn-gaza-isf-troops",
        "party": "IDN",
        "initiative": "gaza-isf",
        "kind": "troops",
        "description": f"{DRAW_ON_NOTE} {VANCE_NOTE}",
        "lines": "lines 6, 24",
    },
    {
        "key": "gulf-states-gaza-isf-troops",
        "party": "group:gulf-states",
        "initiative": "gaza-isf",
        "kind": "troops",
        "description": f"{DRAW_ON_NOTE} {VANCE_NOTE} The report names no Gulf state.",
        "lines": "lines 6, 24",
    },
    {
        "key": "tur-gaza-isf-troops",
        "party": "TUR",
        "initiative": "gaza-isf",
        "kind": "troops",
        "description": (
            f"{VANCE_NOTE} Israeli Prime Minister Benjamin Netanyahu indicated this week his opposition to any "
            "role for Turkish forces."
        ),
        "lines": "lines 24-25",
    },
    {
        "key": "palestinian-authority-gaza-security-forces",
        "party": "org:palestinian-authority",
        "initiative": "pa-security-forces-deployment",
        "kind": "personnel",
        "quantity_qualifier": "at_least",
        "quantity_low": 1000,
        "quantity_text": "ribuan pasukan keamanan Otoritas Palestina",
        "description": (
            "Thousands of Palestinian Authority security forces from the Israeli-occupied West Bank, trained in "
            'Egypt and Jordan, to operate inside Gaza, as some European countries want. "Thousands" is recorded '
            'as at least 1,000. The kind is personnel because the report says security forces ("pasukan '
            'keamanan"), neither police nor troops.'
        ),
        "lines": "line 15",
    },
    {
        "key": "european-countries-police-observers",
        "party": "group:european-countries",
        "initiative": "european-police-observers",
        "kind": "observers",
        "quantity_text": "beberapa polisi Eropa",
        "description": (
            "Some European police could act as observers inside Gaza, working directly alongside the Palestinian "
            "forces; it is not yet clear which countries would be involved."
        ),
        "lines": "line 16",
    },
]
