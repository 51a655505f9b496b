"""MkDocs hook: readers get the site's own CSS and JavaScript as one minified file each.

Contributors keep one small file per feature, listed in mkdocs.yml under extra_css and extra_javascript.
Each list is minified, joined in order and published under a name carrying its content hash, so a page
makes two requests for them instead of ten and browsers can cache the result until it changes.

Both scripts a page runs at start-up, this one and Material's bundle, are published with a compile hint
(COMPILE_HINT). The theme itself is not changed: the hint goes into the published copy of its bundle.
"""

import hashlib
import json
import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import File

# Chromium 136 and later (see the V8 blog post on explicit compile hints) compile a script that starts with
# this line while it downloads, off the main thread, instead of compiling each function on the main thread
# the first time it runs. Both scripts run much of their code at start-up, so this moves work out of the
# tasks that block a phone's first taps. Other browsers read it as a comment.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
THEME_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")

BUNDLES = {  # key in mkdocs.yml: (published name, minifier, first line)
    "extra_css": ("assets/stylesheets/site.{}.min.css", rcssmin.cssmin, ""),
    "extra_javascript": ("assets/javascripts/site.{}.min.js", rjsmin.jsmin, COMPILE_HINT),
}

_bundles: dict[str, str] = {}  # published path -> minified content
_sources: list[str] = []  # the listed files, left out of the built site


def on_config(config):
    _bundles.clear()
    _sources.clear()
    for key, (pattern, minify, first_line) in BUNDLES.items():
        paths = [str(item) for item in config[key]]
        if not paths:
            continue
        # Each file ends its last statement itself; the newline keeps one file's comment out of the next.
        content = first_line + "\n".join(
            minify((Path(config.docs_dir) / path).read_text(encoding="utf-8")) for path in paths)
        name = pattern.format(hashlib.sha256(content.encode()).hexdigest()[:8])
        _bundles[name] = content
        _sources.extend(paths)
        config[key] = [name]
    return config


def on_files(files, config):
    for path in _sources:
        if source := files.get_file_from_path(path):
            files.remove(source)
    for path, content in _bundles.items():
        files.append(File.generated(config, path, content=content))
    for bundle in [file for file in files if THEME_BUNDLE.fullmatch(file.src_uri)]:
        _replace(files, config, bundle, COMPILE_HINT + bundle.content_string)
        if source_map := files.get_file_from_path(bundle.src_uri + ".map"):
            mapping = json.loads(source_map.content_string)
            mapping["mappings"] = ";" + mapping["mappings"]  # the hint is one more line above the code
            _replace(files, config, source_map, json.dumps(mapping))
    return files


def _replace(files, config, file, content):
    files.remove(file)
    files.append(File.generated(config, file.src_uri, content=content))
