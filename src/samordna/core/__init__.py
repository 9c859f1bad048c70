"""Pure domain code: no Django, no I/O. Every surface calls these functions."""
