"""Stage 1, sources: the articles and drafts, as text with metadata.

In: paths (files, folders) and ``sources.yaml`` manifests. Out:
:class:`~factcheck.model.Document` objects (text, outlet, publication date,
URL, author...), typed notes for files that were skipped, and notices (located
warnings) about metadata that could not be read.

- ``corpus``: loading each article (its reader, then the manifest entry over it);
- ``walk``: finding the article files, and what cannot be read there;
- ``formats``: one reader per kind (plain text with a header block, Markdown,
  HTML, PDF, Word), chosen by suffix;
- ``metadata``: metadata from any of them, and publication dates read leniently;
- ``encoding``: bytes to text (byte-order marks, UTF-8, detected code pages);
- ``manifest``: the ``sources.yaml`` entries, streamed;
- ``markdown``: Markdown blanked to plain text with every offset kept
  (``spans``: its paired markup, found in linear time).
"""
