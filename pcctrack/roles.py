"""Owner roles as pcctrack.yaml declares them: one canonical name, other spellings beside it."""

from __future__ import annotations


def canonical_role(roles: dict[str, list[str]] | None, role: str) -> str | None:
    """Map any declared spelling of ``role`` to its canonical name (None if undeclared).

    With no roles declared, every role is its own canonical name. Kept free of the models so
    that listing from the cache can use it without importing pydantic.
    """
    if roles is None:
        return role
    for name, spellings in roles.items():
        if role == name or role in spellings:
            return name
    return None


def role_index(roles: dict[str, list[str]] | None) -> dict[str, str] | None:
    """Every declared spelling mapped to its canonical role, as `canonical_role` maps it:
    the same answers in one lookup, for resolving many items at once."""
    if roles is None:
        return None
    index: dict[str, str] = {}
    for name, spellings in roles.items():
        index.setdefault(name, name)
        for spelling in spellings:
            index.setdefault(spelling, name)
    return index
