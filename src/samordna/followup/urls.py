"""Follow-up and indicator URLs under /forbund/<slug>/; the anonymous form lives at /enkat/."""

from django.urls import path

from samordna.followup import batch_views, effect_views, indicator_views, privacy_views, views

patterns = [
    path("uppfoljning/", views.followup_report, name="followup"),
    path("uppfoljning/mal/", views.followup_targets, name="followup_targets"),
    path("uppfoljning/deltagare/", views.episode_list, name="episodes"),
    path("uppfoljning/deltagare/ny/", views.episode_edit, name="episode_new"),
    path("uppfoljning/deltagare/importera/", views.episode_import, name="episode_import"),
    path(
        "uppfoljning/deltagare/export.<str:fmt>",
        views.episode_export,
        name="episode_export",
    ),
    path("uppfoljning/deltagare/<int:pk>/", views.episode_edit, name="episode"),
    path("insatser/<int:pk>/deltagare/", batch_views.episode_batch, name="episode_batch"),
    path("insatser/<int:pk>/deltagarkoder/", batch_views.episode_codes, name="episode_codes"),
    path("dataskydd/", privacy_views.data_protection, name="data_protection"),
    path("dataskydd/regel/", privacy_views.participant_rule_new, name="participant_rule_new"),
    path("uppfoljning/effekt/", effect_views.effect, name="effect"),
    path("uppfoljning/effekt/kostnad/", effect_views.support_cost_new, name="support_cost_new"),
    path("indikatorer/", indicator_views.indicator_list, name="indicators"),
    path("indikatorer/mal/", indicator_views.indicator_targets, name="indicator_targets"),
    path("indikatorer/svar/", indicator_views.indicator_answers, name="indicator_answers"),
    path("indikatorer/lankar/", indicator_views.survey_links, name="survey_links"),
    path("indikatorer/<int:pk>/", indicator_views.indicator_edit, name="indicator_edit"),
]
public_patterns = [
    path("enkat/<str:token>/", indicator_views.survey_answer, name="survey"),
]
