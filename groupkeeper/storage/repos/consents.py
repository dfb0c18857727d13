"""The consents repository: every grant or withdrawal, kept as a record."""

from __future__ import annotations

from groupkeeper.model import (
    ConsentKind,
    ConsentRecord,
)
from groupkeeper.storage.repos.base import Repo, as_bool


class ConsentRepo(Repo):
    def record(self, member_id: int, kind: ConsentKind, granted: bool, note: str = "") -> None:
        with self._write() as db:
            db.table("consents").insert(
                {
                    "member_id": member_id,
                    "kind": ConsentKind(kind).value,
                    "granted": int(granted),
                    "recorded_at": self._now(),
                    "note": note,
                }
            )
            if kind == ConsentKind.CONTACT:
                db.execute(
                    "UPDATE members SET contact_consent = ? WHERE id = ?",
                    [int(granted), member_id],
                )

    def for_member(self, member_id: int) -> list[ConsentRecord]:
        return [
            ConsentRecord(
                id=r["id"],
                member_id=r["member_id"],
                kind=ConsentKind(r["kind"]),
                granted=as_bool(r["granted"]),
                recorded_at=r["recorded_at"],
                note=r["note"],
            )
            for r in self._query(
                "SELECT * FROM consents WHERE member_id = ? ORDER BY id", [member_id]
            )
        ]
