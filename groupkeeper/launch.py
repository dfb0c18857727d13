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
from typing import NamedTuple


class WindowArgs(NamedTuple):
    """The window flags: the only ones the fast road understands."""

    demo: bool = False
    vault: str | None = None
    bench_startup: bool = False


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


def main(argv: list[str] | None = None) -> int:
    """Start the window on the fast road, or hand ``argv`` to ``groupkeeper.cli.main``."""
    args = sys.argv[1:] if argv is None else argv
    flags = window_args(args)
    if flags is None:
        from groupkeeper.cli import main as cli_main

        return cli_main(args)
    # The window's Qt-free modules first: once PySide6 is imported, its ``__feature__``
    # import hook reads the source of every module imported after it (looking for
    # "PySide6"), about 0.1 ms a module on the way to the first window.
    import groupkeeper.hardening
    import groupkeeper.settings
    import groupkeeper.storage.errors
    import groupkeeper.ui.services  # noqa: F401  (Qt-free; see above)
    from groupkeeper.ui.app import run_app

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
