from django.urls import path

from samordna.audit import views

patterns = [
    path("historik/", views.association_history, name="history"),
    path("historik/excel/", views.association_history_xlsx, name="history_xlsx"),
    path(
        "historik/<str:label>/<int:pk>/",
        views.object_history,
        name="object_history",
    ),
]
