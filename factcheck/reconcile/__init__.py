"""Stage 4, reconcile: from per-document results to verdicts.

In: every document's :class:`~factcheck.binding.evidence.DocumentResult`.
Out: a :class:`~factcheck.reconcile.verdicts.ClaimVerdict` per claim (agree,
conflict, changed, single, silent) with a verdict per source.

- ``verdicts``: consensus and per-source status from grouped values;
- ``records``: the verdicts' data (``ClaimVerdict``, ``SourceVerdict``);
- ``grouping``: compatible values grouped in near-linear time;
- ``timeline``: ``changes_over_time`` claims, values ordered by the time they describe;
- ``copies``: sources that repeat one report (``via:`` or near-duplicate texts), so
  that a syndicated story counts once;
- ``ledger``: what is kept per claim across an archive, with evidence spilled
  to a temporary file so memory stays flat;
- ``tally``: claims per outcome, the summary every report prints.
"""
