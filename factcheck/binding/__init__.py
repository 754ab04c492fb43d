"""Stage 3, binding: which value in a document states which claim.

In: a :class:`~factcheck.rules.ruleset.RuleSet` and a
:class:`~factcheck.model.Document`. Out: bindings (claim, value, cue, span),
and per document a :class:`~factcheck.binding.evidence.DocumentResult` with
the evidence renderers show.

- ``cues``: phrase matching with word forms and fuzzy readings;
- ``negation``: the polarity of yes/no statements;
- ``binder``: values against cues, competition between claims;
- ``evidence``: what a check keeps of a document.
"""
