"""The network's page (the sharing förbund side by side, and its Excel) and the chef's page
where the förbund decides to share its figures or stops sharing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from samordna.associations.access import MemberRequest, association_view
from samordna.associations.models import Association
from samordna.core.calendar import is_plausible_year
from samordna.documents.outputs import CONTENT_TYPES
from samordna.documents.render_html import body
from samordna.documents.render_xlsx import xlsx
from samordna.downloads import file_response
from samordna.network import national, services
from samordna.network.models import Sharing
from samordna.pages import year_asked


@login_required
def network_page(request: HttpRequest, slug: str) -> HttpResponse:
    network = services.network_for(request.user, slug)
    year = year_asked(request, national.latest_year(timezone.localdate().year))
    document = national.document(network, year)
    context = {
        "network": network,
        "year": year,
        "body": body(document, cover=False),
        "document": document,
    }
    return render(request, "network/national.html", context)


def _year(year: int) -> int:
    """The year in a file's address, or 404 when it is not one the app has figures for."""
    if not is_plausible_year(year):
        raise Http404(f"Samordna har inga siffror för år {year}.")
    return year


@login_required
def network_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    network = services.network_for(request.user, slug)
    document = national.document(network, _year(year))
    return file_response(xlsx(document), f"{document.filename}.xlsx", CONTENT_TYPES["xlsx"])


@login_required
def open_data(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    network = services.network_for(request.user, slug)
    year = _year(year)
    return national.open_data_response(year, f"oppna-data-{network.slug}-{year}.csv")


@association_view("chef")
@require_http_methods(["GET", "POST"])
def sharing(request: MemberRequest, association: Association) -> HttpResponse:
    if request.method == "POST":
        on = request.POST.get("shares") == "ja"
        services.set_sharing(association, on, request.user)
        text = "delar nu sina siffror" if on else "delar inte längre sina siffror"
        messages.success(request, f"{association.name} {text} med nätverken.")
        return redirect("sharing", slug=association.slug)
    current = Sharing.objects.filter(association=association).select_related("decided_by").first()
    context = {"association": association, "sharing": current}
    return render(request, "network/sharing.html", context)
