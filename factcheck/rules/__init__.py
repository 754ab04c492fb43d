"""Stage 1, rules: what the editor wrote, validated.

In: rule files (YAML). Out: a :class:`~factcheck.rules.ruleset.RuleSet` of
claims with their cues, context, type, tolerance, reference value and
examples, or a :class:`~factcheck.errors.RuleFileError` listing every problem
at its ``file:line:col``.

- ``spec``: the file format as pydantic models (the JSON Schema comes from it);
- ``ruleset``: loading, cross-claim checks, the compiled ``Claim``;
- ``errors``: validation errors reworded for an editor, with hints;
- ``schema``: the JSON Schema text.
"""
