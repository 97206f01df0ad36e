"""What former officials and researchers told the reporters: their assessments, recorded as theirs.

Speakers are (kind, slug, role at the time, count).
"""

from .dates import UNDATED

HELLYER = ("person", "ha-hellyer", "senior associate fellow, Royal United Services Institute", None)

ANALYSTS = [
    {
        "key": "2025-10-20-itamar-rabinovich-force-needed",
        "kind": "quote",
        "line": "line 8",
        "when": UNDATED,
        "speakers": [("person", "itamar-rabinovich", "former Israeli ambassador to Washington", None)],
        "text": (
            '"Ini akan sangat diperlukan untuk mencegah konflik berlanjut," kata Itamar Rabinovich, mantan duta '
            'besar Israel untuk Washington. "Ini bisa dilakukan, tetapi akan sangat sulit."'
        ),
        "translation": (
            '"This will be badly needed to prevent the conflict from continuing," said Itamar Rabinovich, a '
            'former Israeli ambassador to Washington. "It can be done, but it will be very difficult."'
        ),
        "targets": [("initiative", "gaza-isf", "supports")],
    },
    {
        "key": "2025-10-20-ha-hellyer-skeptical-enough-troops",
        "kind": "paraphrase",
        "line": "line 21",
        "when": UNDATED,
        "speakers": [HELLYER],
        "text": (
            "HA. Hellyer, seorang senior atau rekan peneliti di Royal United Services Institute Inggris, skeptis "
            "bahwa cukup banyak negara yang akan mengirimkan pasukan untuk membuat pasukan tersebut berfungsi."
        ),
        "translation": (
            "H.A. Hellyer, a senior or research fellow at Britain's Royal United Services Institute, is sceptical "
            "that enough countries will send troops to make the force work."
        ),
        "targets": [("initiative", "gaza-isf", "skeptical")],
    },
    {
        "key": "2025-10-20-ha-hellyer-reluctant-contributors",
        "kind": "paraphrase",
        "line": "line 22",
        "when": UNDATED,
        "speakers": [HELLYER],
        "text": (
            "Hellyer mengatakan sebagian besar negara akan enggan mengirimkan pasukan jika mereka diharapkan untuk "
            "melawan Hamas, sementara negara-negara Arab akan enggan untuk ambil bagian kecuali ada dorongan besar "
            "untuk mendirikan negara Palestina."
        ),
        "translation": (
            "Hellyer said most countries would be reluctant to send troops if they were expected to fight Hamas, "
            "while Arab states would be reluctant to take part unless there were a big push to establish a "
            "Palestinian state."
        ),
        "targets": [
            ("initiative", "gaza-isf", "skeptical"),
            ("condition", "no-combat-against-hamas", ""),
            ("condition", "palestinian-state-push", ""),
            ("party", "group:arab-states", ""),
        ],
    },
    {
        "key": "2025-10-20-ha-hellyer-disarmament-cooperation",
        "kind": "quote",
        "line": "line 23",
        "when": UNDATED,
        "speakers": [HELLYER],
        "text": (
            'Kecuali Hamas setuju untuk bekerja sama dalam pelucutan senjata, maka "tidak ada negara yang mau '
            'mengambil risiko pasukan mereka terjerumus ke dalam masalah militer", kata Hellyer.'
        ),
        "translation": (
            'Unless Hamas agrees to cooperate on disarmament, "no country wants to risk its troops being dragged '
            'into military trouble", Hellyer said.'
        ),
        "targets": [("condition", "hamas-disarmament", ""), ("initiative", "gaza-isf", "conditional")],
    },
    {
        "key": "2025-10-20-assaf-orion-israel-may-resume-war",
        "kind": "quote",
        "line": "line 26",
        "when": UNDATED,
        "speakers": [
            (
                "person",
                "assaf-orion",
                "former head of strategy, Israeli military; fellow, Washington Institute for Near East Policy",
                None,
            )
        ],
        "text": (
            "Assaf Orion, mantan kepala strategi militer Israel dan peneliti di Washington Institute for Near East "
            "Policy, mengatakan jika pasukan tidak dibentuk, dan Hamas menolak untuk melucuti senjata, maka Israel "
            'kemungkinan akan melanjutkan perang. Israel "enggan hanya melihat munculnya ancaman dan lebih memilih '
            'mencegah dan mendahuluinya", katanya.'
        ),
        "translation": (
            "Assaf Orion, a former head of strategy of the Israeli military and a fellow at the Washington "
            "Institute for Near East Policy, said that if the force is not formed and Hamas refuses to disarm, "
            'Israel would likely resume the war. Israel is "reluctant to just watch threats emerge and prefers to '
            'prevent and pre-empt them", he said.'
        ),
        "targets": [
            ("initiative", "gaza-isf", ""),
            ("condition", "hamas-disarmament", ""),
            ("initiative", "gaza-ceasefire", ""),
        ],
    },
]
