"""The comparison across municipalities: which activities show which principle or phase."""
from __future__ import annotations

from dataclasses import dataclass

from ..handbook import Handbook
from ..models import Aktivitet, Fase, Kommune, Princip


@dataclass(frozen=True)
class Row:
    kommune: Kommune
    # Per column the activities that show it, with their number on the municipality's page;
    # None when the sources describe no activities at all.
    cells: list[list[tuple[int, Aktivitet]]] | None

    @property
    def activities(self) -> list[tuple[int, Aktivitet]]:
        """The activities the row's cells name, once each, by number: the key beside the table."""
        return sorted({nr: a for cell in self.cells or [] for nr, a in cell}.items(), key=lambda item: item[0])


@dataclass(frozen=True)
class Matrix:
    kind: str                  # "princip" or "fase": the page kind a column header links to
    columns: list[Princip] | list[Fase]
    rows: list[Row]

    @property
    def totals(self) -> list[int]:
        """How many municipalities have at least one activity in each column."""
        return [sum(1 for row in self.rows if row.cells and row.cells[c]) for c in range(len(self.columns))]


def numbered_activities(kommune: Kommune) -> list[tuple[int, Aktivitet]]:
    """Activities numbered from 1 in the order of the municipality's page."""
    return list(enumerate(kommune.aktiviteter, start=1))


def matrix(handbook: Handbook, kind: str) -> Matrix:
    columns = handbook.principper if kind == "princip" else handbook.faser
    field = "principper" if kind == "princip" else "faser"
    rows = [Row(kommune, [[(nr, a) for nr, a in numbered_activities(kommune) if column.id in getattr(a, field)]
                          for column in columns] if kommune.aktiviteter else None)
            for kommune in handbook.kommuner]
    return Matrix(kind, columns, rows)
