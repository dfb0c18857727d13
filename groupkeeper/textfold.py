"""Comparing people's names as people read them: case and accents do not count.

Plain Python with no other imports from the app, so storage may use it too (the roster's
order is an ``ORDER BY`` no SQLite collation gets right: ``NOCASE`` folds ASCII only, and
put "Álvaro", "Élodie" and "Óscar" after "Zoë").
"""

from __future__ import annotations

import unicodedata

# Latin letters that NFKD does not split into base + mark, but that people type plainly:
# "Łukasz" is searched as "lukasz", "Yılmaz" as "yilmaz", "Søren" as "soren".
_PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` ("Zoë" and "ZOE" both give "zoe")."""
    if text.isascii():  # most names: nothing to decompose or translate
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # casefold after stripping too: NFKD can produce characters with case ("Ⅻ" -> "XII").
    return stripped.casefold().translate(_PLAIN_LETTERS)


def name_key(name: str, tie: int = 0) -> tuple[str, str, int]:
    """Sort key for names in alphabetical order as a reader expects it, whatever the
    letters' case and accents ("ana", "Álvaro", "Ángela", "Zoë"), then exactly, then by
    ``tie`` (a member id) so equal names keep one order."""
    return fold(name), name, tie
