"""Write the demo's SIE 4 file: Samordningsförbundet Södra Roslagen's invented books for 2016.

    python tools/demo_sie.py > src/samordna/demo/files/sie-sodra-roslagen-2016.se

The year follows the decided budget 2016 (seed 004) with a realistic underspend: the four
members pay their contributions each quarter, the kansli pays salaries, taxes and fees
monthly, suppliers invoice and are paid the month after, and the year ends with accruals.
Every voucher balances, so each closing balance is the opening one plus the vouchers and
each result is the vouchers' sum. The 2015 figures (årsnummer −1) follow the plan's forecast.
The output is CP437 (PC8), as the SIE specification says.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from decimal import Decimal

ACCOUNTS = {
    "1510": "Kundfordringar",
    "1790": "Förutbetalda kostnader",
    "1930": "Bank",
    "2010": "Eget kapital",
    "2440": "Leverantörsskulder",
    "2710": "Personalens källskatt",
    "2730": "Lagstadgade sociala avgifter",
    "2920": "Upplupna semesterlöner",
    "2990": "Övriga upplupna kostnader",
    "3511": "Medlemsbidrag staten (FK/AF)",
    "3512": "Medlemsbidrag Stockholms läns landsting",
    "3513": "Medlemsbidrag Österåkers kommun",
    "3514": "Medlemsbidrag Täby kommun",
    "4611": "Pågående operativ insats",
    "4612": "Pågående strukturell insats",
    "4613": "Analys av behovsområden",
    "4614": "Utvärdering",
    "5110": "Månadslöner kansli",
    "5510": "Arvoden förtroendevalda",
    "5611": "Sociala avgifter arvoden",
    "5612": "Sociala avgifter löner",
    "5810": "Utbildning personal",
    "6110": "Lokalhyra",
    "6910": "Information och kommunikation",
    "6990": "Övriga kostnader",
    "7450": "Ekonomi och redovisning",
    "7460": "Revision",
    "8410": "Ränteintäkter",
}
OPENING = {  # 2016-01-01, öre: the closing balances of 2015 with 2015's result in equity
    "1790": 960_000,
    "1930": 175_142_420,
    "2010": -158_900_000,
    "2440": -4_230_000,
    "2710": -1_530_000,
    "2730": -1_602_420,
    "2920": -3_840_000,
    "2990": -6_000_000,
}
PREVIOUS_OPENING = {
    "1930": 126_200_000,
    "2010": -120_400_000,
    "2440": -3_800_000,
    "2990": -2_000_000,
}
PREVIOUS_RESULTS = {  # 2015, öre: 2 440 000 in, 2 055 000 out, 385 000 over
    "3511": -122_000_000,
    "3512": -61_000_000,
    "3513": -24_400_000,
    "3514": -36_600_000,
    "4611": 40_900_000,
    "4612": 30_000_000,
    "4613": 6_500_000,
    "4614": 4_000_000,
    "5110": 50_400_000,
    "5510": 8_400_000,
    "5611": 2_639_280,
    "5612": 15_835_680,
    "5810": 525_040,
    "6110": 12_800_000,
    "6910": 11_800_000,
    "6990": 13_900_000,
    "7450": 3_800_000,
    "7460": 4_000_000,
}
CONTRIBUTIONS = {"3511": 106_400_000, "3512": 53_200_000, "3513": 21_300_000, "3514": 31_900_000}
SALARY, TAX, FEE = 5_100_000, 1_530_000, Decimal("0.3142")
FEE_SALARY = int(SALARY * FEE)  # 1 602 420 öre = 16 024,20 kr
BOARD_FEE = 2_160_000
INVOICES = [  # (month, account, öre, text)
    *[(m, "6110", 960_000, "Hyra Kvarnen") for m in range(2, 13)],
    *[(m, "7450", 400_000, "Ekonomitjänst Österåkers kommun") for m in range(1, 13)],
    *[(q * 3, "4611", 45_310_000, "Pågående operativ insats, kvartal") for q in range(1, 5)],
    (3, "4612", 950_000, "Nätverksträff arbetsgivare"),
    (6, "4612", 950_000, "Nätverksträff arbetsgivare"),
    (10, "4612", 950_000, "Nätverksträff arbetsgivare"),
    (2, "4613", 1_800_000, "Kartläggning målgrupp"),
    (4, "4613", 3_200_000, "Behovsanalys, workshop"),
    (5, "4613", 2_600_000, "Behovsanalys, intervjuer"),
    (9, "4613", 4_100_000, "Behovsanalys, rapport"),
    (11, "4613", 2_900_000, "Förstudie ny insats"),
    (6, "4614", 3_000_000, "Utvärdering delrapport"),
    (12, "4614", 4_500_000, "Utvärdering slutrapport"),
    (6, "7460", 250_000, "Granskning delårsrapport"),
    (3, "5810", 380_000, "Kurs Finsam-nätverket"),
    (5, "5810", 420_000, "Konferens Nationella rådet"),
    (9, "5810", 310_000, "Utbildning uppföljning"),
    (11, "5810", 350_000, "Kurs ekonomi"),
    (1, "6910", 312_500, "Hemsida, drift"),
    (3, "6910", 845_000, "Trycksaker"),
    (4, "6910", 312_500, "Hemsida, drift"),
    (6, "6910", 560_000, "Informationsträff"),
    (7, "6910", 312_500, "Hemsida, drift"),
    (9, "6910", 420_000, "Annonsering"),
    (10, "6910", 312_500, "Hemsida, drift"),
    (12, "6910", 112_000, "Julhälsning"),
    *[(m, "6990", 124_500, "Kontorsmaterial") for m in (1, 3, 5, 7, 9, 11)],
    *[(m, "6990", 98_000, "Bankavgifter") for m in (2, 4, 6, 8, 10, 12)],
    (5, "6990", 311_500, "Styrelsedag, lokal och förtäring"),
    (10, "6990", 447_000, "Medlemssamråd, lokal och förtäring"),
]


class Books:
    def __init__(self) -> None:
        self.vouchers: list[tuple[str, str, list[tuple[str, int]]]] = []
        self.movements: dict[str, int] = defaultdict(int)

    def book(self, day: str, text: str, *lines: tuple[str, int]) -> None:
        assert sum(amount for _, amount in lines) == 0, text
        self.vouchers.append((day, text, list(lines)))
        for account, amount in lines:
            self.movements[account] += amount


def _year(books: Books) -> None:
    _contributions(books)
    for month in range(1, 13):
        _payroll(books, month)
    _board(books)
    _suppliers(books)
    _year_end(books)


def _contributions(books: Books) -> None:
    for quarter in range(4):
        month = quarter * 3 + 1
        for account, yearly in CONTRIBUTIONS.items():
            quarterly = yearly // 4
            books.book(
                f"2016{month:02d}05",
                f"Faktura medlemsbidrag kvartal {quarter + 1}, {ACCOUNTS[account][14:]}",
                ("1510", quarterly),
                (account, -quarterly),
            )
            if quarter == 3 and account == "3514":
                continue  # Täby's last quarter is paid in January 2017
            books.book(
                f"2016{month:02d}28",
                "Inbetalning medlemsbidrag",
                ("1930", quarterly),
                ("1510", -quarterly),
            )


def _payroll(books: Books, month: int) -> None:
    books.book(
        f"2016{month:02d}25",
        f"Lön {month:02d}",
        ("5110", SALARY),
        ("2710", -TAX),
        ("1930", -(SALARY - TAX)),
    )
    books.book(
        f"2016{month:02d}25",
        f"Sociala avgifter lön {month:02d}",
        ("5612", FEE_SALARY),
        ("2730", -FEE_SALARY),
    )
    tax = TAX + (int(BOARD_FEE * Decimal("0.30")) if month in (4, 7, 10) else 0)
    fee = FEE_SALARY + (int(BOARD_FEE * FEE) if month in (4, 7, 10) else 0)
    books.book(
        f"2016{month:02d}12",
        "Skattekonto: källskatt och arbetsgivaravgifter",
        ("2710", tax),
        ("2730", fee),
        ("1930", -(tax + fee)),
    )


def _board(books: Books) -> None:
    for month in (3, 6, 9, 12):
        tax = int(BOARD_FEE * Decimal("0.30"))
        books.book(
            f"2016{month:02d}20",
            "Arvoden styrelse",
            ("5510", BOARD_FEE),
            ("2710", -tax),
            ("1930", -(BOARD_FEE - tax)),
        )
        fee = int(BOARD_FEE * FEE)
        books.book(f"2016{month:02d}20", "Sociala avgifter arvoden", ("5611", fee), ("2730", -fee))
    # December's fees are paid in January 2017: only the three earlier quarters are paid above.


def _suppliers(books: Books) -> None:
    books.book(
        "20160105", "Återföring förutbetald hyra januari", ("6110", 960_000), ("1790", -960_000)
    )
    books.book(
        "20160115",
        "Betalning leverantörer december 2015",
        ("2440", 4_230_000),
        ("1930", -4_230_000),
    )
    books.book("20160315", "Revision 2015, faktura", ("2990", 6_000_000), ("1930", -6_000_000))
    for number, (month, account, amount, text) in enumerate(INVOICES, start=1):
        books.book(
            f"2016{month:02d}10",
            f"{text}, faktura {1000 + number}",
            (account, amount),
            ("2440", -amount),
        )
        if month < 12:
            books.book(
                f"2016{month + 1:02d}10",
                f"Betalning faktura {1000 + number}",
                ("2440", amount),
                ("1930", -amount),
            )
    for quarter in range(1, 5):
        books.book(
            f"2016{quarter * 3:02d}30", "Ränta bankkonto", ("1930", 31_250), ("8410", -31_250)
        )


def _year_end(books: Books) -> None:
    books.book("20161231", "Förutbetald hyra januari 2017", ("1790", 960_000), ("1930", -960_000))
    books.book("20161231", "Revision 2016, upplupen", ("7460", 5_500_000), ("2990", -5_500_000))
    books.book("20161231", "Semesterlöneskuld, förändring", ("5110", 280_000), ("2920", -280_000))


def sie_text(books: Books) -> str:
    closing = {a: OPENING.get(a, 0) + books.movements.get(a, 0) for a in ACCOUNTS if a[0] in "12"}
    results = {
        a: books.movements[a] for a in ACCOUNTS if a[0] not in "12" and books.movements.get(a)
    }
    previous_closing = {a: v for a, v in OPENING.items()}
    previous_closing["2010"] = PREVIOUS_OPENING["2010"]  # 2015's result is not booked in 2015's UB
    lines = [
        "#FLAGGA 0",
        '#PROGRAM "Påhittat ekonomisystem" 1.0',
        "#FORMAT PC8",
        "#GEN 20170210",
        "#SIETYP 4",
        '#FNAMN "Samordningsförbundet Södra Roslagen"',
        "#ORGNR 222000-2733",
        "#KPTYP KOMMUN-BAS13",
        "#RAR 0 20160101 20161231",
        "#RAR -1 20150101 20151231",
    ]
    lines += [f'#KONTO {a} "{name}"' for a, name in ACCOUNTS.items()]
    lines += _balances("#IB", -1, PREVIOUS_OPENING)
    lines += _balances("#UB", -1, previous_closing)
    lines += _balances("#RES", -1, PREVIOUS_RESULTS)
    lines += _balances("#IB", 0, OPENING)
    lines += _balances("#UB", 0, closing)
    lines += _balances("#RES", 0, results)
    for number, (day, text, entries) in enumerate(books.vouchers, start=1):
        lines.append(f'#VER A {number} {day} "{text}"')
        lines.append("{")
        lines += [f"#TRANS {a} {{}} {_kr(v)}" for a, v in entries]
        lines.append("}")
    return "\r\n".join(lines) + "\r\n"


def _balances(label: str, year: int, amounts: dict[str, int]) -> list[str]:
    return [f"{label} {year} {a} {_kr(v)}" for a, v in sorted(amounts.items()) if v]


def _kr(ore: int) -> str:
    return f"{Decimal(ore) / 100:.2f}"


if __name__ == "__main__":
    demo = Books()
    _year(demo)
    sys.stdout.buffer.write(sie_text(demo).encode("cp437"))
