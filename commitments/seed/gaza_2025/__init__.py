"""The first data set: a Reuters report of Friday 24 October 2025 on the Civil-Military Coordination Center
(CMCC) in Kiryat Gat and the planned international force for Gaza, held in an Indonesian translation
(`cmcc-kiryat-gat-article.id.txt` beside this module).

Rules the data follows:

- Text is the translation's, as it stands; "membuka tab baru" in line 3, a web-page leftover, is dropped.
  Translations into English are an editor's. Locators give the line of the held text (line 1 is the photo
  caption; headings are lines of their own).
- Dates never claim more than the report: what it says in its own voice, and Rubio's words on the day of his
  visit ("pada hari Jumat"), are dated the report's day, 24 October 2025. What a line says happened "minggu
  ini" (this week: the US military's announcement, Vance, Netanyahu) is dated the week of Monday 20 October
  2025, precision week. "Dua minggu lalu" (two weeks ago) is the week of 6 October 2025.
- A statement whose line gives no date ("Ketika ditanya…", "kata mereka", "mengatakan": the Hamas
  spokesperson, the UK spokesperson, the US and Canadian militaries, the six briefing statements,
  Rabinovich, Hellyer, Orion) has no date. It was made no later than the report, which the API shows as its
  `reported` date (the publication date of the earliest source it cites: 24 October 2025).
- A status event takes the date of its dated evidence; one whose evidence gives no date (the UK officers,
  the PA forces and the European police and their initiatives, the two forces, the phased entry, the
  conditions resting on Hellyer and on the briefings) takes the report's day, so `valid_at` shows it from
  24 October 2025 only.
- Reporting is not speaking: the death tolls (lines 10 and 11) are Reuters' sentences, so Reuters is their
  only speaker and nobody is spoken for; what they rest on ("menurut penghitungan Israel", Israel's tallies;
  "menurut pejabat kesehatan Gaza", Gaza health officials) is recorded as what they report according to,
  with those words.
- Quantities keep the report's words; a vague word maps to the bound it guarantees ("ribuan", thousands,
  is at least 1,000) and "sejumlah kecil" (a small number) to none.
- A statement is a quote when its text holds the speaker's words in quotation marks, a paraphrase when it
  reports them. Every text is the translator's (`text_origin` "translation"): the words inside quotation
  marks (Rabinovich, Hellyer, Orion, the Hamas and UK spokespeople) are the Indonesian translator's, not
  the speaker's. The language they were translated from is recorded only where it is evident: English for
  what Reuters says in its own voice, for US and UK officials and for the US military; for Rabinovich,
  Hellyer, Orion, the Hamas spokesperson, Netanyahu and the anonymous officials, diplomats and security
  sources it is unknown. The English `translation` of each text is an editor's back-translation of the
  Indonesian, not the original English.
- Nothing the report does not state is presented as stated. A value an editor supplied is named in its record's
  `editor_supplied`, which the API shows and the audit lists:
  - The force is named as the article names it, "pasukan internasional" (the international force); its slug
    `gaza-isf` stays, as slugs never change. "International Stabilization Force" is not in the article.
  - The Gulf states group has no members: the article names none (the six GCC states recorded before were
    an editor's). The Arab states and the European countries likewise.
  - The kinds of RUSI and the Washington Institute (think tank), of Reuters (media, and its description "News
    agency"), of the UN (multilateral), of the Palestinian Authority and of Gaza health officials (government
    body), and the acronyms "UN" and "PA", are an editor's. The Washington Institute has no country, which the
    article does not give; that Assaf Orion is Israeli is an editor's reading of "mantan kepala strategi militer
    Israel". Hellyer's title is the translation's garbled "seorang senior atau rekan peneliti", not "senior
    associate fellow".
  - The force is "didukung AS" (US-backed): that the US leads it is an editor's reading.
  - The PA security forces' deployment has no lead: some European countries "want" it (line 15), which
    does not make them its lead.
  - `palestinian-state-push` has no status event: the report does not say whether such a push is under
    way. Its link to the force is Hellyer's assessment, recorded as his.
- Glosses follow the Indonesian: the heading of line 12 "MELEMBUTKAN DORONGAN" is "softens the push"; the
  CMCC's troops "akan mengatur" (will coordinate) aid, they do not yet.
- The Hamas-disarmament link to the force quotes Hellyer in its note and cites his statement (line 23) as its
  evidence.
- Records for the article's other facts: Donald Trump (whose plan it is, line 7); the Israeli and British
  militaries (lines 4 and 26); the headings of lines 5 and 20 and the sentence "Namun, ketegangan sudah
  terjadi." (line 25) as statements in the report's voice; the ceasefire is described as fragile ("rapuh",
  line 2). Egypt and Jordan, where the PA forces were trained (line 15), are targets of that line's statement
  without a stance (it is about them and takes no side), so `about_country=EGY` finds it; the deployment's
  description says it too. No model says where a force was trained, and nothing more is claimed.
- `manage.py audit_sources` prints, for this seed, `audit_sources.txt` beside this module: the undated
  statements and the events dated the report's day (above), the quotes in translation and the editor's
  English translations (above), the editor's titles and the translation's missing date (SOURCES), and each value
  named in an `editor_supplied` (above).
- Every pledge and statement cites the translation (with its line) and the Reuters original it translates;
  every status event cites the translation and the statements that show it.
"""

from .analysts import ANALYSTS
from .briefings import BRIEFINGS
from .conditions import CONDITIONS
from .dates import REPORTED
from .events import EVENTS
from .initiatives import INITIATIVES, PLEDGES
from .officials import OFFICIALS
from .parties import GROUPS, ORGANIZATIONS, PEOPLE
from .reported import REPORTED_STATEMENTS

ORIGINAL = "reuters-en"
TRANSLATION = "translation-id"

SOURCES = [
    {
        "ref": ORIGINAL,
        "title": "US troops begin monitoring Gaza ceasefire from Kiryat Gat coordination centre",
        "title_supplied": True,
        "publisher": "reuters",
        "published": REPORTED,
        "language": "en",
        "kind": "news_report",
        "notes": (
            "The English original is not held: what it says is known from its Indonesian translation. Its title "
            "and URL are not known; the title is an editor's."
        ),
    },
    {
        "ref": TRANSLATION,
        "title": (
            "Indonesian translation: US troops begin monitoring Gaza ceasefire from Kiryat Gat coordination centre"
        ),
        "title_supplied": True,
        "language": "id",
        "kind": "news_report",
        "translation_of": ORIGINAL,
        "notes": (
            "The text the seed data is drawn from (commitments/seed/gaza_2025/cmcc-kiryat-gat-article.id.txt). "
            "Its publisher, its publication date and its URL are not given, so none is recorded; the title is an "
            "editor's. Locators give the line of that text: line 1 is the photo caption, headings are lines of "
            'their own. Line 3 holds a web-page leftover (a link\'s "opens a new tab" label), left out of the '
            "statements."
        ),
    },
]

STATEMENTS = [*REPORTED_STATEMENTS, *OFFICIALS, *BRIEFINGS, *ANALYSTS]

__all__ = [
    "CONDITIONS",
    "EVENTS",
    "GROUPS",
    "INITIATIVES",
    "ORGANIZATIONS",
    "ORIGINAL",
    "PEOPLE",
    "PLEDGES",
    "SOURCES",
    "STATEMENTS",
    "TRANSLATION",
]
