"""Stage 1, sources: the articles and drafts, as text with metadata.

In: paths (files, folders) and ``sources.yaml`` manifests. Out:
:class:`~factcheck.model.Document` objects (text, outlet, publication date),
or typed notes for files that were skipped.

- ``corpus``: finding files, decoding any encoding, front matter;
- ``manifest``: the ``sources.yaml`` entries, streamed;
- ``markdown``: Markdown blanked to plain text with every offset kept.
"""
