"""What the windows are given: settings, clocks, and the (un)locked vault.

``MainWindow(services)`` and every screen receive this object instead of reaching for
globals, so tests can hand them a temporary vault and fake clocks. Importing this module
does NOT import the storage/crypto stack: the unlock screen must appear before
``sqlite_utils``, SQLCipher and argon2 are loaded (start-up budget). They are imported on
first use.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from groupkeeper.settings import Settings
from groupkeeper.ui import binding_fix

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault
    from groupkeeper.ui.operations import OperationRunner


# groupkeeper.storage.vault KEY_HEADER and VAULT_DB (tests/test_ui_shell.py checks).
VAULT_FILES = ("vault.key", "vault.db")


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Services:
    """Shared services for the UI.

    Args:
        settings: the app-wide (non-personal) settings.
        vault_dir: the vault folder; defaults to ``settings.vault_dir``.
        clock: wall-clock seconds, for meeting timers (injectable in tests).
        now: current datetime, for records (injectable in tests).
        demo_passphrase: set for ``--demo`` vaults; shown on the unlock screen.
    """

    def __init__(
        self,
        settings: Settings,
        vault_dir: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        now: Callable[[], datetime] = _utcnow,
        demo_passphrase: str | None = None,
    ) -> None:
        self.settings = settings
        self.vault_dir = vault_dir or settings.vault_dir
        self.clock = clock
        self.now = now
        self.demo_passphrase = demo_passphrase
        self.vault: Vault | None = None
        self._store: Store | None = None
        self._ops: OperationRunner | None = None

    @property
    def is_demo(self) -> bool:
        return self.demo_passphrase is not None

    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None and not self.vault.is_locked

    def vault_exists(self) -> bool:
        """True if the vault folder holds a vault (or the remains of one).

        Checked by file name here, not through ``Vault.exists``, because importing the
        vault module loads SQLCipher, sqlite-utils and argon2, and the first screen must
        appear before that. ``VAULT_FILES`` is kept equal to storage's names by a test.
        """
        return any((Path(self.vault_dir) / name).exists() for name in VAULT_FILES)

    @property
    def store(self) -> Store:
        """The repositories of the unlocked vault; raises ``VaultLocked`` when locked."""
        if self._store is None or not self.is_unlocked:
            from groupkeeper.storage.errors import VaultLocked

            raise VaultLocked()
        return self._store

    @property
    def ops(self) -> OperationRunner:
        """The app's one operation runner: screens change data only through it."""
        if self._ops is None:
            from groupkeeper.ui.operations import OperationRunner

            self._ops = OperationRunner(self)
        return self._ops

    def attach(self, vault: Vault) -> None:
        """Use an unlocked vault (after create/unlock, which run off the GUI thread)."""
        from groupkeeper.storage.repos import Store

        self.vault = vault
        self._store = Store(lambda: vault.db, vault.folder, clock=self.now)
        # The storage stack was imported by the unlock: drop the sources PySide6's import
        # hook had linecache keep meanwhile.
        binding_fix.forget_sources()

    def create_vault(self, folder: Path, passphrase: str) -> str:
        """Create a vault in ``folder``, attach it, return the recovery key. Slow (KDF)."""
        from groupkeeper.storage.vault import Vault

        vault, recovery_key = Vault.create(folder, passphrase)
        vault.hand_off()  # made in a worker; the GUI thread opens its own connection
        self.vault_dir = folder
        self.attach(vault)
        return recovery_key

    def unlock(self, passphrase: str) -> None:
        """Unlock with the passphrase. Slow (KDF); run it through ``ui.worker``."""
        from groupkeeper.storage.vault import Vault

        vault = Vault.unlock(self.vault_dir, passphrase)
        vault.hand_off()  # opened in a worker; the GUI thread opens its own connection
        self.attach(vault)

    def unlock_with_recovery_key(self, recovery_key: str) -> None:
        from groupkeeper.storage.vault import Vault

        vault = Vault.unlock_with_recovery_key(self.vault_dir, recovery_key)
        vault.hand_off()
        self.attach(vault)

    def lock(self) -> None:
        """Stop background work, close every connection, drop the key (within a second).

        Screens must clear their models first.
        """
        self._store = None
        if self.vault is not None:
            self.vault.lock()
        self.vault = None
