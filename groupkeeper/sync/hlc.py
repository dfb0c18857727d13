"""Hybrid logical clock: stamps that order changes across laptops whose clocks disagree.

A stamp is ``(wall_ms, counter, device_id)``. Stamps from one clock only ever grow, a
clock that receives a stamp moves past it (so an edit made after seeing another is
stamped later, even on a laptop whose clock runs behind), and two stamps never compare
equal because the device id breaks ties. (Kulkarni et al., "Logical Physical Clocks".)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple


class Stamp(NamedTuple):
    """One hybrid logical clock reading; tuples compare in the order of the fields."""

    wall_ms: int
    counter: int
    device: str

    def to_json(self) -> list[object]:
        """The stamp as a JSON list."""
        return [self.wall_ms, self.counter, self.device]

    @classmethod
    def from_json(cls, data: object) -> Stamp:
        """Read a stamp written by ``to_json``.

        Raises:
            ValueError: ``data`` is not a stamp.
        """
        if not (isinstance(data, list) and len(data) == 3):
            raise ValueError("not a stamp")
        wall, counter, device = data
        if not (
            isinstance(wall, int)
            and isinstance(counter, int)
            and isinstance(device, str)
            and wall >= 0
            and counter >= 0
            and device
        ):
            raise ValueError("not a stamp")
        return cls(wall, counter, device)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Clock:
    """A hybrid logical clock for one device.

    Args:
        device: this device's id (breaks ties between equal readings).
        now_ms: the wall clock in milliseconds (tests pass a fake one).
        last: the last stamp this clock issued or saw (restored from the vault).
    """

    def __init__(
        self, device: str, now_ms: Callable[[], int] = _wall_ms, last: Stamp | None = None
    ) -> None:
        self.device = device
        self._now = now_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    @property
    def last(self) -> Stamp:
        """The latest reading (what to save so the clock never runs backwards)."""
        return Stamp(self._wall, self._counter, self.device)

    def tick(self) -> Stamp:
        """A new stamp for a local change, later than every stamp issued or seen."""
        now = self._now()
        if now > self._wall:
            self._wall, self._counter = now, 0
        else:
            self._counter += 1
        return self.last

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp read from another device's change."""
        if (remote.wall_ms, remote.counter) > (self._wall, self._counter):
            self._wall, self._counter = remote.wall_ms, remote.counter
