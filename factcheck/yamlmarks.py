"""Safe YAML loading that remembers where every key and value stands.

PyYAML's composer gives nodes with start marks; we turn the node tree into
plain Python data plus a map from each data path (``("claims", 0, "cues")``)
to its location, so a validation error on any field points at
``file:line:col``. Only plain data is built (mappings, sequences, scalars):
no tags, no object construction. Aliases are expanded with a node budget so
"billion laughs" documents cannot exhaust memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from factcheck.errors import RuleError
from factcheck.model import Location

try:  # the C composer is much faster where libyaml is available
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DataPath = tuple[str | int, ...]
MAX_NODES = 100_000


@dataclass
class LocatedData:
    """Parsed YAML and the location of every path in it."""

    path: str
    data: Any
    keys: dict[DataPath, Location] = field(default_factory=dict)
    values: dict[DataPath, Location] = field(default_factory=dict)

    def key_location(self, data_path: DataPath) -> Location:
        """Where a mapping key is written (falls back to its value, then its parent)."""
        for prefix in _prefixes(data_path):
            if prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return Location(self.path, 1, 1)

    def value_location(self, data_path: DataPath) -> Location:
        """Where a value is written (falls back to its key, then its parent)."""
        for prefix in _prefixes(data_path):
            if prefix in self.values:
                return self.values[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return Location(self.path, 1, 1)


def _prefixes(data_path: DataPath) -> list[DataPath]:
    return [data_path[:i] for i in range(len(data_path), -1, -1)]


def load(text: str, path: str) -> LocatedData:
    """Parse ``text`` (one YAML document) or raise a located :class:`RuleError`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, path) from None
    except yaml.YAMLError as exc:  # e.g. a second document in the stream
        raise RuleError(f"YAML error: {exc}", Location(path, 1, 1), kind="yaml-syntax") from None
    located = LocatedData(path, None)
    if node is None:
        return located
    builder = _Builder(located)
    located.data = builder.build(node, ())
    return located


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> RuleError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context else ""
    return RuleError(
        f"YAML syntax error: {problem}{context}",
        Location(path, line, column),
        hint="check indentation, colons and quotes around values that contain ': ' or '#'",
        kind="yaml-syntax",
    )


class _Builder:
    def __init__(self, located: LocatedData):
        self.located = located
        self.count = 0

    def build(self, node: yaml.Node, data_path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise RuleError(
                f"the document expands to more than {MAX_NODES} values",
                self._location(node),
                hint="anchors and aliases (&, *) are limited; write the values out",
                kind="yaml-too-large",
            )
        self.located.values.setdefault(data_path, self._location(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, data_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*data_path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, data_path: DataPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int | float | bool) or key is None:
                raise RuleError(
                    "mapping keys must be plain words", self._location(key_node), kind="yaml-key"
                )
            key = str(key) if not isinstance(key, str) else key
            child = (*data_path, key)
            if key in result:
                raise RuleError(
                    f"duplicate key {key!r}",
                    self._location(key_node),
                    hint=f"{key!r} is already set at {self.located.keys[child]}",
                    kind="duplicate-key",
                )
            self.located.keys[child] = self._location(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag not in _SCALAR_TAGS:
            raise RuleError(
                f"unsupported YAML tag {node.tag!r}",
                self._location(node),
                hint="rule files hold plain data only",
                kind="yaml-tag",
            )
        # SafeLoader's constructors turn "2030" into 2030, "true" into True, etc.
        return _CONSTRUCTOR.construct_object(node, deep=True)

    def _location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        end = node.end_mark
        return Location(self.located.path, mark.line + 1, mark.column + 1, end.line + 1, end.column + 1)


_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_CONSTRUCTOR = yaml.SafeLoader("")
