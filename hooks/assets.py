"""MkDocs hook: readers get the site's own CSS and JavaScript as one minified file each.

Contributors keep one small file per feature, listed in mkdocs.yml under extra_css and extra_javascript.
Each list is minified, joined in order and published under a name carrying its content hash, so a page
makes two requests for them instead of ten and browsers can cache the result until it changes.

The site's script is published with a compile hint (COMPILE_HINT); so is Material's bundle while the
bundle_compile_hint workaround is on (compat/).
"""

import hashlib
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import File

# Chromium 136 and later (see the V8 blog post on explicit compile hints) compile a script that starts with
# this line while it downloads, off the main thread, instead of compiling each function on the main thread
# the first time it runs. The site's script runs most of its code at start-up, so this moves work out of the
# tasks that block a phone's first taps. Other browsers read it as a comment.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"

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
    return files

