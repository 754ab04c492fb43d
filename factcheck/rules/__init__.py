"""Stage 1, rules: what the editor wrote, validated.

In: rule files (YAML). Out: a :class:`~factcheck.rules.ruleset.RuleSet` of
claims with their cues, context, type, tolerance, reference value and
examples, or a :class:`~factcheck.errors.RuleFileError` listing every problem
at its ``file:line:col``.

- ``spec``: the file format as pydantic models (the JSON Schema comes from it);
- ``claims``: the compiled ``Claim``, ``Example`` and ``RuleSet`` (plain data);
- ``ruleset``: finding and loading rule files, cross-file checks;
- ``compile``: one file's YAML -> specs -> claims (pydantic: only on a cache miss);
- ``cache``: compiled files in the user's cache directory, for the command line;
- ``errors``: validation errors reworded for an editor, with hints;
- ``schema``: the JSON Schema text.
"""
