"""Settings declared once (groupkeeper.options): storage, the app file, suppression and the
Settings dialog all take type, default and range from the one declaration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupkeeper import options, suppression
from groupkeeper.options import VAULT, IntOption
from groupkeeper.settings import Settings
from groupkeeper.storage.errors import InvalidInput
from groupkeeper.storage.repos import Store

NUMBERS = [o for o in VAULT if isinstance(o, IntOption)]


@pytest.mark.parametrize("option", NUMBERS, ids=lambda o: o.key)
def test_vault_numbers_are_checked_against_their_declared_range(
    store: Store, option: IntOption
) -> None:
    store.settings.set(option.key, option.low)
    store.settings.set(option.key, option.high)
    assert store.settings.value(option) == option.high
    for bad in (option.low - 1, option.high + 1):
        with pytest.raises(InvalidInput, match=f"from {option.low} to {option.high}"):
            store.settings.set(option.key, bad)
    with pytest.raises(InvalidInput, match="whole number"):
        store.settings.set(option.key, True)  # a bool is not a number of minutes
    assert store.settings.value(option) == option.high  # refusals change nothing


def test_typed_getters_and_defaults(store: Store) -> None:
    assert store.settings.value(options.AUTO_LOCK_MINUTES) == 5
    assert type(store.settings.value(options.AUTO_LOCK_MINUTES)) is int
    assert store.settings.value(options.BACKUP_DIR) == ""
    assert store.settings.all() == VAULT.defaults()


def test_unknown_keys_are_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        store.settings.get("auto_lock_minute")
    with pytest.raises(KeyError):
        store.settings.set("colour", "red")
    undeclared = IntOption(key="not_declared", default=1, low=0, high=2, title="x")
    with pytest.raises(KeyError):
        store.settings.value(undeclared)
    app = Settings(tmp_path / "settings.json")
    with pytest.raises(KeyError):
        app.get("them")
    with pytest.raises(KeyError):
        app.set("them", "calm")


def test_a_damaged_stored_value_reads_safely(store: Store) -> None:
    """Hand-edited rows: a number out of range is clamped (a suppression threshold of 20
    reads as 11, never the laxer default 5); a value of the wrong type reads as default."""
    for key, raw in (("suppression_threshold", 20), ("auto_lock_minutes", "soon")):
        store.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, json.dumps(raw)])
    assert store.settings.value(options.SUPPRESSION_THRESHOLD) == 11
    assert store.settings.value(options.AUTO_LOCK_MINUTES) == 5
    assert store.settings.all()["suppression_threshold"] == 11


def test_suppression_takes_its_range_from_the_declaration() -> None:
    opt = options.SUPPRESSION_THRESHOLD
    assert suppression.clamp_threshold(opt.low - 3) == opt.low
    assert suppression.clamp_threshold(opt.high + 30) == opt.high
    assert suppression.DEFAULT_THRESHOLD == opt.default


def test_app_settings_use_their_declarations(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "neon", "text_scale": 2, "tour_done": "yes"}))
    app = Settings(path)
    assert app.theme == options.THEME.default  # not an allowed value: the default
    assert app.text_scale == 2.0  # an int in the file is a number
    assert app.tour_done is False  # wrong type in the file: ignored
    with pytest.raises(TypeError):
        app.set("tour_done", 1)


def test_every_title_is_declared_for_translation() -> None:
    assert set(options.TITLES) == {f"app.{o.key}" for o in options.APP} | {
        f"vault.{o.key}" for o in VAULT
    }
    assert all(title.strip() for title in options.TITLES.values())
