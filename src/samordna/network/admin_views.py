"""The site administrator's page of networks: a new network, and who reads each one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from samordna.accounts import services as accounts
from samordna.accounts.site_access import site_admin
from samordna.network import services
from samordna.network.models import Network


class NetworkForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200)
    slug = forms.SlugField(
        label="Kortnamn", max_length=60, help_text="Små bokstäver a–z, siffror och bindestreck."
    )


class PersonForm(forms.Form):
    email = forms.EmailField(label="E-postadress")


@site_admin
@require_http_methods(["GET", "POST"])
def networks(request: HttpRequest) -> HttpResponse:
    form = NetworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.create_network(form.cleaned_data["slug"], form.cleaned_data["name"])
        except services.NetworkError as error:
            form.add_error("slug", str(error))
        else:
            messages.success(request, f"Nätverket {network.name} är skapat.")
            return redirect("site_networks")
    rows = [(n, services.people(n)) for n in Network.objects.all()]
    context = {"form": form, "networks": rows, "person_form": PersonForm()}
    return render(
        request, "network/admin_networks.html", context, status=400 if form.errors else 200
    )


@site_admin
@require_POST
def network_person(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=slug)
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ange en giltig e-postadress.")
        return redirect("site_networks")
    email = form.cleaned_data["email"]
    user = accounts.find_user(email)
    if user is None:
        user = accounts.create_account(email)
        messages.info(
            request,
            f"Ett konto skapades för {email}. Lösenordet väljs med engångslänken: "
            f"{accounts.password_link(user, request.build_absolute_uri('/')[:-1])}",
        )
    services.add_user(network, user)
    messages.success(request, f"{email} ser nu de delade siffrorna i {network.name}.")
    return redirect("site_networks")


@site_admin
@require_http_methods(["GET", "POST"])
def network_person_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    """GET: ask first; POST: the account no longer reads the network (the account stays)."""
    network = get_object_or_404(Network, slug=slug)
    membership = get_object_or_404(network.memberships.select_related("user"), user_id=user_id)
    if request.method == "GET":
        context = {"network": network, "person": membership.user}
        return render(request, "network/admin_remove.html", context)
    membership.delete()
    messages.success(
        request, f"{membership.user.email} har inte längre tillgång till {network.name}."
    )
    return redirect("site_networks")
