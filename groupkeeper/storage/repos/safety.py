"""The safety notes repository (private, never exported)."""

from __future__ import annotations

from typing import Any

from groupkeeper.model import (
    SafetyNote,
)
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos.base import Repo


class SafetyRepo(Repo):
    def add_note(self, meeting_id: int | None, text: str) -> SafetyNote:
        """A private note (encrypted in the vault, never exported)."""
        if not text.strip():
            raise InvalidInput("The note is empty.")
        note = SafetyNote(meeting_id, text, self._now())
        with self._write() as db:
            note.id = (
                db.table("safety_notes")
                .insert({"meeting_id": meeting_id, "text": text, "created_at": note.created_at})
                .last_pk
            )
        return note

    def edit_note(self, note_id: int, text: str) -> SafetyNote:
        """Correct a saved note's text (its time stays). ``secure_delete`` overwrites the
        old text's bytes in the vault file.

        Raises:
            InvalidInput: the new text is empty, or the note is gone (its meeting was
                discarded meanwhile).
        """
        if not text.strip():
            raise InvalidInput("The note is empty.")
        with self._write() as db:
            rows = list(db.query("SELECT * FROM safety_notes WHERE id = ?", [note_id]))
            if not rows:
                raise InvalidInput("This note is no longer in the vault.")
            db.execute("UPDATE safety_notes SET text = ? WHERE id = ?", [text, note_id])
        row = rows[0]
        return SafetyNote(row["meeting_id"], text, row["created_at"], row["id"])

    def notes(self, meeting_id: int | None = None) -> list[SafetyNote]:
        sql = "SELECT * FROM safety_notes"
        params: list[Any] = []
        if meeting_id is not None:
            sql += " WHERE meeting_id = ?"
            params.append(meeting_id)
        return [
            SafetyNote(r["meeting_id"], r["text"], r["created_at"], r["id"])
            for r in self._query(sql + " ORDER BY id", params)
        ]

    def for_group(self, group_id: int) -> list[SafetyNote]:
        """The notes written in this group's meetings, newest first (read back in the app)."""
        return [
            SafetyNote(r["meeting_id"], r["text"], r["created_at"], r["id"])
            for r in self._query(
                "SELECT n.* FROM safety_notes n JOIN meetings m ON m.id = n.meeting_id"
                " WHERE m.group_id = ? ORDER BY n.id DESC",
                [group_id],
            )
        ]
