"""Known, expected storage errors.

Storage raises only these for conditions a user can meet (a wrong passphrase, a damaged
file, a pulled USB stick). The UI and CLI catch ``KnownError`` and word it for the user
from ``code``; anything else is a bug and goes to the crash dialog. Messages here are
English fall-backs for logs and the CLI and never contain personal data.
"""

from __future__ import annotations

import errno
from pathlib import Path


class KnownError(Exception):
    """Base of every error a user can cause or meet. ``code`` is stable, for wording."""

    code = "known"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.default_message())

    @classmethod
    def default_message(cls) -> str:
        return cls.__doc__.strip().splitlines()[0] if cls.__doc__ else cls.__name__


class WrongPassphrase(KnownError):
    """The passphrase or recovery key is not right for this vault."""

    code = "wrong_passphrase"

    def __init__(self, message: str = "", *, wait_seconds: float = 0.0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class VaultNotFound(KnownError):
    """No vault was found in this folder."""

    code = "not_found"


class VaultExists(KnownError):
    """A vault already exists in this folder; it was left untouched."""

    code = "exists"


class VaultCorrupt(KnownError):
    """The vault file is damaged or incomplete. It was left untouched; restore a backup."""

    code = "corrupt"


class KeyFileMissing(VaultCorrupt):
    """The key file (vault.key) is missing beside the database, so the vault cannot open.

    Words for the UI stay those of ``VaultCorrupt`` (restore a backup); the CLI and logs
    get the precise sentence.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "The key file vault.key is missing beside the database, so the vault cannot be"
            " opened (the passphrase and the recovery key both unlock that file). Put back a"
            " copy of vault.key from this vault, or restore a .gkbackup backup into a new folder."
        )


class VaultTooNew(KnownError):
    """This vault was written by a newer version of GroupKeeper. Please update the app."""

    code = "too_new"


class KdfTooWeak(KnownError):
    """The vault's key settings are weaker than this app allows, so it was not opened."""

    code = "kdf_too_weak"


class ReadOnly(KnownError):
    """The vault folder cannot be written to (read-only disk or folder)."""

    code = "read_only"


class DiskFull(KnownError):
    """The disk is full; the last change was not saved."""

    code = "disk_full"


class VaultGone(KnownError):
    """The vault folder is not reachable any more (was a USB stick removed?)."""

    code = "gone"


class VaultLocked(KnownError):
    """The vault is locked; unlock it first."""

    code = "locked"


class VaultBusy(KnownError):
    """Another task is still saving to the vault; nothing was saved. Try again in a moment."""

    code = "busy"


class BackupInvalid(KnownError):
    """This file is not a GroupKeeper backup, or it is damaged."""

    code = "backup_invalid"


class InvalidInput(KnownError):
    """The value given is not acceptable here.

    ``sentence`` is English, says what is wrong in words a facilitator understands, and may
    hold ``{name}`` placeholders filled from ``values`` (numbers and limits, never personal
    data). The UI translates it under the context ``"InvalidInput"`` and then fills the
    values; ``tools/i18n.py`` collects every literal sentence given to ``InvalidInput``.
    """

    code = "invalid_input"

    def __init__(self, sentence: str = "", **values: object) -> None:
        self.sentence = sentence
        self.values = values
        super().__init__(sentence.format(**values) if sentence else "")


class ImportRejected(KnownError):
    """The file could not be imported; nothing was changed."""

    code = "import_rejected"


class FileProblem(KnownError):
    """That file or folder cannot be used."""

    code = "file_problem"


_GONE_ERRNOS = {errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def file_problem(exc: OSError, path: Path | str | None, *, writing: bool | None) -> KnownError:
    """The known error for an ``OSError`` on a file the *user named* (a backup, an export).

    Each situation gets its own sentence (not "the vault folder", not "a bug").

    Args:
        exc: What the operating system said.
        path: The file as the user gave it (``exc.filename`` may be a temp name).
        writing: True when writing it, False when reading it, None when not known.
    """
    where = str(path if path is not None else exc.filename or "that file")
    code = exc.errno
    parent = Path(where).parent
    if code in _FULL_ERRNOS:
        return DiskFull()
    if code == errno.EISDIR:
        return FileProblem(f"{where} is a folder; give a file name.")
    if code in _GONE_ERRNOS:
        return VaultGone(f"{where} cannot be reached any more (was a USB stick removed?).")
    if code == errno.EROFS:
        return ReadOnly(f"{where} is on a read-only disk; choose another folder.")
    if code in (errno.EACCES, errno.EPERM):
        action = {True: "write", False: "read", None: "use"}[writing]
        return FileProblem(f"No permission to {action} {where}; choose another file or folder.")
    if code in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        if writing is False:
            return FileProblem(f"{where} was not found; check the name and the folder.")
        if parent.is_dir():
            if writing:
                return FileProblem(f"{parent} does not accept new files; choose another folder.")
            return FileProblem(
                f"{where} was not found or cannot be created there; check the name and folder."
            )
        if writing and code == errno.ENOENT and not parent.exists():
            # Missing folders are created first, so this one vanished while we wrote.
            return VaultGone(f"{where} cannot be reached any more (was a USB stick removed?).")
        return FileProblem(f"The folder for {where} does not exist or is a file.")
    action = {True: "write", False: "read", None: "use"}[writing]
    return FileProblem(f"Cannot {action} {where} ({exc.strerror or code}).")
