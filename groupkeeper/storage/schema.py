"""Schema and forward-only migrations (sqlite-utils ``Migrations``).

Each migration runs in its own transaction. The number of applied migrations is mirrored
in ``PRAGMA user_version`` so that a vault written by a newer app is recognised *before*
anything is written and refused untouched (``VaultTooNew``).

Never edit a released migration; add a new one and bump nothing else by hand.
Meeting records reference members only by ``pseudonym`` (see ``groupkeeper.model``).
"""

from __future__ import annotations

from typing import Any

from groupkeeper.storage._sqlcipher import Database, Migrations
from groupkeeper.storage.errors import VaultTooNew

migrations = Migrations("groupkeeper")


@migrations()
def m001_initial(db: Database) -> None:
    """Schema v1."""
    db.execute(
        """
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            meeting_day TEXT NOT NULL DEFAULT '',
            meeting_time TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            template TEXT NOT NULL DEFAULT 'weekly',
            agenda TEXT NOT NULL DEFAULT '[]',
            agreements TEXT NOT NULL DEFAULT '',
            crisis_resources TEXT NOT NULL DEFAULT '',
            escalation_steps TEXT NOT NULL DEFAULT '',
            mood_scale TEXT NOT NULL DEFAULT '1-5' CHECK (mood_scale IN ('1-5', '0-10')),
            tally_only_moods INTEGER NOT NULL DEFAULT 0,
            wellbeing_scale TEXT NOT NULL DEFAULT '',
            wellbeing_every_weeks INTEGER NOT NULL DEFAULT 4,
            crisis_reminder_used INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        )"""
    )
    # Pseudonyms outlive members: a forgotten member leaves only this row behind.
    db.execute(
        """
        CREATE TABLE pseudonyms (
            pseudonym TEXT PRIMARY KEY,
            joined_on TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            pseudonym TEXT NOT NULL UNIQUE REFERENCES pseudonyms(pseudonym),
            display_name TEXT NOT NULL,
            full_name TEXT NOT NULL DEFAULT '',
            pronouns TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            emergency_contact TEXT NOT NULL DEFAULT '',
            contact_consent INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            joined_on TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id),
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            PRIMARY KEY (group_id, member_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('roster', 'contact')),
            granted INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            date TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
            started_at TEXT NOT NULL DEFAULT '',
            ended_at TEXT NOT NULL DEFAULT '',
            agenda TEXT NOT NULL DEFAULT '[]',
            engine_state TEXT NOT NULL DEFAULT '{}',
            walk_ins INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0),
            safety_concerns INTEGER NOT NULL DEFAULT 0 CHECK (safety_concerns >= 0),
            next_meeting_date TEXT NOT NULL DEFAULT '',
            entered_after INTEGER NOT NULL DEFAULT 0,
            corrected_at TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX meetings_group_date ON meetings(group_id, date)")
    db.execute(
        """
        CREATE TABLE attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            pseudonym TEXT NOT NULL REFERENCES pseudonyms(pseudonym),
            status TEXT NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'apologies')),
            is_new INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, pseudonym)
        )"""
    )
    db.execute("CREATE INDEX attendance_pseudonym ON attendance(pseudonym)")
    db.execute(
        """
        CREATE TABLE mood_checks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            round TEXT NOT NULL CHECK (round IN ('opening', 'closing')),
            scale TEXT NOT NULL CHECK (scale IN ('1-5', '0-10')),
            score INTEGER,
            pseudonym TEXT REFERENCES pseudonyms(pseudonym),
            passed INTEGER NOT NULL DEFAULT 0,
            feeling_word TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            CHECK ((passed = 1 AND score IS NULL) OR (passed = 0 AND score IS NOT NULL)),
            CHECK (score IS NULL
                   OR (scale = '1-5' AND score BETWEEN 1 AND 5)
                   OR (scale = '0-10' AND score BETWEEN 0 AND 10))
        )"""
    )
    # One score per person per round; tally rows (pseudonym NULL) may repeat.
    db.execute(
        "CREATE UNIQUE INDEX mood_one_per_person ON mood_checks(meeting_id, round, pseudonym)"
        " WHERE pseudonym IS NOT NULL"
    )
    db.execute("CREATE INDEX mood_meeting ON mood_checks(meeting_id)")
    db.execute(
        """
        CREATE TABLE skill_categories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            builtin INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """
        CREATE TABLE skills (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            category_id INTEGER NOT NULL REFERENCES skill_categories(id),
            description TEXT NOT NULL DEFAULT '',
            builtin INTEGER NOT NULL DEFAULT 0,
            UNIQUE (name, category_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE skill_shares (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            skill_id INTEGER NOT NULL REFERENCES skills(id),
            pseudonym TEXT REFERENCES pseudonyms(pseudonym),
            recorded_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX skill_shares_meeting ON skill_shares(meeting_id)")
    db.execute(
        """
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            pseudonym TEXT NOT NULL REFERENCES pseudonyms(pseudonym),
            text TEXT,
            set_meeting_id INTEGER REFERENCES meetings(id),
            outcome TEXT CHECK (outcome IS NULL
                                OR outcome IN ('done', 'partly', 'not_yet', 'dropped')),
            reviewed_meeting_id INTEGER REFERENCES meetings(id),
            created_at TEXT NOT NULL,
            reviewed_at TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX goals_pseudonym ON goals(pseudonym)")
    db.execute(
        """
        CREATE TABLE safety_notes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER REFERENCES meetings(id),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE wellbeing_responses (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            scale TEXT NOT NULL,
            answers TEXT NOT NULL,
            pseudonym TEXT REFERENCES pseudonyms(pseudonym),
            recorded_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            what TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )"""
    )


def user_version(db: Database) -> int:
    row: Any = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def check_not_newer(db: Database) -> None:
    """Raise ``VaultTooNew`` (read-only check) if the vault is from a newer app."""
    if user_version(db) > SCHEMA_VERSION:
        raise VaultTooNew()
    known = {m.name for m in migrations._migrations}
    if any(applied.name not in known for applied in migrations.applied(db)):
        raise VaultTooNew()


def needs_migration(db: Database) -> bool:
    return bool(migrations.pending(db))


def migrate(db: Database) -> int:
    """Apply pending migrations and mirror the version in ``user_version``.

    The caller takes a backup first when the vault already holds data
    (``Vault`` does this). Returns the schema version now in force.
    """
    check_not_newer(db)
    migrations.apply(db)
    with db.ensure_autocommit_on():
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    return SCHEMA_VERSION


@migrations()
def m002_starter_skills(db: Database) -> None:
    """Seed the starter library of coping skills (builtin, may be named in exports)."""
    from groupkeeper.storage.skills_seed import STARTER_SKILLS

    for category, skills in STARTER_SKILLS.items():
        cur = db.execute("INSERT INTO skill_categories (name, builtin) VALUES (?, 1)", [category])
        category_id = cur.lastrowid
        for name in skills:
            db.execute(
                "INSERT INTO skills (name, category_id, builtin) VALUES (?, ?, 1)",
                [name, category_id],
            )


@migrations()
def m003_report_indexes(db: Database) -> None:
    """Covering indexes for reports: per-person attendance and per-meeting mood sums
    read from the index alone (a 5-year, 20-group report: ~320 -> ~285 ms of loading)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS attendance_report ON attendance(status, pseudonym, meeting_id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS mood_report"
        " ON mood_checks(meeting_id, round, scale, score, passed, pseudonym)"
    )


@migrations()
def m004_report_indexes_2(db: Database) -> None:
    """More indexes for reports (5-year, 20-group report: ~250 -> ~150 ms of loading).

    ``attendance_meeting_status`` counts a meeting's present rows with one index seek, so
    the per-meeting attendance rides along with the meetings query. ``mood_people``
    holds the named opening/closing scores in person order: the distinct-people counts and
    the opening-to-closing pairs are read from it without sorting.
    """
    db.execute(
        "CREATE INDEX IF NOT EXISTS attendance_meeting_status ON attendance(meeting_id, status)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS mood_people"
        " ON mood_checks(round, scale, pseudonym, meeting_id, score)"
        " WHERE pseudonym IS NOT NULL AND score IS NOT NULL"
    )
    # Goals set or reviewed at the period's meetings: reached from the meetings, not by
    # scanning every goal (a one-group, five-year report spent ~570 ms here without them).
    db.execute("CREATE INDEX IF NOT EXISTS goals_set_meeting ON goals(set_meeting_id)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS goals_reviewed_meeting ON goals(reviewed_meeting_id, outcome)"
    )


@migrations()
def m005_disclosure(db: Database) -> None:
    """Record keys for cell-key perturbation and the export log (``storage.disclosure``)."""
    from groupkeeper.storage.disclosure import create_tables

    create_tables(db)


@migrations()
def m006_disclosures(db: Database) -> None:
    """What was handed out about a member on their request (issue 13: proof of attendance).

    Only the fact (what, period, when) is kept; the document is never stored. Forgetting
    the member deletes these rows with them.
    """
    db.execute(
        """
        CREATE TABLE disclosures (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            what TEXT NOT NULL,
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL DEFAULT '',
            made_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX disclosures_member ON disclosures(member_id)")


#: A random version-4 UUID in SQL (for ids given inside the database).
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
    " || substr(lower(hex(randomblob(2))), 2) || '-'"
    " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || lower(hex(randomblob(6)))"
)


def _add_uuids(db: Database, tables: tuple[str, ...]) -> None:
    """Give each of ``tables`` a unique ``uuid`` column: existing rows get one now, new
    rows from a trigger (migrations 7 and 9)."""
    for table in tables:
        db.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        db.execute(f"UPDATE {table} SET uuid = {_SQL_UUID4} WHERE uuid IS NULL")
        db.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        db.execute(
            f"CREATE TRIGGER {table}_uuid_on_insert AFTER INSERT ON {table}"
            f" WHEN NEW.uuid IS NULL BEGIN"
            f" UPDATE {table} SET uuid = {_SQL_UUID4} WHERE id = NEW.id; END"
        )


@migrations()
def m007_sync(db: Database) -> None:
    """Sharing a group between laptops (issue 14): stable ids and sync bookkeeping.

    Groups, members and meetings get a random UUID besides their local integer id (what
    other laptops know a record by); existing rows get theirs here, new rows from a
    trigger, so nothing they hold changes. ``sync_device`` keeps this laptop's signing
    key, ``sync_groups`` each shared group's key, folder and replica state (JSON: the
    merged shared data with personal fields still sealed, member keys, pending changes,
    applied files). All of it stays in the vault: never in the shared folder.
    """
    _add_uuids(db, ("groups", "members", "meetings"))
    db.execute(
        """
        CREATE TABLE sync_device (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            private_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE sync_groups (
            group_uuid TEXT PRIMARY KEY,
            group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL,
            folder TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )


@migrations()
def m008_sync_link(db: Database) -> None:
    """The link between the vault and its shared groups (issue 14).

    ``sync_device.name`` is the name this laptop shows the others ("Sam's laptop", may
    stay empty). Per shared group, ``sync_groups.local`` holds the link's bookkeeping
    (which shared members were written into this vault's tables, so a member missing
    from the tables later is known to have been forgotten here) and ``status`` what the
    last sync saw (when, refused files, other laptops): ids and counts only, no names.
    """
    db.execute("ALTER TABLE sync_device ADD COLUMN name TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE sync_groups ADD COLUMN local TEXT NOT NULL DEFAULT '{}'")
    db.execute("ALTER TABLE sync_groups ADD COLUMN status TEXT NOT NULL DEFAULT '{}'")


@migrations()
def m009_sync_records(db: Database) -> None:
    """Goals, skill shares and wellbeing answers travel to the group's other laptops
    (issue 14): each gets a random UUID besides its local id (existing rows here, new
    rows from a trigger), so every laptop knows a record, its edits and its removal by
    the same id. Nothing they hold changes.
    """
    _add_uuids(db, ("goals", "skill_shares", "wellbeing_responses"))


@migrations()
def m010_open_meetings(db: Database) -> None:
    """Each group's open meeting found from an index (Home, ``latest_by_group``).

    Without it SQLite read every meeting row of each group (agenda and engine state
    included) to test ``state``: with 5,000 meetings about 4 MB of pages to decrypt and
    hold at every Home load, 17 ms when they are not cached (bench/bench_memory.py).
    """
    db.execute(
        "CREATE INDEX IF NOT EXISTS meetings_open ON meetings(group_id, id) WHERE state = 'open'"
    )


# The schema version this app writes: one per registered migration. Keep this line last.
SCHEMA_VERSION = len(migrations._migrations)
