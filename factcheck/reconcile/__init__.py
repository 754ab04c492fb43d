"""Stage 4, reconcile: from per-document results to verdicts.

In: every document's :class:`~factcheck.binding.evidence.DocumentResult`.
Out: a :class:`~factcheck.reconcile.verdicts.ClaimVerdict` per claim (agree,
conflict, single, silent) with a verdict per source.

- ``verdicts``: consensus and per-source status from grouped values;
- ``grouping``: compatible values grouped in near-linear time;
- ``ledger``: what is kept per claim across an archive, with evidence spilled
  to a temporary file so memory stays flat.
"""
