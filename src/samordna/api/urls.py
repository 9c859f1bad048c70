"""URLs of the API (versioned under api/v1/) and of the user's own tokens."""

from django.urls import path

from samordna.api import views
from samordna.api.endpoints import api

patterns = [
    path("api/v1/", api.urls),
    path("konto/api-nycklar/", views.api_tokens, name="api_tokens"),
    path("konto/api-nycklar/<int:pk>/aterkalla/", views.api_token_revoke, name="api_token_revoke"),
]
