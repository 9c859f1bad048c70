"""A page whose save meets a database held by another writer, for test_busy_database."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from samordna.urls import urlpatterns as app_urls


def locked(request: HttpRequest) -> HttpResponse:
    raise OperationalError("database is locked")


def broken(request: HttpRequest) -> HttpResponse:
    raise OperationalError("no such table: somewhere")


urlpatterns = [path("upptagen/", locked), path("trasig/", broken), *app_urls]

handler500 = "samordna.errors.server_error"
