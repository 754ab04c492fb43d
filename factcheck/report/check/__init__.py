"""Renderers of a check report: ``text`` (rich), ``json``, ``html``.

In: a :class:`~factcheck.results.CheckRun`. Out: text.
"""
