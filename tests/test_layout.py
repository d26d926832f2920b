"""The house rules of the layout (DESIGN.md): no import cycle, no private name across modules.

Read from the source with ``ast``, so the rules cover every import, at module level and inside
functions alike (an import deferred into a function still ties the two modules together).
An import of ``a.b.c`` is an edge to the module ``a.b.c`` only: a package's ``__init__`` that
re-exports its modules' public names is not a cycle with them.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "termkit"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every termkit import in a module."""
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("termkit")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("termkit"):
                continue
            plain = []
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in MODULES:  # ``from termkit.pinyin import romanize``: the submodule
                    found.append((sub, [], node.lineno))
                else:
                    plain.append(alias.name)
            if plain:
                found.append((base, plain, node.lineno))
    return found


def test_every_import_names_a_module_of_the_package() -> None:
    missing = [
        f"{MODULES[name]}:{line}: {target}"
        for name in MODULES
        for target, _names, line in _imports(name, MODULES[name])
        if target not in MODULES
    ]
    assert not missing


def test_no_private_name_is_imported_from_another_module() -> None:
    crossing = [
        f"{MODULES[name]}:{line}: {target}.{n}"
        for name in MODULES
        for target, names, line in _imports(name, MODULES[name])
        for n in names
        if n.startswith("_") and not n.startswith("__") and target != name
    ]
    assert not crossing


def test_no_import_cycle() -> None:
    graph = {
        name: sorted({t for t, _n, _l in _imports(name, path) if t in MODULES and t != name})
        for name, path in MODULES.items()
    }
    # Tarjan's strongly connected components: any component of two or more is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
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
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles


def test_the_flat_families_are_packages() -> None:
    """align*, convert*, opencc_*, pinyin* and the name modules live in their packages."""
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    flat = [
        m for m in top
        if m.startswith(("align", "convert", "opencc", "pinyin", "names", "romanize", "ruby"))
    ]
    assert not flat
    for package in ("align", "convert", "pinyin"):
        assert (PACKAGE / package / "__init__.py").is_file()
