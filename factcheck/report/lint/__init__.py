"""Renderers of a lint report: ``text``, ``json``, ``sarif``, ``github``, ``html``.

In: a :class:`~factcheck.lint.model.LintReport`. Out: text.
"""
