"""Demo of Kontroll och revision for Södra Roslagen, year 2016: an internkontrollplan with seven
risks decided by the board and followed up, the auditors and their report, each member's
discharge, the minutes of the plan's meetings and a delegationsordning with three delegation
decisions, two of which the check flags. Invented but typical of a small förbund; the names
are invented officials, never participants (docs/demo.md)."""

from __future__ import annotations

from datetime import date

from samordna.associations.models import Association
from samordna.control.models import (
    Auditor,
    AuditReport,
    ControlPlan,
    ControlResult,
    DelegationMatter,
    DelegationUse,
    Discharge,
    Minutes,
    Risk,
)
from samordna.interventions.models import Decision

SLUG = "sodra-roslagen"
YEAR = 2016

# name, likelihood, consequence, control, responsible, frequency, results (date, outcome, comment)
RISKS = [
    (
        "Medlemsbidragen faktureras eller betalas in med fel belopp",
        2,
        3,
        "Inbetalda medlemsbidrag stäms av mot den beslutade fördelningen.",
        "Ekonom",
        "tertial",
        [(date(2016, 4, 29), "ok", ""), (date(2016, 8, 31), "ok", "")],
    ),
    (
        "Utbetalning till en insats utan giltigt beslut",
        2,
        4,
        "Stickprov på tio utbetalningar: varje utbetalning ska ha ett beslut i beslutsregistret.",
        "Förbundschef",
        "quarterly",
        [
            (
                date(2016, 6, 30),
                "remark",
                "Ett av tio stickprov saknade paragraf i beslutet; rättat i registret.",
            )
        ],
    ),
    (
        "Insatserna når inte målgruppen",
        3,
        3,
        "Antalet deltagare per insats följs upp mot det planerade antalet.",
        "Förbundschef",
        "tertial",
        [(date(2016, 8, 31), "ok", "Rådgivande teamet ligger över plan.")],
    ),
    (
        "Uppgifter om deltagare hamnar hos förbundet",
        2,
        4,
        "Register, rapporter och protokoll gås igenom så att inga namn eller personnummer finns.",
        "Förbundschef",
        "half_year",
        [(date(2016, 6, 30), "ok", "")],
    ),
    (
        "Delegationsbeslut anmäls inte till styrelsen",
        3,
        2,
        "Delegationsbesluten gås igenom inför varje styrelsemöte.",
        "Förbundschef",
        "ongoing",
        [(date(2016, 9, 30), "not_done", "Genomgången hanns inte före septembermötet.")],
    ),
    (
        "Eget kapital över den rekommenderade nivån",
        3,
        3,
        "Prognosen för eget kapital jämförs med taket vid varje tertialrapport.",
        "Ekonom",
        "tertial",
        [(date(2016, 8, 31), "ok", "")],
    ),
    (
        "Jäv vid beslut om insatser",
        1,
        3,
        "Protokollen granskas: den som är jävig deltar inte i beslutet.",
        "Ordförande",
        "yearly",
        [],
    ),
]

AUDITORS = [
    ("Gunnel Ek", None, False),  # shared by the two municipalities
    ("Maria Lind", "Stockholms läns landsting", False),
    ("Per Holm", "Försäkringskassan", True),  # authorised, procured by FK for the state
]

DISCHARGES = [
    ("Försäkringskassan", date(2017, 4, 20)),
    ("Arbetsförmedlingen", date(2017, 4, 27)),
    ("Stockholms läns landsting", date(2017, 6, 13)),
    ("Österåkers kommun", date(2017, 6, 12)),
    ("Täby kommun", date(2017, 6, 19)),
]

MINUTES = [
    (date(2015, 2, 4), "Eva Lund, Karl Ström", date(2015, 2, 11)),
    (date(2015, 3, 18), "Karl Ström, Lena Sjöberg", date(2015, 3, 25)),
    (date(2015, 11, 11), "Eva Lund, Lena Sjöberg", None),
]

# text, limit in kronor (None: no limit)
MATTERS = [
    ("Avtal om lokaler, utrustning och tjänster", 100_000),
    ("Köp av utbildning, konferenser och kompetensutveckling", 50_000),
    ("Utbetalning av beviljade medel till insatser enligt styrelsens beslut", None),
]

# date, text, matter index (None: outside the delegationsordning), amount in kronor
DELEGATED = [
    (date(2016, 3, 1), "Hyresavtal för kansliets lokal, 12 månader", 0, 84_000),
    (date(2016, 5, 10), "Utbildning i motiverande samtal för insatspersonalen", 1, 62_500),
    (date(2016, 9, 20), "Visstidsanställning av en projektsamordnare", None, 180_000),
]


def load_control(association: Association) -> None:
    """The demo's control year for Södra Roslagen, unless it has a plan already."""
    if association.slug != SLUG or association.control_plans.exists():
        return
    _plan(association)
    _audit(association)
    _minutes(association)
    _delegation(association)


def _board_decision(association: Association, day: date, paragraph: str, text: str) -> Decision:
    meeting = association.meetings.filter(date=day).first()
    return Decision.objects.create(
        association=association,
        meeting=meeting,
        date=day,
        paragraph=paragraph,
        kind="ovrigt",
        text=text,
    )


def _plan(association: Association) -> None:
    decision = _board_decision(
        association, date(2015, 11, 11), "9", f"Internkontrollplanen för {YEAR} fastställs."
    )
    plan = ControlPlan.objects.create(association=association, year=YEAR, decision=decision)
    for name, likelihood, consequence, control, responsible, frequency, results in RISKS:
        risk = Risk.objects.create(
            plan=plan,
            name=name,
            likelihood=likelihood,
            consequence=consequence,
            control=control,
            responsible=responsible,
            frequency=frequency,
        )
        for day, outcome, comment in results:
            ControlResult.objects.create(risk=risk, date=day, outcome=outcome, comment=comment)


def _audit(association: Association) -> None:
    for name, member, authorised in AUDITORS:
        Auditor.objects.create(
            association=association,
            year=YEAR,
            name=name,
            appointed_by=association.members.get(name=member) if member else None,
            authorised=authorised,
        )
    report = demo_pdf(f"Revisionsberättelse {YEAR}", "Demo: revisorernas bedömning")
    AuditReport.objects.create(
        association=association,
        year=YEAR,
        title=f"Revisionsberättelse {YEAR}",
        file=report,
        filename=f"revisionsberattelse-{YEAR}.pdf",
        size=len(report),
    )
    for member, day in DISCHARGES:
        Discharge.objects.create(
            association=association,
            year=YEAR,
            member=association.members.get(name=member),
            decided_on=day,
            outcome="beviljad",
        )


def _minutes(association: Association) -> None:
    for day, adjusters, adjusted_on in MINUTES:
        meeting = association.meetings.filter(date=day, body="styrelse").first()
        if meeting is not None:
            Minutes.objects.create(meeting=meeting, adjusters=adjusters, adjusted_on=adjusted_on)


def _delegation(association: Association) -> None:
    adopted = _board_decision(
        association, date(2015, 2, 4), "6", "Delegationsordningen för förbundschefen antas."
    )
    matters = [
        DelegationMatter.objects.create(
            association=association,
            text=text,
            limit=kronor * 100 if kronor is not None else None,
            valid_from=date(2015, 2, 4),
            decision=adopted,
        )
        for text, kronor in MATTERS
    ]
    for day, text, index, kronor in DELEGATED:
        decision = Decision.objects.create(
            association=association, date=day, kind="delegation", text=text, by_delegation=True
        )
        matter = matters[index] if index is not None else None
        DelegationUse.objects.create(decision=decision, matter=matter, amount=kronor * 100)


def demo_pdf(title: str, line: str) -> bytes:
    """A one-page PDF with two lines of text (Helvetica, WinAnsi), written by hand."""
    text = f"BT /F1 18 Tf 72 760 Td ({title}) Tj 0 -28 Td /F1 12 Tf ({line}) Tj ET"
    stream = text.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
