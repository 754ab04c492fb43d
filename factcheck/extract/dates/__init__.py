"""Dates in text: absolute, relative (resolved against the publication date),
named (holidays, seasons, quarters), periods and ranges.

In: text and an :class:`~factcheck.model.ExtractContext`. Out: date
:class:`~factcheck.model.Mention` objects with exact spans. ``extractor`` is the
entry point; ``scan`` finds where a date may start, the other modules each
read one family of forms.
"""
