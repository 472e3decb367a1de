"""``python -m cli``: the ``govkg`` command line."""

from cli.main import main

main()
