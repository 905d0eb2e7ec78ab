"""`make build`: MkDocs' strict build into a scratch folder, which the Makefile swaps in only on success.

A company's own Python (its `main.py` of macros) runs inside the build. When it calls `sys.exit(0)`,
MkDocs stops half-way and still reports success; when it raises, MkDocs prints a 40-line traceback
that hides the one line to fix. So the build runs here, in this process: any exit or error from inside it
is a failed build, told as `file:line: problem. Fix: ...`, and only a build that ran to its end writes
the marker `<site folder>.complete` that the Makefile asks for before it replaces site/.

Usage: python scripts/build_site.py CONFIG SITE_DIR
"""
from __future__ import annotations

import os
import sys
import sysconfig
import traceback
from pathlib import Path

import click
import mkdocs_macros.plugin
from mkdocs.__main__ import cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.errors import shown, visible  # noqa: E402  (after the repository is on the path)

# Where Python and the installed packages live: a failure there is reported at the caller's line.
_LIBRARIES = tuple(str(Path(p).resolve()) for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                                                     sysconfig.get_paths()["platlib"]})


class CompanyModuleError(Exception):
    """A company's own module exists but fails to import."""


def _import_or_fail(project_dir, module_name):
    """mkdocs-macros-plugin takes an ImportError from a module named `main` for "there is none", and
    builds without the company's macros; a module that is there but does not import is an error here."""
    try:
        return _import_local_module(project_dir, module_name)
    except ImportError as error:
        if any(Path(project_dir, name).exists() for name in (module_name, f"{module_name}.py")):
            raise CompanyModuleError(f"{type(error).__name__}: {error}") from error
        raise


_import_local_module = mkdocs_macros.plugin.import_local_module
mkdocs_macros.plugin.import_local_module = _import_or_fail


def main(argv: list[str]) -> int:
    config, site_dir = argv
    marker = Path(f"{site_dir}.complete")
    marker.unlink(missing_ok=True)
    try:
        cli.main(["build", "--strict", "--quiet", "-f", config, "-d", site_dir], prog_name="mkdocs",
                 standalone_mode=False)
    except click.exceptions.Exit as stop:  # MkDocs' own way out; 0 only after a whole build
        if stop.exit_code:
            return stop.exit_code
    except click.ClickException as error:  # MkDocs' "Aborted with N errors", already explained above it
        error.show()
        return 1
    except click.Abort:
        return 1
    except SystemExit as stop:
        where = _where(stop.__traceback__)
        print(f"{where}: the build was stopped by sys.exit({stop.code!r}) before it finished, so site/ was left "
              "as it was. Fix: raise an error with a message instead, or remove the call", file=sys.stderr)
        return 1
    except CompanyModuleError as error:
        print(f"{_where(error.__cause__.__traceback__)}: the company's module does not import ({visible(error)}). "
              "The build stopped, and site/ was left as it was. Fix: correct that line, or install what it "
              "imports (pinned in requirements.txt)", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001  (anything from a company's own code; each gets one clear line)
        where = _where(error.__traceback__)
        print(f"{where}: {type(error).__name__}: {visible(error)}. The build stopped, and site/ was left as it was. "
              "Fix: correct the code at that line (`mkdocs build -f CONFIG` shows the whole traceback)", file=sys.stderr)
        return 1
    marker.write_text("")
    return 0


def _where(trace) -> str:
    """file:line of the innermost frame outside Python and its packages: the code someone can fix."""
    found = "mkdocs build"
    for frame, line in traceback.walk_tb(trace):
        file = os.path.abspath(frame.f_code.co_filename)
        if not file.startswith(_LIBRARIES) and not file.startswith("<") and Path(file).is_file():
            found = f"{shown(Path(file))}:{line}"
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
