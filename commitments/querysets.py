from django.db import models


class OrganizationQuerySet(models.QuerySet):
    pass


class PersonQuerySet(models.QuerySet):
    pass


class PartyQuerySet(models.QuerySet):
    pass


class SourceQuerySet(models.QuerySet):
    pass


class InitiativeQuerySet(models.QuerySet):
    pass


class PledgeQuerySet(models.QuerySet):
    pass


class StatusEventQuerySet(models.QuerySet):
    pass


class ConditionQuerySet(models.QuerySet):
    pass


class ConditionLinkQuerySet(models.QuerySet):
    pass


class StatementQuerySet(models.QuerySet):
    pass
