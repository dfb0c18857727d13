"""Allow ``python -m groupkeeper`` (also the bundle's entry script, see ``build.spec``)."""

import sys

from groupkeeper.launch import main

sys.exit(main())
