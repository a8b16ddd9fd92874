"""Rule examples as data, and the one runner every rule's examples go through.

A Python rule carries

    examples = {
        "flag":  ["text the rule must flag", {"text": "...", "fixed": "text after its fix"}],
        "leave": ["text the rule must not flag", {"text": "...", "source_lang": "ru"}],
    }

A string is a plain-text article. A dict has "text" and may add "fixed" (the text after
applying this rule's fixes, unsafe ones included, until stable), "source_lang", "source" (the
source-language text, for source-aware rules), "path" (a file name whose suffix picks the
format, e.g. "job.xlf") and, for batch rules, "articles" (several texts audited together
instead of "text"). A phrase-pack entry's examples are its YAML fields: `example` /
`examples` must be flagged, `good` / `leave` must not (docs/phrase-packs.md), with the pack's
language as the source language.

Examples run through the real pipeline (read, audit with only this rule selected, finish with
suppressions; `mtqa fix`'s loop for "fixed") and the bundled glossary packs, so they say what
the shipped rule does. tests/test_rule_examples.py runs them all (textlint-tester and
proselint's example table are the models).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple, Union

from mtqa.registry import Rule

Example = Union[str, Dict[str, object]]


@dataclass
class Case:
    """One example, normalised."""
    rule: str
    kind: str                         # "flag" or "leave"
    texts: List[str]
    path: str = "example.txt"
    source_lang: Optional[str] = None
    fixed: Optional[str] = None
    source: Optional[str] = None

    @property
    def label(self) -> str:
        first = self.texts[0].replace("\n", " ")
        return f"{self.rule}:{self.kind}:{first[:50]}"


@dataclass
class Outcome:
    """What the rule did with an example: the flagged spans per article, and the fixed text."""
    flagged: List[List[Tuple[int, int, str]]] = field(default_factory=list)
    fixed: Optional[str] = None

    @property
    def any(self) -> bool:
        return any(self.flagged)


def _case(rule_id: str, kind: str, example: Example, default_lang: Optional[str]) -> Case:
    """An example (a string, or a dict as in the module docs) as a Case."""
    if isinstance(example, str):
        return Case(rule_id, kind, [example], source_lang=default_lang)
    texts = example.get("articles") or [example["text"]]
    return Case(rule_id, kind, list(texts), str(example.get("path", "example.txt")),
                example.get("source_lang", default_lang), example.get("fixed"),
                example.get("source"))


def cases(rule: Rule) -> List[Case]:
    """Every example of a rule (a Python rule's `examples`, or a phrase-pack entry's, which
    PhraseRule.examples gives in the same shape) as Cases."""
    examples = rule.examples or {}
    return ([_case(rule.id, "flag", e, None) for e in examples.get("flag", ())]
            + [_case(rule.id, "leave", e, None) for e in examples.get("leave", ())])


def run(case: Case, glossary=None) -> Outcome:
    """Run one example through the pipeline with only its rule selected."""
    from mtqa import pipeline
    from mtqa.engine import AuditContext, AuditOptions

    source_plan = None
    if case.source is not None:  # source-aware rules: the source text is paired with the
        # example like a source file with its target, by the pipeline's read step (mtqa.source)
        from mtqa.source.pairing import text_plan

        source_plan = text_plan(case.path, case.source, case.source_lang)
    options = AuditOptions(select=(case.rule,), source_lang=case.source_lang,
                           source_plan=source_plan)
    ctx = AuditContext(options, glossary=glossary)
    articles = []
    for i, text in enumerate(case.texts):
        name = case.path if len(case.texts) == 1 else f"{i}-{case.path}"
        found, errors = pipeline.read_text(text, name, options)
        if errors:
            raise ValueError(f"{case.label}: example cannot be read: {errors[0].message}")
        articles += found
    findings = pipeline.audit_articles(articles, ctx)
    outcome = Outcome([[(f.start, f.end, a.original[f.start:f.end]) for f in fs
                        if f.rule == case.rule] for a, fs in zip(articles, findings)])
    if case.fixed is not None and len(case.texts) == 1:
        from mtqa.fix import fix_text

        outcome.fixed = fix_text(case.texts[0], case.path, ctx, unsafe=True).after
    return outcome


def problems(case: Case, glossary=None) -> List[str]:
    """What is wrong with how the rule treats this example (empty: as the example says)."""
    out = run(case, glossary)
    found = [t for spans in out.flagged for _, _, t in spans]
    if case.kind == "flag" and not found:
        return [f"{case.label}: not flagged"]
    if case.kind == "leave" and found:
        return [f"{case.label}: flagged {found}"]
    if case.fixed is not None and out.fixed != case.fixed:
        return [f"{case.label}: fixed to {out.fixed!r}, expected {case.fixed!r}"]
    return []
