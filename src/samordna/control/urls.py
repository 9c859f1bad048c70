"""Control and audit URLs under /forbund/<slug>/kontroll/."""

from django.urls import path

from samordna.control import views

patterns = [
    path("kontroll/", views.control, name="control"),
    path("kontroll/internkontroll/<int:year>/", views.control_plan, name="control_plan"),
    path(
        "kontroll/internkontroll/<int:year>/excel/",
        views.control_plan_xlsx,
        name="control_plan_xlsx",
    ),
    path(
        "kontroll/internkontroll/<int:year>/beslut/",
        views.control_plan_edit,
        name="control_plan_edit",
    ),
    path("kontroll/internkontroll/<int:year>/risk/ny/", views.risk_new, name="risk_new"),
    path("kontroll/risk/<int:pk>/", views.risk_edit, name="risk_edit"),
    path("kontroll/risk/<int:pk>/ta-bort/", views.risk_delete, name="risk_delete"),
    path("kontroll/risk/<int:pk>/uppfoljning/", views.result_new, name="result_new"),
    path("kontroll/uppfoljning/<int:pk>/ta-bort/", views.result_delete, name="result_delete"),
    path("kontroll/revision/<int:year>/", views.audit, name="audit"),
    path("kontroll/revision/<int:year>/revisor/ny/", views.auditor_new, name="auditor_new"),
    path("kontroll/revisor/<int:pk>/", views.auditor_edit, name="auditor_edit"),
    path("kontroll/revisor/<int:pk>/ta-bort/", views.auditor_delete, name="auditor_delete"),
    path(
        "kontroll/revision/<int:year>/rapport/ny/",
        views.audit_report_new,
        name="audit_report_new",
    ),
    path("kontroll/rapport/<int:pk>/", views.audit_report, name="audit_report"),
    path(
        "kontroll/rapport/<int:pk>/ta-bort/",
        views.audit_report_delete,
        name="audit_report_delete",
    ),
    path(
        "kontroll/revision/<int:year>/ansvarsfrihet/ny/",
        views.discharge_new,
        name="discharge_new",
    ),
    path("kontroll/ansvarsfrihet/<int:pk>/", views.discharge_edit, name="discharge_edit"),
    path(
        "kontroll/ansvarsfrihet/<int:pk>/ta-bort/",
        views.discharge_delete,
        name="discharge_delete",
    ),
    path("kontroll/protokoll/", views.minutes, name="minutes"),
    path("kontroll/protokoll/<int:pk>/", views.minutes_edit, name="minutes_edit"),
    path("kontroll/delegation/", views.delegation, name="delegation"),
    path("kontroll/delegation/ny/", views.delegation_new, name="delegation_new"),
    path("kontroll/delegation/<int:pk>/", views.delegation_edit, name="delegation_edit"),
    path(
        "kontroll/delegation/<int:pk>/ta-bort/",
        views.delegation_delete,
        name="delegation_delete",
    ),
    path("kontroll/delegation/beslut/<int:pk>/", views.delegation_use, name="delegation_use"),
]
