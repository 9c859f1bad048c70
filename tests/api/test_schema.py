"""Schemathesis against the published schema: every operation, with generated paths and
years, answers as the schema says (status, body) and never with a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from samordna.api import tokens
from samordna.network import services
from samordna.network.models import Network
from samordna.wsgi import application
from tests.conftest import make_user

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI handler closes the database connection after each request, as in production;
    on PostgreSQL that would close the test's own transaction. Django's test client does the
    same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(demo):
    """A user who is chef in one demo förbund and reads the demo network."""
    user = make_user("schemat", demo["sodra-roslagen"], "chef")
    services.add_user(Network.objects.get(slug="nns-demo"), user)
    return tokens.create(user, "Schemathesis")[1]


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})


OPERATIONS = {
    "GET /api/v1/jag",
    "GET /api/v1/forbund/{slug}",
    "GET /api/v1/forbund/{slug}/budget/{year}",
    "GET /api/v1/forbund/{slug}/uppfoljning/{year}",
    "GET /api/v1/natverk/{slug}/{year}",
    "GET /api/v1/natverk/{slug}/{year}/oppna-data",
}


def test_every_operation_answers_its_example_with_data_for_a_valid_token(token):
    """The generated cases above are mostly refusals (a made-up förbund is 404), so this runs
    each operation once at the example its schema gives (a demo förbund and network) with
    the same token: every one answers 200 with a body the schema's checks accept, and the
    list of operations is the one the API has (a new endpoint needs an example that reads)."""
    answered = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        path = {p.name: p.definition["example"] for p in operation.path_parameters}
        case = operation.Case(path_parameters=path)
        response = case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
        answered[operation.label] = response.status_code
    assert answered == dict.fromkeys(OPERATIONS, 200)
