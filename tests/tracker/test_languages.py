"""The API answers in English, or in Indonesian when the request asks for it (`?lang=id`, `Accept-Language: id`):
choice labels, error messages and problem titles; enum values and the records' own texts stay as they are."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from commitments.choices import PledgeKind
from tests.factories import PledgeFactory
from tests.helpers import assert_problem
from tracker.conditional import ConditionalMixin

pytestmark = pytest.mark.django_db

PLEDGES = "/api/v1/pledges/"
INDONESIAN = {"HTTP_ACCEPT_LANGUAGE": "id"}


def detail(pledge):
    return reverse("v1:pledge-detail", args=[pledge.pk])


def unknown_parameter(client, **headers):
    return assert_problem(client.get(PLEDGES, {"colour": "red"}, **headers), 400, field="colour")


def test_a_400_under_accept_language_id_has_its_title_detail_and_messages_in_indonesian(api_client):
    body = unknown_parameter(api_client, **INDONESIAN)

    assert body["title"] == "Permintaan tidak valid"
    assert body["detail"] == "Masukan tidak valid: colour."
    assert body["errors"]["colour"][0].startswith("Parameter kueri tidak dikenal. Operasi ini menerima: ")


def test_lang_id_in_the_query_answers_in_indonesian(api_client):
    response = api_client.get(PLEDGES, {"colour": "red", "lang": "id"})

    body = assert_problem(response, 400, field="colour")
    assert body["title"] == "Permintaan tidak valid"
    assert response["Content-Language"] == "id"


def test_lang_comes_before_accept_language(api_client):
    response = api_client.get(PLEDGES, {"colour": "red", "lang": "en"}, **INDONESIAN)

    assert assert_problem(response, 400)["title"] == "Bad request"
    assert response["Content-Language"] == "en"


def test_the_api_answers_in_english_without_a_language(api_client):
    body = unknown_parameter(api_client)

    assert body["title"] == "Bad request"
    assert body["detail"] == "The input is not valid: colour."
    assert body["errors"]["colour"][0].startswith("Unknown query parameter. This operation accepts: ")


def test_a_language_the_api_does_not_speak_is_answered_in_english(api_client):
    response = api_client.get(PLEDGES, {"colour": "red"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert assert_problem(response, 400)["title"] == "Bad request"
    assert response["Content-Language"] == "en"


def test_accept_language_is_read_by_preference_and_by_region(api_client):
    response = api_client.get(PLEDGES, {"colour": "red"}, HTTP_ACCEPT_LANGUAGE="fr-FR, id-ID;q=0.8, en;q=0.5")

    assert assert_problem(response, 400)["title"] == "Permintaan tidak valid"


def test_every_answer_says_its_language_and_that_it_varies_with_accept_language(api_client):
    response = api_client.get(PLEDGES, **INDONESIAN)

    assert response.status_code == 200
    assert response["Content-Language"] == "id"
    assert "Accept-Language" in response["Vary"]


def test_the_api_reads_no_language_cookie(api_client):
    """The admin's switcher sets the cookie; the API's language is what each request says."""
    api_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"

    assert unknown_parameter(api_client)["title"] == "Bad request"


def test_a_404_is_in_indonesian(api_client):
    body = assert_problem(api_client.get(f"{PLEDGES}987654/", **INDONESIAN), 404)

    assert (body["title"], body["detail"]) == ("Tidak ditemukan", "Tidak ada entri pada alamat ini.")


def test_a_404_of_an_address_no_route_serves_is_in_indonesian(api_client):
    body = assert_problem(api_client.get("/api/v1/nothing-here/", {"lang": "id"}), 404)

    assert (body["title"], body["detail"]) == ("Tidak ditemukan", "Tidak ada sumber daya di /api/v1/nothing-here/.")


def test_an_address_too_long_to_read_is_refused_in_indonesian(api_client):
    """The 414 is answered before the address is routed: the language is chosen before it."""
    response = api_client.get(PLEDGES, {"initiative": "x" * 8192}, **INDONESIAN)

    body = assert_problem(response, 414, field="initiative")
    assert body["title"] == "URI terlalu panjang"
    assert body["detail"] == "Alamat tidak boleh lebih panjang dari 4096 karakter."


def test_a_405_is_in_indonesian(editor_client):
    body = assert_problem(editor_client.put(PLEDGES, {}, format="json", **INDONESIAN), 405)

    assert (body["title"], body["detail"]) == ("Metode tidak diizinkan", 'Metode "PUT" tidak diizinkan.')


def test_a_401_is_in_indonesian(api_client):
    body = assert_problem(api_client.post(PLEDGES, {}, format="json", **INDONESIAN), 401)

    assert (body["title"], body["detail"]) == ("Belum terautentikasi", "Data autentikasi tidak diberikan.")


def test_validation_messages_of_drf_and_of_the_api_are_in_indonesian(editor_client):
    response = editor_client.post(PLEDGES, {"kind": "tanks"}, format="json", **INDONESIAN)

    body = assert_problem(response, 400, field="kind")
    assert body["errors"]["initiative"] == ["Bidang ini harus diisi."]
    assert body["errors"]["kind"] == [
        '"tanks" bukan salah satu nilai yang valid: troops, personnel, police, staff_officers, observers, trainers, '
        "funding, equipment, logistics, other."
    ]


def test_a_rule_of_the_model_is_explained_in_indonesian(editor_client):
    pledge = PledgeFactory()
    quantity = {"qualifier": "range", "low": 3000, "high": 2000}

    response = editor_client.patch(detail(pledge), {"quantity": quantity}, format="json", **INDONESIAN)

    body = assert_problem(response, 400, field="quantity")
    assert "Batas bawah tidak boleh melebihi batas atas." in body["errors"]["quantity"]


def test_choice_labels_are_in_indonesian_and_their_values_are_not(editor_client):
    english = editor_client.options(PLEDGES).json()["actions"]["POST"]["kind"]["choices"]
    indonesian = editor_client.options(PLEDGES, **INDONESIAN).json()["actions"]["POST"]["kind"]["choices"]

    assert english[0] == {"value": "troops", "display_name": "troops"}
    assert indonesian[0] == {"value": "troops", "display_name": "pasukan"}
    assert [choice["value"] for choice in indonesian] == [choice["value"] for choice in english]


def test_field_labels_are_in_indonesian(editor_client):
    def labels(**headers):
        fields = editor_client.options(PLEDGES, **headers).json()["actions"]["POST"]
        return [fields["country"]["label"], fields["quantity"]["label"], fields["quantity"]["children"]["low"]["label"]]

    assert labels() == ["Country", "Quantity", "Low bound"]
    assert labels(**INDONESIAN) == ["Negara", "Jumlah", "Batas bawah"]


def test_an_unsupported_lang_is_a_400_naming_lang(api_client):
    body = assert_problem(api_client.get(PLEDGES, {"lang": "xx"}), 400, field="lang")

    assert body["errors"]["lang"] == ["Not a language this API answers in. Use one of: en, id."]


def test_an_unsupported_lang_and_an_unknown_parameter_are_named_together(api_client):
    body = assert_problem(api_client.get(PLEDGES, {"lang": "xx", "colour": "red"}), 400)

    assert set(body["errors"]) == {"lang", "colour"}


def test_an_unsupported_lang_is_refused_on_a_write_too(editor_client):
    pledge = PledgeFactory()

    response = editor_client.delete(f"{detail(pledge)}?lang=fr")

    assert_problem(response, 400, field="lang")
    assert editor_client.get(detail(pledge)).status_code == 200


def test_an_empty_lang_is_not_given(api_client):
    assert api_client.get(PLEDGES, {"lang": ""}).status_code == 200


@pytest.mark.parametrize("address", [PLEDGES, "/api/v1/changes/", "/api/v1/countries/IDN/"])
def test_lang_is_accepted_by_every_kind_of_operation(api_client, address):
    response = api_client.get(address, {"lang": "id"})

    assert response.status_code == 200, response.content
    assert response["Content-Language"] == "id"


def test_lang_is_accepted_on_a_write(editor_client):
    pledge = PledgeFactory()

    response = editor_client.patch(f"{detail(pledge)}?lang=id", {"description": "Diubah"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Diubah"


def test_a_record_reads_the_same_in_both_languages_with_the_same_etag(api_client, editor_client):
    """A record's representation holds values, not labels: an ETag read in one language holds in the other."""
    pledge = PledgeFactory(description="Sekitar 200 tentara")
    english = api_client.get(detail(pledge))
    indonesian = api_client.get(detail(pledge), **INDONESIAN)

    assert indonesian.json() == english.json()
    assert indonesian["ETag"] == english["ETag"]
    response = editor_client.patch(
        detail(pledge), {"description": "Diubah"}, format="json", HTTP_IF_MATCH=english["ETag"], **INDONESIAN
    )
    assert response.status_code == 200, response.content


def test_a_browsable_api_page_has_an_etag_of_its_language(api_client):
    """The page around the JSON is in the answer's language: a cache must not serve one language's for the other."""
    pledge = PledgeFactory()
    english = api_client.get(detail(pledge), HTTP_ACCEPT="text/html")
    indonesian = api_client.get(detail(pledge), HTTP_ACCEPT="text/html", **INDONESIAN)

    assert english["ETag"] != indonesian["ETag"]
    revalidated = api_client.get(
        detail(pledge), HTTP_ACCEPT="text/html", HTTP_IF_NONE_MATCH=english["ETag"], **INDONESIAN
    )
    assert revalidated.status_code == 200 and revalidated["Content-Language"] == "id"


def test_an_etag_digests_a_label_as_the_language_renders_it(rf):
    """Were a body to carry a label, its ETag would differ between the languages as the body does."""
    view = ConditionalMixin()
    view.request = rf.get(PLEDGES)
    pledge = PledgeFactory()
    body = {"kind": PledgeKind.TROOPS.label}

    with translation.override("en"):
        english = view.etag(pledge, body)
    with translation.override("id"):
        indonesian = view.etag(pledge, body)

    assert english != indonesian
