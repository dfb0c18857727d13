"""The wellbeing questionnaire responses repository."""

from __future__ import annotations

import json

from groupkeeper.model import (
    WellbeingResponse,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo


class WellbeingRepo(Repo):
    def record(self, response: WellbeingResponse) -> WellbeingResponse:
        if not response.answers:
            raise InvalidInput("No answers given.")
        response.recorded_at = self._now()
        with self._write() as db:
            if response.pseudonym is not None:
                db.execute(
                    "DELETE FROM wellbeing_responses WHERE meeting_id = ? AND pseudonym = ?"
                    " AND scale = ?",
                    [response.meeting_id, response.pseudonym, response.scale],
                )
            response.id = (
                db.table("wellbeing_responses")
                .insert(
                    {
                        "meeting_id": response.meeting_id,
                        "scale": response.scale,
                        "answers": json.dumps(response.answers),
                        "pseudonym": response.pseudonym,
                        "recorded_at": response.recorded_at,
                    }
                )
                .last_pk
            )
        return response

    def for_meeting(self, meeting_id: int) -> list[WellbeingResponse]:
        return [
            WellbeingResponse(
                r["meeting_id"],
                r["scale"],
                json.loads(r["answers"]),
                r["pseudonym"],
                r["recorded_at"],
                r["id"],
            )
            for r in self._query(
                "SELECT * FROM wellbeing_responses WHERE meeting_id = ? ORDER BY id",
                [meeting_id],
            )
        ]
