"""List import cycles between tmer_desktop modules, counting every import: module level,
inside functions, and under TYPE_CHECKING (each edge is labelled so a hidden one shows).

    python scripts/import_cycles.py            # cycles between modules; exit 1 if any
    python scripts/import_cycles.py --edges    # also every function-local / TYPE_CHECKING import
    python scripts/import_cycles.py --packages # cycles between the packages (tmer_desktop.X) instead

Only tmer_desktop -> tmer_desktop imports are considered. An import of a package counts as an
import of its __init__; `from pkg import mod` counts as an import of pkg.mod when mod is a module.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "tmer_desktop"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, modules: set[str]) -> list[tuple[str, str, int]]:
    """(imported module, where: module/function/type-checking, line) of one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            here = where
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                here = "function" if where == "module" else where
            elif isinstance(child, ast.If) and is_type_checking(child):
                for stmt in child.body:
                    visit_stmt(stmt, "type-checking")
                for stmt in child.orelse:
                    visit_stmt(stmt, where)
                continue
            visit_stmt(child, here)

    def visit_stmt(stmt: ast.AST, where: str) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                add(alias.name, where, stmt.lineno)
        elif isinstance(stmt, ast.ImportFrom):
            if stmt.level:
                base = package.split(".")
                base = base[: len(base) - (stmt.level - 1)]
                target = ".".join(base + ([stmt.module] if stmt.module else []))
            else:
                target = stmt.module or ""
            for alias in stmt.names:
                sub = f"{target}.{alias.name}"
                add(sub if sub in modules else target, where, stmt.lineno)
        else:
            visit(stmt, where)

    def add(name: str, where: str, line: int) -> None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name.startswith(PACKAGE) and name != me and name != PACKAGE:
            found.append((name, where, line))

    visit(tree, "module")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return result


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _packages(graph, edges):
    """The module graph folded onto the packages directly under tmer_desktop."""
    folded: dict[str, set[str]] = {}
    folded_edges: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (a, b), uses in edges.items():
        pa, pb = _package(a), _package(b)
        folded.setdefault(pa, set())
        folded.setdefault(pb, set())
        if pa != pb:
            folded[pa].add(pb)
            folded_edges.setdefault((pa, pb), []).extend((f"{w} {a}->{b}", line) for w, line in uses)
    return folded, folded_edges


def main(argv: list[str]) -> int:
    files = sorted((ROOT / PACKAGE).rglob("*.py"))
    modules = {module_name(f) for f in files}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    edges: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for f in files:
        me = module_name(f)
        for target, where, line in imports(f, modules):
            graph[me].add(target)
            edges.setdefault((me, target), []).append((where, line))
    if "--edges" in argv:
        for (a, b), uses in sorted(edges.items()):
            hidden = [f"{w}:{line}" for w, line in uses if w != "module"]
            if hidden and all(w != "module" for w, _ in uses):
                print(f"{a} -> {b}  ({', '.join(hidden)})")
    if "--packages" in argv:
        graph, edges = _packages(graph, edges)
    found = cycles(graph)
    for component in found:
        members = set(component)
        print("cycle:", ", ".join(component))
        for a in component:
            for b in sorted(graph[a] & members):
                kinds = sorted({w for w, _ in edges[(a, b)]})
                print(f"    {a} -> {b} [{'; '.join(kinds)}]")
    if not found:
        print("no import cycle between tmer_desktop modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
