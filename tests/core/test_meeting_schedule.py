"""What a plan says about meetings whose dates are not set: a count, months, or both."""

from __future__ import annotations

from datetime import date

from samordna.core.meeting_schedule import schedule_error, sentence


def test_a_count_per_year_reads_as_the_plans_say_it():
    assert sentence("Styrelsen", 2027, 6, [], []) == "Styrelsen sammanträder 6 gånger 2027."
    assert sentence("Styrelsen", 2027, 1, [], []) == "Styrelsen sammanträder 1 gång 2027."


def test_months_are_named_in_calendar_order():
    assert (
        sentence("Styrelsen", 2027, None, [9, 3, 6], [])
        == "Styrelsen sammanträder 2027 i mars, juni och september."
    )


def test_count_months_note_and_the_dates_already_set():
    days = [date(2027, 2, 12), date(2026, 12, 1)]
    assert sentence("Styrelsen", 2027, 6, [3, 6], days, "och därutöver vid behov.") == (
        "Styrelsen sammanträder 6 gånger 2027, i mars och juni och därutöver vid behov. "
        "Bestämda datum: 12 februari."
    )


def test_dated_meetings_alone_are_listed_by_day():
    days = [date(2027, 4, 20), date(2027, 2, 12)]
    assert (
        sentence("Beredningsgruppen", 2027, None, [], days)
        == "Beredningsgruppen sammanträder 2027: den 12 februari och 20 april."
    )


def test_a_schedule_needs_a_count_or_months_and_no_more_months_than_meetings():
    assert schedule_error(None, []) == "Ange antalet sammanträden, månaderna eller båda."
    assert "mellan 1 och 52" in (schedule_error(0, []) or "")
    assert "4 månader är valda men antalet sammanträden är 3" in (
        schedule_error(3, [1, 2, 3, 4]) or ""
    )
    assert schedule_error(6, [3, 6, 9]) is None and schedule_error(None, [3]) is None
