"""Which strings the UI code asks Qt to translate at run time, read from the Python syntax tree,
and which of them pyside6-lupdate cannot see.

lupdate's Python parser reads calls as they are written, and misses three shapes that work at
run time: a `self.tr(...)` inside an f-string; `tr`/`translate` through a local alias
(`tr = self.tr`, `tr = QCoreApplication.translate`: the alias is read as `tr(source,
disambiguation)` in the empty context); and `x.tr(...)` on an object other than `self`
(PySide translates in the context of x's class, which lupdate cannot know, so it files the
string under the context "x"). A string lupdate misses gets no entry in the .ts files and stays
Indonesian in the English app, with nothing failing. This module finds those calls so the
translation tests and packaging/update_translations.sh can name them.

Usage: python packaging/tr_calls.py LUPDATE.ts FILE.py... (exit 1 when lupdate missed a call).
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class TrCall:
    """One translation call. `context` is None when only the running program knows it."""

    path: Path
    line: int
    context: str | None
    source: str | None  # None when the text is not a string literal
    in_fstring: bool = False
    via_alias: bool = False

    @property
    def key(self) -> tuple[str, str] | None:
        if self.context is None or self.source is None:
            return None
        return self.context, self.source

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_self_tr(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "tr"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _is_translate(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "translate"
        and isinstance(node.value, ast.Name)
        and node.value.id in ("QCoreApplication", "QApplication", "QGuiApplication")
    )


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.calls: list[TrCall] = []
        self._classes: list[str] = []
        self._aliases: list[dict[str, str]] = [{}]  # name -> "tr" or "translate", per function
        self._fstring_depth = 0

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        self.generic_visit(node)
        self._classes.pop()

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        self._aliases.append(dict(self._aliases[-1]))
        self.generic_visit(node)
        self._aliases.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _visit_function  # noqa: N815

    def visit_Assign(self, node: ast.Assign) -> None:
        kind = "tr" if _is_self_tr(node.value) else "translate" if _is_translate(node.value) else ""
        for target in node.targets:
            if isinstance(target, ast.Name):
                if kind:
                    self._aliases[-1][target.id] = kind
                else:
                    self._aliases[-1].pop(target.id, None)
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._fstring_depth += 1
        self.generic_visit(node)
        self._fstring_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        alias = self._aliases[-1].get(func.id) if isinstance(func, ast.Name) else None
        here = self._classes[-1] if self._classes else None
        found: TrCall | None = None
        if _is_self_tr(func) or alias == "tr":
            found = self._call(node, here, _literal(args[0]) if args else None, alias is not None)
        elif _is_translate(func) or alias == "translate":
            context = _literal(args[0]) if args else None
            source = _literal(args[1]) if len(args) > 1 else None
            found = self._call(node, context, source, alias is not None)
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            found = self._call(node, None, _literal(args[0]) if args else None, False)
        if found is not None:
            self.calls.append(found)
        self.generic_visit(node)

    def _call(self, node: ast.Call, context: str | None, source: str | None, alias: bool) -> TrCall:
        return TrCall(self.path, node.lineno, context, source, self._fstring_depth > 0, alias)


def find_calls(paths: Iterable[Path]) -> list[TrCall]:
    calls: list[TrCall] = []
    for path in sorted(paths):
        finder = _Finder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        calls += finder.calls
    return calls


def ts_messages(ts_file: Path) -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, <message> element) for every message of a Qt .ts file."""
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def missed_by_lupdate(calls: Iterable[TrCall], lupdate_ts: Path) -> list[TrCall]:
    """Calls whose (context, source) lupdate did not extract, or that it cannot extract at all."""
    extracted = {(context, source) for context, source, _ in ts_messages(lupdate_ts)}
    return [call for call in calls if call.key is None or call.key not in extracted]


def explain(call: TrCall) -> str:
    if call.source is None:
        why = "the text is not a string literal"
    elif call.context is None:
        why = (
            "tr() on an object other than self: its context is only known at run time; "
            'use QCoreApplication.translate("Context", ...)'
        )
    elif call.in_fstring:
        why = "inside an f-string, where lupdate does not look: call tr() before the f-string"
    elif call.via_alias:
        why = "through an alias: call self.tr(...) or QCoreApplication.translate(...) by name"
    else:
        why = "lupdate did not extract it"
    return f"{call.where()}: {call.context or '?'} / {call.source!r}: {why}"


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    missed = missed_by_lupdate(find_calls(Path(p) for p in argv[1:]), Path(argv[0]))
    for call in missed:
        print(explain(call))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
