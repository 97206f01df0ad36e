"""Country groups, organizations and people of the report.

Anonymous people carry the report's date in their slug: "a Hamas spokesperson" in another report may be
someone else.
"""

GROUPS = [
    {
        "slug": "gulf-states",
        "name": "Gulf states",
        "description": (
            'Gulf states, as sources speak of them ("negara-negara Teluk"). The source names none, so no member '
            "is recorded."
        ),
        "members": [],
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
    {
        "slug": "reuters",
        "name": "Reuters",
        "kind": "media",
        "description": "News agency.",
        "editor_supplied": ["kind", "description"],
    },
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
        "editor_supplied": ["acronym", "kind"],
        "country": "PSE",
        "description": "The Palestinian Authority, whose security forces serve in the Israeli-occupied West Bank.",
    },
    {
        "slug": "united-nations",
        "name": "United Nations",
        "acronym": "UN",
        "kind": "multilateral",
        "editor_supplied": ["acronym", "kind"],
    },
    {
        "slug": "rusi",
        "name": "Royal United Services Institute",
        "acronym": "RUSI",
        "kind": "think_tank",
        "country": "GBR",
        "description": (
            'British institute ("Royal United Services Institute Inggris"), where H.A. Hellyer works; the report '
            "says no more of it."
        ),
        "editor_supplied": ["kind"],
    },
    {
        "slug": "washington-institute",
        "name": "Washington Institute for Near East Policy",
        "kind": "think_tank",
        "description": ('Where Assaf Orion is a fellow ("peneliti"); the report says no more of it, nor where it is.'),
        "editor_supplied": ["kind"],
    },
    {
        "slug": "gaza-health-officials",
        "name": "Gaza health officials",
        "kind": "government_body",
        "editor_supplied": ["kind"],
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
        "description": 'The armed forces of Canada ("Militer … Kanada").',
    },
    {
        "slug": "israeli-military",
        "name": "Israeli military",
        "kind": "military",
        "country": "ISR",
        "description": (
            'The armed forces of Israel ("militer Israel"), whose personnel the CMCC houses and whose former head '
            "of strategy is Assaf Orion."
        ),
    },
    {
        "slug": "british-military",
        "name": "British military",
        "kind": "military",
        "country": "GBR",
        "description": (
            'The armed forces of the United Kingdom ("personel militer … Inggris"), with personnel at the CMCC.'
        ),
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
    {
        "slug": "donald-trump",
        "name": "Donald Trump",
        "description": 'US President ("Presiden AS Donald Trump"), whose plan to end the war the force is part of',
        "country": "USA",
    },
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
            'At the Royal United Services Institute: the translation reads "seorang senior atau rekan peneliti" '
            '("a senior or research fellow"); his exact title is not given'
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
        "editor_supplied": ["country"],
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
