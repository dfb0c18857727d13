"""Reading a CSV file of members for import, and reporting the rows that cannot be used.

``parse_csv(raw_bytes)`` never writes anything: it returns the usable rows as ``Member``
objects and the bad rows with their spreadsheet row number (the header is row 1) and a
reason code the UI words. Nothing is imported until the user has seen the preview and
accepted the good rows; then the ``member.import`` operation (``import_op``, which
``import_members(store, rows)`` performs outside the app, e.g. for ``groupkeeper
import-csv``: ``run_import``) adds them in one transaction, so an import is all or nothing.

Tolerated: a UTF-8 byte-order mark, UTF-16 with a BOM, Windows-1252 files (older Excel),
``,`` ``;`` or tab delimiters, and common header spellings in English and Spanish ("Name",
"First name", "Mobile", "Nombre", "Teléfono", "Correo electrónico").

Column mapping: ``guess_mapping(header)`` guesses the field of every column; the import
screen shows the guess and lets the user pick a field for each column ("Emergency contact",
or "Don't import"), then calls ``parse_csv(raw, existing, mapping)`` with their choice. The
preview records the header, the mapping used and a few sample values per column.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from groupkeeper import ops
from groupkeeper.model import Member
from groupkeeper.roster import digits, words
from groupkeeper.storage.errors import ImportRejected, InvalidInput

if TYPE_CHECKING:
    import argparse

    from groupkeeper.storage.repos import Store

MAX_FIELD_CHARS = 10_000
MAX_FILE_BYTES = 5 * 1024 * 1024  # a roster of 10,000 people is well under 2 MB

FIELDS = (
    "display_name",
    "full_name",
    "pronouns",
    "phone",
    "email",
    "emergency_contact",
    "contact_consent",
    "joined_on",
    "notes",
)

# Folded header text (see ``roster.words``) -> field. "first name" is the display name
# because the roster greets people by first name or nickname.
HEADER_ALIASES: dict[str, str] = {
    **{f.replace("_", " "): f for f in FIELDS},
    "name": "display_name",
    "first name": "display_name",
    "firstname": "display_name",
    "given name": "display_name",
    "forename": "display_name",
    "nickname": "display_name",
    "preferred name": "display_name",
    "known as": "display_name",
    "display": "display_name",
    "fullname": "full_name",
    "legal name": "full_name",
    "last name": "_last_name",
    "lastname": "_last_name",
    "surname": "_last_name",
    "family name": "_last_name",
    "pronoun": "pronouns",
    "phone number": "phone",
    "telephone": "phone",
    "tel": "phone",
    "mobile": "phone",
    "mobile phone": "phone",
    "cell": "phone",
    "e mail": "email",
    "email address": "email",
    "mail": "email",
    "emergency": "emergency_contact",
    "emergency contact name": "emergency_contact",
    "ice": "emergency_contact",
    "consent": "contact_consent",
    "consent to contact": "contact_consent",
    "may contact": "contact_consent",
    "ok to contact": "contact_consent",
    "joined": "joined_on",
    "join date": "joined_on",
    "date joined": "joined_on",
    "start date": "joined_on",
    "note": "notes",
    "comments": "notes",
    "comment": "notes",
    # Spanish (folded: accents and case do not matter)
    "nombre": "display_name",
    "nombre de pila": "display_name",
    "nombre preferido": "display_name",
    "apodo": "display_name",
    "sobrenombre": "display_name",
    "nombre completo": "full_name",
    "nombre y apellidos": "full_name",
    "nombre legal": "full_name",
    "apellido": "_last_name",
    "apellidos": "_last_name",
    "pronombre": "pronouns",
    "pronombres": "pronouns",
    "telefono": "phone",
    "tel movil": "phone",
    "telefono movil": "phone",
    "movil": "phone",
    "celular": "phone",
    "correo": "email",
    "correo electronico": "email",
    "e mail personal": "email",
    "contacto de emergencia": "emergency_contact",
    "emergencia": "emergency_contact",
    "en caso de emergencia": "emergency_contact",
    "consentimiento": "contact_consent",
    "acepta contacto": "contact_consent",
    "consiente contacto": "contact_consent",
    "se puede contactar": "contact_consent",
    "puede contactar": "contact_consent",
    "fecha de alta": "joined_on",
    "alta": "joined_on",
    "fecha de ingreso": "joined_on",
    "ingreso": "joined_on",
    "desde": "joined_on",
    "nota": "notes",
    "notas": "notes",
    "comentario": "notes",
    "comentarios": "notes",
    "observaciones": "notes",
}

#: What a column can be imported as, in the order the mapping step offers them; "" is
#: "Don't import". ``_last_name`` is joined to the first name into the full name.
MAPPABLE = (*FIELDS[:2], "_last_name", *FIELDS[2:])
SAMPLES = 3  # sample values per column shown in the mapping step

_YES = {"yes", "y", "true", "1", "x", "agreed", "ja", "si", "oui"}
_NO = {"no", "n", "false", "0", "", "not agreed", "nein", "non"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Control characters other than tab / newline: a sign of a binary file or a broken export.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadReason(StrEnum):
    """Why a row was left out (the UI words each code)."""

    MISSING_NAME = "missing_name"
    BAD_DATE = "bad_date"
    BAD_CONSENT = "bad_consent"
    TOO_LONG = "too_long"
    DUPLICATE = "duplicate"  # the same person appears earlier in the file
    ALREADY_ON_ROSTER = "already_on_roster"
    BINARY = "binary"  # NUL or other control characters
    MALFORMED = "malformed"  # broken quoting: the row (and maybe the rest) cannot be read


class FileProblem(StrEnum):
    """Why a whole file was refused (carried by ``CsvFileRejected.problem``)."""

    TOO_BIG = "too_big"
    NOT_TEXT = "not_text"
    NO_NAME_COLUMN = "no_name_column"
    EMPTY = "empty"


class CsvFileRejected(ImportRejected):
    """The file cannot be imported at all; nothing was changed."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(f"CSV file refused: {problem.value}")
        self.problem = problem


@dataclass
class GoodRow:
    row_number: int
    member: Member


@dataclass
class BadRow:
    row_number: int
    reason: BadReason
    column: str = ""  # the field at fault (a FIELDS name), "" if not one field
    duplicate_of: int | None = None  # for DUPLICATE: the earlier row number


@dataclass
class ImportPreview:
    good: list[GoodRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    ignored_columns: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the file's column titles
    mapping: list[str] = field(default_factory=list)  # per column: a MAPPABLE name or ""
    samples: list[list[str]] = field(default_factory=list)  # per column: first values
    missing_name_column: bool = False  # no column is the name yet: the user must pick one

    @property
    def members(self) -> list[Member]:
        return [row.member for row in self.good]


def decode(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Raises:
        CsvFileRejected: NOT_TEXT if the bytes are none of these.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvFileRejected(FileProblem.NOT_TEXT) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV" on Windows; every byte but five decodes, so NUL bytes etc. are
        # caught per row afterwards.
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise CsvFileRejected(FileProblem.NOT_TEXT) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _consent(value: str) -> bool | None:
    v = words(value)
    if v in _YES:
        return True
    if v in _NO:
        return False
    return None


def _valid_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _person_key(display: str, full: str, phone: str, email: str) -> tuple[str, str, str, str]:
    return (words(display), words(full), digits(phone), email.strip().casefold())


def guess_field(title: str) -> str:
    """The field a column title means (English or Spanish spellings), or "" if unknown."""
    return HEADER_ALIASES.get(words(title.replace("\ue000", "")), "")


def guess_mapping(header: list[str]) -> list[str]:
    """A field for every column, guessed from its title; each field used once at most."""
    used: set[str] = set()
    mapping: list[str] = []
    for title in header:
        name = guess_field(title)
        if name in used:
            name = ""
        if name:
            used.add(name)
        mapping.append(name)
    return mapping


def parse_csv(
    raw: bytes,
    existing: Iterable[Member] = (),
    mapping: list[str] | None = None,
    *,
    require_name: bool = True,
) -> ImportPreview:
    """Split a CSV file into members that can be imported and rows that cannot.

    Args:
        raw: the file's bytes.
        existing: members already on the roster; an identical person is reported as
            ``ALREADY_ON_ROSTER`` instead of being added twice.
        mapping: per column, the ``MAPPABLE`` field it holds or "" (not imported); None
            guesses from the titles (``guess_mapping``). A field named twice counts once
            (the first column).
        require_name: when no column is the name: True refuses the file, False returns a
            preview with ``missing_name_column`` set and no rows, so the user can pick it.

    Returns:
        The preview; nothing has been written anywhere.

    Raises:
        CsvFileRejected: the file is too big, not text, empty, or (with ``require_name``)
            has no name column.
        ValueError: ``mapping`` names an unknown field.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise CsvFileRejected(FileProblem.TOO_BIG)
    # NUL is a row-level problem ("binary data"), not a reason to refuse the whole file;
    # a private-use stand-in keeps the csv module from choking on it.
    text = decode(raw).replace("\x00", "\ue000")
    if not text.strip():
        raise CsvFileRejected(FileProblem.EMPTY)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise CsvFileRejected(FileProblem.EMPTY) from None

    preview = ImportPreview(header=[t.replace("\ue000", "").strip() for t in header])
    chosen = guess_mapping(header) if mapping is None else list(mapping)
    chosen = (chosen + [""] * len(header))[: len(header)]
    unknown = [name for name in chosen if name and name not in MAPPABLE]
    if unknown:
        raise ValueError(f"unknown import fields: {unknown}")
    positions: dict[str, int] = {}
    for pos, (title, name) in enumerate(zip(header, chosen, strict=True)):
        if name and name not in positions:
            positions[name] = pos
            preview.columns[title.strip()] = name
        else:
            chosen[pos] = ""
            if title.strip():
                preview.ignored_columns.append(title.strip())
    preview.mapping = chosen
    preview.samples = [[] for _ in header]
    if "display_name" not in positions:
        if require_name:
            raise CsvFileRejected(FileProblem.NO_NAME_COLUMN)
        preview.missing_name_column = True
        _read_samples(reader, preview)
        return preview

    seen: dict[tuple[str, str, str, str], int] = {}
    on_roster = {_person_key(m.display_name, m.full_name, m.phone, m.email) for m in existing}
    row_number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            # The csv module refuses a field over its size limit (131,072 characters), far
            # over ours: reported as too long. Anything else is broken quoting (strict mode,
            # so an unclosed quote is reported instead of swallowing the following rows).
            too_long = "field larger" in str(exc)
            reason = BadReason.TOO_LONG if too_long else BadReason.MALFORMED
            preview.bad.append(BadRow(row_number, reason))
            continue
        row_number += 1
        _add_samples(cells, preview)
        bad = _check_row(cells, positions, row_number, preview, seen, on_roster)
        if bad is not None:
            preview.bad.append(bad)
    return preview


def _add_samples(cells: list[str], preview: ImportPreview) -> None:
    for pos, samples in enumerate(preview.samples):
        if len(samples) < SAMPLES and pos < len(cells):
            value = cells[pos].strip()
            if value and "\ue000" not in value and len(value) <= 200:
                samples.append(value)


def _read_samples(reader: Iterable[list[str]], preview: ImportPreview) -> None:
    """Only sample values (the user still has to say which column is the name)."""
    try:
        for count, cells in enumerate(reader):
            _add_samples(cells, preview)
            if count >= 50:
                return
    except csv.Error:
        return


def _check_row(
    cells: list[str],
    positions: dict[str, int],
    row_number: int,
    preview: ImportPreview,
    seen: dict[tuple[str, str, str, str], int],
    on_roster: set[tuple[str, str, str, str]],
) -> BadRow | None:
    if not any(c.strip() for c in cells):
        return None  # blank line: nothing to import, nothing to report
    for cell in cells:
        if "\ue000" in cell or _CONTROL.search(cell):
            return BadRow(row_number, BadReason.BINARY)
    for name, pos in positions.items():
        if pos < len(cells) and len(cells[pos]) > MAX_FIELD_CHARS:
            return BadRow(row_number, BadReason.TOO_LONG, name.lstrip("_"))
    if any(len(cell) > MAX_FIELD_CHARS for cell in cells):
        return BadRow(row_number, BadReason.TOO_LONG)
    values = {f: (cells[p].strip() if p < len(cells) else "") for f, p in positions.items()}
    if "_last_name" in values and not values.get("full_name"):
        values["full_name"] = " ".join(
            v for v in (values["display_name"], values["_last_name"]) if v
        )
    if not values["display_name"]:
        return BadRow(row_number, BadReason.MISSING_NAME, "display_name")
    joined = values.get("joined_on", "")
    if joined and not _valid_date(joined):
        return BadRow(row_number, BadReason.BAD_DATE, "joined_on")
    consent = _consent(values.get("contact_consent", ""))
    if consent is None:
        return BadRow(row_number, BadReason.BAD_CONSENT, "contact_consent")
    member = Member(
        display_name=values["display_name"],
        full_name=values.get("full_name", ""),
        pronouns=values.get("pronouns", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        emergency_contact=values.get("emergency_contact", ""),
        contact_consent=consent,
        joined_on=joined,
        notes=values.get("notes", ""),
    )
    key = _person_key(member.display_name, member.full_name, member.phone, member.email)
    if key in seen:
        return BadRow(row_number, BadReason.DUPLICATE, duplicate_of=seen[key])
    if key in on_roster:
        return BadRow(row_number, BadReason.ALREADY_ON_ROSTER)
    seen[key] = row_number
    preview.good.append(GoodRow(row_number, member))
    return None


def read_csv_file(
    path: Path,
    existing: Iterable[Member] = (),
    mapping: list[str] | None = None,
    *,
    require_name: bool = True,
) -> ImportPreview:
    """``parse_csv`` on a file, refusing files over ``MAX_FILE_BYTES`` before reading them.

    Raises:
        CsvFileRejected: as ``parse_csv``.
        OSError: the file cannot be read.
    """
    with path.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)
    return parse_csv(raw, existing, mapping, require_name=require_name)


def import_members(store: Store, members: list[Member], group_ids: Iterable[int] = ()) -> int:
    """Add the accepted members with the ``member.import`` operation; returns how many.

    The same operation the app's import runs (checked, one transaction, all or nothing),
    for callers without the app's operation runner: scripts, tests, work on a background
    connection. The app runs ``import_op`` through ``services.ops`` instead, so every open
    screen hears of the new members. Each given ``Member`` gets the id, pseudonym, joined
    date and groups it was stored with.

    Args:
        store: the unlocked vault's repositories.
        members: the good rows the user accepted.
        group_ids: groups every imported member joins (e.g. the group being set up).

    Raises:
        KnownError: the input was refused or the disk failed; nothing was added.
    """
    added: list[Member] = ops.perform(store, import_op(members, group_ids)).value
    for mine, stored in zip(members, added, strict=True):
        mine.id, mine.pseudonym = stored.id, stored.pseudonym
        mine.joined_on, mine.group_ids = stored.joined_on, stored.group_ids
    return len(added)


def import_op(members: list[Member], group_ids: Iterable[int] = ()) -> ops.Op:
    """The ``member.import`` operation for the accepted rows."""
    return ops.members.import_members(
        members=[ops.members.member_fields(m) for m in members], group_ids=list(group_ids)
    )


def run_import(
    args: argparse.Namespace,
    open_vault: Callable[[argparse.Namespace, Path], Any],
    say: Callable[[str], None],
) -> int:
    """Body of ``groupkeeper import-csv DIR FILE [--group NAME] [--dry-run]
    [--passphrase-stdin]``: the import dialog's work for scripts and the command line.

    The columns are guessed from their titles (English or Spanish, ``guess_mapping``), the
    rows checked against the roster, then the accepted rows added by the same
    ``member.import`` operation as the dialog's Import (one transaction, all or nothing).
    What ``say`` prints names rows by number and reason only, never a name or a value.

    Returns:
        0 (also when nothing was importable; the counts say so).

    Raises:
        CsvFileRejected: the file as a whole cannot be imported (too big, not text, no name
            column, empty); nothing was changed.
        InvalidInput: no group has the ``--group`` name.
        KnownError: the vault could not be opened or written.
        OSError: the file cannot be read.
    """
    from groupkeeper.storage.repos import Store

    path = Path(args.file)
    vault = open_vault(args, Path(args.dir))
    try:
        store = Store(vault.db, vault.folder)
        group_ids: list[int] = []
        if args.group:
            group = store.groups.by_name(args.group)
            if group is None or group.id is None:
                # Group names are not personal data: list them so a typo is easy to fix.
                names = ", ".join(g.name for g in store.groups.all(active_only=False))
                raise InvalidInput(
                    "No group has that name. Groups in this vault: " + (names or "(none)") + "."
                )
            group_ids = [group.id]
        preview = read_csv_file(path, store.members.all())
        for bad in preview.bad:
            say(f"Row {bad.row_number}: {bad.reason.value.replace('_', ' ')}.")
        if preview.ignored_columns:
            say(f"Columns not imported: {len(preview.ignored_columns)}.")
        if args.dry_run:
            say(
                f"Dry run: {len(preview.good)} member(s) would be imported,"
                f" {len(preview.bad)} row(s) skipped. Nothing was changed."
            )
            return 0
        added = import_members(store, preview.members, group_ids) if preview.good else 0
    finally:
        vault.lock()
    say(f"Imported {added} member(s); {len(preview.bad)} row(s) skipped.")
    return 0


# -- Remembered column choices ------------------------------------------------------------

#: How many header sets are remembered (the oldest is dropped first).
REMEMBERED_LAYOUTS = 20


def header_key(header: list[str]) -> str:
    """The same spreadsheet layout gives the same key (titles trimmed, case ignored)."""
    return "\x1f".join(" ".join(title.split()).casefold() for title in header)


def _remembered(stored: str) -> dict[str, list[str]]:
    """The stored choices, keeping only well-formed entries (a damaged value reads as
    nothing remembered rather than failing an import)."""
    try:
        raw = json.loads(stored) if stored else {}
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    allowed = {*MAPPABLE, ""}
    return {
        key: list(value)
        for key, value in raw.items()
        if isinstance(key, str)
        and isinstance(value, list)
        and all(isinstance(v, str) and v in allowed for v in value)
    }


def remembered_mapping(stored: str, header: list[str]) -> list[str] | None:
    """The mapping chosen last time for a file with this ``header``, if any."""
    mapping = _remembered(stored).get(header_key(header))
    return mapping if mapping is not None and len(mapping) == len(header) else None


def remember_mapping(stored: str, header: list[str], mapping: list[str]) -> str:
    """``stored`` with ``mapping`` remembered for ``header`` (newest last, at most
    ``REMEMBERED_LAYOUTS`` layouts)."""
    if len(mapping) != len(header) or not set(mapping) <= {*MAPPABLE, ""}:
        raise ValueError("a mapping names one known field (or none) per column")
    layouts = _remembered(stored)
    key = header_key(header)
    layouts.pop(key, None)
    layouts[key] = list(mapping)
    while len(layouts) > REMEMBERED_LAYOUTS:
        layouts.pop(next(iter(layouts)))
    return json.dumps(layouts, ensure_ascii=False)
