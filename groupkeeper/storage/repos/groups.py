"""The groups repository: a group's settings, agenda and safety texts."""

from __future__ import annotations

import json
from typing import Any

from groupkeeper.model import (
    Group,
    MoodScale,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo, as_bool


def _group_from_row(row: dict[str, Any]) -> Group:
    return Group(
        id=row["id"],
        name=row["name"],
        meeting_day=row["meeting_day"],
        meeting_time=row["meeting_time"],
        place=row["place"],
        template=row["template"],
        agenda=json.loads(row["agenda"]),
        agreements=row["agreements"],
        crisis_resources=row["crisis_resources"],
        escalation_steps=row["escalation_steps"],
        mood_scale=MoodScale(row["mood_scale"]),
        tally_only_moods=as_bool(row["tally_only_moods"]),
        wellbeing_scale=row["wellbeing_scale"],
        wellbeing_every_weeks=row["wellbeing_every_weeks"],
        crisis_reminder_used=as_bool(row["crisis_reminder_used"]),
        active=as_bool(row["active"]),
    )


def _group_values(group: Group) -> dict[str, Any]:
    if not group.name.strip():
        raise InvalidInput("A group needs a name.")
    return {
        "name": group.name,
        "meeting_day": group.meeting_day,
        "meeting_time": group.meeting_time,
        "place": group.place,
        "template": group.template,
        "agenda": json.dumps(group.agenda),
        "agreements": group.agreements,
        "crisis_resources": group.crisis_resources,
        "escalation_steps": group.escalation_steps,
        "mood_scale": MoodScale(group.mood_scale).value,
        "tally_only_moods": int(group.tally_only_moods),
        "wellbeing_scale": group.wellbeing_scale,
        "wellbeing_every_weeks": int(group.wellbeing_every_weeks),
        "crisis_reminder_used": int(group.crisis_reminder_used),
        "active": int(group.active),
    }


class GroupRepo(Repo):
    def add(self, group: Group) -> Group:
        """Add a group as given (the core fills an empty agenda from the group's template)."""
        values = _group_values(group)
        values["created_at"] = self._now()
        with self._write() as db:
            group.id = db.table("groups").insert(values).last_pk
        return group

    def update(self, group: Group) -> Group:
        if group.id is None:
            raise InvalidInput("Group has no id.")
        with self._write() as db:
            db.table("groups").update(group.id, _group_values(group))
        return group

    def get(self, group_id: int) -> Group:
        row = self._one("SELECT * FROM groups WHERE id = ?", [group_id])
        if row is None:
            raise KeyError(group_id)
        return _group_from_row(row)

    def all(self, active_only: bool = True) -> list[Group]:
        where = "WHERE active = 1" if active_only else ""
        return [
            _group_from_row(r) for r in self._query(f"SELECT * FROM groups {where} ORDER BY name")
        ]

    def by_name(self, name: str) -> Group | None:
        row = self._one("SELECT * FROM groups WHERE name = ?", [name])
        return _group_from_row(row) if row else None
