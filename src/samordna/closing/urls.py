"""Closing URLs, under /forbund/<slug>/bokslut/."""

from django.urls import path

from samordna.closing import views

patterns = [
    path("bokslut/konton/", views.statement_accounts, name="statement_accounts"),
]
