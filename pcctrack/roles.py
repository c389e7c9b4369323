"""Owner roles as pcctrack.yaml declares them: one canonical name, other spellings beside it."""

from __future__ import annotations

import unicodedata


def canonical_role(roles: dict[str, list[str]] | None, role: str) -> str | None:
    """Map any declared spelling of ``role`` to its canonical name (None if undeclared).

    With no roles declared, every role is its own canonical name. Kept free of the models so
    that listing from the cache can use it without importing pydantic.
    """
    if roles is None:
        return role
    wanted = _composed(role)
    for name, spellings in roles.items():
        if wanted == _composed(name) or wanted in map(_composed, spellings):
            return name
    return None


def _composed(text: str) -> str:
    """An accent typed as a separate combining mark (as some editors and PDFs produce) is the
    same letter: 'Détective' matches the declared 'Détective' whichever way it was typed."""
    return unicodedata.normalize("NFC", text)


def role_index(roles: dict[str, list[str]] | None) -> dict[str, str] | None:
    """Every declared spelling mapped to its canonical role, as `canonical_role` maps it:
    the same answers in one lookup, for resolving many items at once."""
    if roles is None:
        return None
    index: dict[str, str] = {}
    for name, spellings in roles.items():
        for spelling in (name, *spellings):
            for form in (spelling, _composed(spelling), unicodedata.normalize("NFD", spelling)):
                index.setdefault(form, name)
    return index
