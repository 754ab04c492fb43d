"""Stage 4, reconcile: from per-document results to verdicts.

In: every document's :class:`~factcheck.binding.evidence.DocumentResult`.
Out: a :class:`~factcheck.reconcile.verdicts.ClaimVerdict` per claim (agree,
conflict, single, silent) with a verdict per source.

- ``verdicts``: grouping compatible values, consensus, per-source status;
- ``ledger``: what is kept per claim across an archive, with evidence spilled
  to a temporary file so memory stays flat.
"""
