"""Insats, application, meeting and decision URLs under /forbund/<slug>/."""

from django.urls import path

from samordna.interventions import board_views, schedule_views, views

patterns = [
    path("insatser/", views.intervention_list, name="interventions"),
    path("insatser/ny/", views.intervention_edit, name="intervention_new"),
    path("insatser/importera/", views.intervention_import, name="intervention_import"),
    path("insatser/<int:pk>/", views.intervention_detail, name="intervention"),
    path("insatser/<int:pk>/andra/", views.intervention_edit, name="intervention_edit"),
    path("insatser/<int:pk>/status/", views.intervention_status, name="intervention_status"),
    path("insatser/<int:pk>/mal/", views.intervention_goal, name="intervention_goal"),
    path("insatser/<int:pk>/budget/", views.intervention_budget, name="intervention_budget"),
    path("insatser/<int:pk>/aktivitet/", views.intervention_activity, name="intervention_activity"),
    path(
        "insatser/<int:pk>/arsrapport/<int:year>/",
        views.intervention_report,
        name="intervention_report",
    ),
    path("ansokningar/", board_views.application_list, name="applications"),
    path("ansokningar/ny/", board_views.application_new, name="application_new"),
    path("ansokningar/<int:pk>/", board_views.application_detail, name="application"),
    path(
        "ansokningar/<int:pk>/bered/", board_views.application_prepare, name="application_prepare"
    ),
    path("ansokningar/<int:pk>/beslut/", board_views.application_decide, name="application_decide"),
    path("moten/", board_views.meeting_list, name="meetings"),
    path("moten/nytt/", board_views.meeting_new, name="meeting_new"),
    path("moten/<int:pk>/", board_views.meeting_detail, name="meeting"),
    path("moten/plan/ny/", schedule_views.meeting_plan_edit, name="meeting_plan_new"),
    path("moten/plan/<int:pk>/", schedule_views.meeting_plan_edit, name="meeting_plan_edit"),
    path(
        "moten/plan/<int:pk>/ta-bort/",
        schedule_views.meeting_plan_delete,
        name="meeting_plan_delete",
    ),
    path("beslut/", board_views.decision_list, name="decisions"),
    path("beslut/nytt/", board_views.decision_new, name="decision_new"),
]
