"""The PySide6 user interface: thin screens and widgets over the core and storage layers.

Only this package imports Qt. Shared resources (icons, themes, translations) are loaded
through ``groupkeeper.ui.resources``, which works both from the source tree and from the
PyInstaller bundle.
"""
