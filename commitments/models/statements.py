from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tracker.dates import precision_field
from tracker.models import TrackedModel

from ..choices import Stance, StatementKind, TextOrigin, TranslationBy
from ..querysets import StatementQuerySet
from ..validators import validate_language
from .constraints import exactly_one, unique_when_set
from .sources import SourceLink


class Statement(TrackedModel):
    """Something said or reported on a date, by one or several speakers, with its sources.

    What a source says in its own voice (a death toll with its tally) is a statement of kind `report` by the
    publisher.
    """

    key = models.SlugField(
        _("key"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("Stable unique key assigned by the tracker; cite it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=StatementKind.choices)
    text = models.TextField(_("text as in the source"), blank=True)
    language = models.CharField(_("language of the text"), max_length=35, validators=[validate_language])
    spoken_language = models.CharField(
        _("language originally spoken"),
        max_length=35,
        blank=True,
        validators=[validate_language],
        help_text=_("Where the source shows it."),
    )
    text_origin = models.CharField(
        _("the text is"),
        max_length=12,
        choices=TextOrigin.choices,
        default=TextOrigin.OWN_WORDS,
        help_text=_(
            "Whether the text holds the speaker's own words or a translation of them (then from the language "
            "originally spoken, where known): words in quotation marks in a translation are the translator's."
        ),
    )
    translation = models.TextField(
        _("English translation"),
        blank=True,
        help_text=_(
            "An English rendering of the text, made by whoever `translated by` names; an editor's is a "
            "back-translation, never the words the speaker used."
        ),
    )
    translation_by = models.CharField(_("translated by"), max_length=10, choices=TranslationBy.choices, blank=True)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Stored as the first day of its period."))
    date_precision = precision_field(verbose_name=_("date precision"))
    on_behalf_of = models.ForeignKey(
        "commitments.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("on behalf of"),
    )

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["date"], name="statement_date_idx"),
            # A period filter (`stated_after`, `stated_before`) is one range for each precision: each read from here.
            models.Index(fields=["date_precision", "date"], name="statement_precision_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(translation="", translation_by="") | (~Q(translation="") & ~Q(translation_by="")),
                name="statement_translation_has_translator",
                violation_error_message=_("A translation says who made it, and only a translation does."),
                violation_error_code="statement_translation_has_translator",
            ),
            models.CheckConstraint(
                condition=Q(text_origin=TextOrigin.TRANSLATION)
                | Q(spoken_language="")
                | Q(spoken_language=F("language")),
                name="statement_own_words_in_the_spoken_language",
                violation_error_message=_(
                    "A text in another language than the one spoken is a translation, not the speaker's own words."
                ),
                violation_error_code="statement_own_words_in_the_spoken_language",
            ),
            models.CheckConstraint(
                condition=Q(text_origin=TextOrigin.OWN_WORDS) | ~Q(spoken_language=F("language")),
                name="statement_translation_from_another_language",
                violation_error_message=_("A translation is from another language than its own."),
                violation_error_code="statement_translation_from_another_language",
            ),
            models.CheckConstraint(
                condition=~Q(
                    kind__in=[
                        StatementKind.QUOTE,
                        StatementKind.PARAPHRASE,
                        StatementKind.ANNOUNCEMENT,
                        StatementKind.REPORT,
                    ]
                )
                | ~Q(text=""),
                name="statement_said_something_has_text",
                violation_error_message=_("A quote, paraphrase, announcement or report has its text."),
                violation_error_code="statement_said_something_has_text",
            ),
        ]

    def __str__(self):
        return self.key


class StatementSpeaker(TrackedModel):
    """One speaker of a statement: a person or an organization; for an anonymous group, how many."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "commitments.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="speaking_roles"
    )
    organization = models.ForeignKey(
        "commitments.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="speaking_roles"
    )
    role = models.CharField(_("role at the time"), max_length=300, blank=True)
    count = models.PositiveIntegerField(
        _("how many"), null=True, blank=True, help_text=_('For an anonymous group: "three diplomats" is 3.')
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("statement speaker")
        verbose_name_plural = _("statement speakers")
        constraints = [
            exactly_one(
                ["person", "organization"],
                "statementspeaker_person_or_organization",
                _("A speaker is either a person or an organization."),
            ),
            unique_when_set(
                ["statement", "person"],
                "person",
                "statementspeaker_person_unique",
                _("This person is already a speaker of the statement."),
            ),
            unique_when_set(
                ["statement", "organization"],
                "organization",
                "statementspeaker_organization_unique",
                _("This organization is already a speaker of the statement."),
            ),
            models.CheckConstraint(
                condition=Q(count__isnull=True) | Q(count__gte=1),
                name="statementspeaker_count_positive",
                violation_error_message=_("A count of speakers is at least 1."),
                violation_error_code="statementspeaker_count_positive",
            ),
        ]

    def feed_parents(self):
        return self.feed_parent("statement")

    def __str__(self):
        return self.label("person" if self.person_id else "organization")


class StatementSource(SourceLink):
    record_field = "statement"

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="source_links", verbose_name=_("statement")
    )

    class Meta(SourceLink.Meta):
        default_related_name = "statement_links"
        verbose_name = _("statement source")
        verbose_name_plural = _("statement sources")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "source"],
                name="statement_source_unique",
                violation_error_message=_("This source is already cited for the statement."),
                violation_error_code="statement_source_unique",
            )
        ]


class StatementTarget(TrackedModel):
    """What a statement is about, with the statement's stance on that one target."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="targets")
    party = models.ForeignKey(
        "commitments.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="statement_targets"
    )
    pledge = models.ForeignKey(
        "commitments.Pledge", on_delete=models.PROTECT, null=True, blank=True, related_name="statement_targets"
    )
    condition = models.ForeignKey(
        "commitments.Condition", on_delete=models.PROTECT, null=True, blank=True, related_name="statement_targets"
    )
    initiative = models.ForeignKey(
        "commitments.Initiative", on_delete=models.PROTECT, null=True, blank=True, related_name="statement_targets"
    )
    stance = models.CharField(_("stance"), max_length=12, choices=Stance.choices, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("statement target")
        verbose_name_plural = _("statement targets")
        # What the `about_…`, `pledge`, `condition`, `initiative` and `stance` filters read: the statements of a
        # target, with a stance, from the index alone.
        indexes = [
            *[
                models.Index(fields=[field, "stance", "statement"], name=f"target_{field}_stance")
                for field in ("party", "pledge", "condition", "initiative")
            ],
            models.Index(fields=["stance", "statement"], name="target_stance"),
            # A stance on the pledges of a large party: the pledge targets with that stance, in pledge order, merged
            # with the party's pledges (probing the pledge index once for each of thousands of pledges was slower).
            models.Index(
                fields=["stance", "pledge", "statement"],
                name="target_stance_pledge",
                condition=Q(pledge__isnull=False),
            ),
        ]
        constraints = [
            exactly_one(
                ["party", "pledge", "condition", "initiative"],
                "statementtarget_exactly_one",
                _("A target is exactly one of a party, a pledge, a condition or an initiative."),
            ),
            *[
                unique_when_set(
                    ["statement", field],
                    field,
                    f"statementtarget_{field}_unique",
                    _("The statement already has this target."),
                )
                for field in ("party", "pledge", "condition", "initiative")
            ],
        ]

    @property
    def target(self):
        return self.party or self.pledge or self.condition or self.initiative

    def feed_parents(self):
        return self.feed_parent("statement")

    def __str__(self):
        field = next(name for name in ("party", "pledge", "condition", "initiative") if getattr(self, f"{name}_id"))
        return f"{self.label('statement')} → {self.label(field)} ({self.stance or 'no stance'})"


class StatementBasis(TrackedModel):
    """A party a statement reports according to ("menurut penghitungan Israel"): the source the speaker names as
    the basis of what it says, neither a speaker nor the party spoken for."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="according_to")
    party = models.ForeignKey("commitments.Party", on_delete=models.PROTECT, related_name="statement_bases")
    words = models.CharField(
        _("the source's words"), max_length=300, blank=True, help_text=_('As in the source: "menurut pejabat …".')
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("according to")
        verbose_name_plural = _("according to")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "party"],
                name="statementbasis_party_unique",
                violation_error_message=_("The statement already reports according to this party."),
                violation_error_code="statementbasis_party_unique",
            )
        ]

    def feed_parents(self):
        return self.feed_parent("statement")

    def __str__(self):
        return f"{self.label('statement')} according to {self.label('party')}"
