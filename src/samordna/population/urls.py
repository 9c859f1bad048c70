"""URLs of the population files (included under forbund/<slug>/)."""

from django.urls import path

from samordna.population import views

patterns = [
    path("medlemmar/invanare/importera/", views.population_import, name="population_import"),
]
