"""One finding per problem, applied once in the batch finish step (mtqa.pipeline.finish_findings).

Several rules may see the same artefact: "Shmygal" is both a Russian-form spelling
(name-russian-form) and a near miss of the glossary's "Shmyhal" (name-near-miss); an imported
house term and a phrase rule may flag one span. Reported twice, the word counted twice in the
score and the editor read the same advice twice. Here such findings fold into one:

- same problem = the spans overlap (or are the same empty span) AND
    * the fixes agree: some suggestion of one and some suggestion of the other give the same
      text over the union of both spans ("Mikhail" -> "Mykhailo" and "Mikhail Podolyak" ->
      "Mykhailo Podolyak"), or
    * both are about a name (category terminology/name or a name-* rule): one name, one
      problem, even when the rules suggest different spellings, or
    * the spans are identical: one word, one finding, whatever each rule calls the problem
      (“…, writes AR.” is both a verb-first attribution and the agency АР read as Latin
      letters: phrase-common-ar-ap leads, wording-inverted-attribution is its evidence);
- the strongest finding leads: highest severity, then the rule rank below (rules whose
  evidence is firmer come first), then the longer span;
- the others become `lead.related` (supporting evidence in JSON, SARIF relatedLocations and
  the report) and are not counted in the score; evidence a rule gave its own finding (the
  runs of an article left untranslated, untranslated-script) stays there too.

Before merging, `cap_severity` applies "severity follows confidence" (mtqa.confidence).
"""
from __future__ import annotations

from typing import List, Sequence

from mtqa.finding import Finding, severity_rank

# Firmer evidence first. A glossary's listed wrong spelling beats a computed near miss; a
# source-side check beats a target-only pattern; a name rule beats a generic one.
RULE_RANK = (
    "name-incorrect",
    "source-",
    "name-russian-form",
    "name-near-miss",
    "name-inconsistent",
    "title-",
    "xliff-",
    "untranslated-",
    "locale-",
    "phrase-",
    "grammar-",
    "spell",
    "case-",
    "punct-",
)


def rule_rank(rule: str) -> int:
    for i, prefix in enumerate(RULE_RANK):
        if rule == prefix or rule.startswith(prefix):
            return i
    return len(RULE_RANK)


def _strength(f: Finding):
    return (-severity_rank(f.severity), rule_rank(f.rule), -(f.end - f.start), f.rule)


def _overlap(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return (a.start, a.end) == (b.start, b.end)
    return a.start < b.end and b.start < a.end


def _is_name(f: Finding) -> bool:
    return f.category == "terminology/name" or f.rule.startswith("name-")


def _fixed_union(text: str, f: Finding, start: int, end: int, suggestion: str) -> str:
    return text[start:f.start] + suggestion + text[f.end:end]


def same_problem(text: str, a: Finding, b: Finding) -> bool:
    if not _overlap(a, b):
        return False
    if _is_name(a) and _is_name(b):
        return True
    if (a.start, a.end) == (b.start, b.end):
        return True
    if a.suggestions and b.suggestions:
        start, end = min(a.start, b.start), max(a.end, b.end)
        fixed_a = {_fixed_union(text, a, start, end, s) for s in a.suggestions}
        return any(_fixed_union(text, b, start, end, s) in fixed_a for s in b.suggestions)
    return False


def one_per_problem(text: str, findings: Sequence[Finding]) -> List[Finding]:
    """Findings with every group of same-problem findings folded into its strongest member.
    `text` is the article's text the spans point into. Order: by position, as before."""
    ordered = sorted(findings, key=lambda f: f.sort_key)
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if b.start > a.end:
                break  # sorted by start: nothing later overlaps a
            if same_problem(text, a, b):
                parent[root(j)] = root(i)
    groups: dict = {}
    for i, f in enumerate(ordered):
        groups.setdefault(root(i), []).append(f)
    out = []
    for members in groups.values():
        members.sort(key=_strength)
        lead, rest = members[0], members[1:]
        # (a rule may give its finding evidence itself: untranslated-script's whole-article
        # finding carries every run; it is kept, and merging again adds nothing twice; the
        # kept ones are looked up by identity in a set, as there can be thousands)
        given = list(lead.related)
        given_ids = set(map(id, given))
        lead.related = given + [x for x in rest + [y for r in rest for y in r.related]
                                if id(x) not in given_ids]
        for r in rest:
            r.related = []
        out.append(lead)
    out.sort(key=lambda f: f.sort_key)
    return out


def one_finding_per_problem(article, findings: List[Finding], ctx) -> List[Finding]:
    """The last step over one article's findings (after suppressions): severity capped by
    measured confidence, then one finding per problem. Called once, from the pipeline's
    finish step (mtqa.pipeline.finish_findings)."""
    from mtqa.confidence import cap_severity
    from mtqa.ledger import remember_context

    remember_context(article, ctx)  # the report's name ledger reads this run's glossary
    if not findings:
        return findings
    cap_severity(findings, ctx.options.severity or {})
    if len(findings) == 1:
        return findings
    return one_per_problem(article.text, findings)
