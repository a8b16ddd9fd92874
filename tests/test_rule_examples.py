"""One tester for every rule: each rule's examples (Python rules' `examples`, phrase-pack
entries' YAML examples) run through the real pipeline (mtqa/examples.py), and the registry's
structure: ids, modules, classes, categories, docs and --select families agree."""
import re

import pytest
from click.testing import CliRunner

from mtqa import examples
from mtqa.finding import CATEGORIES, SEVERITIES
from mtqa.registry import all_rules, select_rules

RULES = all_rules()
CASES = [c for r in RULES for c in examples.cases(r)]


@pytest.fixture(scope="session")
def bundled_glossary():
    # examples say what the shipped rule does: the bundled packs, nothing else
    from mtqa.glossary import load_glossary

    return load_glossary([])


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_rule_example(case, bundled_glossary):
    assert examples.problems(case, bundled_glossary) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_examples_both_ways_and_docs(rule):
    kinds = {c.kind for c in examples.cases(rule)}
    assert kinds == {"flag", "leave"} or (rule.id.startswith("phrase-") and "flag" in kinds), \
        f"{rule.id}: needs examples it must flag and examples it must leave alone"
    assert rule.summary and rule.docs.strip()
    if not rule.id.startswith("phrase-"):
        assert type(rule).__doc__ and len(rule.docs) > len(rule.summary), \
            f"{rule.id}: the class docstring is its docs (mtqa explain)"


def _words(name):
    return {w.rstrip("s") for w in re.split(r"[-_]", name)}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_id_module_class_and_category_agree(rule):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", rule.id)
    module = type(rule).__module__
    assert module.startswith("mtqa.rules."), f"{rule.id} is defined outside mtqa/rules/"
    stem = module.rsplit(".", 1)[1]
    # a module holds one family's rules, named by words of their ids (punct_doubled holds
    # punct-doubled; phrase.py holds every phrase-* rule)
    assert _words(stem) <= _words(rule.id), f"{rule.id} lives in {stem}.py"
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES
    assert type(rule).__name__[:1].isupper()


def test_ids_are_unique_and_families_mean_what_mtqa_rules_shows():
    from mtqa.cli import main

    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    listed = CliRunner().invoke(main, ["rules"]).output
    shown = {line.split()[0]: "(off by default)" not in line for line in listed.splitlines()}
    assert set(shown) == set(ids)
    for family in sorted({i.split("-")[0] for i in ids}):
        selected = {r.id for r in select_rules([family])}
        # --select FAMILY runs the family's rules that `mtqa rules` lists as on (an
        # off-by-default rule only when named exactly, or with ALL: ruff's convention)
        assert selected == {i for i in ids if i.startswith(family + "-") and shown[i]}, family
        assert selected <= {r.id for r in select_rules()}
    off = [i for i in ids if not shown[i]]
    for rule_id in off:
        assert {r.id for r in select_rules([rule_id])} == {rule_id}
    assert {r.id for r in select_rules(["ALL"])} == set(ids)
