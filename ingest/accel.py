"""The tagger's hot modules compiled with Cython, used only when built from the current source.

Cython compiles the unchanged `.py` files of the tagging path (word index, triggers, dates,
tagger) to C extensions, which run the same code without the interpreter's per-bytecode
dispatch (about 20% more articles per second; see the README's benchmarks). The `.py` files
stay the only source: the compiled copies live under `build/compiled/` with a manifest of the
sources' SHA-256, and `install()` serves a compiled module only while its source is
byte-identical to what was compiled. An edited or checked-out file therefore always runs as
Python, and a machine without a C compiler simply runs the pure-Python tagger (same results).
SQLAlchemy ships its own Cython extensions with a pure-Python fallback in the same way.

Build with `python -m ingest compile` (`make setup` does it). Set TRACKER_PURE_PYTHON=1 to
ignore compiled modules.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR.parent / "build" / "compiled"
MANIFEST = "manifest.json"
# The tagging path, leaves first. Nothing else is worth compiling: the rest waits on I/O.
MODULES = ("gazetteer", "triggers", "dates", "tagger")
PURE_ENV = "TRACKER_PURE_PYTHON"


class BuildError(Exception):
    """The compiled modules could not be built (no Cython, C compiler or Python headers)."""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _abi() -> str:
    """This interpreter's extension suffix: a build for another Python is never loaded."""
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def read_manifest(build_dir: Path = BUILD_DIR) -> dict[str, str]:
    """Module → SHA-256 of the source it was compiled from; empty without a usable build."""
    try:
        data = json.loads((build_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("abi") != _abi():
        return {}
    sources = data.get("sources")
    return sources if isinstance(sources, dict) else {}


class CompiledFinder(importlib.abc.MetaPathFinder):
    """Finds `ingest.<name>` in the build directory while its source still matches the build."""

    def __init__(self, sources: dict[str, str], build_dir: Path = BUILD_DIR,
                 package_dir: Path = PACKAGE_DIR) -> None:
        self.sources = sources
        self.build_dir = build_dir
        self.package_dir = package_dir

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        pkg, _, name = fullname.rpartition(".")
        if pkg != __package__ or name not in self.sources:
            return None
        so = self.build_dir / "ingest" / (name + _abi())
        try:
            current = _digest(self.package_dir / (name + ".py"))
        except OSError:
            return None
        if current != self.sources[name] or not so.is_file():
            log.debug("ingest.%s runs as Python: its compiled copy is missing or stale", name)
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(so))
        return importlib.util.spec_from_file_location(fullname, so, loader=loader)


def install() -> None:
    """Serve up-to-date compiled modules from now on (a no-op without a build, or when disabled)."""
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        return
    if any(isinstance(f, CompiledFinder) for f in sys.meta_path):
        return
    sources = read_manifest()
    if sources:
        sys.meta_path.insert(0, CompiledFinder(sources))


def compiled() -> list[str]:
    """The tagging modules loaded so far that run compiled (for benchmarks and diagnostics)."""
    out = []
    for name in MODULES:
        mod = sys.modules.get(f"{__package__}.{name}")
        if mod is not None and isinstance(getattr(mod, "__loader__", None),
                                          importlib.machinery.ExtensionFileLoader):
            out.append(name)
    return out


def build(build_dir: Path = BUILD_DIR, jobs: int = 2) -> list[str]:
    """Compile MODULES from the current sources into `build_dir` and record their digests."""
    try:
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension
        from setuptools.errors import CCompilerError, CompileError, LinkError
    except ImportError as e:
        raise BuildError(f"Cython and setuptools are needed ({e.name} is missing)") from e
    sources = {name: PACKAGE_DIR / (name + ".py") for name in MODULES}
    digests = {name: _digest(src) for name, src in sources.items()}
    build_dir.mkdir(parents=True, exist_ok=True)
    (build_dir / MANIFEST).unlink(missing_ok=True)  # no manifest while the build is half done
    with tempfile.TemporaryDirectory(prefix="tracker-build-") as tmp:
        # -O2 without debug symbols: as fast as -O3 here, and a third quicker to build.
        exts = [Extension(f"{__package__}.{name}", [str(src)], extra_compile_args=["-O2", "-g0"])
                for name, src in sources.items()]
        lib = Path(tmp) / "lib"
        try:
            modules = cythonize(exts, build_dir=tmp, nthreads=jobs, quiet=True,
                                compiler_directives={"language_level": 3, "annotation_typing": False})
            dist = Distribution({"name": "minerals-tracker-compiled", "ext_modules": modules})
            cmd = dist.get_command_obj("build_ext")
            cmd.build_lib = str(lib)
            cmd.build_temp = tmp
            cmd.parallel = jobs
            cmd.ensure_finalized()
            cmd.run()
        except (CompileError, LinkError, CCompilerError, OSError) as e:
            raise BuildError(f"C compilation failed ({e}); install gcc and the Python headers "
                             f"(Debian: build-essential python3-dev)") from e
        built = {n: lib / "ingest" / (n + _abi()) for n in MODULES}
        missing = [n for n, so in built.items() if not so.is_file()]
        if missing:
            raise BuildError(f"the build made no module for {', '.join(missing)}")
        # Renamed into place, never rewritten: a running process keeps its mapped copy intact.
        (build_dir / "ingest").mkdir(parents=True, exist_ok=True)
        for so in built.values():
            os.replace(so, build_dir / "ingest" / so.name)
    manifest = build_dir / (MANIFEST + ".tmp")
    manifest.write_text(json.dumps({"abi": _abi(), "sources": digests}, indent=2))
    os.replace(manifest, build_dir / MANIFEST)
    return list(MODULES)
