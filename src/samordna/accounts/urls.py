"""URLs of accounts: sign-in steps, the own account, invitations, site administration,
and the förbund's people (included under forbund/<slug>/)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from samordna.accounts import admin_views, oidc_views, people_views, views

association_patterns = [
    path("personer/", people_views.people, name="people"),
    path("personer/bjud-in/", people_views.invite, name="person_invite"),
    path("personer/<int:pk>/", people_views.person_role, name="person_role"),
    path("personer/<int:pk>/ta-bort/", people_views.person_remove, name="person_remove"),
    path(
        "personer/inbjudan/<int:pk>/ta-bort/",
        people_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("personer/tvastegs/", people_views.mfa_policy, name="mfa_policy"),
]

_reset = {"template_name": "accounts/password_reset.html"}
patterns = [
    path("logga-in/kod/", views.mfa_verify, name="mfa_verify"),
    path("logga-in/sso/", oidc_views.Start.as_view(), name="oidc_authentication_init"),
    path("logga-in/sso/klart/", oidc_views.Callback.as_view(), name="oidc_authentication_callback"),
    path("konto/", views.account, name="account"),
    path(
        "konto/losenord/",
        views.PasswordChange.as_view(),
        name="password_change",
    ),
    path(
        "konto/losenord/klart/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("konto/tvastegs/", views.mfa_setup, name="mfa_setup"),
    path("konto/tvastegs/nya-koder/", views.mfa_new_codes, name="mfa_new_codes"),
    path("konto/tvastegs/ta-bort/", views.mfa_remove, name="mfa_remove"),
    path(
        "losenord/aterstall/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "losenord/aterstall/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "losenord/<uidb64>/<token>/",
        views.PasswordResetConfirm.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_set_done.html"
        ),
        name="password_reset_complete",
    ),
    path("inbjudan/<str:token>/", views.invitation, name="invitation"),
    path("administration/", admin_views.associations, name="site_associations"),
    path("administration/<slug:slug>/bjud-in/", admin_views.chef_invite, name="site_chef_invite"),
    path(
        "administration/nytt-forbund/",
        admin_views.association_create,
        name="site_association_create",
    ),
]
