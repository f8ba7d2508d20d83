"""Course content read from ``data/``: bibliography, causes, triage rules, seed facts."""
