"""Stage 1, sources: the articles and drafts, as text with metadata.

In: paths (files, folders) and ``sources.yaml`` manifests. Out:
:class:`~factcheck.model.Document` objects (text, outlet, publication date),
or typed notes for files that were skipped.

- ``corpus``: loading each article (text, front matter, manifest entry);
- ``walk``: finding the article files, and what cannot be read there;
- ``encoding``: bytes to text (byte-order marks, UTF-8, detected code pages);
- ``manifest``: the ``sources.yaml`` entries, streamed;
- ``markdown``: Markdown blanked to plain text with every offset kept
  (``spans``: its paired markup, found in linear time).
"""
