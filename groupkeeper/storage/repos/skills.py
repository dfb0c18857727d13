"""The skills repository: categories, skills and who shared which skill."""

from __future__ import annotations

from groupkeeper.model import (
    Skill,
    SkillCategory,
    SkillShare,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo, as_bool, mark_if_closed


class SkillRepo(Repo):
    def categories(self) -> list[SkillCategory]:
        return [
            SkillCategory(id=r["id"], name=r["name"], builtin=as_bool(r["builtin"]))
            for r in self._query("SELECT * FROM skill_categories ORDER BY id")
        ]

    def add_category(self, name: str) -> SkillCategory:
        name = name.strip()
        if not name:
            raise InvalidInput("A category needs a name.")
        with self._write() as db:
            existing = db.execute("SELECT id FROM skill_categories WHERE name = ?", [name])
            row = existing.fetchone()
            if row:
                return SkillCategory(id=int(row[0]), name=name)
            pk = db.table("skill_categories").insert({"name": name, "builtin": 0}).last_pk
        return SkillCategory(id=pk, name=name)

    def skills(self) -> list[Skill]:
        return [
            Skill(
                id=r["id"],
                name=r["name"],
                category_id=r["category_id"],
                description=r["description"],
                builtin=as_bool(r["builtin"]),
            )
            for r in self._query("SELECT * FROM skills ORDER BY name COLLATE NOCASE")
        ]

    def add_skill(self, name: str, category_id: int, description: str = "") -> Skill:
        """Add a group's own skill (or return the existing one of that name and category)."""
        name = name.strip()
        if not name:
            raise InvalidInput("A skill needs a name.")
        with self._write() as db:
            row = db.execute(
                "SELECT id, builtin FROM skills WHERE name = ? AND category_id = ?",
                [name, category_id],
            ).fetchone()
            if row:
                return Skill(name, category_id, description, as_bool(row[1]), int(row[0]))
            pk = (
                db.table("skills")
                .insert({"name": name, "category_id": category_id, "description": description})
                .last_pk
            )
        return Skill(name, category_id, description, False, pk)

    def share(self, meeting_id: int, skill_id: int, pseudonym: str | None = None) -> SkillShare:
        share = SkillShare(meeting_id, skill_id, pseudonym, self._now())
        with self._write() as db:
            share.id = (
                db.table("skill_shares")
                .insert(
                    {
                        "meeting_id": meeting_id,
                        "skill_id": skill_id,
                        "pseudonym": pseudonym,
                        "recorded_at": share.recorded_at,
                    }
                )
                .last_pk
            )
            mark_if_closed(db, self._now(), meeting_id, "skill_share")
        return share

    def remove_share(self, share_id: int) -> None:
        with self._write() as db:
            found = db.execute(
                "SELECT meeting_id FROM skill_shares WHERE id = ?", [share_id]
            ).fetchone()
            db.execute("DELETE FROM skill_shares WHERE id = ?", [share_id])
            if found:
                mark_if_closed(db, self._now(), int(found[0]), "skill_share")

    def shares(self, meeting_id: int) -> list[SkillShare]:
        return [
            SkillShare(r["meeting_id"], r["skill_id"], r["pseudonym"], r["recorded_at"], r["id"])
            for r in self._query(
                "SELECT * FROM skill_shares WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def most_shared(self, group_id: int, limit: int = 5) -> list[tuple[Skill, int]]:
        """The group's most shared skills, for inspiration during the share."""
        rows = self._query(
            "SELECT s.*, count(*) AS n FROM skill_shares x JOIN meetings m ON m.id = x.meeting_id"
            " JOIN skills s ON s.id = x.skill_id WHERE m.group_id = ?"
            " GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?",
            [group_id, limit],
        )
        return [
            (
                Skill(
                    r["name"], r["category_id"], r["description"], as_bool(r["builtin"]), r["id"]
                ),
                int(r["n"]),
            )
            for r in rows
        ]
