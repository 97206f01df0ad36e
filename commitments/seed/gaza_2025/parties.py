"""Country groups, organizations and people of the report.

Anonymous people carry the report's date in their slug: "a Hamas spokesperson" in another report may be
someone else.
"""

GROUPS = [
    {
        "slug": "gulf-states",
        "name": "Gulf states",
        "description": (
            'The states of the Gulf, as sources speak of them ("negara-negara Teluk"). The source names no '
            "members: the members recorded here are the six member states of the Gulf Cooperation Council "
            "(GCC), added by an editor."
        ),
        "members": ["SAU", "ARE", "QAT", "KWT", "BHR", "OMN"],
    },
    {
        "slug": "arab-states",
        "name": "Arab states",
        "description": 'Arab states, as sources speak of them ("negara-negara Arab"). The source names none.',
        "members": [],
    },
    {
        "slug": "european-countries",
        "name": "European countries",
        "description": (
            'European countries, as sources speak of them ("beberapa negara Eropa", "polisi Eropa"). The '
            'source names none: "it is not yet clear which countries would be involved".'
        ),
        "members": [],
    },
]

ORGANIZATIONS = [
    {"slug": "reuters", "name": "Reuters", "kind": "media", "description": "News agency."},
    {
        "slug": "hamas",
        "name": "Hamas",
        "kind": "armed_group",
        "country": "PSE",
        "description": 'Palestinian militant group ("kelompok militan Palestina Hamas").',
    },
    {
        "slug": "palestinian-authority",
        "name": "Palestinian Authority",
        "acronym": "PA",
        "kind": "government_body",
        "country": "PSE",
        "description": "The Palestinian Authority, whose security forces serve in the Israeli-occupied West Bank.",
    },
    {"slug": "united-nations", "name": "United Nations", "acronym": "UN", "kind": "multilateral"},
    {
        "slug": "rusi",
        "name": "Royal United Services Institute",
        "acronym": "RUSI",
        "kind": "think_tank",
        "country": "GBR",
        "description": "British defence and security think tank.",
    },
    {
        "slug": "washington-institute",
        "name": "Washington Institute for Near East Policy",
        "kind": "think_tank",
        "country": "USA",
        "description": "US think tank.",
    },
    {
        "slug": "gaza-health-officials",
        "name": "Gaza health officials",
        "kind": "government_body",
        "country": "PSE",
        "description": 'Health authorities in Gaza, as the report cites them ("pejabat kesehatan Gaza").',
    },
    {
        "slug": "us-military",
        "name": "United States military",
        "kind": "military",
        "country": "USA",
        "description": 'The armed forces of the United States ("Militer AS").',
    },
    {
        "slug": "canadian-military",
        "name": "Canadian military",
        "kind": "military",
        "country": "CAN",
        "description": "The armed forces of Canada.",
    },
    {
        "slug": "uk-government",
        "name": "UK government",
        "kind": "government_body",
        "country": "GBR",
        "description": 'The government of the United Kingdom ("pemerintah Inggris").',
    },
]

PEOPLE = [
    {"slug": "marco-rubio", "name": "Marco Rubio", "description": "US Secretary of State", "country": "USA"},
    {"slug": "jd-vance", "name": "JD Vance", "description": "US Vice President", "country": "USA"},
    {
        "slug": "benjamin-netanyahu",
        "name": "Benjamin Netanyahu",
        "description": "Prime Minister of Israel",
        "country": "ISR",
    },
    {
        "slug": "itamar-rabinovich",
        "name": "Itamar Rabinovich",
        "description": "Former Israeli ambassador to Washington",
        "country": "ISR",
    },
    {
        "slug": "ha-hellyer",
        "name": "H.A. Hellyer",
        "description": (
            'Senior associate fellow at the Royal United Services Institute (the translation reads "seorang '
            'senior atau rekan peneliti")'
        ),
        "organization": "rusi",
    },
    {
        "slug": "assaf-orion",
        "name": "Assaf Orion",
        "description": (
            "Former head of strategy of the Israeli military; fellow at the Washington Institute for Near East Policy"
        ),
        "organization": "washington-institute",
        "country": "ISR",
    },
    {
        "slug": "hamas-spokesperson-reuters-2025-10-24",
        "name": "",
        "description": 'A Hamas spokesperson ("seorang juru bicara Hamas")',
        "organization": "hamas",
    },
    {
        "slug": "uk-government-spokesperson-reuters-2025-10-24",
        "name": "",
        "description": 'A UK government spokesperson ("seorang juru bicara pemerintah Inggris")',
        "organization": "uk-government",
        "country": "GBR",
    },
    {
        "slug": "officials-briefed-reuters-2025-10-24",
        "name": "",
        "description": (
            'Officials briefed on the talks on the international force ("para pejabat yang diberi pengarahan '
            'tentang pembicaraan tersebut"); the report does not say how many'
        ),
    },
    {
        "slug": "diplomats-reuters-2025-10-24",
        "name": "",
        "description": 'Diplomats familiar with the discussions ("tiga diplomat yang mengetahui diskusi tersebut")',
    },
    {
        "slug": "israeli-security-sources-reuters-2025-10-24",
        "name": "",
        "description": 'Israeli security sources ("dua sumber keamanan Israel")',
        "country": "ISR",
    },
    {
        "slug": "official-briefed-reuters-2025-10-24",
        "name": "",
        "description": (
            'An official briefed on the talks ("seorang pejabat yang diberi pengarahan tentang pembicaraan tersebut")'
        ),
    },
    {
        "slug": "two-officials-reuters-2025-10-24",
        "name": "",
        "description": (
            'Two officials ("dua pejabat tersebut"); the report does not say whether they are among the '
            "officials briefed on the talks it cites before"
        ),
    },
]
