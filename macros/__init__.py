"""The mkdocs-macros module: load and validate data/ once per build, then register the page macros."""

import functools
import importlib
import posixpath
import sys
from pathlib import Path

try:
    from . import benchmarks, render, tables
except ImportError:  # Zensical runs this file by its path, outside its package: import the package instead
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from macros import benchmarks, render, tables

from content import benchmark_models, document, facts, fields, loader, models, pages, rules, toolchain, urls
from content.rules import walk


def site_context(config) -> render.Site:
    """Validated data plus the repository address its "Edit" links point to. Raises PluginError on bad data."""
    from mkdocs.exceptions import PluginError

    # Zensical's config has no config_file_path; its root_dir is the project root.
    root = Path(config["config_file_path"]).parent if config.get("config_file_path") else Path(config["root_dir"])
    try:
        data = loader.load(root / "data")
    except loader.DataError as error:
        raise PluginError(f"invalid data in data/:\n{error}") from None
    edit_base = None
    if config.get("repo_url") and config.get("edit_uri"):
        # edit_uri points at docs/ (e.g. edit/main/docs/); data/ is its sibling.
        edit_base = config["repo_url"].rstrip("/") + "/" + posixpath.dirname(config["edit_uri"].rstrip("/")) + "/"
    return render.Site(data, edit_base)


def define_env(env):
    # `mkdocs serve` keeps these modules imported between rebuilds; reload them, each after what it imports, so
    # edits to content/ and macros/ show up.
    for module in (fields, benchmark_models, models, document, facts, pages, urls, toolchain, walk, *rules.MODULES,
                   rules, loader, tables, render, benchmarks):
        importlib.reload(module)
    site = site_context(env.conf)
    for macro in (*render.MACROS, *benchmarks.MACROS):
        env.macro(_bind(macro, site), macro.__name__)


def _bind(macro, site):
    """The macro with the site filled in. Not functools.partial: mkdocs-macros serializes every macro on each
    build for its debug log, and a partial would drag the whole data set through that (seconds at scale)."""

    @functools.wraps(macro)
    def bound(*args, **kwargs):
        return macro(site, *args, **kwargs)

    return bound
