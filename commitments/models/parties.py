from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models import EditorSuppliedModel, TrackedModel

from ..choices import OrganizationKind, PartyType
from .constraints import exactly_one


class Organization(EditorSuppliedModel, TrackedModel):
    """A non-state or multilateral party, a government body, a publisher: Hamas, the UN, RUSI, Reuters."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("country"),
        help_text=_("The country it belongs to, where one applies."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    description = models.TextField(_("description"), blank=True)

    editor_suppliable = ("name", "acronym", "kind", "country", "parent", "description")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class Person(EditorSuppliedModel, TrackedModel):
    """A named individual, or an anonymous one known by a description ("a Hamas spokesperson")."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Empty for an anonymous person."))
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("Who this is, in the source's words; for the anonymous, the only identification."),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("affiliation"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("country"),
    )

    editor_suppliable = ("name", "description", "organization", "country")

    class Meta:
        ordering = ["name", "description"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | ~Q(description=""),
                name="person_named_or_described",
                violation_error_message=_("A person needs a name or, if anonymous, a description."),
                violation_error_code="person_named_or_described",
            )
        ]

    def __str__(self):
        return self.name or self.description


class Party(TrackedModel):
    """Whoever pledges, insists or must act: exactly one of a country, a country group or an organization.

    One row per such record, created on first use by `party_for()`; every other model points here, so that
    "exactly one party" is a single constraint. The row goes with its record, but pledges, statements and
    links protect it: deleting a record that others still name is refused, and names them.
    """

    country = models.OneToOneField(
        "countries.Country", on_delete=models.CASCADE, null=True, blank=True, related_name="party"
    )
    country_group = models.OneToOneField(
        "countries.CountryGroup", on_delete=models.CASCADE, null=True, blank=True, related_name="party"
    )
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="party"
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            exactly_one(
                ["country", "country_group", "organization"],
                "party_exactly_one",
                _("A party is exactly one of a country, a country group or an organization."),
            )
        ]

    @property
    def type(self):
        if self.country_id:
            return PartyType.COUNTRY
        if self.country_group_id:
            return PartyType.COUNTRY_GROUP
        return PartyType.ORGANIZATION

    @property
    def record(self):
        return self.country or self.country_group or self.organization

    def __str__(self):
        return str(self.record)
