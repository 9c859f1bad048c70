"""Document URLs under /forbund/<slug>/dokument/."""

from django.urls import path

from samordna.documents import image_views, interim_views, national_views, views

patterns = [
    path("uppfoljning/finsam/", national_views.national_report, name="national_report"),
    path(
        "uppfoljning/finsam/<int:year>.<str:fmt>",
        national_views.national_report_download,
        name="national_report_download",
    ),
    path("dokument/", views.document_list, name="documents"),
    path("dokument/layout/", views.document_layout, name="document_layout"),
    path("dokument/layout/mall.docx", views.standard_template, name="document_template"),
    path("dokument/texter/<int:year>/", views.document_texts, name="document_texts"),
    path("dokument/bilder/", image_views.image_list, name="text_images"),
    path("dokument/bilder/<int:number>/bild/", image_views.image_file, name="text_image_file"),
    path(
        "dokument/bilder/<int:number>/ta-bort/",
        image_views.image_delete,
        name="text_image_delete",
    ),
    path("dokument/delarsrapport/", interim_views.interim_preview, name="interim"),
    path(
        "dokument/delarsrapport/<int:year>/<str:period>.<str:fmt>",
        interim_views.interim_download,
        name="interim_download",
    ),
    path(
        "dokument/delarsrapport/<int:year>/<str:period>/prognos/",
        interim_views.interim_forecast,
        name="interim_forecast",
    ),
    path("dokument/<str:kind>/<int:year>/", views.document_preview, name="document"),
    path(
        "dokument/<str:kind>/<int:year>.<str:fmt>",
        views.document_download,
        name="document_download",
    ),
    path(
        "dokument/<str:kind>/<int:year>/medlem-<int:member>/",
        views.document_preview,
        name="document_member",
    ),
    path(
        "dokument/<str:kind>/<int:year>/medlem-<int:member>.<str:fmt>",
        views.document_download,
        name="document_member_download",
    ),
]
