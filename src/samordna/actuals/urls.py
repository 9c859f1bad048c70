"""Outcome URLs, under /forbund/<slug>/utfall/."""

from django.urls import path

from samordna.actuals import views

patterns = [
    path("utfall/", views.actuals_list, name="actuals"),
    path("utfall/importera/", views.actuals_import, name="actuals_import"),
    path("utfall/konton/", views.account_mapping, name="account_mapping"),
    path("utfall/<int:year>/", views.actuals_year, name="actuals_year"),
]
