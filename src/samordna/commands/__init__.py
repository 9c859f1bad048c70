"""Subcommands of `samordna`; each module has `register(subparsers)`."""
