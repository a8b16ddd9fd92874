"""Checking a translation against its source article (docs/source.md).

- `romanize`: Ukrainian National 2010 and BGN/PCGN Russian romanisation, case endings
- `language`: source language from a declaration or the script (Ukrainian vs Russian letters)
- `pairing`: which source file (or JSON Lines field, or XLIFF source) belongs to a target
- `document`: SourceDoc, the source text as paragraphs and sentences with offsets
- `align`: paragraphs, then sentences by length (Gale-Church), with a confidence
- `numbers`: the one number reader used by source-number (which replaced xliff-number-mismatch)
- `names`: the expected English form of a source name (lexicon, glossary, romanisation)
"""
