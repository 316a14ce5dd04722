"""pydantic's validation errors as editors read them: Danish, one per field, at the field's line in the YAML."""
from __future__ import annotations

import types
import typing

from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .messages import danish_message, union_message
from .yamlsource import YamlDocument


def _clean_path(loc: tuple, data: object, missing: bool = False) -> tuple:
    """Drop the parts of pydantic's error location that are not in the YAML (union tags).

    A union tag ('int', 'str') follows the wrong value, which may itself be a mapping: a name that
    is not among its keys is a tag, unless the error is that this very field is missing."""
    path, current = [], data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and (
                part in current or (missing and index == len(loc) - 1)):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int):
            current = current[part] if part < len(current) else None
        else:
            continue
        path.append(part)
    return tuple(path)


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model whose fields stand at `path` (list indexes skipped), or None."""
    current: object = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def allowed_fields(model: type[BaseModel], path: tuple) -> list[str]:
    """The fields a model accepts at `path`, to suggest the right one for a misspelling."""
    found = _model_at(model, path)
    return list(found.model_fields) if found else []


def _empty_text(model: type[BaseModel], path: tuple) -> str:
    """What to do with a text that is empty: fill it in, or leave out what may be left out."""
    if path and isinstance(path[-1], int):
        return "Punktet i listen er tomt; skriv en tekst eller slet punktet."
    owner = _model_at(model, path[:-1])
    info = owner.model_fields.get(path[-1]) if owner and path else None
    if info is not None and not info.is_required():
        return "Feltet er tomt; skriv en tekst eller fjern feltet."
    return "Feltet er tomt; skriv en tekst."


def _inner_model(annotation) -> object:
    """list[X], X | None and Annotated[X, ...] -> X."""
    while typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def validation_errors(model: type[BaseModel], doc: YamlDocument, error: ValidationError) -> list[ContentError]:
    by_path: dict[tuple, list] = {}
    for detail in error.errors():
        by_path.setdefault(_clean_path(detail["loc"], doc.data, detail["type"] == "missing"), []).append(detail)
    errors = []
    for path, details in by_path.items():
        if len(details) == 1 and details[0]["type"] == "string_too_short":
            message, at_key = _empty_text(model, path), False
        elif len(details) == 1:
            detail = details[0]
            message = danish_message(detail, allowed_fields(model, path[:-1]))
            at_key = detail["type"] == "extra_forbidden"
        else:
            # A union (a table cell may be a number or a text): one message, not three.
            message = union_message(details)
            at_key = False
        errors.append(doc.error(path, message, key=at_key))
    return errors
