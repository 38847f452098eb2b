"""Allow `python -m ivpgen`."""

from ivpgen.cli import main

main()
