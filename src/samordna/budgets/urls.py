"""Budget URLs, under /forbund/<slug>/budget/."""

from django.urls import path

from samordna.budgets import delete_views, equity_views, goal_views, link_views, views

patterns = [
    path("budget/", views.budget_list, name="budgets"),
    path("budget/ny/", views.budget_new, name="budget_new"),
    path("budget/importera/", views.budget_import, name="budget_import"),
    path("budget/<int:pk>/", views.budget_detail, name="budget"),
    path("budget/utfall/<int:year>/", views.outcome, name="outcome"),
    path("budget/<int:pk>/eget-kapital/", equity_views.budget_equity, name="budget_equity"),
    path(
        "budget/<int:pk>/eget-kapital/ingaende/",
        equity_views.equity_opening,
        name="equity_opening",
    ),
    path("budget/<int:pk>/eget-kapital/tak/", equity_views.equity_band, name="equity_band"),
    path("budget/<int:pk>/jamfor/", views.budget_compare, name="budget_compare"),
    path("budget/<int:pk>/scenario/ny/", views.scenario_new, name="scenario_new"),
    path("budget/<int:pk>/version/<int:number>/", views.budget_edit, name="budget_edit"),
    path("budget/<int:pk>/version/<int:number>/summor/", views.budget_totals, name="budget_totals"),
    path("budget/<int:pk>/version/<int:number>/beslut/", views.budget_decide, name="budget_decide"),
    path(
        "budget/<int:pk>/version/<int:number>/insatsregistret/",
        views.budget_from_register,
        name="budget_from_register",
    ),
    path(
        "budget/<int:pk>/version/<int:number>/insatsrader/",
        link_views.budget_links,
        name="budget_links",
    ),
    path(
        "budget/<int:pk>/version/<int:number>/revidera/", views.budget_revise, name="budget_revise"
    ),
    path("budget/mal/<int:year>/", goal_views.financial_goals, name="financial_goals"),
    path("budget/mal/<int:year>/nytt/", goal_views.financial_goal_add, name="financial_goal_add"),
    path(
        "budget/mal/<int:year>/<int:pk>/ta-bort/",
        goal_views.financial_goal_delete,
        name="financial_goal_delete",
    ),
    path(
        "budget/<int:pk>/version/<int:number>/ta-bort/",
        delete_views.version_delete,
        name="budget_version_delete",
    ),
]
