"""Stage 0, YAML in: safe loading that keeps positions.

In: the text of a YAML file (a rule file, a ``sources.yaml`` manifest).
Out: plain data (mappings, lists, scalars) and, for rule files, the
``file:line:col`` of every key and value (``marks``); a manifest is read entry
by entry (``stream``). No tags, no objects, bounded aliases and nesting.
"""
