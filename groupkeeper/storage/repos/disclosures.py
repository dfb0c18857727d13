"""The disclosures repository: what was handed out about a member, on their request."""

from __future__ import annotations

from groupkeeper.model import Disclosure
from groupkeeper.storage.repos.base import Repo


class DisclosureRepo(Repo):
    def add(self, disclosure: Disclosure) -> Disclosure:
        """Record a disclosure (its time is set here)."""
        disclosure.made_at = self._now()
        with self._write() as db:
            disclosure.id = (
                db.table("disclosures")
                .insert(
                    {
                        "member_id": disclosure.member_id,
                        "what": disclosure.what,
                        "period_start": disclosure.period_start,
                        "period_end": disclosure.period_end,
                        "made_at": disclosure.made_at,
                    }
                )
                .last_pk
            )
        return disclosure

    def for_member(self, member_id: int) -> list[Disclosure]:
        """The member's disclosures, newest first."""
        return [
            Disclosure(
                member_id=r["member_id"],
                what=r["what"],
                period_start=r["period_start"],
                period_end=r["period_end"],
                made_at=r["made_at"],
                id=r["id"],
            )
            for r in self._query(
                "SELECT * FROM disclosures WHERE member_id = ? ORDER BY id DESC", [member_id]
            )
        ]
