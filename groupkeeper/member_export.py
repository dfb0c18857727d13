"""A member's own data as a readable file, for an access request ("what do you hold on me?").

``store.members.export(member_id)`` gathers everything; this module only words it as plain
UTF-8 text (for the person to read) or JSON (for another program). The file is written only
when the facilitator explicitly asks and picks where it goes: it is the one place where
personal data leaves the vault unencrypted, on purpose, for that person.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from groupkeeper.attendance_proof import ATTENDANCE_PROOF
from groupkeeper.fileio import atomic_write_bytes
from groupkeeper.model import AttendanceStatus, ConsentKind, GoalOutcome, MoodRound

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


_PROFILE_LABELS = (
    ("display_name", "Name used in the group"),
    ("full_name", "Full name"),
    ("pronouns", "Pronouns"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("emergency_contact", "Emergency contact"),
    ("contact_consent", "Agreed to be contacted"),
    ("joined_on", "Joined on"),
    ("active", "Active"),
    ("groups", "Groups"),
    ("pseudonym", "Pseudonym used in meeting records"),
    ("notes", "Facilitator's notes"),
)

_SECTIONS = (
    "Consent records",
    "Attendance",
    "Mood checks",
    "Goals",
    "Skills shared",
    "Documents given on request",
)

#: Every fixed word of the readable export: headings, labels, and the stored values it
#: shows as words (consent kinds, attendance status, mood rounds, goal outcomes, documents
#: given). The UI translates them under the context ``MemberExport`` (``tools/i18n.py``
#: DATA_TABLES): this module may not import Qt.
WORDS: dict[str, str] = {
    text: text
    for text in (
        "Personal data held by GroupKeeper",
        "Exported on",
        "Profile",
        "yes",
        "no",
        "passed",
        *(label for _key, label in _PROFILE_LABELS),
        *_SECTIONS,
        *(kind.value for kind in ConsentKind),
        *(status.value for status in AttendanceStatus),
        *(mood_round.value for mood_round in MoodRound),
        *(outcome.value for outcome in GoalOutcome),
        ATTENDANCE_PROOF,
    )
}


def _value(value: Any, say: Translate) -> str:
    if isinstance(value, bool):
        return say("yes") if value else say("no")
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    return str(value) or "-"


def format_text(data: dict[str, Any], exported_on: str, say: Translate = _same) -> str:
    """Plain, readable text of ``store.members.export(...)``.

    Args:
        data: the export dictionary.
        exported_on: the date to print in the heading (YYYY-MM-DD).
        say: translates the fixed labels (the UI passes its translator).
    """
    profile = data["profile"]
    lines = [
        say("Personal data held by GroupKeeper"),
        say("Exported on") + f" {exported_on}",
        "",
        "== " + say("Profile") + " ==",
    ]
    for key, label in _PROFILE_LABELS:
        value = _value(profile.get(key), say)
        if "\n" in value:
            lines.append(f"{say(label)}:")
            lines.extend("    " + line for line in value.splitlines())
        else:
            lines.append(f"{say(label)}: {value}")

    def section(title: str, rows: list[str]) -> None:
        lines.extend(["", f"== {say(title)} ({len(rows)}) =="])
        lines.extend(rows or ["-"])

    section(
        "Consent records",
        [
            f"{c['recorded_at']}  {say(c['kind'])}: {_value(c['granted'], say)}"
            for c in data["consents"]
        ],
    )
    section(
        "Attendance",
        [f"{a['date']}  {a['group']}  {say(a['status'])}" for a in data["attendance"]],
    )
    mood_rows = []
    for m in data["moods"]:
        score = say("passed") if m["passed"] else f"{m['score']} ({m['scale']})"
        word = f"  {m['feeling_word']}" if m["feeling_word"] else ""
        mood_rows.append(f"{m['date']}  {say(m['round'])}: {score}{word}")
    section("Mood checks", mood_rows)
    section(
        "Goals",
        [
            f"{g['set']}  {g['text'] or '-'}  [{say(g['outcome']) if g['outcome'] else '-'}]"
            for g in data["goals"]
        ],
    )
    section("Skills shared", [f"{s['date']}  {s['skill']}" for s in data["skills_shared"]])
    section(
        "Documents given on request",
        [
            f"{d['made_at'][:10]}  {say(d['what'])}: {d['period_start']} - {d['period_end']}"
            for d in data.get("disclosures", [])
        ],
    )
    return "\n".join(lines) + "\n"


def format_json(data: dict[str, Any]) -> str:
    """The export as indented JSON with non-ASCII characters kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_export(
    store: Store,
    member_id: int,
    path: Path,
    *,
    exported_on: str,
    as_json: bool = False,
    say: Translate = _same,
) -> Path:
    """Write one member's data to ``path`` (UTF-8). Only call on the user's explicit request.

    Raises:
        OSError: the file cannot be written (the UI words it).
        KeyError: no such member.
    """
    data = store.members.export(member_id)
    text = format_json(data) if as_json else format_text(data, exported_on, say)
    # "\n" line ends: every current editor, Notepad included, shows them properly.
    # Owner-only and atomic, like every file the app writes (fileio).
    atomic_write_bytes(path, text.encode("utf-8"))
    return path
