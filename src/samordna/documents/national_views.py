"""The Uppföljning Finsam report with exact counts: the förbundschef reads it and downloads it
(Excel, PDF); every download is recorded in Historik. Nobody else gets it."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samordna.associations.access import EDITORS, MemberRequest, association_view
from samordna.associations.models import Association
from samordna.audit.confidential import record_download
from samordna.client_address import client_address
from samordna.documents import common, national, outputs, render_html
from samordna.documents.outputs import CONTENT_TYPES
from samordna.downloads import file_response
from samordna.followup.models import Episode
from samordna.followup.services import latest_year
from samordna.pages import year_asked

FORMATS = {"xlsx": "Excel", "pdf": "PDF"}


def _year(year: int) -> int:
    if not common.plausible(year):
        raise Http404("Året finns inte.")
    return year


@association_view(*EDITORS)
def national_report(request: MemberRequest, association: Association) -> HttpResponse:
    episodes = Episode.objects.filter(intervention__association=association)
    year = _year(year_asked(request, latest_year(episodes, timezone.localdate())))
    document = national.build(association, year)
    context = {
        "association": association,
        "document": document,
        "year": year,
        "body": render_html.body(document),
        "formats": FORMATS,
    }
    response = render(request, "documents/national.html", context)
    response.confidential = True  # type: ignore[attr-defined]  # no unrecorded table download
    return response


@association_view(*EDITORS)
def national_report_download(
    request: MemberRequest, association: Association, year: int, fmt: str
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Underlaget finns som Excel (xlsx) och PDF.")
    document = national.build(association, _year(year))
    data = outputs.render(document, fmt)
    what = f"{document.title} ({FORMATS[fmt]})"
    record_download(association, what, request.user, client_address(request))
    return file_response(data, f"{document.filename}.{fmt}", CONTENT_TYPES[fmt])
