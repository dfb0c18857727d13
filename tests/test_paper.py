"""Paper documents: the paper kit (blank sheets following the agenda), a member's proof
of attendance (recorded as a disclosure, never kept as a file) - driven like a user."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTimer

from groupkeeper import agenda
from groupkeeper.model import AttendanceStatus, Group, Member, MoodScale
from groupkeeper.paper_kit import Sheet, kit_for
from groupkeeper.settings import Settings
from groupkeeper.ui import messages
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
NOW = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(str(path))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return text, len(reader.pages)


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    svc.create_vault(svc.vault_dir, PASS)
    yield svc
    svc.lock()


def test_kit_follows_the_agenda() -> None:
    weekly = Group("W", agenda=agenda.to_dicts(agenda.template(agenda.WEEKLY)))
    kit = kit_for(weekly)
    assert kit.sheets == [Sheet.SIGN_IN, Sheet.MOODS, Sheet.GOALS, Sheet.SKILLS]
    assert kit.closing_round and kit.goals_review and kit.goal_setting
    assert (kit.scale_low, kit.scale_high) == (1, 5)
    drop_in = kit_for(Group("D", template=agenda.DROP_IN))  # no mood round, no closing round
    assert drop_in.sheets == [Sheet.SIGN_IN]
    tally = kit_for(Group("T", tally_only_moods=True, mood_scale=MoodScale.ELEVEN))
    assert tally.sheets[1] is Sheet.MOOD_TALLY and (tally.scale_low, tally.scale_high) == (0, 10)
    work = kit_for(Group("C", template=agenda.CHECK_IN_WORK_CHECK_OUT))
    assert work.sheets == [Sheet.SIGN_IN, Sheet.GOALS]
    assert work.goal_setting and not work.goals_review


def test_print_a_paper_kit_from_home(qtbot, services, tmp_path: Path, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.home import HomeScreen

    group = services.store.groups.add(
        agenda.fill_from_template(
            Group("Tuesday Circle", meeting_day="Tuesday", crisis_resources="x")
        )
    )
    services.store.members.add(Member("Zebedee Quillfeather", group_ids=[group.id]))
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    out = tmp_path / "usb" / "kit.pdf"
    out.parent.mkdir()
    home.ask_kit_path = lambda _group: out  # type: ignore[method-assign]
    qtbot.mouseClick(home.card_for(group.id).kit_button, Qt.MouseButton.LeftButton)
    text, pages = pdf_text(out)
    assert pages == 4  # sign-in, moods, goals, skills: one sheet per page
    for words in (
        "Sign-in sheet",
        "Tuesday Circle",
        "First time here",
        "Sent apologies",
        "Walk-ins",
        "Opening score",
        "Closing score",
        "Last week's goal: done / partly / not yet / dropped",
        "Goal for this week",
        "Coping skills shared",
        "Safety concerns counted",
    ):
        assert words in text, words
    assert "Zebedee" not in text  # blank sheets: no member is named
    assert message_boxes.kinds[-1] == "info"
    assert sorted(p.name for p in out.parent.iterdir()) == ["kit.pdf"]  # no temp left


def test_proof_of_attendance_pdf_recorded_as_disclosure_never_kept(
    qtbot, services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.attendance_proof_dialog import AttendanceProofDialog
    from groupkeeper.ui.member_dialog import MemberDialog

    store = services.store
    group = store.groups.add(Group("Tuesday Circle", meeting_day="Tuesday"))
    other = store.groups.add(Group("Thursday Drop-in"))
    maya = store.members.add(Member("Maya", full_name="Maya Lind", group_ids=[group.id]))
    for day, gid, status in (
        ("2025-10-07", group.id, "present"),  # before the period
        ("2026-02-03", group.id, "present"),
        ("2026-02-10", group.id, "apologies"),  # not attendance
        ("2026-03-12", other.id, "present"),
        ("2026-12-01", group.id, "present"),  # after the period
    ):
        meeting = store.meetings.start(gid, day)
        store.meetings.check_in(meeting.id, maya.pseudonym, status=AttendanceStatus(status))
        store.meetings.end(meeting.id)

    member_dialog = MemberDialog(services, maya.id)
    qtbot.addWidget(member_dialog)
    assert not member_dialog.proof_button.isHidden()
    seen: list[str] = []

    def look_and_cancel() -> None:  # the member page's button opens the proof dialog
        opened = member_dialog.proof_dialog
        seen.append(opened.summary.text())
        opened.reject()

    QTimer.singleShot(0, look_and_cancel)
    qtbot.mouseClick(member_dialog.proof_button, Qt.MouseButton.LeftButton)
    assert seen and "Maya Lind attended" in seen[0]
    assert store.disclosures.for_member(maya.id) == []  # cancelled: nothing recorded
    dialog = AttendanceProofDialog(services, maya.id, member_dialog)
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 1, 1))
    dialog.end.setDate(QDate(2026, 6, 30))
    assert "Maya Lind attended 2 meeting" in dialog.summary.text()
    qtbot.keyClicks(dialog.signed_by, "Sam Facilitator")
    out = tmp_path / "given" / "proof.pdf"
    out.parent.mkdir()
    dialog.ask_path = lambda _suggested: out  # type: ignore[method-assign]
    before = {p for p in services.vault_dir.rglob("*")}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_to == out
    text, _pages = pdf_text(out)
    assert "Proof of attendance" in text and "Maya Lind" in text
    assert "3 February 2026" in text and "12 March 2026" in text
    assert "Tuesday Circle" in text and "Thursday Drop-in" in text
    assert "10 February 2026" not in text  # apologies are not attendance
    assert "7 October 2025" not in text and "1 December 2026" not in text
    assert "Meetings attended: 2" in text and "Sam Facilitator" in text
    # recorded in the member's record as a disclosure; the app kept no file
    given = store.disclosures.for_member(maya.id)
    assert [(d.what, d.period_start, d.period_end) for d in given] == [
        ("attendance_proof", "2026-01-01", "2026-06-30")
    ]
    assert sorted(p.name for p in out.parent.iterdir()) == ["proof.pdf"]
    assert not [p for p in services.vault_dir.rglob("*") if p not in before and p.suffix == ".pdf"]
    member_dialog._fill_consent_history()
    assert "proof of attendance (2026-01-01 to 2026-06-30)" in member_dialog.consent_history.text()
    assert store.members.export(maya.id)["disclosures"][0]["period_end"] == "2026-06-30"
    # forgetting the member removes the record of it too
    store.members.forget(maya.id)
    assert store.disclosures.for_member(maya.id) == []


def test_a_period_that_ends_before_it_starts_cannot_be_saved(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.attendance_proof_dialog import AttendanceProofDialog

    maya = services.store.members.add(Member("Maya"))
    dialog = AttendanceProofDialog(services, maya.id)
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 6, 1))
    dialog.end.setDate(QDate(2026, 5, 1))
    assert not dialog.save_button.isEnabled()
    assert services.store.disclosures.for_member(maya.id) == []


def test_proof_pdf_leaves_no_copy_in_temp_or_home(
    qtbot, services, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Attacker's view: after a proof is saved, the only file with it is the one chosen."""
    import os
    import tempfile

    from groupkeeper.ui.attendance_proof_dialog import AttendanceProofDialog

    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    home = Path(os.environ["GROUPKEEPER_HOME"])
    store = services.store
    group = store.groups.add(Group("Tuesday Circle"))
    maya = store.members.add(
        Member("Maya", full_name="Marigold Pennywhistle", group_ids=[group.id])
    )
    meeting = store.meetings.start(group.id, "2026-11-24")
    store.meetings.check_in(meeting.id, maya.pseudonym)
    before = {p for root in (home, services.vault_dir) for p in root.rglob("*")}
    dialog = AttendanceProofDialog(services, maya.id)
    qtbot.addWidget(dialog)
    out = tmp_path / "chosen" / "proof.pdf"
    out.parent.mkdir()
    dialog.ask_path = lambda _suggested: out  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    assert list(private_tmp.rglob("*")) == []
    after = {p for root in (home, services.vault_dir) for p in root.rglob("*")}
    new = [p for p in after - before if p.is_file()]
    assert not [p for p in new if p.suffix == ".pdf" or p.read_bytes().startswith(b"%PDF")]
    assert sorted(p.name for p in out.parent.iterdir()) == ["proof.pdf"]


def test_kit_has_the_wellbeing_questionnaire_when_the_group_uses_one() -> None:
    segments = agenda.template(agenda.WEEKLY)
    with_check = segments[:-1] + [agenda.Segment(agenda.SegmentKind.WELLBEING_CHECK, 5)]
    with_check += segments[-1:]
    who5 = kit_for(Group("W", wellbeing_scale="who5", agenda=agenda.to_dicts(with_check)))
    assert who5.sheets[-1] is Sheet.WELLBEING and who5.wellbeing_scale == "who5"
    # No measure chosen (its segment then says so), or no wellbeing check: no form.
    unset = kit_for(Group("U", agenda=agenda.to_dicts(with_check)))
    assert Sheet.WELLBEING not in unset.sheets and unset.wellbeing_scale == ""
    no_segment = kit_for(Group("N", wellbeing_scale="ons4", agenda=agenda.to_dicts(segments)))
    assert Sheet.WELLBEING not in no_segment.sheets


@pytest.mark.parametrize("scale_id", ["who5", "ons4"])
def test_print_the_wellbeing_form_from_home(qtbot, services, tmp_path: Path, scale_id) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper import wellbeing
    from groupkeeper.ui.home import HomeScreen

    segments = agenda.template(agenda.WEEKLY)
    segments = segments[:-1] + [agenda.Segment(agenda.SegmentKind.WELLBEING_CHECK, 5)]
    segments += agenda.template(agenda.WEEKLY)[-1:]
    group = services.store.groups.add(
        Group(
            "Tuesday Circle",
            crisis_resources="x",
            wellbeing_scale=scale_id,
            agenda=agenda.to_dicts(segments),
        )
    )
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    out = tmp_path / "kit.pdf"
    home.ask_kit_path = lambda _group: out  # type: ignore[method-assign]
    qtbot.mouseClick(home.card_for(group.id).kit_button, Qt.MouseButton.LeftButton)
    text, pages = pdf_text(out)
    assert pages == 5  # sign-in, moods, goals, skills and the questionnaire
    published = wellbeing.load_scale(scale_id).text("en")
    assert "Wellbeing questionnaire" in text and "One copy per person" in text
    assert published.title in text
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")  # the PDF's ligatures
    for i, item in enumerate(published.items):  # numbered like the segment's columns
        assert f"{i + 1}. {' '.join(item.split()[:3])}" in text, item
    for _value, words in published.responses:
        assert words in text
    if scale_id == "ons4":  # 0 to 10, only the ends labelled: what they mean, above
        assert "0 = not at all, 10 = completely" in text
    last_page = " ".join(PdfReader(str(out)).pages[-1].extract_text().split())
    assert last_page.startswith("Wellbeing questionnaire")  # each person gets a copy:
    assert "Safety concerns counted" not in last_page  # nothing for the facilitator on it
