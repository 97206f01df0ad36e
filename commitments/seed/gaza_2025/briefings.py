"""What unnamed officials, diplomats and security sources told the reporters about the talks on the force.

Speakers are (kind, slug, role at the time, count); a count says how many people one anonymous source is.
"""

from .dates import UNDATED

DIPLOMATS = ("person", "diplomats-reuters-2025-10-24", "diplomats familiar with the discussions", 3)

BRIEFINGS = [
    {
        "key": "2025-10-20-officials-countries-hesitate",
        "kind": "paraphrase",
        "line": "line 14",
        "when": UNDATED,
        "speakers": [("person", "officials-briefed-reuters-2025-10-24", "officials briefed on the talks", None)],
        "text": (
            "Para pejabat yang diberi pengarahan tentang pembicaraan tersebut mengatakan bahwa telah ada permohonan "
            "kepada negara-negara untuk bergabung dengan pasukan tersebut, tetapi banyak yang ragu untuk "
            "menjanjikan dukungan tanpa mengetahui seperti apa bentuk pasukan tersebut nantinya."
        ),
        "translation": (
            "Officials briefed on the talks said countries had been asked to join the force, but many are hesitant "
            "to pledge support without knowing what shape the force will take."
        ),
        "targets": [("initiative", "gaza-isf", ""), ("condition", "force-shape", "")],
    },
    {
        "key": "2025-10-20-diplomats-two-forces",
        "kind": "paraphrase",
        "line": "line 14",
        "when": UNDATED,
        "speakers": [DIPLOMATS],
        "text": (
            "Salah satu proposal adalah untuk dua pasukan: satu mengamankan perbatasan antara Israel dan Gaza dan "
            "satu lagi beroperasi di dalam wilayah kantong tersebut, menurut tiga diplomat yang mengetahui diskusi "
            "tersebut."
        ),
        "translation": (
            "One proposal is for two forces: one securing the border between Israel and Gaza and another operating "
            "inside the enclave, according to three diplomats familiar with the discussions."
        ),
        "targets": [("initiative", "isf-two-forces", "")],
    },
    {
        "key": "2025-10-20-diplomats-pa-security-forces",
        "kind": "paraphrase",
        "line": "line 15",
        "when": UNDATED,
        "speakers": [DIPLOMATS],
        "text": (
            "Beberapa negara Eropa menginginkan ribuan pasukan keamanan Otoritas Palestina dari Tepi Barat yang "
            "diduduki Israel yang telah dilatih di Mesir dan Yordania untuk beroperasi di dalam Gaza, dengan jumlah "
            "pasukan internasional yang lebih sedikit, kata mereka."
        ),
        "translation": (
            "Some European countries want thousands of Palestinian Authority security forces from the "
            "Israeli-occupied West Bank who have been trained in Egypt and Jordan to operate inside Gaza, with a "
            "smaller number of international troops, they said."
        ),
        "targets": [
            ("initiative", "pa-security-forces-deployment", ""),
            ("pledge", "palestinian-authority-gaza-security-forces", ""),
            ("party", "EGY", ""),
            ("party", "JOR", ""),
        ],
    },
    {
        "key": "2025-10-20-diplomats-european-police-observers",
        "kind": "paraphrase",
        "line": "line 16",
        "when": UNDATED,
        "speakers": [DIPLOMATS],
        "text": (
            "Berdasarkan rencana ini, beberapa polisi Eropa dapat bertindak sebagai pengamat di dalam Gaza, bekerja "
            "langsung bersama pasukan Palestina, tetapi belum jelas negara mana yang akan terlibat, kata para "
            "diplomat."
        ),
        "translation": (
            "Under this plan, some European police could act as observers inside Gaza, working directly alongside "
            "the Palestinian forces, but it is not yet clear which countries would be involved, the diplomats said."
        ),
        "targets": [
            ("initiative", "european-police-observers", ""),
            ("pledge", "european-countries-police-observers", ""),
        ],
    },
    {
        "key": "2025-10-20-israeli-security-sources-phased-entry",
        "kind": "paraphrase",
        "line": "line 17",
        "when": UNDATED,
        "speakers": [
            ("person", "israeli-security-sources-reuters-2025-10-24", "Israeli security sources", 2),
            ("person", "official-briefed-reuters-2025-10-24", "an official briefed on the talks", 1),
        ],
        "text": (
            "Rencana AS adalah agar pasukan internasional bergerak secara bertahap, dimulai dengan wilayah Rafah di "
            "Gaza selatan yang berada di bawah kendali Israel, menurut dua sumber keamanan Israel dan seorang "
            "pejabat yang diberi pengarahan tentang pembicaraan tersebut."
        ),
        "translation": (
            "The US plan is for the international force to move in gradually, starting with the Rafah area in "
            "southern Gaza, which is under Israeli control, according to two Israeli security sources and an "
            "official briefed on the talks."
        ),
        "targets": [("initiative", "isf-phased-entry-rafah", "")],
    },
    {
        "key": "2025-10-20-two-officials-withdrawal-pace",
        "kind": "paraphrase",
        "line": "line 18",
        "when": UNDATED,
        "speakers": [("person", "two-officials-reuters-2025-10-24", "officials", 2)],
        "text": (
            "Dua pejabat tersebut mengatakan bahwa kecepatan penarikan pasukan Israel dari wilayah yang diawasi oleh "
            "pasukan internasional sedang dibahas."
        ),
        "translation": (
            "The two officials said that the pace of the withdrawal of Israeli forces from areas overseen by the "
            "international force was being discussed."
        ),
        "targets": [("condition", "israeli-withdrawal-pace", "")],
    },
]
