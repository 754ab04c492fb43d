"""Stage 5, run: the one check path every face calls.

In: a rule set and source paths (or a loaded corpus). Out: a
:class:`~factcheck.results.CheckRun` (verdicts, sources, skipped files) ready
for a renderer. The per-document work runs serially, in processes or on Dask
(``engines``), always with the same result. ``selftest`` runs the rules' own
examples through the same binder.
"""
