"""Render the findings of a prerequisite-graph audit as plain text or JSON."""

from __future__ import annotations

import json

from paperpath.graph.audit import (
    Audit,
    Bottleneck,
    Finding,
    FindingKind,
    FoundationalCandidate,
    RedundantPrerequisite,
    UnreachablePaper,
)
from paperpath.render.counts import count_noun
from paperpath.render.escape import plain_text
from paperpath.render.formats import AUDIT_FORMATS

FORMATS = AUDIT_FORMATS

# A foundational candidate's message names this many of the papers that
# list it; the JSON ``papers`` field names all of them.
_NAMED_DEPENDENTS = 5

_NOUNS = {
    FindingKind.REDUNDANT_PREREQUISITE: "redundant prerequisite",
    FindingKind.BOTTLENECK: "bottleneck",
    FindingKind.FOUNDATIONAL_CANDIDATE: "foundational candidate",
    FindingKind.UNREACHABLE: "unreachable paper",
}


def render_audit(audit: Audit, output_format: str) -> str:
    """Render ``audit`` in ``output_format``: one of :data:`FORMATS`."""
    if output_format == "text":
        return render_audit_text(audit)
    if output_format == "json":
        return render_audit_json(audit)
    raise ValueError(f"unknown format {output_format!r}; use one of {', '.join(FORMATS)}")


def render_audit_json(audit: Audit) -> str:
    """Render every finding as an object with its kind, the papers it names, and a message.

    ``papers`` starts with the paper the finding is about. A redundant
    prerequisite continues with the prerequisite, then the papers between
    them on the other path. A foundational candidate continues with the
    papers that list it.
    """
    data = [
        {"kind": finding.kind.value, "papers": list(finding.papers), "message": message(finding)}
        for finding in audit.findings
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_audit_text(audit: Audit) -> str:
    """Render a heading with a count per kind, one line per finding, and a closing summary."""
    lines: list[str] = []
    for kind in FindingKind:
        findings = audit.findings_of(kind)
        lines.append(f"{_NOUNS[kind].capitalize()}s ({len(findings)}), {_explain(audit, kind)}")
        lines += ["  " + plain_text(message(finding)) for finding in findings] or ["  none"]
        lines.append("")
    counts = ", ".join(
        count_noun(len(audit.findings_of(kind)), _NOUNS[kind]) for kind in FindingKind
    )
    lines.append(f"Audited {count_noun(audit.paper_count, 'paper')}: {counts}.")
    return "\n".join(lines) + "\n"


def _explain(audit: Audit, kind: FindingKind) -> str:
    if kind is FindingKind.REDUNDANT_PREREQUISITE:
        return "each implied by a path in which every paper lists the next as a prerequisite"
    if kind is FindingKind.BOTTLENECK:
        return (
            "papers that others need and whose transitive prerequisites make up "
            f"at least {audit.bottleneck_share * 100:g}% of the catalog"
        )
    if kind is FindingKind.FOUNDATIONAL_CANDIDATE:
        listing = count_noun(audit.foundational_dependents, "paper")
        return f"incremental papers that at least {listing} list as a prerequisite"
    return "papers without prerequisites that no paper lists as a prerequisite"


def message(finding: Finding) -> str:
    """Return one sentence or two that name the papers of ``finding`` and what to check."""
    if isinstance(finding, RedundantPrerequisite):
        return _redundant_message(finding)
    if isinstance(finding, Bottleneck):
        return _bottleneck_message(finding)
    if isinstance(finding, FoundationalCandidate):
        return _candidate_message(finding)
    if isinstance(finding, UnreachablePaper):
        return _unreachable_message(finding)
    raise TypeError(f"unknown finding {finding!r}")


def _redundant_message(finding: RedundantPrerequisite) -> str:
    path = " -> ".join(finding.other_path)
    return f"{finding.paper} lists {finding.prerequisite}, but {path} already implies it"


def _bottleneck_message(finding: Bottleneck) -> str:
    needed_by = count_noun(finding.dependent_count, "paper")
    prerequisites = count_noun(finding.prerequisite_count, "transitive prerequisite")
    return (
        f"{finding.paper} is needed by {needed_by} ({finding.direct_dependent_count} directly) "
        f"and pulls {prerequisites} ({finding.share:.0%} of the catalog) "
        "into each of their reading orders"
    )


def _candidate_message(finding: FoundationalCandidate) -> str:
    named = ", ".join(finding.dependents[:_NAMED_DEPENDENTS])
    rest = len(finding.dependents) - _NAMED_DEPENDENTS
    if rest > 0:
        named += f" and {rest} more"
    listing = count_noun(len(finding.dependents), "paper")
    verb = "lists" if len(finding.dependents) == 1 else "list"
    return (
        f"{finding.paper} is incremental, but {listing} {verb} it as a prerequisite ({named}), "
        "so it may be foundational"
    )


def _unreachable_message(finding: UnreachablePaper) -> str:
    return (
        f"{finding.paper} has no prerequisites and no paper lists it, so only reading orders "
        "that target it or its topic include it. Link it to the papers it builds on "
        "or that build on it."
    )
