"""Who wrote a seeded record last: the seed's own user, or someone else, as the change feed tells."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from tracker.api_names import collection_of
from tracker.models import Change

SEED_USERNAME = "seed"


@dataclass
class SeedReport:
    """What a load did: a Counter of created / updated / unchanged / removed records, the records it skipped, the
    stale records it removed, and those it kept because others cite them."""

    outcomes: Counter = field(default_factory=Counter)
    skipped: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    """A record left alone because someone other than the seed wrote it last."""

    record: str
    change: Change


def seed_user():
    """The user the seed writes as: it cannot log in, and it names the seed's versions in every history."""
    user, created = get_user_model().objects.get_or_create(username=SEED_USERNAME, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class SeedAuthorship:
    """Tells the seed's changes from everyone else's in the change feed."""

    def __init__(self, user, reason):
        self.user = user
        self.reason = reason

    def by_seed(self, user_id, reason):
        # Databases seeded before the seed had a user of its own hold its versions with no user and its reason.
        return user_id == self.user.pk or (user_id is None and reason == self.reason)

    def last_foreign_change(self, instance):
        """The latest change to this record (its links and events included) if someone else made it."""
        changes = Change.objects.select_related("user")
        last = changes.of_record(instance).last()
        return None if last is None or self.by_seed(last.user_id, last.reason) else last

    def created_by_seed(self, model):
        """The records of `model` that the change feed says the seed created: one query, however many records
        others have written."""
        collection = collection_of(model)
        by_seed = Q(user=self.user) | Q(user__isnull=True, reason=self.reason)
        created = Change.objects.filter(by_seed, collection=collection.name, action=Change.Action.CREATE)
        lookups = list(created.values_list("lookup", flat=True))
        return model.objects.filter(**{f"{collection.lookup}__in": lookups})

    def wrote_alone(self, instance):
        """True when the seed created this record and every change to it since (links and events included) is
        the seed's."""
        authors = list(Change.objects.of_record(instance).order_by("id").values_list("action", "user_id", "reason"))
        return (
            bool(authors)
            and authors[0][0] == Change.Action.CREATE
            and all(self.by_seed(user_id, reason) for _, user_id, reason in authors)
        )

    def foreign_delete(self, model, lookup):
        """The change that deleted the record `lookup` finds, if someone else deleted it."""
        version = model.history.filter(**lookup).order_by("history_date", "history_id").last()
        if version is None or version.history_type != "-":
            return None
        if self.by_seed(version.history_user_id, version.history_change_reason):
            return None
        return Change.objects.filter(model=model._meta.label_lower, history_id=version.history_id).first()
