"""Two real Syncthing instances on loopback, sharing one folder (for tests and bench_sync).

Each instance gets its own home (keys, config, database), listens on 127.0.0.1 only, with
global and local discovery, relays, NAT traversal, usage reports and upgrades off, and
knows the other by device id and loopback address. Each has its own copy of the shared
folder (``folder_a``, ``folder_b``); the folders' file-system watchers report changes
after 1 s. ``SyncthingPair`` starts both, waits until they are connected and stops both
at the end (a context manager). Syncthing is the Debian package ``syncthing``
(``.ci/run`` installs it); ``available()`` says whether it is on this machine.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from types import TracebackType

SYNCTHING = shutil.which("syncthing") or "/usr/bin/syncthing"
FOLDER_ID = "groupkeeper-test"

_CONFIG = """<configuration version="36">
    <folder id="{folder_id}" label="shared" path="{path}" type="sendreceive"
            rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1"
            ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}" introducedBy=""></device>
        <device id="{peer}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
    <device id="{me}" name="me" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="{peer}" name="peer" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{peer_port}</address>
    </device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{gui_port}</address>
        <apikey>{api_key}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <reconnectionIntervalS>1</reconnectionIntervalS>
    </options>
</configuration>
"""


def available() -> bool:
    """True if a Syncthing binary is installed."""
    return Path(SYNCTHING).is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Instance:
    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder
        self.port, self.gui_port = _free_port(), _free_port()
        self.api_key = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        out = subprocess.run(
            [SYNCTHING, "generate", f"--home={home}", "--no-default-folder"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        match = re.search(r"Device ID: ([A-Z0-9-]{63})", out.stdout + out.stderr)
        if not match:
            raise RuntimeError("syncthing generate printed no device id")
        self.device_id = match.group(1)

    def configure(self, peer: _Instance) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)
        (self.home / "config.xml").write_text(
            _CONFIG.format(
                folder_id=FOLDER_ID,
                path=self.folder,
                me=self.device_id,
                peer=peer.device_id,
                peer_port=peer.port,
                gui_port=self.gui_port,
                api_key=self.api_key,
                port=self.port,
            ),
            encoding="utf-8",
        )

    def start(self) -> None:
        env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1", HOME=str(self.home))
        log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        log.close()

    def rest(self, path: str) -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
            return json.loads(response.read().decode("utf-8"))

    def connected_to(self, peer: _Instance) -> bool:
        try:
            data = self.rest("/rest/system/connections")
        except OSError:
            return False
        connections = data.get("connections", {}) if isinstance(data, dict) else {}
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self.process = None


class SyncthingPair:
    """Two connected Syncthing instances under ``root`` (see the module docstring)."""

    def __init__(self, root: Path, connect_timeout: float = 90.0) -> None:
        self.root = root
        self.a = _Instance(root / "home-a", root / "folder-a")
        self.b = _Instance(root / "home-b", root / "folder-b")
        self.connect_timeout = connect_timeout

    @property
    def folder_a(self) -> Path:
        return self.a.folder

    @property
    def folder_b(self) -> Path:
        return self.b.folder

    def __enter__(self) -> SyncthingPair:
        self.a.configure(self.b)
        self.b.configure(self.a)
        self.a.start()
        self.b.start()
        try:
            deadline = time.monotonic() + self.connect_timeout
            while not (self.a.connected_to(self.b) and self.b.connected_to(self.a)):
                for inst in (self.a, self.b):
                    if inst.process is not None and inst.process.poll() is not None:
                        raise RuntimeError("syncthing stopped: " + self.log_tail(inst))
                if time.monotonic() > deadline:
                    raise TimeoutError("the two syncthing instances did not connect")
                time.sleep(0.2)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop both instances (waits for them to exit)."""
        self.a.stop()
        self.b.stop()

    @staticmethod
    def log_tail(inst: _Instance, lines: int = 20) -> str:
        try:
            text = (inst.home / "syncthing.log").read_text("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def wait_for(condition: object, timeout: float, interval: float = 0.05) -> float:
    """Call ``condition()`` until it is true; return the seconds it took.

    Raises:
        TimeoutError: it was not true within ``timeout`` seconds.
    """
    assert callable(condition)
    started = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"not within {timeout} s")
        time.sleep(interval)
