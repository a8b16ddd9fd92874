"""What the source rules share: the article's source and alignment, located findings."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Tuple

if TYPE_CHECKING:
    from mtqa.source.align import Alignment
    from mtqa.source.document import SourceDoc


def comparison(article) -> Optional[Tuple["SourceDoc", "Alignment"]]:
    """The article's source and its alignment, or None (no source, or not alignable: the
    reason is then recorded on the article for the output). Every source rule starts here:
    an article without a source returns at once, before the alignment modules are even
    imported (a one-file check without --source should not pay for them: cold start)."""
    if article.source is None and not article.segments:
        return None
    from mtqa.source.align import align
    from mtqa.source.document import SourceUnavailable, source_of

    doc = source_of(article)
    if doc is None:
        return None
    alignment = align(doc, article)
    doc.compared = alignment.compared
    if alignment.problem:
        article.source = SourceUnavailable(
            f"source {doc.path} not used for {article.path}: {alignment.problem}", doc.path)
        return None
    return doc, alignment


def located(finding, doc: "SourceDoc", start: int, end: int):
    """Attach where in the source the compared text is (JSON `source`, SARIF relatedLocation,
    report)."""
    finding.source = doc.location(start, end).as_dict()
    # the whole source sentence(s) around the span, for the report's "source:" line
    spans = [(s, e) for para in doc.sentences for s, e in para if s < max(end, start + 1)
             and e > start]
    if spans:
        finding.source["sentence"] = doc.text[spans[0][0]:spans[-1][1]]
    return finding
