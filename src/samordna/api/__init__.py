"""The read API under /api/v1/: a förbund's own figures for its members, the shared national
figures for networks, with personal tokens made on "Mitt konto"."""
