"""The demo: the three seed förbund with their plans' figures, loaded any number of times."""

from __future__ import annotations

from samordna.associations.models import Association, Member
from samordna.budgets import services
from samordna.budgets.models import Budget, BudgetAmount
from samordna.demo import load_demo
from samordna.demo.data import DEMO_PASSWORD
from samordna.economy.models import Contribution
from samordna.followup.models import Episode, IndicatorResponse
from samordna.interventions.models import Decision, Intervention


def _counts():
    return (
        Association.objects.count(),
        Member.objects.count(),
        Contribution.objects.count(),
        Budget.objects.count(),
        BudgetAmount.objects.count(),
        Intervention.objects.count(),
        Decision.objects.count(),
        Episode.objects.count(),
        IndicatorResponse.objects.count(),
    )


def test_loading_the_demo_twice_neither_fails_nor_duplicates(demo):
    first = _counts()  # the demo fixture loaded it once
    load_demo()
    assert _counts() == first
    assert first[0] == 3 and first[3] == 5  # three budgets, and VP and forecast 2015 of 004


def _check(slug):
    budget = Budget.objects.filter(association__slug=slug).order_by("-first_year").first()
    return budget, services.check_version(services.current_version(budget))


def test_each_seed_budget_checks_as_its_plan_states_it(demo):
    _, vanersborg = _check("vanersborg-mellerud")
    assert not vanersborg.check.has_errors
    assert {f.code for f in vanersborg.check.findings} == {"result_budget_balance"}
    assert vanersborg.totals[2008].result == -850_000_00

    trollhattan_budget, trollhattan = _check("trollhattan-lilla-edet-grastorp")
    assert {f.code for f in trollhattan.check.findings} == {
        "result_annual_result",
        "result_both_conventions",
    }
    assert [trollhattan.totals[y].result for y in (2020, 2021, 2022)] == [
        -269_000_00,
        -794_000_00,
        -374_000_00,
    ]
    assert services.current_version(trollhattan_budget).decision == "2019-11-28"

    roslagen_budget, roslagen = _check("sodra-roslagen")
    assert not roslagen.check.has_errors and roslagen.split == []
    assert roslagen.totals[2016].balance == 0
    assert services.current_version(roslagen_budget).status == "beslutad"


def test_the_frame_table_of_seed_004_is_reproduced(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="chef"))
    page = client.get("/forbund/sodra-roslagen/askning/2016/").content.decode()
    page = page.replace("\u00a0", " ")
    for amount in ("1 220 000 kr", "1 064 000 kr", "532 000 kr", "213 000 kr", "319 000 kr"):
        assert amount in page
    assert "2 128 000 kr" in page and "2 800 000 kr" in page  # summa model, summa äskning
    assert "3 717 000 kr" in page and "3 804 000 kr" in page and "3 640 000 kr" in page
    assert "1 400 000 kr" in page  # the state's half of the äskning


def test_the_outcome_table_of_seed_004_is_reproduced(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="chef"))
    page = client.get("/forbund/sodra-roslagen/budget/utfall/2016/").content.decode()
    page = page.replace("\u00a0", " ")
    for heading in ("VP 2015", "Prognos/utfall 2015", "Budget 2016", "Plan 2017"):
        assert heading in page
    for amount in ("2 336 000", "2 054 000", "3 717 000", "3 040 000", "1 930 000", "409 000"):
        assert amount in page


def test_the_seed_insatser_carry_their_periods_decisions_and_budget_lines(client, demo):
    roslagen = Association.objects.get(slug="sodra-roslagen")
    team = roslagen.interventions.get(name="Rådgivande teamet")
    assert (team.start.isoformat(), team.end.isoformat()) == ("2015-02-04", "2017-06-30")
    assert [d.citation for d in team.decisions.all()] == ["2015-02-04"]
    assert roslagen.interventions.get(kind="structural").name.startswith("Frukostmöten")
    budget = Budget.objects.get(association=roslagen, first_year=2016, is_forecast=False)
    from samordna.budgets import register

    version = services.current_version(budget)
    assert version.lines.get(intervention=team).label == "Pågående operativ insats"
    assert register.differences(version) == []
    trollhattan = Association.objects.get(slug="trollhattan-lilla-edet-grastorp")
    assert trollhattan.interventions.count() == 10
    assert trollhattan.interventions.get(name="ALL-IN").esf
    for insats in trollhattan.interventions.all():
        assert insats.decisions.get().citation == "2019-11-28"
        assert len({m.kind for m in insats.members.all()}) >= 2


def test_every_seed_insats_for_people_has_invented_participants_to_report(client, demo):
    individual = Intervention.objects.filter(kind="individual")
    assert all(i.episodes.exists() for i in individual)
    assert not Episode.objects.filter(synthetic=False).exists()
    client.post("/logga-in/", {"username": "styrelse", "password": DEMO_PASSWORD})
    page = client.get("/forbund/trollhattan-lilla-edet-grastorp/uppfoljning/?ar=2021")
    text = page.content.decode()
    assert "Demodata: deltagarna här är påhittade" in text
    assert "minst 4 av 10" in text and "minst 7 av 10" in text
