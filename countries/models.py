from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models import EditorSuppliedModel, TrackedModel

from .querysets import CountryQuerySet
from .validators import validate_iso2, validate_iso3


class Region(TrackedModel):
    """A UN M49 region, sub-region or intermediate region (shipped in countries/data/m49.csv)."""

    class Level(models.TextChoices):
        REGION = "region", _("region")
        SUBREGION = "subregion", _("sub-region")
        INTERMEDIATE = "intermediate", _("intermediate region")

    code = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return f"{self.name} ({self.code})"

    def feed_parents(self):
        """The countries placed in this region: a region is served only inside them, by its code and name, so a
        change of it is an update of each."""
        placed = Q(region=self) | Q(subregion=self) | Q(intermediate_region=self)
        return list(Country._default_manager.filter(placed).order_by("id"))


class Country(TrackedModel):
    """A state or territory of ISO 3166-1, placed in its UN M49 region."""

    iso2 = models.CharField(_("ISO alpha-2 code"), max_length=2, unique=True, validators=[validate_iso2])
    iso3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True, validators=[validate_iso3])
    m49 = models.CharField(_("M49 numeric code"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    subregion = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("sub-region")
    )
    intermediate_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("intermediate region"),
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=Q(iso2__regex=r"^[A-Z]{2}$"),
                name="country_iso2_two_capitals",
                violation_error_message=_("The alpha-2 code must be two capital letters."),
                violation_error_code="country_iso2_two_capitals",
            ),
            models.CheckConstraint(
                condition=Q(iso3__regex=r"^[A-Z]{3}$"),
                name="country_iso3_three_capitals",
                violation_error_message=_("The alpha-3 code must be three capital letters."),
                violation_error_code="country_iso3_three_capitals",
            ),
        ]

    def __str__(self):
        return self.name


class CountryGroup(EditorSuppliedModel, TrackedModel):
    """A set of states that sources speak of without always naming them ("Gulf states", "Arab states")."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    editor_suppliable = ("name", "description", "members")

    class Meta:
        ordering = ["name"]
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    def __str__(self):
        return self.name


class CountryGroupMembership(TrackedModel):
    """One country's membership of a group; a model of its own so that history sees it."""

    group = models.ForeignKey(
        CountryGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="group_memberships", verbose_name=_("country")
    )

    class Meta:
        ordering = ["group", "country__name"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "country"],
                name="country_group_membership_unique",
                violation_error_message=_("This country is already a member of the group."),
                violation_error_code="country_group_membership_unique",
            )
        ]

    def feed_parents(self):
        return self.feed_parent("group")

    def __str__(self):
        return f"{self.label('country')} in {self.label('group')}"
