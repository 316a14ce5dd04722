"""The validated handbook: every entity, where it came from, and the links between them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .models import (Aktivitet, Begreb, Fase, Haandbog, Kilde, KildeFil, Kommune, Omdirigeringer, Ordliste,
                     Partnerskab, Princip, Recovery, Selvevaluering, Tilgaengelighed, Udsagn, Udviklingsforloeb,
                     Vejledning)


def danish_sort_key(text: str) -> str:
    """Sort æ, ø, å after z and in that order, as a Danish reader expects."""
    return text.lower().translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


@dataclass(frozen=True)
class Eksempel:
    """An activity in a municipality that shows a principle or phase in practice."""

    kommune: Kommune
    aktivitet: Aktivitet


class Handbook:
    """Each kind's content under its registry field (kinds.Content.field): hb.faser, hb.kommuner, hb.recovery..."""

    def __init__(self, root: Path, content: dict[str, object], files: dict[tuple[str, str], str]):
        self.root = root
        self.content = content
        # (kind, id) -> the YAML file, relative to root, that holds the entity; id "" for a whole file.
        self.files = files

    def __getattr__(self, name: str):
        try:
            return self.__dict__["content"][name]
        except KeyError:
            raise AttributeError(name) from None

    # The kinds the code names, for readers and type checkers; every other kind is reached the same way.
    haandbog: Haandbog
    kildefil: KildeFil
    recovery: Recovery
    ordliste: Ordliste
    partnerskab: Partnerskab
    udviklingsforloeb: Udviklingsforloeb
    selvevaluering: Selvevaluering
    omdirigeringer: Omdirigeringer
    tilgaengelighed: Tilgaengelighed
    faser: list[Fase]
    principper: list[Princip]
    vejledninger: list[Vejledning]
    kommuner: list[Kommune]

    @cached_property
    def kilder(self) -> dict[str, Kilde]:
        return {k.id: k for k in self.kildefil.kilder}

    def file_of(self, kind: str, entity_id: str = "") -> str:
        return self.files[(kind, entity_id)]

    @property
    def begreber(self) -> list[Begreb]:
        return sorted(self.ordliste.begreber, key=lambda b: danish_sort_key(b.term))

    def begreb(self, begreb_id: str) -> Begreb:
        return next(b for b in self.ordliste.begreber if b.id == begreb_id)

    def vejledning(self, vejledning_id: str) -> Vejledning:
        return next(v for v in self.vejledninger if v.id == vejledning_id)

    def kommune(self, kommune_id: str) -> Kommune:
        return next(k for k in self.kommuner if k.id == kommune_id)

    def princip(self, princip_id: str) -> Princip:
        return next(p for p in self.principper if p.id == princip_id)

    def fase(self, fase_id: str) -> Fase:
        return next(f for f in self.faser if f.id == fase_id)

    def udsagn_for(self, kind: str, entity_id: str) -> list[Udsagn]:
        """The self-assessment's statements about a principle or phase ('princip' or 'fase')."""
        return [u for u in self.selvevaluering.udsagn if getattr(u, kind) == entity_id]

    def emne(self, udsagn: Udsagn) -> Princip | Fase:
        """The principle or phase a self-assessment statement belongs to."""
        return self.princip(udsagn.princip) if udsagn.princip else self.fase(udsagn.fase)

    def selvevalueringens_maalgrupper(self) -> list[Vejledning]:
        """The audiences the self-assessment's statements concern, in the guidance's order."""
        used = {m for u in self.selvevaluering.udsagn for m in u.maalgrupper}
        return [v for v in self.vejledninger if v.id in used]

    def eksempler_for_princip(self, princip_id: str) -> list[Eksempel]:
        return [Eksempel(k, a) for k in self.kommuner for a in k.aktiviteter
                if princip_id in a.principper]

    def eksempler_for_fase(self, fase_id: str) -> list[Eksempel]:
        return [Eksempel(k, a) for k in self.kommuner for a in k.aktiviteter if fase_id in a.faser]

    def kommunens_principper(self, kommune: Kommune) -> list[Princip]:
        used = {p for a in kommune.aktiviteter for p in a.principper}
        return [p for p in self.principper if p.id in used]
