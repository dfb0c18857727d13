"""Allow ``python -m groupkeeper``."""

import sys

from groupkeeper.cli import main

sys.exit(main())
