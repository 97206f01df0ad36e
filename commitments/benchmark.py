"""The requests `manage.py benchmark` times, chosen from the data in the database (best on the synthetic set)."""

from django.conf import settings
from django.db.models import Count
from django.test import Client

from tracker.benchmark import BenchRequest
from tracker.loopback import HOST
from tracker.models import Change

from .models import Condition, Pledge, Statement

LIST = "page_size=100"


def benchmark_requests():
    return [*pledge_requests(), *statement_requests(), *history_requests(), *change_requests()]


def pledge_requests():
    initiative = Pledge.objects.values("initiative__slug").annotate(n=Count("id")).order_by("-n").first()
    condition = Condition.objects.annotate(n=Count("links")).order_by("-n").first()
    count = Pledge.objects.count()
    deep, deepest = deep_page(count, 900), deepest_numbered_page(count)
    return [
        BenchRequest("pledges-page-1", f"/api/v1/pledges/?{LIST}"),
        BenchRequest("pledges-country", f"/api/v1/pledges/?country=IDN&{LIST}"),
        BenchRequest(
            "pledges-initiative-condition",
            f"/api/v1/pledges/?initiative={initiative['initiative__slug']}&condition={condition.slug}&{LIST}",
        ),
        BenchRequest(
            "pledges-quantity-announced", f"/api/v1/pledges/?quantity_min=100&announced_after=2025-01-01&{LIST}"
        ),
        BenchRequest("pledges-search", f"/api/v1/pledges/?search=observers&{LIST}"),
        BenchRequest("pledges-page-deepest", f"/api/v1/pledges/?page={deepest}&{LIST}"),
        BenchRequest("pledges-page-too-deep", f"/api/v1/pledges/?page={too_deep_page()}&{LIST}", status=400),
        BenchRequest("pledges-cursor-deep", f"/api/v1/pledges/?cursor={cursor_at(Pledge, deep)}&{LIST}"),
        BenchRequest("pledges-export-csv", "/api/v1/pledges/?country=TUR&format=csv"),
    ]


def statement_requests():
    deepest = deepest_numbered_page(Statement.objects.count())
    cursor_depth = deep_page(Statement.objects.count(), 900)
    return [
        BenchRequest("statements-page-1", f"/api/v1/statements/?{LIST}"),
        BenchRequest("statements-about-stance", f"/api/v1/statements/?about_country=TUR&stance=opposes&{LIST}"),
        BenchRequest(
            "statements-stated-month", f"/api/v1/statements/?stated_after=2025-06-01&stated_before=2025-06-30&{LIST}"
        ),
        BenchRequest("statements-search-english", f"/api/v1/statements/?search=rafah&{LIST}"),
        BenchRequest("statements-search-indonesian", f"/api/v1/statements/?search=pelatih&{LIST}"),
        BenchRequest("statements-page-deepest", f"/api/v1/statements/?page={deepest}&{LIST}"),
        BenchRequest(
            "statements-cursor-deep", f"/api/v1/statements/?cursor={cursor_at(Statement, cursor_depth)}&{LIST}"
        ),
    ]


def history_requests():
    """`as_of` midway through the pledges' history, `valid_at`, a detail and its 304."""
    versions = Pledge.history.order_by("history_date")
    midway = versions.values_list("history_date", flat=True)[versions.count() // 2]
    pledge = Pledge.objects.order_by("id")[Pledge.objects.count() // 2]
    detail = f"/api/v1/pledges/{pledge.pk}/"
    etag = Client().get(detail, headers={"host": HOST})["ETag"]
    return [
        BenchRequest("pledges-as-of", f"/api/v1/pledges/?as_of={midway:%Y-%m-%dT%H:%M:%SZ}&{LIST}"),
        BenchRequest("pledges-valid-at", f"/api/v1/pledges/?valid_at=2025-06-01&{LIST}"),
        BenchRequest("pledge-detail", detail),
        BenchRequest("pledge-detail-304", detail, {"If-None-Match": etag}, status=304),
    ]


def change_requests():
    last = Change.objects.order_by("-id").values_list("id", flat=True).first() or 0
    deep = deepest_numbered_page(Change.objects.count())
    return [
        BenchRequest("changes-since-recent", f"/api/v1/changes/?since={max(last - 50, 0)}&{LIST}"),
        BenchRequest("changes-since-midway", f"/api/v1/changes/?since={last // 2}&{LIST}"),
        BenchRequest("changes-page-1", f"/api/v1/changes/?{LIST}"),
        BenchRequest("changes-page-deep", f"/api/v1/changes/?page={deep}&{LIST}"),
    ]


def deepest_numbered_page(count, page_size=100):
    """The last page of `count` results that paging by number reaches (a cursor walks deeper)."""
    return max(1, min(settings.API_PAGE_DEPTH // page_size, -(-count // page_size)))


def too_deep_page(page_size=100):
    return settings.API_PAGE_DEPTH // page_size + 1


def deep_page(count, wanted, page_size=100):
    """Page `wanted`, or the last page when there are fewer."""
    return max(1, min(wanted, count // page_size))


def cursor_at(model, page, page_size=100):
    """The cursor of the page that starts after the first (page - 1) * page_size records, by id."""
    offset = (page - 1) * page_size
    after = model.objects.order_by("id").values_list("id", flat=True)[max(offset - 1, 0)] if offset else 0
    return f"n{after}"
