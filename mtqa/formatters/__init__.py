"""Output formats. Each module renders a `BatchResult`; none of them knows about rules."""


def suggestion_hint(finding) -> str:
    """ (suggestion: X)" after a finding's message, or "": the one wording every
    line-oriented format (text, github, gitlab, sarif) uses."""
    return f" (suggestion: {finding.suggestions[0]})" if finding.suggestions else ""
