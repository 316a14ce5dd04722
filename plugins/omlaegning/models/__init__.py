"""The one definition of the handbook's data: validation, JSON Schema and field docs come from here."""
from .base import ID_PATTERN, Model, Ref
from .concept import (Afsnit, Begivenhed, Begreb, Definition, Fase, Haandbog, Kilde, KildeFil, Omdirigering,
                      Omdirigeringer, Ordliste, Partnerskab, Princip, Recovery, Udviklingsforloeb, Vaerdi, Vejledning)
from .kommune import Aktivitet, Enhed, Kommune, Noegletal, Plan, Projekt, Tabel
from .values import Budget, Milepael, Periode
from .selvevaluering import VED_IKKE, Niveau, Selvevaluering, Svarmulighed, Udsagn
from .tilgaengelighed import Tilgaengelighed

__all__ = [
    "ID_PATTERN", "Model", "Ref", "Afsnit", "Begivenhed", "Begreb", "Definition", "Fase", "Haandbog",
    "Kilde", "KildeFil", "Omdirigering", "Omdirigeringer", "Ordliste", "Partnerskab", "Princip", "Recovery", "Udviklingsforloeb", "Vaerdi",
    "Vejledning", "Aktivitet", "Budget", "Enhed", "Kommune", "Milepael", "Noegletal", "Periode", "Plan",
    "Projekt", "Tabel", "VED_IKKE", "Niveau", "Selvevaluering", "Svarmulighed", "Udsagn",
    "Tilgaengelighed",
]
