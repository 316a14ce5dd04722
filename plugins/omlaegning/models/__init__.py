"""The one definition of the handbook's data: validation, JSON Schema and field docs come from here."""
from .base import ID_PATTERN, Model, Ref
from .concept import (Afsnit, Begreb, Definition, Fase, Haandbog, Kilde, KildeFil, Ordliste, Princip,
                      Recovery, Vaerdi, Vejledning)
from .kommune import Aktivitet, Budget, Enhed, Kommune, Milepael, Periode, Projekt, Tabel

__all__ = [
    "ID_PATTERN", "Model", "Ref", "Afsnit", "Begreb", "Definition", "Fase", "Haandbog", "Kilde",
    "KildeFil", "Ordliste", "Princip", "Recovery", "Vaerdi", "Vejledning", "Aktivitet", "Budget",
    "Enhed", "Kommune", "Milepael", "Periode", "Projekt", "Tabel",
]
