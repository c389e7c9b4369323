"""Owner roles as a report prints them, matched to the roles pcctrack.yaml declares.

A role printed differently in two places of one report (the summary table and the detailed
findings) is matched through either spelling; a role not declared is never written as an
owner (validation would refuse it): the draft says what was printed and where, so the
analyst can declare it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcctrack.importers.found import Value


def _key(role: str) -> str:
    return " ".join(role.split()).casefold()


@dataclass
class RoleMatcher:
    """Declared roles and their other spellings (None: the repository declares no roles)."""

    roles: dict[str, list[str]] | None

    def canonical(self, printed: str) -> str | None:
        """The declared role ``printed`` is a spelling of, compared without case or spacing."""
        if self.roles is None:
            return " ".join(printed.split())
        wanted = _key(printed)
        for name, spellings in self.roles.items():
            if wanted in {_key(name), *(_key(s) for s in spellings)}:
                return name
        return None

    def owner(self, printed: str, where: str, elsewhere: str | None = None) -> Value:
        """The owner to write for a role printed as ``printed`` (and, in another part of the
        report, as ``elsewhere``), with a check where the spellings disagree or match nothing."""
        spellings = [printed] + ([elsewhere] if elsewhere and _key(elsewhere) != _key(printed) else [])
        matched = [self.canonical(s) for s in spellings]
        known = [m for m in matched if m is not None]
        if not known:
            shown = " and ".join(f'"{s}"' for s in spellings)
            return Value(None, where, f"the owner is printed as {shown}, which is not a role in pcctrack.yaml: declare it (a role, never a name) and set owner")
        if len(set(known)) > 1:
            return Value(known[0], where, "the report names different roles: " + "; ".join(f'"{s}"' for s in spellings))
        check = None
        if len(spellings) > 1:
            check = f'printed as "{spellings[0]}" here and "{spellings[1]}" in the summary of management actions'
        elif _key(printed) != _key(known[0]):
            check = f'printed as "{printed}", which pcctrack.yaml declares as another spelling of this role'
        return Value(known[0], where, check)

    def found_in(self, text: str) -> list[str]:
        """Declared roles named in ``text``, in the order they appear (for lists of roles such as
        an audit's client sponsor, printed one after another)."""
        if not self.roles:
            return []
        lowered = " ".join(text.split()).casefold()
        hits: list[tuple[int, str]] = []
        for name, spellings in self.roles.items():
            for spelling in (name, *spellings):
                at = lowered.find(_key(spelling))
                if at >= 0:
                    hits.append((at, name))
                    break
        return [name for _, name in sorted(hits)]
