"""Statement texts in English and Indonesian, built from phrases with a skewed use, so that some words are common
and some rare (a place such as "Rafah" is in about one text in a hundred)."""

import itertools

ENGLISH = {
    "subjects": [
        "The government of",
        "The foreign ministry of",
        "Officials from",
        "A spokesperson for",
        "Diplomats from",
    ],
    "verbs": [
        "is ready to send",
        "will consider sending",
        "has ruled out sending",
        "supports sending",
        "opposes sending",
        "wants guarantees before sending",
    ],
    "objects": ["troops", "police officers", "staff officers", "observers", "engineers", "medical teams", "trainers"],
    "conditions": [
        "to the international force",
        "to the coordination centre",
        "under a United Nations mandate",
        "once Hamas agrees to disarm",
        "if the rules of engagement are clear",
        "after the Israeli withdrawal",
    ],
    "places": ["in Gaza", "near the border", "in the enclave", "from Kiryat Gat", "in the West Bank", "in Rafah"],
    "said": ["officials said", "the minister said", "according to a statement", "a spokesperson told reporters"],
}

INDONESIAN = {
    "subjects": ["Pemerintah", "Kementerian Luar Negeri", "Para pejabat dari", "Juru bicara", "Para diplomat dari"],
    "verbs": [
        "siap mengirim",
        "akan mempertimbangkan pengiriman",
        "menolak mengirim",
        "mendukung pengiriman",
        "menentang pengiriman",
        "meminta jaminan sebelum mengirim",
    ],
    "objects": ["pasukan", "polisi", "perwira staf", "pengamat", "insinyur", "tim medis", "pelatih"],
    "conditions": [
        "untuk pasukan internasional",
        "ke pusat koordinasi",
        "di bawah mandat Perserikatan Bangsa-Bangsa",
        "setelah Hamas setuju melucuti senjata",
        "jika aturan keterlibatan jelas",
        "setelah penarikan pasukan Israel",
    ],
    "places": ["di Gaza", "di dekat perbatasan", "di wilayah kantong", "dari Kiryat Gat", "di Tepi Barat", "di Rafah"],
    "said": ["kata para pejabat", "kata menteri", "menurut sebuah pernyataan", "kata juru bicara kepada wartawan"],
}

# How often each phrase of a list is used, most common first: the last place ("Rafah") in about 1 % of texts.
PLACE_WEIGHTS = [40, 25, 20, 9, 5, 1]
PLACE_CUMULATIVE = list(itertools.accumulate(PLACE_WEIGHTS))


def statement_text(rng, phrases, country_name, number):
    subject, verb = rng.choice(phrases["subjects"]), rng.choice(phrases["verbs"])
    what, condition = rng.choice(phrases["objects"]), rng.choice(phrases["conditions"])
    place = rng.choices(phrases["places"], cum_weights=PLACE_CUMULATIVE)[0]
    return f"{subject} {country_name} {verb} {number} {what} {condition} {place}, {rng.choice(phrases['said'])}."
