"""URLs. Paths are Swedish, as the users read them."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from samordna.accounts import views as account_views
from samordna.accounts.urls import association_patterns as people_patterns
from samordna.accounts.urls import patterns as account_patterns
from samordna.actuals.urls import patterns as actual_patterns
from samordna.api.urls import patterns as api_patterns
from samordna.associations import views as association_views
from samordna.audit.urls import patterns as audit_patterns
from samordna.budgets.urls import patterns as budget_patterns
from samordna.closing.urls import patterns as closing_patterns
from samordna.control.urls import patterns as control_patterns
from samordna.documents.urls import patterns as document_patterns
from samordna.economy import frames, stated_views
from samordna.economy import views as economy_views
from samordna.followup.urls import patterns as followup_patterns
from samordna.followup.urls import public_patterns as survey_patterns
from samordna.interventions.urls import patterns as intervention_patterns
from samordna.network.urls import association_patterns as sharing_patterns
from samordna.network.urls import patterns as network_patterns
from samordna.population.urls import patterns as population_patterns

association_patterns = [
    path("", association_views.association_detail, name="association"),
    path("uppgifter/", association_views.association_edit, name="association_edit"),
    path("medlemmar/", association_views.member_list, name="members"),
    path("medlemmar/ny/", association_views.member_edit, name="member_create"),
    path("medlemmar/<int:pk>/", association_views.member_edit, name="member_edit"),
    path("medlemmar/<int:pk>/ta-bort/", association_views.member_delete, name="member_delete"),
    path("medlemmar/<int:pk>/invanare/", association_views.population_add, name="population_add"),
    path(
        "invanare/<int:pk>/ta-bort/",
        association_views.population_delete,
        name="population_delete",
    ),
    path("angra/", association_views.undo, name="undo"),
    path("organisation/", association_views.organisation, name="organisation"),
    path("organisation/styrelse/ny/", association_views.seat_create, name="seat_create"),
    path(
        "organisation/styrelse/<int:pk>/ta-bort/", association_views.seat_delete, name="seat_delete"
    ),
    path("organisation/person/ny/", association_views.officer_create, name="officer_create"),
    path(
        "organisation/person/<int:pk>/ta-bort/",
        association_views.officer_delete,
        name="officer_delete",
    ),
    path("medlemsbidrag/", economy_views.contribution_list, name="contributions"),
    path("medlemsbidrag/nytt/", economy_views.contribution_new, name="contribution_new"),
    path("medlemsbidrag/<int:year>/", economy_views.contribution_detail, name="contribution"),
    path(
        "medlemsbidrag/<int:year>/planens-belopp/",
        stated_views.contribution_stated,
        name="contribution_stated",
    ),
    path("askning/", frames.frame_list, name="frames"),
    path("askning/ny/", frames.frame_edit, name="frame_edit"),
    path("askning/fordelningsmodellen/", frames.state_model, name="state_model"),
    path("askning/<int:year>/", frames.frame_detail, name="frame"),
    *budget_patterns,
    *actual_patterns,
    *closing_patterns,
    *intervention_patterns,
    *followup_patterns,
    *document_patterns,
    *people_patterns,
    *audit_patterns,
    *control_patterns,
    *sharing_patterns,
    *population_patterns,
]

urlpatterns = [
    path("", association_views.home, name="home"),
    path(
        "logga-in/",
        account_views.Login.as_view(),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("forbund/<slug:slug>/", include(association_patterns)),
    *account_patterns,
    *network_patterns,
    *api_patterns,
    *survey_patterns,
]

handler400 = "samordna.errors.bad_request"
handler403 = "samordna.errors.permission_denied"
handler404 = "samordna.errors.page_not_found"
handler500 = "samordna.errors.server_error"
