"""``python -m kg``: the same command line as ``kg``."""

import sys

from kg.cli import main

sys.exit(main())
