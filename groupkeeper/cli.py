"""The command line: start the app, or run a vault task for coordinators, scripts and CI.

``groupkeeper`` alone starts the window (``--demo`` on a throwaway demo vault); the
subcommands (``self-test``, ``make-demo``, ``check``, ``backup``, ``restore``, ``export``,
``share``, ``join``, ``sync``, ``import-csv``, ``combine``) work headless. Passphrases
come from a prompt without echo, or with ``--passphrase-stdin`` / ``--recovery-key-stdin``
from one line of standard input; never from an argument or an environment variable, where
other users and shell histories can see them.

Exit codes: 0 done; 1 a known problem (wrong passphrase, damaged file, failed check...),
told in one sentence on stderr; 2 usage error or a part not in this build; 3 a bug (a
short sentence, no traceback, nothing personal). Messages never contain names or free
text from a vault.

Nothing heavy is imported at module level: the window's start-up budget is measured from
``main`` (the storage and crypto stack is imported only by the subcommands that need it).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from groupkeeper import __version__
from groupkeeper.storage.errors import (
    InvalidInput,
    KeyFileMissing,
    KnownError,
    VaultNotFound,
    file_problem,
)

if TYPE_CHECKING:
    from groupkeeper.storage.vault import Vault

EXIT_OK = 0
EXIT_KNOWN = 1
EXIT_USAGE = 2
EXIT_BUG = 3

#: The self-test's own vault holds only invented records; with ``--vault DIR`` it stays
#: behind and opens with this passphrase.
SELF_TEST_PASSPHRASE = "self-test-only-nothing-real"  # noqa: S105  (public by design)


class SelfTestFailed(KnownError):
    """The self-test found a problem."""

    code = "self_test_failed"


def _print(text: str, stream: TextIO | None = None) -> None:
    # A windowed program on Windows has no console: sys.stdout / sys.stderr are None.
    target = stream if stream is not None else sys.stdout
    if target is not None:
        print(text, file=target, flush=True)


def _error(text: str) -> None:
    _print(text, sys.stderr)


def _disable_core_dumps() -> None:
    from groupkeeper.hardening import disable_core_dumps

    disable_core_dumps()


# ----------------------------------------------------------------------------- secrets


#: The longest passphrase line read from standard input (bytes).
MAX_SECRET_BYTES = 1024
#: Secrets read by this run; ``main`` zeroes them before returning.
_secrets: list[bytearray | str] = []


def _read_stdin_bytes(what: str) -> bytearray:
    """One line of standard input into a buffer that ``main`` zeroes at the end.

    Read a byte at a time straight from the file descriptor: ``sys.stdin`` would keep the
    line in its own buffers (bytes and decoded text) long after the vault is locked.
    Single-byte ``bytes`` objects are shared singletons, so no copy is left behind.
    """
    if sys.stdin is None:
        raise InvalidInput(f"There is no standard input to read the {what} from.")
    try:
        fd = sys.stdin.fileno()
    except (OSError, ValueError):  # not a real file (an embedding or a test's StringIO)
        return bytearray(_read_stdin_text(what).encode("utf-8"))
    line = bytearray(MAX_SECRET_BYTES)
    _secrets.append(line)
    length = 0
    while True:
        byte = os.read(fd, 1)
        if not byte or byte == b"\n":
            break
        if length == MAX_SECRET_BYTES:
            raise InvalidInput(f"The {what} on standard input is too long.")
        line[length] = byte[0]
        length += 1
    if length and line[length - 1] == 0x0D:  # a Windows line end
        length -= 1
    if not length:
        raise InvalidInput(f"No {what} was given on standard input.")
    value = line[:length]
    _secrets.append(value)
    return value


def _read_stdin_text(what: str) -> str:
    if sys.stdin is None:
        raise InvalidInput(f"There is no standard input to read the {what} from.")
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise InvalidInput(f"No {what} was given on standard input.")
    return value


def _wipe_secrets() -> None:
    from groupkeeper.storage import keymem

    while _secrets:
        secret = _secrets.pop()
        if isinstance(secret, bytearray):
            keymem.zero(secret)
        else:
            keymem.wipe_str(secret)  # our own string from the prompt, never shared


def _terminal_available() -> bool:
    """Whether ``getpass`` can ask without echo (it reads ``/dev/tty`` on POSIX)."""
    if os.name != "nt":
        try:
            fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
        except OSError:
            pass
        else:
            os.close(fd)
            return True
    return sys.stdin is not None and sys.stdin.isatty()


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str | bytearray:
    """The passphrase: one line of standard input with ``--passphrase-stdin`` (a buffer),
    else a prompt (a ``str``); either is wiped when ``main`` ends.

    Raises:
        InvalidInput: nothing was given.
    """
    if getattr(args, "passphrase_stdin", False):
        return _read_stdin_bytes("passphrase")
    if not _terminal_available():
        raise InvalidInput(
            "There is no terminal to ask for the passphrase; give it on standard input"
            " with --passphrase-stdin."
        )
    try:
        value = getpass.getpass(prompt)
    except EOFError:
        raise InvalidInput("No passphrase was given.") from None
    if not value:
        raise InvalidInput("No passphrase was given.")
    _secrets.append(value)
    return value


def read_secret(args: argparse.Namespace) -> tuple[str, str | bytearray]:
    """``("recovery_key", key)`` with ``--recovery-key-stdin``, else ``("passphrase", ...)``."""
    if getattr(args, "recovery_key_stdin", False):
        return "recovery_key", _read_stdin_text("recovery key")
    return "passphrase", read_passphrase(args)


def open_vault(
    args: argparse.Namespace, folder: Path, secret: tuple[str, str | bytearray] | None = None
) -> Vault:
    """Unlock the vault in ``folder`` with the passphrase or the recovery key (see
    ``read_secret``; asked for here unless given). Other subcommands (``export``) use it too.

    Raises:
        VaultNotFound, WrongPassphrase, VaultCorrupt, VaultTooNew, ...: known errors.
    """
    from groupkeeper.storage.vault import KEY_HEADER, Vault

    folder = Path(folder)
    if not Vault.exists(folder):
        raise VaultNotFound(f"No vault was found in {folder}.")
    if not (folder / KEY_HEADER).exists():
        raise KeyFileMissing()  # before asking for a secret that could not help
    kind, value = secret if secret is not None else read_secret(args)
    if kind == "recovery_key":
        assert isinstance(value, str)
        vault = Vault.unlock_with_recovery_key(folder, value)
    else:
        vault = Vault.unlock(folder, value)
    if vault.tightened:
        _error(
            f"Note: other accounts on this computer could read {len(vault.tightened)} of the"
            " vault's files; they are now readable by you only."
        )
    return vault


# ----------------------------------------------------------------------------- commands


def _cmd_gui(args: argparse.Namespace, qt_args: list[str]) -> int:
    from groupkeeper.ui.app import run_app

    argv = [sys.argv[0] if sys.argv else "groupkeeper", *qt_args]
    vault_dir = Path(args.vault) if args.vault else None
    result = run_app(argv, demo=args.demo, vault_dir=vault_dir, bench_startup=args.bench_startup)
    return int(result or 0)


def _cmd_make_demo(args: argparse.Namespace) -> int:
    from groupkeeper import demo

    started = time.perf_counter()
    try:
        folder = demo.make_demo_vault(
            Path(args.dir), demo.DEMO_PASSPHRASE, args.members, args.groups, args.years
        )
    except ValueError as exc:
        raise InvalidInput(f"{exc}.") from None
    seconds = time.perf_counter() - started
    _print(
        f"Demo vault written to {folder} ({args.members} fictional members, {args.groups}"
        f" groups, {args.years} year(s), {seconds:.1f} s). Passphrase: {demo.DEMO_PASSPHRASE}"
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from groupkeeper.storage import schema

    vault = open_vault(args, Path(args.dir))
    try:
        problems = vault.check()
        version = schema.user_version(vault.db)
    finally:
        vault.lock()
    if problems:
        _error(f"The vault has problems ({', '.join(problems)}); restore a backup.")
        return EXIT_KNOWN
    _print(f"The vault is sound (schema version {version}, integrity and key checks passed).")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from groupkeeper.storage import backup

    out = Path(args.outfile)
    secret = read_secret(args)
    vault = open_vault(args, Path(args.dir), secret)
    try:
        backup.write_backup(vault, out)
    finally:
        vault.lock()
    # Prove the file restores and opens (in a temporary folder that is removed again).
    kind, value = secret
    if kind == "recovery_key":
        assert isinstance(value, str)
        backup.verify_backup(out, recovery_key=value)
    else:
        backup.verify_backup(out, passphrase=value)
    _print(f"Backup written and verified: {out}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from groupkeeper.storage import backup

    folder = backup.restore_backup(Path(args.backup), Path(args.newdir))
    _print(f"Restored into {folder}. It opens with the passphrase the vault had at backup time.")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from groupkeeper import reports_export

    def write_pdf(bundle: Any, path: Path) -> None:
        # The PDF writer paints with Qt (the UI layer); reports_export never imports it.
        from groupkeeper.ui.report_pdf import write_pdf_offscreen

        write_pdf_offscreen(bundle, path)

    def csv_wording() -> Any:
        # The CSV's label, period and explanation columns, in the app's language (Qt's
        # translators, so the UI layer words them too).
        from groupkeeper.ui.report_pdf import csv_wording_offscreen

        return csv_wording_offscreen()

    # open_vault: the one place that reads secrets.
    return int(reports_export.run_export(args, open_vault, write_pdf, csv_wording))


def _cmd_import_csv(args: argparse.Namespace) -> int:
    from groupkeeper import csv_import

    # The member.import operation, as the Roster's Import; open_vault reads the secret.
    return csv_import.run_import(args, open_vault, _print)


# --- sharing a group between laptops (issue 14) -------------------------------------------


def _sync_store(vault: Vault) -> Any:
    from groupkeeper.storage.repos import Store

    return Store(lambda: vault.db, vault.folder)


def _print_summary(summary: Any) -> None:
    for line in summary.lines():
        _print(line)


def _cmd_share(args: argparse.Namespace) -> int:
    from groupkeeper.sync.service import SyncService

    vault = open_vault(args, Path(args.dir))
    try:
        store = _sync_store(vault)
        group = store.groups.by_name(args.group)
        if group is None or group.id is None:
            # Group names are not personal data: list them so a typo is easy to fix.
            names = ", ".join(g.name for g in store.groups.all(active_only=False))
            raise InvalidInput(
                "No group has that name. Groups in this vault: " + (names or "(none)") + "."
            )
        service = SyncService(store)
        shared = service.repo.group_of(group.id)
        if shared is None:
            result = service.share_group(group.id, Path(args.folder), Path(args.invitation))
        elif Path(shared.folder).resolve() != Path(args.folder).resolve():
            raise InvalidInput(
                "This group is shared already, through another folder; name that folder"
                " to invite one more laptop."
            )
        else:  # shared already: a new invitation for one more laptop
            result = service.new_invitation(group.id, Path(args.invitation))
    finally:
        vault.lock()
    _print(f"Invitation written to {result.invitation_path}")
    _print_summary(result.summary)
    _print("Read this code out to the other facilitator (it is written nowhere):")
    _print(f"Code: {result.code}")
    return EXIT_OK


def _read_code(args: argparse.Namespace) -> str:
    if getattr(args, "passphrase_stdin", False):
        return _read_stdin_text("code")
    if not _terminal_available():
        raise InvalidInput("There is no terminal to ask for the code; use --passphrase-stdin.")
    try:
        value = getpass.getpass("Code: ")
    except EOFError:
        raise InvalidInput("No code was given.") from None
    return value


def _cmd_join(args: argparse.Namespace) -> int:
    from groupkeeper.storage.vault import Vault
    from groupkeeper.sync.service import SyncService, open_invitation

    folder = Path(args.dir)
    new = not Vault.exists(folder)
    if new and folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InvalidInput(f"{folder} is not empty and holds no vault; name an empty folder.")
    passphrase = read_passphrase(args, "New passphrase: " if new else "Passphrase: ")
    code = _read_code(args)
    # The code (and that nobody has used the invitation) is checked before anything is
    # created or changed.
    # (An existing vault: ``join`` checks, in its order, before it changes anything.)
    open_invitation(Path(args.invitation), code, Path(args.folder) if new else None)
    recovery = ""
    if new:
        vault, recovery = Vault.create(folder, passphrase)
    else:
        vault = open_vault(args, folder, ("passphrase", passphrase))
    try:
        store = _sync_store(vault)
        service = SyncService(store)
        group_id = service.join(Path(args.invitation), code, Path(args.folder))
        members = len(store.members.all(group_id))
        meetings = len(store.meetings.recent(group_id))
    finally:
        vault.lock()
    if new:
        _print(f"New vault created in {folder}.")
        _print(f"Recovery key (write it down now, it is shown only once): {recovery}")
    _print(f"Joined the shared group: {members} members, {meetings} meetings so far.")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    from groupkeeper.sync.service import SyncService

    vault = open_vault(args, Path(args.dir))
    try:
        service = SyncService(_sync_store(vault))
        if not service.status():
            _print("This vault shares no group.")
            return EXIT_OK
        summary = service.sync_once()
    finally:
        vault.lock()
    _print_summary(summary)
    return EXIT_OK


def _cmd_combine(args: argparse.Namespace) -> int:
    from groupkeeper import combine

    def write_pdf(report: Any, path: Path) -> None:
        # The same offscreen PDF writer as ``export`` (combine itself never imports Qt).
        from groupkeeper.ui.report_pdf import write_pdf_offscreen

        write_pdf_offscreen(report, path)

    def csv_wording() -> Any:
        # The CSV's people columns in the app's language, as ``export`` words them.
        from groupkeeper.ui.report_pdf import csv_wording_offscreen

        return csv_wording_offscreen()

    return int(combine.run_combine(args, write_pdf, csv_wording))


def _cmd_self_test(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    vault_arg = getattr(args, "vault", None)
    if vault_arg:
        folder = Path(vault_arg)
        report = _core_self_test(folder, SELF_TEST_PASSPHRASE)
        ui_note = _self_test_ui(folder)
    else:
        with tempfile.TemporaryDirectory(prefix="groupkeeper-selftest-") as tmp:
            folder = Path(tmp) / "vault"
            report = _core_self_test(folder, SELF_TEST_PASSPHRASE)
            ui_note = _self_test_ui(folder)
    seconds = time.perf_counter() - started
    where = f"; vault kept in {folder} (passphrase {SELF_TEST_PASSPHRASE})" if vault_arg else ""
    extra = f", {ui_note}" if ui_note else ""
    _print(f"Self-test passed: {report}{extra} in {seconds:.1f} s{where}.")
    return EXIT_OK


def _core_self_test(folder: Path, passphrase: str) -> str:
    """Create a vault in ``folder``, run a small meeting through the engine and storage,
    lock, reopen (passphrase and recovery key) and verify every record, check the vault,
    and prove a backup of it restores and opens.

    Returns:
        A few words for the summary line.

    Raises:
        SelfTestFailed: a record did not come back as written, or a check failed.
        KnownError: the vault could not be created or opened (e.g. ``VaultExists``).
    """
    from datetime import date

    from groupkeeper.agenda import fill_from_template
    from groupkeeper.meeting import MeetingRun
    from groupkeeper.meeting_session import MeetingSession
    from groupkeeper.model import GoalOutcome, Group, MeetingState, Member, MoodRound
    from groupkeeper.storage import backup
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault

    vault, recovery_key = Vault.create(folder, passphrase)
    try:
        store = Store(vault.db, vault.folder)
        group = store.groups.add(
            fill_from_template(
                Group(
                    name="Self-test group", agreements="(self-test)", crisis_resources="(self-test)"
                )
            )
        )
        assert group.id is not None
        first, second = store.members.add_many(
            [
                Member("Self-test A", group_ids=[group.id], contact_consent=True),
                Member("Self-test B", group_ids=[group.id]),
            ]
        )
        meeting = store.meetings.start(group.id, date.today().isoformat())
        assert meeting.id is not None
        session = MeetingSession(store, meeting.id)
        session.check_in(first.pseudonym)
        newcomer = session.add_new_member("Self-test C")
        session.mark_apologies(second.pseudonym)
        session.change_walk_ins(1)
        session.next_segment()
        session.record_mood(MoodRound.OPENING, first.pseudonym, 4, "calm")
        session.pass_mood(MoodRound.OPENING, newcomer.pseudonym)
        skill = store.skills.skills()[0]
        assert skill.id is not None
        session.share_skill(skill.id, first.pseudonym)
        session.next_segment()
        goal = session.set_goal(first.pseudonym, "(self-test) a short walk twice")
        assert goal.id is not None
        session.record_mood(MoodRound.CLOSING, first.pseudonym, 5)
        mid_state = session.run.to_state()
        session.end()
        # A later meeting reviews the goal: the review path is part of every week.
        later = store.meetings.start(group.id, date.today().isoformat())
        assert later.id is not None
        store.meetings.check_in(later.id, first.pseudonym)
        store.goals.review(goal.id, GoalOutcome.DONE, later.id)
        store.meetings.end(later.id)
    finally:
        vault.lock()

    expected_present = {first.pseudonym, newcomer.pseudonym}

    def verify(reopened: Vault) -> None:
        s = Store(reopened.db, reopened.folder)
        problems = reopened.check()
        if problems:
            raise SelfTestFailed(f"The vault check failed ({', '.join(problems)}).")
        m = s.meetings.get(meeting.id or 0)
        records = {
            "meeting closed": m.state is MeetingState.CLOSED and not s.meetings.open_meeting(),
            "attendance": set(s.meetings.present(m.id or 0)) == expected_present,
            "apologies": {a.pseudonym for a in s.meetings.attendance(m.id or 0)}
            == expected_present | {second.pseudonym},
            "walk-ins": m.walk_ins == 1,
            "moods": sorted(
                (c.round.value, c.score or -1, c.passed) for c in s.moods.for_meeting(m.id or 0)
            )
            == [("closing", 5, False), ("opening", -1, True), ("opening", 4, False)],
            "skill share": [x.skill_id for x in s.skills.shares(m.id or 0)] == [skill.id],
            "goal": [(g.text, g.outcome) for g in s.goals.for_pseudonym(first.pseudonym)]
            == [("(self-test) a short walk twice", GoalOutcome.DONE)],
            "members": {x.display_name for x in s.members.all()}
            == {"Self-test A", "Self-test B", "Self-test C"},
            "agenda": bool(m.agenda) and m.engine_state.get("finished") is True,
        }
        broken = [name for name, ok in records.items() if not ok]
        if broken:
            raise SelfTestFailed(f"Records did not read back as written ({', '.join(broken)}).")
        MeetingRun.from_state(mid_state)
        MeetingRun.from_state(m.engine_state)

    with Vault.unlock(folder, passphrase) as reopened:
        verify(reopened)
    with Vault.unlock_with_recovery_key(folder, recovery_key) as reopened:
        verify(reopened)
        with tempfile.TemporaryDirectory(prefix="groupkeeper-selftest-backup-") as tmp:
            copy = backup.write_backup(reopened, Path(tmp) / "self-test.gkbackup")
            backup.verify_backup(copy, passphrase=passphrase)
    return (
        "vault created, a meeting recorded, reopened with passphrase and recovery key,"
        " every record verified, checks sound, backup verified"
    )


def _self_test_ui(vault_dir: Path) -> str:
    """The window part of the self-test (``groupkeeper.ui.selftest.run``).

    Opens the main window offscreen on the self-test vault, draws charts and writes a PDF,
    and returns a few words for the summary; it raises on any failure (a missing Qt plugin
    in a bundle must fail the self-test).
    """
    from groupkeeper.ui import selftest

    note = selftest.run(vault_dir, SELF_TEST_PASSPHRASE)
    return str(note) if note else "window checked"


# ----------------------------------------------------------------------------- parser


def _add_secret_options(parser: argparse.ArgumentParser, *, recovery: bool = True) -> None:
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase from one line of standard input instead of a prompt",
    )
    if recovery:
        parser.add_argument(
            "--recovery-key-stdin",
            action="store_true",
            help="unlock with the recovery key, read from one line of standard input",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (public so the tests and docs can inspect it)."""
    parser = argparse.ArgumentParser(
        prog="groupkeeper",
        description="GroupKeeper: offline, encrypted helper for peer support groups.",
    )
    parser.add_argument("--version", action="version", version=f"GroupKeeper {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="start on a throwaway demo vault of fictional people"
    )
    parser.add_argument("--vault", metavar="DIR", help="the vault folder to use")
    parser.add_argument("--bench-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "self-test", help="create a temporary vault, run a tiny meeting, verify it (headless)"
    )
    # SUPPRESS: do not overwrite a top-level --vault given before the subcommand.
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="keep it here")

    p = sub.add_parser("make-demo", help="write a demo vault of fictional people and meetings")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--members", type=int, default=40, metavar="N")
    p.add_argument("--groups", type=int, default=2, metavar="G")
    p.add_argument("--years", type=int, default=1, metavar="Y")

    p = sub.add_parser("check", help="unlock a vault and check its integrity (changes nothing)")
    p.add_argument("dir", metavar="DIR")
    _add_secret_options(p)

    p = sub.add_parser("backup", help="write an encrypted *.gkbackup of a vault")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("outfile", metavar="OUTFILE")
    _add_secret_options(p)

    p = sub.add_parser("restore", help="restore a backup into a new, empty folder")
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("newdir", metavar="NEWDIR")

    p = sub.add_parser("import-csv", help="add members from a CSV file (as the Roster's Import)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--group", metavar="NAME", help="every imported member joins this group")
    p.add_argument("--dry-run", action="store_true", help="check the file, change nothing")
    _add_secret_options(p)

    p = sub.add_parser("export", help="write the suppressed aggregate report (whole months)")
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--group", metavar="NAME")
    p.add_argument("--from", dest="from_month", metavar="YYYY-MM")
    p.add_argument("--to", dest="to_month", metavar="YYYY-MM")
    p.add_argument("--csv", metavar="FILE")
    p.add_argument("--pdf", metavar="FILE")
    _add_secret_options(p)

    p = sub.add_parser(
        "share",
        help="share a group with other laptops through a synced folder (a group shared"
        " already: a new invitation, each lets one more laptop join)",
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--group", metavar="NAME", required=True)
    p.add_argument("--folder", metavar="SHARED", required=True)
    p.add_argument("--invitation", metavar="FILE", required=True)
    _add_secret_options(p, recovery=False)

    p = sub.add_parser(
        "join",
        help="join a shared group (into the vault in DIR, or a new one if DIR is empty);"
        " with --passphrase-stdin, line 1 is the passphrase and line 2 the code",
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--invitation", metavar="FILE", required=True)
    p.add_argument("--folder", metavar="SHARED", required=True)
    _add_secret_options(p, recovery=False)

    p = sub.add_parser("sync", help="send this laptop's changes and apply the others', once")
    p.add_argument("dir", metavar="DIR")
    _add_secret_options(p, recovery=False)

    p = sub.add_parser(
        "combine",
        help="add up CSV exports of several groups or sites into one report (no vault needed)",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--csv", metavar="OUT")
    p.add_argument("--pdf", metavar="OUT")
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "self-test": _cmd_self_test,
    "make-demo": _cmd_make_demo,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "export": _cmd_export,
    "share": _cmd_share,
    "join": _cmd_join,
    "sync": _cmd_sync,
    "import-csv": _cmd_import_csv,
    "combine": _cmd_combine,
}


def _one_sentence(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if text.endswith((".", "?", "!")) else text + "."


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code (see the module docstring)."""
    _disable_core_dumps()
    parser = build_parser()
    args, unknown = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.command is not None and unknown:
        parser.error("unrecognised arguments: " + " ".join(unknown))
    try:
        if args.command is None:
            return _cmd_gui(args, unknown)
        return _COMMANDS[args.command](args)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001  (errors become exit codes)
        return exit_code_for(exc, show_traceback=args.traceback)
    finally:
        _wipe_secrets()


def exit_code_for(exc: BaseException, *, show_traceback: bool = False) -> int:
    """Tell the user about ``exc`` in one sentence on stderr and return the exit code.

    Shared with the window's fast start (``groupkeeper.launch``), which imports this module
    only when something went wrong.
    """
    if isinstance(exc, KeyboardInterrupt):
        _error("Stopped.")
        return 130
    if isinstance(exc, OSError) and exc.errno is not None:
        # A file or folder the user named (an export, a backup) failed: a known situation
        # with its own sentence, never "a bug".
        exc = file_problem(exc, exc.filename, writing=None)
    if isinstance(exc, KnownError):
        _error(_one_sentence(exc))
        return EXIT_KNOWN
    if show_traceback:
        import traceback

        traceback.print_exception(exc)
    # The exception's text could quote data from the vault, so only its type is shown.
    _error(
        f"GroupKeeper stopped because of an unexpected problem (a bug: {type(exc).__name__})."
        " Please report it."
    )
    return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
