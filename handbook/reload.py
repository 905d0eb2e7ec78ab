"""`mkdocs serve` runs the handbook's Python as it is now, importing again only what was saved.

MkDocs keeps the handbook plugin, and Python every imported module, for the whole session. Before
each build the plugin asks here which of the pipeline's files changed since the last one (by their
modification time) and drops the pipeline's modules if any did, so that the build imports them
afresh: a saved edit to any module shows at the next rebuild, and a rebuild after a YAML edit
imports nothing again. The plugin's own two modules (plugin.py, options.py) cannot be swapped
in a running session; an edit to them asks for a restart.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass

log = logging.getLogger("mkdocs.plugins.handbook")
PIPELINE_PACKAGE = "handbook"
MACROS_PACKAGE = "macros"  # mkdocs-macros-plugin's module of the handbook (its define_env)
KEPT = ("handbook.plugin", "handbook.options")  # loaded by MkDocs itself, once per session


@dataclass
class Modules:
    """The modification time of each loaded module's file, as it was when the module was imported."""

    started: int  # when the build began (ns): a file saved after that may be newer than its module
    stamps: dict[str, tuple[str, int]]
    reloaded: bool = False  # this build imports the pipeline afresh


def _ours(name: str) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in (PIPELINE_PACKAGE, MACROS_PACKAGE))


def _stamp(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _loaded() -> dict[str, str]:
    return {name: module.__file__ for name, module in list(sys.modules.items())
            if _ours(name) and getattr(module, "__file__", None)}


def forget_edited(previous: Modules | None) -> Modules:
    """At a build's start: drop the pipeline's modules if a file of one changed since the last build
    (or a module was imported by a build that failed before it could be stamped)."""
    started = time.time_ns()
    if previous is None:
        return Modules(started, {})
    edited = [name for name, path in _loaded().items()
              if name not in previous.stamps or _stamp(path) != previous.stamps[name][1]]
    for name in edited:
        if name in KEPT:
            log.warning(f"{name.replace('.', '/')}.py changed: restart `mkdocs serve` to run it")
    reloaded = any(name not in KEPT for name in edited)
    if reloaded:
        for name in [name for name in sys.modules if _ours(name) and name not in KEPT]:
            del sys.modules[name]
    return Modules(started, {name: stamp for name, stamp in previous.stamps.items() if name in sys.modules}, reloaded)


def stamp_loaded(modules: Modules) -> None:
    """At a build's end: the files of the modules this build imported, and when they were saved."""
    for name, path in _loaded().items():
        if name not in modules.stamps:
            stamp = _stamp(path)  # a file saved after the build began may be newer than its module: check it next time
            modules.stamps[name] = (path, stamp if stamp < modules.started else -1)


def forget_package(name: str) -> None:
    """Drop an imported package and its submodules, so that the next import reads the files again."""
    for module in [module for module in sys.modules if module == name or module.startswith(f"{name}.")]:
        del sys.modules[module]
