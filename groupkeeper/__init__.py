"""GroupKeeper: an offline, encrypted helper for peer support group facilitators.

The package is split so that the core never needs Qt:

* ``groupkeeper`` (this package): domain logic in plain Python (meeting engine,
  agenda templates, metrics, demo data).
* ``groupkeeper.storage``: the encrypted vault, schema, migrations and the small typed
  repository API. All SQL lives there.
* ``groupkeeper.ui``: the PySide6 widgets. Thin; they call the two layers above.
"""

__version__ = "0.1.0"
APP_NAME = "GroupKeeper"
