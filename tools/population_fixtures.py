"""Write the population fixture files (tests/fixtures/population/) as the user downloads them:
SCB's Statistikdatabasen export and finsam.se's försörjningsmått table, each with title lines
above the table and notes below it. Run: python tools/population_fixtures.py"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "population"

SCB_ROWS = [
    ("00 Riket", 10551707, 10587710),
    ("14 Västra Götalands län", 1744859, 1751697),
    ("1440 Ale", 32476, 32658),
    ("1442 Vårgårda", 12287, 12342),
    ("1444 Grästorp", 5652, 5639),
    ("1462 Lilla Edet", 14184, 14236),
    ("1487 Vänersborg", 40058, 40234),
    ("1488 Trollhättan", 59249, 59511),
    ("1490 Borås", 114629, 115134),
]


def scb() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabell"
    sheet.append(["Folkmängden efter region och år"])
    sheet.append([])
    sheet.append(["", 2023, 2024])
    for row in SCB_ROWS:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["Folkmängden den 31 december respektive år."])
    sheet.append(["Källa: SCB, Befolkningsstatistik"])
    book.save(HERE / "scb_folkmangd_kommun.xlsx")


SUPPORT_ROWS = [
    ("Samordningsförbundet Ale, Lerum, Alingsås", 6230, 61850),
    ("Samordningsförbundet Södra Roslagen", 4412, 68090),
    ("Samordningsförbundet Trollhättan, Lilla Edet och Grästorp", 6105, 48960),
    ("Samordningsförbundet Vänersborg/Mellerud", 3980, 30120),
    ("Finsam Göteborg", 45210, 410300),
]


def support() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Fördelning 2025"
    sheet.append(["Försörjningsmått och befolkning 16–64 år per samordningsförbund, underlag 2025"])
    sheet.append(["Underlag för fördelning av statliga medel till samordningsförbunden 2025"])
    sheet.append([])
    sheet.append(["Samordningsförbund", "Försörjningsmått", "Befolkning 16–64 år"])
    for row in SUPPORT_ROWS:
        sheet.append(list(row))
    total = ("Totalt", sum(r[1] for r in SUPPORT_ROWS), sum(r[2] for r in SUPPORT_ROWS))
    sheet.append(list(total))
    sheet.append([])
    sheet.append(
        [
            "Försörjningsmått: personer 20–64 år med försörjningsstöd, sjukpenning, "
            "aktivitetsersättning eller arbetslöshet enligt Försäkringskassan."
        ]
    )
    book.save(HERE / "finsam_forsorjningsmatt.xlsx")


if __name__ == "__main__":
    HERE.mkdir(parents=True, exist_ok=True)
    scb()
    support()
