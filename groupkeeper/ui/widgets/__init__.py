"""Small widgets shared by several screens (banner, passphrase field)."""
