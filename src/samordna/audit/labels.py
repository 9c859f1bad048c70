"""Swedish words for the trail: what kind of object, which field, and its values as the pages
show them (amounts through the one money formatter, choices by their label)."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.utils import timezone

from samordna.core.money import format_amount

KINDS = {
    "associations.association": "Förbundets uppgifter",
    "associations.member": "Medlem",
    "associations.population": "Invånare",
    "associations.boardseat": "Styrelseplats",
    "associations.officer": "Person i organisationen",
    "associations.membership": "Behörighet",
    "economy.contributionyear": "Medlemsbidrag för ett år",
    "economy.contribution": "Medlemsbidrag",
    "economy.frame": "Äskning",
    "budgets.budget": "Budget",
    "budgets.budgetversion": "Budgetversion",
    "budgets.budgetline": "Budgetrad",
    "budgets.budgetamount": "Budgetbelopp",
    "budgets.equityband": "Gräns för eget kapital",
    "actuals.account": "Bokföringskonto",
    "actuals.accountmapping": "Kontokoppling",
    "actuals.actualimport": "Import av utfall",
    "closing.statementaccount": "Kontots rad i resultat- och balansräkningen",
    "interventions.meeting": "Sammanträde",
    "interventions.attendance": "Närvaro",
    "interventions.decision": "Beslut",
    "interventions.intervention": "Insats",
    "interventions.statuschange": "Statusändring",
    "interventions.interventiongoal": "Insatsmål",
    "interventions.interventionbudget": "Insatsbudget",
    "interventions.structuralactivity": "Strukturinriktad aktivitet",
    "interventions.annualreport": "Årsrapport",
    "interventions.application": "Ansökan",
    "interventions.applicationbudget": "Ansökans budget",
    "followup.episode": "Deltagare",
    "followup.stepchange": "Stegförflyttning",
    "followup.participantrule": "Regel för deltagaruppgifter",
    "followup.removedepisodes": "Gallrade deltagare",
    "followup.followuptarget": "Uppföljningsmål",
    "followup.supportcost": "Kostnad för försörjning",
    "followup.indicator": "Indikator",
    "followup.indicatortarget": "Indikatormål",
    "followup.surveylink": "Enkätlänk",
    "followup.indicatorresponse": "Indikatorsvar",
    "documents.documenttext": "Text",
    "documents.documentlayout": "Dokumentets utseende",
    "documents.interimforecast": "Prognos i delårsrapport",
    "budgets.financialgoal": "Finansiellt mål",
    "interventions.meetingplan": "Sammanträdesplan",
    "control.controlplan": "Internkontrollplan",
    "control.risk": "Risk",
    "control.controlresult": "Genomförd kontroll",
    "control.auditor": "Revisor",
    "control.auditreport": "Revisionsrapport",
    "control.discharge": "Beslut om ansvarsfrihet",
    "control.minutes": "Protokoll",
    "control.delegationmatter": "Punkt i delegationsordningen",
    "control.delegationuse": "Beslut på delegation",
    "documents.textimage": "Bild i text",
    "accounts.invitation": "Inbjudan",
    "accounts.signinpolicy": "Krav vid inloggning",
    "network.networkmembership": "Nätverksanvändare",
    "auth.user": "Användarkonto",
}

# Fields declared without a Swedish name.
FIELDS = {
    "association": "förbund",
    "region": "region",
    "member": "medlem",
    "user": "användare",
    "saved_by": "sparad av",
    "contribution_year": "medlemsbidragsår",
    "scenario_of": "scenario av",
    "budget": "budget",
    "status": "status",
    "revises": "reviderar",
    "superseded": "ersatt av senare version",
    "created_by": "skapad av",
    "version": "version",
    "intervention": "insats",
    "line": "rad",
    "year": "år",
    "amount": "belopp",
    "meeting": "sammanträde",
    "seat": "styrelseplats",
    "decision": "beslut",
    "start": "start",
    "indicator": "indikator",
    "via": "inmatning",
    "text": "text",
    "episode": "deltagare",
    "application": "ansökan",
    "accounts": "antal konton",
    "transactions": "antal transaktioner",
    "imported_by": "importerad av",
    "filed_by": "inlämnad av",
    "link": "enkätlänk",
    "saved_at": "sparad",
    "created_at": "skapad",
    "updated_at": "ändrad",
    "imported_at": "importerad",
    "filed_at": "inlämnad",
}
EMPTY = "–"


def kind_name(model: type[models.Model] | None, label: str = "") -> str:
    if model is None:
        return KINDS.get(label, label)
    return KINDS.get(model._meta.label_lower, str(model._meta.verbose_name).capitalize())


def describe(instance: models.Model) -> str:
    """The object as a reader recognises it; models without a name get kind and number."""
    if type(instance).__str__ is not models.Model.__str__:
        return str(instance)[:200]
    parts = _own_words(instance)
    return ", ".join(parts) if parts else f"{kind_name(type(instance))} nr {instance.pk}"


def _own_words(instance: models.Model) -> list[str]:
    words = []
    names = ("budget", "line", "user", "member", "label", "seat", "person_name", "title", "role")
    for name in (*names, "number", "year"):
        field = _field(type(instance), name)
        if field is not None:
            words.append(_word(instance, field))
    return [word for word in words if word not in ("", EMPTY)]


def _word(instance: models.Model, field: Any) -> str:
    if field.name == "number":  # "version 2", "konto 3010"
        return f"{field.verbose_name} {getattr(instance, field.name)}"
    if not field.is_relation:
        return display(field, getattr(instance, field.name))
    related = None
    with contextlib.suppress(ObjectDoesNotExist):
        related = getattr(instance, field.name)
    return describe(related) if related is not None else ""


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    if field is None:
        return FIELDS.get(name, name)
    verbose = str(getattr(field, "verbose_name", name))
    if verbose == name.replace("_", " "):
        return FIELDS.get(name, verbose)
    return verbose.replace(" (öre)", "")


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def value_text(model: type[models.Model] | None, name: str, value: Any) -> str:
    """A value as the trail stored it (text), shown as the pages show it."""
    return display(_field(model, name), value)


def display(field: Any, value: Any) -> str:
    if value is None or value in ("None", ""):
        return EMPTY
    if field is None:
        return str(value)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BigIntegerField):
        return _money(value)
    if isinstance(field, models.DateTimeField):
        return _moment(value)
    if isinstance(field, models.BooleanField):
        return "ja" if str(value) == "True" else "nej"
    return str(value)


def _moment(value: Any) -> str:
    """A time as the trail stores it (UTC, without zone) in Swedish local time."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _money(value: Any) -> str:
    try:
        return format_amount(int(value))
    except (TypeError, ValueError):
        return str(value)
