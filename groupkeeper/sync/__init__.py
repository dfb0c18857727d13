"""Sharing one group between several laptops through a synced folder (no Qt, no SQL).

Each laptop keeps its own vault and writes only its own append-only, encrypted and signed
change files into the group's shared folder; every laptop merges everyone's changes with
rules that give the same result whatever order the files arrive in. See
``changefile`` (format, crypto, folder layout), ``hlc`` (stamps), ``identity`` (device
keys), ``merge`` (the rules) and ``replica`` (one laptop's side).
"""
