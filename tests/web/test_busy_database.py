"""A lock conflict that outlasts the wait becomes a Swedish "försök igen" page, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.web.busy_urls")]


@override_settings(DEBUG=False)
def test_a_locked_database_gives_a_try_again_page():
    response = Client(raise_request_exception=False).get("/upptagen/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    text = response.content.decode()
    assert "försök igen" in text and "Ingenting av det du skickade har sparats" in text


@override_settings(DEBUG=False)
def test_other_database_errors_stay_server_errors():
    response = Client(raise_request_exception=False).get("/trasig/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()
