"""An audit's opinion and the scale it is given on, read only where the report prints them.

Internal audit firms state an assurance opinion in a sentence ("... the Police and Crime
Commissioner can take reasonable assurance that the controls ... are suitably designed,
consistently applied and effective") and define their scale in an appendix, one level to a
heading with its definition ("Partial assurance", "Taking account of the issues identified,
..."). A follow-up report states its progress the same way ("... has demonstrated reasonable
progress in implementing agreed management actions"). The opinion is never inferred from the
findings or their priorities: an advisory review that states none gets none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pcctrack.importers.document import Doc
from pcctrack.importers.found import Extraction, Value

STRENGTH = {
    "assurance": ["substantial", "reasonable", "partial", "limited", "minimal", "no"],
    "progress": ["good", "reasonable", "little", "poor"],
}
"""The common opinion words, strongest first: a scale whose levels are all here is written
strongest first, as the record keeps it, whatever order the appendix prints it in."""

_STATED = {
    "assurance": re.compile(r"\b(?:can take\s+\**(?P<word>[A-Za-z]+)\**\s+assurance|(?P<phrase>cannot take assurance))\b", re.IGNORECASE),
    "progress": re.compile(r"\b(?:demonstrated|made)\s+\**(?P<word>[A-Za-z]+)\**\s+progress\b", re.IGNORECASE),
}
"""The sentence that states the report's opinion, by what it is an opinion of: with the
level's word ("can take reasonable assurance"), or in the words of one level's definition
("cannot take assurance", RSM's minimal assurance)."""

_MEANING = 15
"""A level's definition is a sentence, never a word or two."""


@dataclass
class _Scale:
    names: list[str]
    meanings: list[str]
    where: str
    paras: set[int]
    """The paragraphs the scale's definitions take, where an opinion is not stated."""


def read(out: Extraction, doc: Doc) -> None:
    """Put the report's opinion and its scale in ``out`` where it prints them; list what it
    does not state, or states in a way that cannot be written as it is."""
    for noun, stated in _STATED.items():
        scale = _scale(doc, noun)
        opinions = [(m, i) for i, p in enumerate(doc.paras) if scale is None or i not in scale.paras for m in stated.finditer(p.text)]
        if scale is None and not opinions:
            continue
        if scale is not None:
            out.fields["assurance_scale"] = _scale_value(scale, noun)
        _opinion(out, doc, noun, scale, opinions)
        return
    out.unstated.append("audit assurance opinion: the report gives none, so none is recorded")


def _scale_value(scale: _Scale, noun: str) -> Value:
    """The scale's names as printed, strongest first where every word is a common one."""
    rank = STRENGTH[noun]
    words = [name.split()[0].casefold() for name in scale.names]
    if all(w in rank for w in words) and len(set(words)) == len(words):
        return Value(sorted(scale.names, key=lambda n: rank.index(n.split()[0].casefold())), scale.where)
    return Value(scale.names, scale.where, "the order is as the report prints it: check that the scale is written strongest first")


def _opinion(out: Extraction, doc: Doc, noun: str, scale: _Scale | None, opinions: list[tuple[re.Match[str], int]]) -> None:
    if not opinions:
        out.unstated.append(f"audit {noun} opinion: the report defines a scale but states no opinion on it, so none is recorded")
        return
    said = {_said(m) for m, _ in opinions}
    places = "; ".join(f'"{m.group(0)}" ({doc.paras[i].where})' for m, i in opinions)
    if len(said) > 1:
        out.missing.append(f"audit {noun} opinion: the report states more than one: {places}; set assurance by hand")
        return
    match, index = opinions[0]
    level = _level(scale, match) if scale else None
    if scale is None:
        out.missing.append(f"audit {noun} scale: the report states {places} but prints no scale of opinions; add assurance_scale and assurance by hand")
    elif level is None:
        out.missing.append(f"audit {noun} opinion: {places} is not on the report's scale ({', '.join(scale.names)}); set assurance by hand")
    else:
        out.fields["assurance"] = Value(level, doc.paras[index].where)


def _said(match: re.Match[str]) -> str:
    """What an opinion sentence says, so two sentences saying the same count once."""
    return " ".join((match.groupdict().get("word") or match.group(0)).split()).casefold()


def _level(scale: _Scale, match: re.Match[str]) -> str | None:
    """The level an opinion sentence names: by its word, or as the one level whose
    definition uses the sentence's own words."""
    word = match.groupdict().get("word")
    if word:
        return next((n for n in scale.names if n.split()[0].casefold() == word.casefold()), None)
    phrase = _said(match)
    found = [n for n, meaning in zip(scale.names, scale.meanings) if phrase in " ".join(meaning.split()).casefold()]
    return found[0] if len(found) == 1 else None


def _scale(doc: Doc, noun: str) -> _Scale | None:
    """The first run of two or more levels ('Partial assurance', then its definition, in the
    same paragraph or the next)."""
    level = re.compile(rf"^(?P<name>(?:[A-Z][a-z]+) {noun})\b\W*(?P<meaning>.*)$", re.IGNORECASE)
    i, run, used = 0, [], set()
    while i < len(doc.paras):
        m = level.match(doc.paras[i].text.strip())
        meaning = m.group("meaning") if m else ""
        taken = 1
        if m and len(meaning) < _MEANING and i + 1 < len(doc.paras):
            following = doc.paras[i + 1].text.strip()
            meaning, taken = (following, 2) if not level.match(following) else ("", 1)
        if m and len(meaning) >= _MEANING:
            run.append((m.group("name"), meaning, i))
            used |= set(range(i, i + taken))
            i += taken
            continue
        if len(run) >= 2:
            break
        run, used = [], set()
        i += 1
    if len(run) < 2:
        return None
    return _Scale([" ".join(name.split()) for name, _, _ in run], [meaning for _, meaning, _ in run], doc.paras[run[0][2]].where, used)
