"""What the report says in its own voice: statements of kind `report` by its publisher, dated the report's day."""

from typing import Any

from .dates import REPORTED

REUTERS = ("organization", "reuters", "publisher, in the report's own voice", None)

_REPORTS: list[dict[str, Any]] = [
    {
        "key": "2025-10-24-reuters-photo-caption",
        "line": "line 1 (photo caption)",
        "text": (
            "Seorang anggota militer AS duduk di luar Pusat Koordinasi Sipil-Militer, pada hari kunjungan Menteri "
            "Luar Negeri AS Marco Rubio, di Kiryat Gat, Israel selatan, 24 Oktober 2025."
        ),
        "translation": (
            "A US military member sits outside the Civil-Military Coordination Center, on the day of US Secretary "
            "of State Marco Rubio's visit, in Kiryat Gat, southern Israel, 24 October 2025."
        ),
        "targets": [("initiative", "cmcc", "")],
    },
    {
        "key": "2025-10-24-reuters-us-forces-begin-monitoring",
        "line": "line 2",
        "text": (
            "Di sebuah gedung abu-abu pendek yang biasanya beroperasi sebagai pusat kargo di kawasan industri "
            "Israel selatan, pasukan AS telah memulai tugas kompleks untuk memantau gencatan senjata Gaza yang "
            "rapuh dan merencanakan pasukan internasional untuk menstabilkan enklave tersebut."
        ),
        "translation": (
            "In a short grey building that usually operates as a cargo centre in an industrial zone in southern "
            "Israel, US forces have begun the complex task of monitoring the fragile Gaza ceasefire and planning "
            "an international force to stabilise the enclave."
        ),
        "targets": [("initiative", "cmcc", ""), ("initiative", "gaza-ceasefire", ""), ("initiative", "gaza-isf", "")],
    },
    {
        "key": "2025-10-24-reuters-cmcc-building",
        "line": "line 4",
        "text": (
            "Pusat Koordinasi Sipil-Militer beroperasi dari sebuah kawasan bisnis di seberang pabrik kayu dan baja "
            "di Kiryat Gat, sebuah kota di timur laut Gaza. Gedung ini juga menampung personel militer Israel, "
            "Inggris, dan Kanada."
        ),
        "translation": (
            "The Civil-Military Coordination Center operates from a business district across from timber and "
            "steel factories in Kiryat Gat, a town north-east of Gaza. The building also houses Israeli, British "
            "and Canadian military personnel."
        ),
        "targets": [
            ("initiative", "cmcc", ""),
            ("pledge", "isr-cmcc-personnel", ""),
            ("pledge", "gbr-cmcc-staff-officers", ""),
            ("pledge", "can-cmcc-personnel", ""),
        ],
    },
    {
        "key": "2025-10-24-reuters-isf-possible-contributors",
        "line": "line 6",
        "text": (
            "Salah satu misi utamanya adalah pembentukan pasukan internasional yang didukung AS untuk wilayah "
            "kantong tersebut. Meskipun AS telah mengesampingkan pengiriman tentaranya sendiri ke Gaza, AS dapat "
            "memanfaatkan pasukan dari Mesir, Indonesia, dan negara-negara Teluk."
        ),
        "translation": (
            "One of its main missions is the formation of a US-backed international force for the enclave. "
            "Although the US has ruled out sending its own troops into Gaza, it could draw on forces from Egypt, "
            "Indonesia and Gulf states."
        ),
        "targets": [
            ("initiative", "gaza-isf", ""),
            ("pledge", "usa-gaza-isf-troops", ""),
            ("pledge", "egy-gaza-isf-troops", ""),
            ("pledge", "idn-gaza-isf-troops", ""),
            ("pledge", "gulf-states-gaza-isf-troops", ""),
        ],
    },
    {
        "key": "2025-10-24-reuters-isf-key-part-and-obstacles",
        "line": "line 7",
        "text": (
            "Pembentukan pasukan internasional merupakan bagian penting dari rencana Presiden AS Donald Trump "
            "untuk mengakhiri perang. Namun, masih banyak kendala yang menghadang, mulai dari kesiapan "
            "negara-negara Arab dan negara-negara lain untuk mengirimkan pasukan hingga kekhawatiran Israel tentang "
            "komposisi pasukan."
        ),
        "translation": (
            "The formation of an international force is a key part of US President Donald Trump's plan to end the "
            "war. But many obstacles remain, from the readiness of Arab states and other countries to send troops "
            "to Israel's concerns about the composition of the force."
        ),
        "targets": [
            ("initiative", "gaza-isf", ""),
            ("initiative", "gaza-peace-plan", ""),
            ("condition", "troop-contributor-readiness", ""),
            ("condition", "force-composition", ""),
            ("party", "group:arab-states", ""),
        ],
    },
    {
        "key": "2025-10-24-reuters-hamas-disarmament-and-crackdown",
        "line": "line 9",
        "text": (
            "Tantangan utamanya adalah kelompok militan Palestina Hamas sejauh ini belum berkomitmen untuk melucuti "
            "senjata dan, sejak gencatan senjata sementara diberlakukan dua minggu lalu, telah memulai tindakan "
            "keras yang keras terhadap kelompok-kelompok yang telah menguji cengkeramannya pada kekuasaan."
        ),
        "translation": (
            "The main challenge is that the Palestinian militant group Hamas has so far not committed to disarming "
            "and, since the temporary ceasefire took effect two weeks ago, has launched a harsh crackdown on groups "
            "that have tested its grip on power."
        ),
        "targets": [
            ("condition", "hamas-disarmament", ""),
            ("party", "org:hamas", ""),
            ("initiative", "gaza-ceasefire", ""),
        ],
    },
    {
        "key": "2025-10-24-reuters-israel-death-toll-2023-10-07",
        "line": "line 10",
        "on_behalf_of": None,
        "according_to": [("ISR", "menurut penghitungan Israel")],
        "text": (
            "Perang Gaza dipicu oleh serangan yang dipimpin Hamas pada 7 Oktober 2023 yang menewaskan sekitar 1.200 "
            "orang di Israel, menurut penghitungan Israel."
        ),
        "translation": (
            "The Gaza war was triggered by the Hamas-led attack of 7 October 2023, which killed about 1,200 people "
            "in Israel, according to Israeli tallies."
        ),
    },
    {
        "key": "2025-10-24-reuters-gaza-death-toll",
        "line": "line 11",
        "on_behalf_of": None,
        "according_to": [("org:gaza-health-officials", "menurut pejabat kesehatan Gaza")],
        "text": (
            "Lebih dari 68.000 warga Palestina telah tewas sejak saat itu dalam serangan Israel di Gaza, menurut "
            "pejabat kesehatan Gaza."
        ),
        "translation": (
            "More than 68,000 Palestinians have been killed since then in Israeli attacks in Gaza, according to "
            "Gaza health officials."
        ),
    },
    {
        "key": "2025-10-24-reuters-heading-mandate-uncertainty",
        "line": "line 12 (heading)",
        "text": "KETIDAKPASTIAN ATAS MANDAT MELEMBUTKAN DORONGAN UNTUK MEMBENTUK KEKUATAN",
        "translation": "Uncertainty over mandate softens push to form force",
        "targets": [("condition", "un-mandate", ""), ("initiative", "gaza-isf", "")],
    },
    {
        "key": "2025-10-24-reuters-heading-force-key-part",
        "line": "line 5 (heading)",
        "text": "PASUKAN INTERNASIONAL BAGIAN PENTING DARI RENCANA GENJATAN SENJATA",
        "translation": "International force a key part of ceasefire plan",
        "targets": [("initiative", "gaza-isf", ""), ("initiative", "gaza-peace-plan", "")],
    },
    {
        "key": "2025-10-24-reuters-heading-viability-questions",
        "line": "line 20 (heading)",
        "text": "PERTANYAAN ATAS VIABILITAS",
        "translation": "Questions over viability",
        "targets": [("initiative", "gaza-isf", "")],
    },
    {
        "key": "2025-10-24-reuters-tensions-already",
        "line": "line 25",
        "text": "Namun, ketegangan sudah terjadi.",
        "translation": "But tensions have already emerged.",
        "targets": [("condition", "force-composition", "")],
    },
    {
        "key": "2025-10-24-reuters-rubio-visit",
        "line": "line 13",
        "text": (
            "Menteri Luar Negeri AS Marco Rubio mengunjungi lokasi pemantauan Kiryat Gat pada hari Jumat sebagai "
            "salah satu perhentian pertamanya dalam kunjungan dua hari ke Israel."
        ),
        "translation": (
            "US Secretary of State Marco Rubio visited the Kiryat Gat monitoring site on Friday as one of his first "
            "stops on a two-day visit to Israel."
        ),
        "targets": [("initiative", "cmcc", "")],
    },
]

REPORTED_STATEMENTS = [
    {"kind": "report", "when": REPORTED, "speakers": [REUTERS], "spoken_language": "en", **spec} for spec in _REPORTS
]
