"""Walk a model's fields to find references (fields typed with a Ref) and their targets."""
from __future__ import annotations

import functools
import typing
from collections.abc import Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .base import Ref


def walk(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, FieldInfo, object]]:
    """Yield (path, field info, value) for every field of a model, depth first."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        yield path + (name,), info, value
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                yield from walk(item, path + ((name, index) if isinstance(value, list) else (name,)))


# The same few dozen fields are asked about for every entity; their types never change.
@functools.cache
def reference_kind(info: FieldInfo) -> str | None:
    """The entity kind a field refers to, for a single reference or a list of them."""
    pending = [*info.metadata, info.annotation]
    while pending:
        item = pending.pop()
        if isinstance(item, Ref):
            return item.kind
        pending += typing.get_args(item)
        pending += getattr(item, "__metadata__", ())
    return None


def references(model: BaseModel, kind: str) -> list[str]:
    """Every id of `kind` a model refers to, anywhere inside it, in order of first use."""
    found: dict[str, None] = {}
    for _, info, value in walk(model):
        if value is not None and reference_kind(info) == kind:
            for ref_id in value if isinstance(value, list) else [value]:
                found.setdefault(ref_id)
    return list(found)
