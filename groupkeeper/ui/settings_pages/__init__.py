"""The Settings dialog's pages, one module per tab (``ui/settings_dialog.py`` holds them)."""
