"""The mkdocs-macros module: load and validate data/ once per build, then register the page macros."""

import functools
import importlib
from pathlib import Path

from . import checks, loader, models, render


def define_env(env):
    from mkdocs.exceptions import PluginError

    # `mkdocs serve` keeps this package imported between rebuilds; reload it so edits to macros/ show up.
    for module in (models, checks, loader, render):
        importlib.reload(module)
    try:
        data = loader.load(Path(env.project_dir) / "data")
    except loader.DataError as error:
        raise PluginError(f"invalid data in data/:\n{error}") from None
    for macro in render.MACROS:
        env.macro(functools.partial(macro, data), macro.__name__)
