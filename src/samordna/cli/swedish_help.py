"""argparse's own words in Swedish: "användning:", "flaggor", "visa den här hjälpen".

argparse looks its texts up through gettext at the moment it uses them, so replacing its
two lookup functions once, before any parser is built, is enough. Texts not listed here
are shown as argparse writes them; `tests/cli/test_swedish_help.py` lists those a user meets.
"""

from __future__ import annotations

import argparse

WORDS = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "the following arguments are required: %s": "dessa argument saknas: %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "not allowed with argument %s": "kan inte användas tillsammans med %s",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde får anges",
    "expected at least one argument": "minst ett värde behövs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig, den kan vara %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "kan inte öppna ”%(filename)s”: %(error)s",
}
PLURALS = {"expected %s argument": ("%s värde behövs", "%s värden behövs")}


def swedish(text: str) -> str:
    return WORDS.get(text, text)


def swedish_plural(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get(singular, (singular, plural))
    return one if n == 1 else many


def install() -> None:
    argparse._ = swedish  # type: ignore[attr-defined]
    argparse.ngettext = swedish_plural  # type: ignore[attr-defined]
