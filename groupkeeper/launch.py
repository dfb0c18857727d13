"""The program's entry point: a fast road to the window, the full command line otherwise.

``groupkeeper`` with nothing but window flags (``--demo``, ``--vault DIR``) is what a
facilitator runs every week, so it goes straight to ``groupkeeper.ui.app`` without
building the command-line parser (argparse, the subcommands and their imports cost
about a fifth of the time to the unlock screen; see ``bench/bench_startup.py``).
Anything else (a subcommand, ``--help``, ``--version``, Qt's own options, a typo) goes
through ``groupkeeper.cli.main``, which also explains mistakes. Errors on the fast road
are worded by the same code as the command line's (``cli.exit_code_for``).

Standard library only, and little of it (no dataclasses: importing them costs 7 ms).
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NoReturn


class WindowArgs:
    """The window flags: the only ones the fast road understands.

    A plain class: a ``NamedTuple`` is built by compiling generated source, about 0.3 ms
    (1.2 million instructions) of the way to the unlock screen.
    """

    __slots__ = ("demo", "vault", "bench_startup")

    def __init__(
        self, demo: bool = False, vault: str | None = None, bench_startup: bool = False
    ) -> None:
        self.demo = demo
        self.vault = vault
        self.bench_startup = bench_startup

    def _fields(self) -> tuple[bool, str | None, bool]:
        return (self.demo, self.vault, self.bench_startup)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WindowArgs):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "WindowArgs(demo={!r}, vault={!r}, bench_startup={!r})".format(*self._fields())


def window_args(argv: list[str]) -> WindowArgs | None:
    """``argv`` (without the program name) as window flags, or None if it holds more.

    Accepts ``--demo``, ``--vault DIR``, ``--vault=DIR`` and the benchmark's
    ``--bench-startup``, each at most once; anything else returns None so the full
    command line handles (or rejects) it.
    """
    demo = bench = False
    vault: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--demo" and not demo:
            demo = True
        elif arg == "--bench-startup" and not bench:
            bench = True
        elif arg == "--vault" and vault is None and i + 1 < len(argv):
            vault = argv[i + 1]
            i += 1
        elif arg.startswith("--vault=") and vault is None:
            vault = arg[len("--vault=") :]
        else:
            return None
        if vault == "" or (vault is not None and vault.startswith("-")):
            return None  # let the full parser say what is wrong
        i += 1
    return WindowArgs(demo, vault, bench)


def main(argv: list[str] | None = None, *, quick_exit: bool = False) -> int:
    """Start the window on the fast road, or hand ``argv`` to ``groupkeeper.cli.main``.

    Args:
        argv: the arguments without the program name (default ``sys.argv[1:]``).
        quick_exit: after the window closes, end the process with ``exit_now`` instead
            of returning (``python -m groupkeeper`` and the bundle; never in-process
            callers such as tests).
    """
    args = sys.argv[1:] if argv is None else argv
    flags = window_args(args)
    if flags is None:
        from groupkeeper.cli import main as cli_main

        return cli_main(args)
    import gc

    # Python's cyclic collector runs dozens of times while PySide6 and the first screen
    # load (each import makes thousands of objects, and almost none are garbage): about
    # 5-10 ms of the way to the unlock screen. Off until the app runs; from then on
    # ``ui.gc_guard`` collects from a GUI-thread timer (and it is back on if we return).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run_window(flags)
    finally:
        if collecting:
            gc.enable()
    if quick_exit:
        exit_now(code)
    return code


def _run_window(flags: WindowArgs) -> int:
    fonts = start_font_config()
    # The window's Qt-free modules first: once PySide6 is imported, its ``__feature__``
    # import hook reads the source of every module imported after it (looking for
    # "PySide6"); ``quicker_source_check`` makes that read cheaper for the rest.
    import groupkeeper.hardening
    import groupkeeper.settings
    import groupkeeper.ui.services  # noqa: F401  (Qt-free; see above)
    from groupkeeper.ui import binding_fix  # Qt-free until called

    binding_fix.quicker_source_check()
    from groupkeeper.ui.app import run_app

    if fonts is not None:
        fonts.join()  # long done: loading PySide6 takes ten times as long

    try:
        from pathlib import Path

        program = sys.argv[0] if sys.argv else "groupkeeper"
        vault_dir = Path(flags.vault) if flags.vault else None
        return int(
            run_app(
                [program],
                demo=flags.demo,
                vault_dir=vault_dir,
                bench_startup=flags.bench_startup,
            )
            or 0
        )
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001  (errors become exit codes)
        from groupkeeper.cli import exit_code_for

        return exit_code_for(exc)


def start_font_config() -> threading.Thread | None:
    """Load fontconfig's configuration and font cache in a thread; None where there is none.

    On Linux Qt finds fonts through fontconfig, whose first use (``FcInit``: reading its
    configuration and cache files) costs about 3 ms inside the unlock screen's first text
    field. Done first, in a thread, it overlaps the import of PySide6 on another core (the
    call releases the GIL), and Qt then finds it loaded: the same library in the same
    process, made once (``FcInit`` is idempotent and thread-safe). Any failure just leaves
    the work to Qt, as before.
    """
    if not sys.platform.startswith("linux"):
        return None
    from groupkeeper import native

    try:
        fc_init = native.c_function("libfontconfig.so.1", "FcInit")
    except OSError:
        return None
    loader = threading.Thread(target=native.call, args=(fc_init,), name="fontconfig", daemon=True)
    loader.start()
    return loader


def exit_now(code: int) -> NoReturn:
    """End the process after the window closed, without Python's object-by-object teardown.

    A normal interpreter exit frees every module and object one at a time (PySide6's
    included): about 15 ms, as long as a bare Qt window's whole start takes to show
    (bench/bench_startup.py). This does what that exit does that matters, in the same
    order, then lets the operating system reclaim the rest at once:

    1. other (non-daemon) Python threads: if any still runs, the normal exit is used
       (it waits for them);
    2. the exit handlers: PySide6's deletes the window and the ``QApplication`` (which
       waits for the background tasks and hands the clipboard to the system), logging's
       flushes its handlers;
    3. the standard streams are flushed.

    The vault is already locked by then (``run_app``: every connection closed, the key
    wiped), and files are only ever written through ``with`` blocks, so nothing else
    holds unwritten data.
    """
    import atexit
    import os

    current = threading.current_thread()
    waiting = [t for t in threading.enumerate() if t is not current and not t.daemon]
    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if waiting or run_handlers is None:
        sys.exit(code)
    run_handlers()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                pass  # a closed or broken stream: nothing more can be written there
    os._exit(code)
