"""Each record's page in the admin links to its address in the API and to its history."""

import pytest
from django.contrib import admin
from rest_framework.test import APIClient

from commitments.models import Party
from tests.test_admin import admin_url, build_records
from tracker.api_names import collections

pytestmark = pytest.mark.django_db

SERVED = sorted(model._meta.label_lower for model in collections())


def test_every_registered_model_the_api_serves_is_checked():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert set(SERVED) <= registered
    assert len(SERVED) == 9


@pytest.mark.parametrize("label", SERVED)
def test_a_change_page_links_to_the_record_in_the_api_and_to_its_history(staff_client, label):
    build_records(1)
    model = next(model for model in collections() if model._meta.label_lower == label)
    record = model.objects.order_by("pk").first()
    collection = collections()[model]
    api_address = f"/api/v1/{collection.name}/{collection.lookup_of(record)}/"
    page = staff_client.get(admin_url(label, "change", record.pk)).text
    assert f'href="{api_address}"' in page
    assert f'href="{admin_url(label, "history", record.pk)}"' in page
    assert APIClient().get(api_address).status_code == 200


def test_a_record_the_api_serves_inside_others_has_no_api_link(staff_client):
    build_records(1)
    party = Party.objects.order_by("pk").first()
    page = staff_client.get(admin_url("commitments.party", "change", party.pk)).text
    assert 'class="apilink"' not in page
    assert f'href="{admin_url("commitments.party", "history", party.pk)}"' in page
