"""Where pcctrack meets what it cannot trust: record files, folders, Git, its cache.

Everything that reads or writes files or runs a process lives here, so the attack surface is
seen at a glance and each defence has one home: `files` walks and places record files,
`yamlio` parses (and, for edits, round-trips) YAML, one module per job, `atomic` replaces files safely, `gitlog`
runs Git, `cache` and `answers` keep what earlier runs learned, `listing` reads a tree
through the cache, and `templates` reads a records repository's template overrides.
"""
