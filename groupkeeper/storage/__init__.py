"""Encrypted storage: the vault (SQLCipher + key header), schema, migrations, repositories.

Nothing here imports Qt. All SQL of the app lives in this package.
"""
