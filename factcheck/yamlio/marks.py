"""Safe YAML loading that remembers where every key and value stands.

PyYAML's composer gives nodes with start marks; we turn the node tree into
plain Python data plus a map from each data path (``("claims", 0, "cues")``)
to its location, so a validation error on any field points at
``file:line:col``. Only plain data is built (mappings, sequences, scalars):
no tags, no object construction. Aliases are expanded with a node budget so
"billion laughs" documents cannot exhaust memory, and nesting is bounded so
deep or self-referencing documents cannot exhaust the stack.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

import yaml

from factcheck.dataclass import dataclass
from factcheck.errors import RuleError
from factcheck.model import Location
from factcheck.regexes import compiled

try:  # the C composer is much faster where libyaml is available
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# For plain, trusted-shape data read without positions (a large sources manifest):
# the safe loader builds only mappings, lists and scalars, never objects.
FastLoader = _Loader

DataPath = tuple[str | int, ...]
MAX_NODES = 100_000
MAX_DEPTH = 100  # a rule file needs 6 levels; recursion stays far from Python's limit


@dataclass
class LocatedData:
    """Parsed YAML and the location of every path in it."""

    path: str
    data: Any
    keys: dict[DataPath, Location] = field(default_factory=dict)
    values: dict[DataPath, Location] = field(default_factory=dict)
    errors: list[RuleError] = field(default_factory=list)

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


def load(
    text: str, path: str, *, collect: bool = False, impossible_dates: bool = False
) -> LocatedData:
    """Parse ``text`` (one YAML document) or raise a located :class:`RuleError`.

    With ``collect``, problems that leave the data usable (a duplicate key, a
    key that is not a word) are kept in :attr:`LocatedData.errors` instead of
    raised, so the caller can report them with its own validation errors.
    With ``impossible_dates``, a date-shaped value that is no date (2025-02-30)
    stays text, for metadata whose bad dates are warnings, not errors.
    """
    try:
        _refuse_deep_nesting(text, path)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text, path) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        line, column = _offset_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or " ")
        raise RuleError(
            f"YAML error: {exc.reason} (character U+{code:04X})",
            Location(path, line, column),
            hint='remove the character, or write it as an escape inside double quotes ("\\x00")',
            kind="yaml-syntax",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every other PyYAML error is marked
        raise RuleError(f"YAML error: {exc}", Location(path, 1, 1), kind="yaml-syntax") from None
    located = LocatedData(path, None)
    if node is None:
        return located
    builder = _Builder(located, impossible_dates)
    located.data = builder.build(node, ())
    if located.errors and not collect:
        raise located.errors[0]
    return located


_OPENERS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
# What can open or close a bracket, a quoted scalar or a comment.
_FLOW_SIGNIFICANT = compiled(r"""[\[\]{}'"#\\\n]""")
_SCALAR_STARTS = frozenset(" \t\n[{,:-")


def _refuse_deep_nesting(text: str, path: str) -> None:
    """Refuse a document whose collections nest deeper than :data:`MAX_DEPTH`.

    Checked before composing, in two linear passes that stop at the first level
    too deep, so the answer and its wording are ours whatever limit (or
    recursion) the YAML library has further on. Brackets are counted on the
    characters, because a scanner looks ahead to the end of a bracket before it
    hands out its first token; indentation is counted on the scanner's tokens.
    The document's outermost collection is level 0.
    """
    offset = _too_deep_bracket(text)
    if offset is not None:
        line, column = _offset_position(text, offset)
        raise _nesting_error(Location(path, line, column), "close the brackets")
    depth = -1
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, _OPENERS):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                raise _nesting_error(Location(path, mark.line + 1, mark.column + 1), "indent less")
        elif isinstance(token, _CLOSERS):
            depth -= 1


def _too_deep_bracket(text: str) -> int | None:
    """Offset of the first ``[`` or ``{`` nested past :data:`MAX_DEPTH`, outside
    quotes and comments; None when brackets stay shallow."""
    depth = 0
    quote = ""
    skip_to = 0
    for match in _FLOW_SIGNIFICANT.finditer(text):
        at, char = match.start(), match.group()
        if at < skip_to:
            continue
        if quote:
            if char == "\\" and quote == '"':
                skip_to = at + 2  # an escaped character inside double quotes
            elif char == quote:
                quote = ""
        elif char == "#" and (at == 0 or text[at - 1] in " \t\n"):
            end = text.find("\n", at)
            skip_to = len(text) if end < 0 else end
        elif char in "'\"" and (at == 0 or text[at - 1] in _SCALAR_STARTS):
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return at
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def _nesting_error(location: Location, advice: str) -> RuleError:
    return RuleError(
        f"the document nests more than {MAX_DEPTH} levels deep",
        location,
        hint=f"a rule file needs a few levels of lists and mappings; {advice}",
        kind="yaml-too-large",
    )


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> RuleError:
    """A PyYAML error, reworded for an editor, at the most useful mark."""
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    unclosed = problem == "found unexpected end of stream" or problem.startswith(
        "did not find expected ',' or"
    )
    if exc.context_mark is not None and unclosed:
        mark = exc.context_mark  # an unclosed quote or bracket: point at where it opens
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    kind, message, hint = _classify(problem, exc.context, source_line, column)
    return RuleError(message, Location(path, line, column), hint=hint, kind=kind)


def _classify(problem: str, context: str | None, line: str, column: int) -> tuple[str, str, str]:
    if "tab" in problem or ("\t" in line[:column] and not line[: column - 1].strip()):
        return (
            "yaml-tab",
            "tab character in indentation",
            "YAML indents with spaces only; replace the tab with spaces",
        )
    if "{value}" in line and ("flow" in (context or "") or "mapping" in problem):
        return (
            "yaml-syntax",
            f"YAML syntax error: {problem}",
            "a value that starts with '{' must be quoted: '{value} deal with AWS'",
        )
    if problem == "found unexpected end of stream":
        return (
            "yaml-unclosed",
            "unclosed quote: the text runs to the end of the file",
            "close the quote on the same line",
        )
    if problem.startswith("did not find expected ',' or"):
        return (
            "yaml-unclosed",
            "this bracket is never closed (or an item in it holds '#')",
            "close the list with ']' (or '}'); quote items that contain '#' or ','",
        )
    if "expected a single document" in (context or ""):
        return (
            "yaml-multiple-documents",
            "a rule file holds one YAML document, found a second",
            "remove the '---' line or split the file in two",
        )
    if problem == "mapping values are not allowed in this context":
        return (
            "yaml-colon",
            "unexpected ':' (a value containing ': ' or a field indented too far)",
            "quote a value that contains ': ', e.g. description: 'Note: this'; "
            "align a new field with the fields above it",
        )
    if problem in ("did not find expected key", "did not find expected '-' indicator") or (
        problem.startswith("expected <block end>")
    ):
        return (
            "yaml-indent",
            f"bad indentation: {problem}",
            "items of one list, or fields of one mapping, must start in the same column",
        )
    if problem == "found character that cannot start any token":
        return (
            "yaml-syntax",
            f"YAML syntax error: {problem}",
            "quote values that start with '@', '`', '%', '{' or '['",
        )
    extra = f" ({context})" if context else ""
    return (
        "yaml-syntax",
        f"YAML syntax error: {problem}{extra}",
        "check indentation, colons and quotes around values that contain ': ' or '#'",
    )


class _Builder:
    def __init__(self, located: LocatedData, impossible_dates: bool = False):
        self.located = located
        self.count = 0
        self.impossible_dates = impossible_dates

    def build(self, node: yaml.Node, data_path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise RuleError(
                f"the document expands to more than {MAX_NODES} values",
                self._location(node),
                hint="anchors and aliases (&, *) are limited; write the values out",
                kind="yaml-too-large",
            )
        if len(data_path) > MAX_DEPTH:
            raise RuleError(
                f"the document nests more than {MAX_DEPTH} levels deep",
                self._location(node),
                # The text itself nests less (checked before composing): an alias did it.
                hint="an alias inside its own anchor (&a [*a]) nests forever; "
                "write the values out instead of referring back",
                kind="yaml-too-large",
            )
        self.located.values.setdefault(data_path, self._location(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and (
            node.tag not in _COLLECTION_TAGS
        ):
            raise self._tag_error(node)
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
                self.located.errors.append(
                    RuleError(
                        "a key must be a plain word, not a list, a mapping or null",
                        self._location(key_node),
                        hint="write 'field: value'",
                        kind="yaml-key",
                    )
                )
                continue
            key = str(key) if not isinstance(key, str) else key
            child = (*data_path, key)
            if key in result:
                self.located.errors.append(
                    RuleError(
                        f"duplicate key {key!r}",
                        self._location(key_node),
                        hint=f"{key!r} is already set at {self.located.keys[child]}; "
                        "the first one is used",
                        kind="duplicate-key",
                    )
                )
                continue
            self.located.keys[child] = self._location(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag not in _SCALAR_TAGS:
            raise self._tag_error(node)
        # SafeLoader's constructors turn "2030" into 2030, "true" into True, etc.
        try:
            value = _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, KeyError, OverflowError) as exc:  # 2025-02-30, !!int abc
            if self.impossible_dates and node.tag == "tag:yaml.org,2002:timestamp":
                return node.value
            what = _TAG_NAMES.get(node.tag, node.tag.rsplit(":", 1)[-1])
            raise RuleError(
                f"{_short(node.value)!r} cannot be read as {what}: "
                f"{_short(str(exc), 80) or type(exc).__name__}",
                self._location(node),
                hint="correct the value, or put it in quotes to keep it as text",
                kind="yaml-syntax",
            ) from None
        # Plain (not quoted) and read as a number: "0x1F", "0755", "1:30" (a key like
        # "000_7b92ac5a" opens like an octal number but stays text).
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not node.style and number and _YAML11_NUMBER.match(node.value):
            self.located.errors.append(
                RuleError(
                    f"YAML reads {_short(node.value)} as {value!r} "
                    "(a hexadecimal, octal, binary or base-60 number)",
                    self._location(node),
                    hint=f"put it in quotes to keep it as text, or write {value!r}",
                    kind="yaml-number-form",
                )
            )
        return value

    def _tag_error(self, node: yaml.Node) -> RuleError:
        return RuleError(
            f"unsupported YAML tag {node.tag!r}",
            self._location(node),
            hint="rule files hold plain data only: remove the tag ('!!...' or '!...')",
            kind="yaml-tag",
        )

    def _location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        end = node.end_mark
        return Location(
            self.located.path, mark.line + 1, mark.column + 1, end.line + 1, end.column + 1
        )


# YAML 1.1 number forms an author rarely means: 0x10 (16), 010 (8), 0b11 (3), 1:30 (90).
_YAML11_NUMBER = compiled(r"[-+]?(?:0[xb]|0[0-7_]|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.|$))")

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null",
}
_CONSTRUCTOR = yaml.SafeLoader("")
