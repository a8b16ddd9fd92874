"""Input format readers. Each module registers a prose view (mtqa.inputs.PROSE_VIEWS) or a
record reader (mtqa.inputs.RECORD_READERS) for its file suffixes; heavy parsing libraries are
imported only when a file of that format is read. See docs/inputs.md."""
from mtqa.readers import html, jsonl, markdown, xliff  # noqa: F401
