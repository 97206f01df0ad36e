"""What officials said for their governments, armed forces and groups, as the report gives it.

Speakers are (kind, slug, role at the time, count).
"""

from .dates import REPORTED, THIS_WEEK, UNDATED

UK_SPOKESPERSON = ("person", "uk-government-spokesperson-reuters-2025-10-24", "spokesperson, UK government", 1)

OFFICIALS = [
    {
        "key": "2025-10-20-us-military-cmcc-troops",
        "kind": "announcement",
        "line": "line 3",
        "when": THIS_WEEK,
        "speakers": [("organization", "us-military", "", None)],
        "on_behalf_of": "org:us-military",
        "spoken_language": "en",
        "text": (
            "Militer AS mengumumkan minggu ini bahwa sekitar 200 tentara dengan keahlian di bidang transportasi, "
            "perencanaan, keamanan, dan teknik telah mulai memantau gencatan senjata dan akan mengatur aliran "
            "bantuan dan bantuan keamanan ke Gaza."
        ),
        "translation": (
            "The US military announced this week that about 200 troops with expertise in transportation, "
            "planning, security and engineering have begun monitoring the ceasefire and will coordinate the flow "
            "of aid and security assistance into Gaza."
        ),
        "targets": [
            ("pledge", "usa-cmcc-troops", ""),
            ("initiative", "cmcc", ""),
            ("initiative", "gaza-ceasefire", ""),
        ],
    },
    {
        "key": "2025-10-20-hamas-spokesperson-sensitive-issue",
        "kind": "quote",
        "line": "line 9",
        "when": UNDATED,
        "speakers": [("person", "hamas-spokesperson-reuters-2025-10-24", "spokesperson, Hamas", 1)],
        "on_behalf_of": "org:hamas",
        "text": (
            "Ketika ditanya tentang keberadaan pasukan internasional, seorang juru bicara Hamas mengatakan bahwa hal "
            'itu merupakan "isu sensitif" yang membutuhkan "diskusi menyeluruh" sebelum kelompok tersebut '
            "mengambil sikap."
        ),
        "translation": (
            'Asked about the presence of an international force, a Hamas spokesperson said it was a "sensitive '
            'issue" that needed "thorough discussion" before the group takes a position.'
        ),
        "targets": [("initiative", "gaza-isf", "undecided")],
    },
    {
        "key": "2025-10-24-marco-rubio-mandate-and-rules",
        "kind": "paraphrase",
        "line": "line 13",
        "when": REPORTED,
        "speakers": [("person", "marco-rubio", "US Secretary of State", None)],
        "on_behalf_of": "USA",
        "spoken_language": "en",
        "text": (
            "Ia mengatakan bahwa diskusi sedang berlangsung mengenai aturan keterlibatan bagi pasukan tersebut dan "
            "apakah akan beroperasi di bawah mandat Perserikatan Bangsa-Bangsa."
        ),
        "translation": (
            "He said discussions were under way on the rules of engagement for the force and on whether it would "
            "operate under a United Nations mandate."
        ),
        "targets": [
            ("condition", "rules-of-engagement", ""),
            ("condition", "un-mandate", ""),
            ("initiative", "gaza-isf", ""),
        ],
    },
    {
        "key": "2025-10-20-us-and-canadian-militaries-no-response",
        "kind": "no_response",
        "line": "line 19",
        "when": UNDATED,
        "speakers": [("organization", "us-military", "", None), ("organization", "canadian-military", "", None)],
        "text": "Militer AS dan Kanada tidak menanggapi permintaan komentar.",
        "translation": "The US and Canadian militaries did not respond to requests for comment.",
        "targets": [("initiative", "cmcc", "")],
    },
    {
        "key": "2025-10-20-uk-spokesperson-planning-officers",
        "kind": "quote",
        "line": "line 19",
        "when": UNDATED,
        "speakers": [UK_SPOKESPERSON],
        "on_behalf_of": "GBR",
        "spoken_language": "en",
        "text": (
            'Seorang juru bicara pemerintah Inggris mengatakan "sejumlah kecil" petugas perencanaan berada di pusat'
        ),
        "translation": 'A UK government spokesperson said "a small number" of planning officers were at the centre',
        "targets": [("pledge", "gbr-cmcc-staff-officers", "")],
    },
    {
        "key": "2025-10-20-uk-spokesperson-declined-further-comment",
        "kind": "declined_to_comment",
        "line": "line 19",
        "when": UNDATED,
        "speakers": [UK_SPOKESPERSON],
        "on_behalf_of": "GBR",
        "text": "tetapi menolak berkomentar lebih lanjut.",
        "translation": "but declined to comment further.",
        "targets": [("pledge", "gbr-cmcc-staff-officers", "")],
    },
    {
        "key": "2025-10-20-jd-vance-gulf-turkey-indonesia",
        "kind": "paraphrase",
        "line": "line 24",
        "when": THIS_WEEK,
        "speakers": [("person", "jd-vance", "US Vice President", None)],
        "on_behalf_of": "USA",
        "spoken_language": "en",
        "text": (
            "Dalam kunjungannya ke Israel minggu ini, Wakil Presiden AS JD Vance mengisyaratkan bahwa negara-negara "
            "Teluk, Turki, dan Indonesia dapat terlibat."
        ),
        "translation": (
            "On his visit to Israel this week, US Vice President JD Vance signalled that Gulf states, Turkey and "
            "Indonesia could be involved."
        ),
        "targets": [
            ("pledge", "gulf-states-gaza-isf-troops", "supports"),
            ("pledge", "tur-gaza-isf-troops", "supports"),
            ("pledge", "idn-gaza-isf-troops", "supports"),
        ],
    },
    {
        "key": "2025-10-20-benjamin-netanyahu-turkish-forces",
        "kind": "paraphrase",
        "line": "line 25",
        "when": THIS_WEEK,
        "speakers": [("person", "benjamin-netanyahu", "Prime Minister of Israel", None)],
        "on_behalf_of": "ISR",
        "text": (
            "Perdana Menteri Israel Benjamin Netanyahu minggu ini mengindikasikan penentangannya terhadap peran apa "
            "pun bagi pasukan Turki."
        ),
        "translation": (
            "Israeli Prime Minister Benjamin Netanyahu this week indicated his opposition to any role for Turkish "
            "forces."
        ),
        "targets": [("pledge", "tur-gaza-isf-troops", "opposes"), ("condition", "force-composition", "")],
    },
]
