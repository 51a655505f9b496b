"""MkDocs hook: applies the theme workarounds that compat/manifest.yml switches on (compat/manifest.py says how
to switch them off for one build). It comes before hooks/assets.py under `hooks:` in mkdocs.yml, so the site's
bundles include the workarounds' CSS and JavaScript.

MkDocs loads this file by path, not as part of a package, hence the import below.
"""

import json
import re
import sys
from pathlib import Path

import jinja2
import material
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from compat import manifest
from hooks.assets import COMPILE_HINT

THEME_TEMPLATES = Path(material.__file__).parent / "templates"
THEME_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")

_layers: list[str] = []  # the template folders of the workarounds that are on, set by on_config


def on_config(config):
    try:
        workarounds = manifest.load()
        on = manifest.switches(workarounds)
    except manifest.CompatError as error:
        raise PluginError(str(error)) from None
    config.extra["compat"] = on
    _layers[:] = [str(manifest.ROOT / w.layer) for w in workarounds if w.layer and on[w.id]]
    for workaround in (w for w in workarounds if on[w.id]):
        for asset in workaround.assets:
            config[manifest.ASSET_LISTS[Path(asset).suffix]].append(str(manifest.ROOT / asset))
        features = config.theme["features"]
        features.extend(f for f in workaround.features if f not in features)
    return config


def on_env(env, config, files):
    """Templates under compat/ are reachable as "compat/...", and the layer of each workaround that is on
    comes before the site's overrides and the theme. A layer's template that wraps Material's own one of the
    same name includes it as "material/<name>"."""
    env.loader = jinja2.ChoiceLoader([
        *map(jinja2.FileSystemLoader, _layers), env.loader,
        jinja2.PrefixLoader({"compat": jinja2.FileSystemLoader(str(manifest.HERE)),
                             "material": jinja2.FileSystemLoader(str(THEME_TEMPLATES))})])
    return env


def on_files(files, config):
    """Chromium compiles a script that starts with the compile hint while it downloads (hooks/assets.py): the
    hint goes into the published copy of Material's bundle, and its source map skips that line."""
    if not config.extra["compat"]["bundle_compile_hint"]:
        return files
    for bundle in [file for file in files if THEME_BUNDLE.fullmatch(file.src_uri)]:
        _replace(files, config, bundle, COMPILE_HINT + bundle.content_string)
        if source_map := files.get_file_from_path(bundle.src_uri + ".map"):
            mapping = json.loads(source_map.content_string)
            mapping["mappings"] = ";" + mapping["mappings"]
            _replace(files, config, source_map, json.dumps(mapping))
    return files


def _replace(files, config, file, content):
    files.remove(file)
    files.append(File.generated(config, file.src_uri, content=content))
