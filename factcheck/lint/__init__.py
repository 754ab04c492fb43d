"""Stage 6, lint: a draft against the sources' verdicts.

In: drafts (documents), the rule set and the verdicts of a check. Out: a
:class:`~factcheck.lint.model.LintReport` of findings with codes, levels and
positions.

- ``findings``: the checks;
- ``model``: finding codes and the report model;
- ``suppressions``: ``factcheck: ignore[...]`` directives.
"""
