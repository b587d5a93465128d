"""towngraph's importable entry points (the package of the same name as the project)."""
