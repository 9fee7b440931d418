"""``python -m diplotext``: the same as the ``diplotext`` command."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
