"""Allow ``python -m groupkeeper`` (also the bundle's entry script, see ``build.spec``)."""

import sys

# Python's OpenSSL-backed hashlib (``_hashlib``) maps libcrypto, 3.6 MB of memory, for
# SHA-256 and HMAC, which Python also has built in. The bundle leaves it out (no libssl
# or libcrypto ships, see build.spec); this makes ``python -m groupkeeper`` the same
# program. The key header's AES-GCM and Argon2 come from cryptography and argon2-cffi.
sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]

from groupkeeper.launch import main  # noqa: E402

sys.exit(main(quick_exit=True))
