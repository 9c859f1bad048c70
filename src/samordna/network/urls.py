"""URLs of the national picture: the network's pages, and the förbund's sharing decision
(included under forbund/<slug>/)."""

from django.urls import path

from samordna.network import admin_views, views

association_patterns = [
    path("dela/", views.sharing, name="sharing"),
]

patterns = [
    path("natverk/<slug:slug>/", views.network_page, name="network"),
    path("natverk/<slug:slug>/<int:year>/excel/", views.network_xlsx, name="network_xlsx"),
    path("natverk/<slug:slug>/<int:year>/oppna-data/", views.open_data, name="network_open_data"),
    path("administration/natverk/", admin_views.networks, name="site_networks"),
    path(
        "administration/natverk/<slug:slug>/ny-person/",
        admin_views.network_person,
        name="site_network_person",
    ),
    path(
        "administration/natverk/<slug:slug>/ta-bort/<int:user_id>/",
        admin_views.network_person_remove,
        name="site_network_person_remove",
    ),
]
