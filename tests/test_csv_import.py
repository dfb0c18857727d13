"""CSV import: encodings, delimiters, header aliases, bad rows with reasons, all-or-nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from groupkeeper.csv_import import (
    MAX_FIELD_CHARS,
    MAX_FILE_BYTES,
    BadReason,
    CsvFileRejected,
    FileProblem,
    import_members,
    parse_csv,
    read_csv_file,
)
from groupkeeper.model import Member
from groupkeeper.storage.errors import DiskFull, ImportRejected
from groupkeeper.storage.repos import Store

GOOD = (
    "display_name,full_name,pronouns,phone,email,emergency_contact,contact_consent,joined_on,notes\n"
    "Maya,Maya García,she/her,0123 456,maya@example.org,Mum 0999,yes,2025-03-04,likes tea\n"
    "Zoë,,they/them,,,,no,,\n"
)


def reasons(preview) -> list[tuple[int, BadReason]]:  # type: ignore[no-untyped-def]
    return [(b.row_number, b.reason) for b in preview.bad]


def test_all_columns_read() -> None:
    p = parse_csv(GOOD.encode())
    assert p.bad == []
    maya, zoe = p.members
    assert maya == Member(
        display_name="Maya",
        full_name="Maya García",
        pronouns="she/her",
        phone="0123 456",
        email="maya@example.org",
        emergency_contact="Mum 0999",
        contact_consent=True,
        joined_on="2025-03-04",
        notes="likes tea",
    )
    assert zoe.display_name == "Zoë" and zoe.contact_consent is False and zoe.joined_on == ""
    assert [g.row_number for g in p.good] == [2, 3]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.encode("cp1252"),  # older Excel on Windows
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_encodings_and_bom(encode) -> None:  # type: ignore[no-untyped-def]
    p = parse_csv(encode("Name,Full name\nZoë,Zoë Dupré\n"))
    assert [(m.display_name, m.full_name) for m in p.members] == [("Zoë", "Zoë Dupré")]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(delimiter: str) -> None:
    text = GOOD.replace(",", delimiter)
    p = parse_csv(text.encode())
    assert [m.display_name for m in p.members] == ["Maya", "Zoë"]
    assert p.members[0].full_name == "Maya García"


def test_semicolon_file_with_commas_inside_values() -> None:
    p = parse_csv(b'Name;Notes\nAnn;"tea, no sugar"\n')
    assert p.members[0].notes == "tea, no sugar"


def test_header_aliases_and_first_last_name() -> None:
    text = "First name,Last name,Mobile,E-mail,Consent,Date joined,Comments,Shoe size\n"
    text += "Ana,Lopez,077,ana@x.org,Y,2024-01-31,hello,42\n"
    p = parse_csv(text.encode())
    (ana,) = p.members
    assert (ana.display_name, ana.full_name, ana.phone, ana.email) == (
        "Ana",
        "Ana Lopez",
        "077",
        "ana@x.org",
    )
    assert ana.contact_consent and ana.joined_on == "2024-01-31" and ana.notes == "hello"
    assert p.ignored_columns == ["Shoe size"]


def test_bad_rows_reported_with_row_number_and_reason() -> None:
    long_text = "x" * (MAX_FIELD_CHARS + 1)
    text = (
        "name,contact_consent,joined_on,notes\n"
        "Ann,yes,2025-01-01,\n"  # 2 good
        ",yes,,orphan note\n"  # 3 missing name
        "Bo,maybe,,\n"  # 4 bad consent
        "Cy,no,01/02/2025,\n"  # 5 bad date (not ISO)
        "Di,no,2025-02-30,\n"  # 6 impossible date
        f"Ed,no,,{long_text}\n"  # 7 too long
        "Ann,yes,2025-01-01,\n"  # 8 duplicate of row 2
        "Fay,no,,bin\x00ary\n"  # 9 NUL byte
        "Gus,no,,bell\x07\n"  # 10 control character
        "\n"  # 11 blank: ignored
        "Hal,,,\n"  # 12 good (blank consent = no)
    )
    p = parse_csv(text.encode())
    assert [(g.row_number, g.member.display_name) for g in p.good] == [(2, "Ann"), (12, "Hal")]
    assert reasons(p) == [
        (3, BadReason.MISSING_NAME),
        (4, BadReason.BAD_CONSENT),
        (5, BadReason.BAD_DATE),
        (6, BadReason.BAD_DATE),
        (7, BadReason.TOO_LONG),
        (8, BadReason.DUPLICATE),
        (9, BadReason.BINARY),
        (10, BadReason.BINARY),
    ]
    assert p.bad[4].column == "notes"
    assert p.bad[5].duplicate_of == 2


def test_field_longer_than_csv_module_limit_is_too_long_and_reading_goes_on() -> None:
    p = parse_csv(("name,notes\nA," + "y" * 200_000 + "\nB,ok\n").encode())
    assert reasons(p) == [(2, BadReason.TOO_LONG)]
    assert [m.display_name for m in p.members] == ["B"]


def test_unclosed_quote_is_reported_not_swallowing_rows() -> None:
    p = parse_csv(b'name,notes\nA,"x" y\nB,fine\n')
    assert reasons(p) == [(2, BadReason.MALFORMED)]
    assert [m.display_name for m in p.members] == ["B"]


def test_quoted_newlines_count_as_one_row() -> None:
    p = parse_csv(b'name,notes\nA,"two\nlines"\n,\nB,x\n')
    assert [(g.row_number, g.member.notes) for g in p.good] == [(2, "two\nlines"), (4, "x")]


def test_already_on_roster_is_reported() -> None:
    existing = [
        Member(
            display_name="Maya", full_name="Maya García", phone="0123456", email="MAYA@example.org"
        )
    ]
    p = parse_csv(GOOD.encode(), existing=existing)
    assert reasons(p) == [(2, BadReason.ALREADY_ON_ROSTER)]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", FileProblem.EMPTY),
        (b"  \n\n", FileProblem.EMPTY),
        (b"phone,email\n0123,a@b\n", FileProblem.NO_NAME_COLUMN),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", FileProblem.NOT_TEXT),  # lone surrogate
        (b"name\n" + b"\x81\x8d\x8f", FileProblem.NOT_TEXT),  # undefined even in cp1252
    ],
)
def test_whole_file_refused(raw: bytes, problem: FileProblem) -> None:
    with pytest.raises(CsvFileRejected) as info:
        parse_csv(raw)
    assert info.value.problem is problem
    assert isinstance(info.value, ImportRejected)  # the UI words it as a known error


def test_too_big_file_refused_before_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"name\n" + b"A\n" * (MAX_FILE_BYTES // 2 + 1))
    with pytest.raises(CsvFileRejected) as info:
        read_csv_file(path)
    assert info.value.problem is FileProblem.TOO_BIG


@pytest.mark.parametrize(
    "text",
    [
        "سارة علي",  # RTL
        "\u202eevil\u202c",  # RTL override stays as text, not an error
        "🌈🏳️‍🌈 Rain",
        "Robert'); DROP TABLE members;--",
        '=HYPERLINK("http://x")',
        "z" * MAX_FIELD_CHARS,  # exactly at the limit
    ],
)
def test_absurd_text_imported_exactly(store: Store, text: str) -> None:
    raw = ("name,notes\n" + '"' + text.replace('"', '""') + '",' + "n\n").encode()
    p = parse_csv(raw)
    assert p.bad == []
    import_members(store, p.members)
    (m,) = store.members.all()
    assert m.display_name == text


def test_import_adds_good_rows_with_groups(store: Store) -> None:
    from groupkeeper.model import Group

    g = store.groups.add(Group(name="Tuesday"))
    p = parse_csv(GOOD.encode() + b",no,,\n")
    assert len(p.bad) == 1
    assert import_members(store, p.members, [g.id or 0]) == 2
    members = store.members.all()
    assert [m.display_name for m in members] == ["Maya", "Zoë"]
    assert all(m.group_ids == [g.id] for m in members)
    assert members[0].joined_on == "2025-03-04"
    assert members[1].joined_on != ""  # storage fills in today


def test_import_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    p = parse_csv(GOOD.encode())
    real_insert = store.members._insert_pseudonyms
    calls = []

    def insert_then_fail(db, rows):  # type: ignore[no-untyped-def]
        real_insert(db, rows)  # the pseudonyms are written, then the disk fills up
        calls.append(len(rows))
        raise DiskFull()

    monkeypatch.setattr(store.members, "_insert_pseudonyms", insert_then_fail)
    with pytest.raises(DiskFull):
        import_members(store, p.members)
    assert calls == [2]
    assert store.members.all() == []
    assert store.db.execute("SELECT count(*) FROM pseudonyms").fetchone() == (0,)


def test_parse_never_writes(store: Store) -> None:
    parse_csv(GOOD.encode())
    assert store.members.all() == []


def test_spanish_headers_are_guessed() -> None:
    from groupkeeper.csv_import import guess_mapping

    header = [
        "Nombre",
        "Apellidos",
        "Pronombres",
        "Teléfono móvil",
        "Correo electrónico",
        "Contacto de emergencia",
        "¿Acepta contacto?",
        "Fecha de alta",
        "Notas",
        "Color favorito",
    ]
    assert guess_mapping(header) == [
        "display_name",
        "_last_name",
        "pronouns",
        "phone",
        "email",
        "emergency_contact",
        "contact_consent",
        "joined_on",
        "notes",
        "",
    ]
    p = parse_csv(
        ("Nombre,Apellidos,¿Acepta contacto?\nMaría,López García,Sí\nJosé,,no\n").encode()
    )
    assert [(m.display_name, m.full_name, m.contact_consent) for m in p.members] == [
        ("María", "María López García", True),
        ("José", "José", False),  # no last name: the name alone
    ]


def test_a_chosen_mapping_wins_over_the_guess_and_samples_are_kept() -> None:
    raw = b"A,B,C\nLi,0111,x\nKim,0222,y\n"
    guessed = parse_csv(raw, require_name=False)
    assert guessed.missing_name_column and guessed.members == []
    assert guessed.header == ["A", "B", "C"] and guessed.mapping == ["", "", ""]
    assert guessed.samples == [["Li", "Kim"], ["0111", "0222"], ["x", "y"]]
    with pytest.raises(CsvFileRejected):
        parse_csv(raw)  # the command line still refuses it
    p = parse_csv(raw, mapping=["display_name", "phone", ""])
    assert [(m.display_name, m.phone, m.notes) for m in p.members] == [
        ("Li", "0111", ""),
        ("Kim", "0222", ""),
    ]
    assert p.ignored_columns == ["C"]
    # a field chosen for two columns is taken from the first only
    p = parse_csv(raw, mapping=["display_name", "display_name", "notes"])
    assert p.mapping == ["display_name", "", "notes"]
    with pytest.raises(ValueError):
        parse_csv(raw, mapping=["display_name", "password", ""])


def test_import_outside_the_app_is_the_member_import_operation(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scripts and background callers go through the same operation as the import dialog:
    one named, plain-data ``member.import`` (what a change log records), not straight to
    storage; the given members learn their ids and pseudonyms."""
    from groupkeeper import ops
    from groupkeeper.model import Group

    g = store.groups.add(Group(name="Tuesday"))
    performed: list[ops.Op] = []
    real_perform = ops.perform

    def watched(store_: Store, op: ops.Op) -> ops.OpResult:
        performed.append(op)
        return real_perform(store_, op)

    monkeypatch.setattr(ops, "perform", watched)
    p = parse_csv(GOOD.encode())
    assert import_members(store, p.members, [g.id or 0]) == 2
    (op,) = performed
    assert op.name == "member.import"
    assert ops.Op.from_json(op.to_json()) == op
    assert [m["display_name"] for m in op.args["members"]] == ["Maya", "Zoë"]
    assert op.args["group_ids"] == [g.id]
    stored = {m.id: m for m in store.members.all()}
    for member in p.members:
        assert member.id in stored
        assert member.pseudonym == stored[member.id].pseudonym
        assert member.group_ids == [g.id]


def test_import_outside_the_app_is_checked_like_the_dialogs(store: Store) -> None:
    """The operation's checks apply: a field over the limit refuses the whole import."""
    from groupkeeper.ops.members import MAX_TEXT
    from groupkeeper.storage.errors import InvalidInput

    members = [Member(display_name="Ana"), Member(display_name="Ben", notes="x" * (MAX_TEXT + 1))]
    with pytest.raises(InvalidInput) as caught:
        import_members(store, members)
    assert caught.value.sentence == "A field is longer than {limit} characters."
    assert store.members.all() == []
