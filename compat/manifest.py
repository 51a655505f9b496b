"""The theme workarounds listed in compat/manifest.yml, and which of them a build applies.

A workaround applies when its `enabled` switch in the manifest is true and the COMPAT_OFF environment variable does
not name it. COMPAT_OFF is a comma-separated list of ids, or "all": `COMPAT_OFF=all make build` builds the
site as Material for MkDocs makes it, with only the site's own features.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from content.loader import ParseError, parse, validate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MANIFEST = HERE / "manifest.yml"
ASSET_LISTS = {".css": "extra_css", ".js": "extra_javascript"}


class Workaround(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z][a-z_]*$", description="Its switch's name; templates read "
                                                                     "config.extra.compat.<id>.")]
    does: str = Field(description="What it changes, in a sentence or two.")
    relies_on: list[str] = Field(min_length=1, description="The theme internals it depends on: what an upgrade "
                                                           "of Material can break.")
    gain: str = Field(description="What it was measured to bring, with the measurement (`make bench-compat`).")
    enabled: bool = Field(description="The switch: false leaves the site as Material makes it.")
    files: list[str] = Field(min_length=1, description="Every file that holds part of it, from the project root.")
    layer: str | None = Field(None, description="A folder of theme templates laid over Material's when on, "
                                                "from the project root.")
    assets: list[str] = Field([], description="CSS and JavaScript files added to the site's bundles when on.")
    features: list[str] = Field([], description="Material features (theme.features) turned on with it.")

    @model_validator(mode="after")
    def _assets_are_css_or_js(self):
        for asset in self.assets:
            if Path(asset).suffix not in ASSET_LISTS:
                raise ValueError(f"asset '{asset}' must be a .css or .js file")
        return self


class Manifest(RootModel[list[Workaround]]):
    pass


class CompatError(Exception):
    pass


def load(path: Path = MANIFEST) -> list[Workaround]:
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        doc = parse(name, path.read_bytes())
    except ParseError as error:
        raise CompatError(str(error.problem)) from None
    manifest, problems = validate(doc, Manifest)
    if problems or doc.problems:
        raise CompatError("\n".join(map(str, [*doc.problems, *problems])))
    return manifest.root


def switched_off(workarounds: list[Workaround], setting: str | None = None) -> set[str]:
    """The ids COMPAT_OFF names (or `setting`), refusing a name the manifest does not have."""
    setting = os.environ.get("COMPAT_OFF", "") if setting is None else setting
    ids = {w.id for w in workarounds}
    if setting.strip() == "all":
        return ids
    named = {part.strip() for part in setting.split(",") if part.strip()}
    if unknown := sorted(named - ids):
        raise CompatError(f"COMPAT_OFF names no workaround: {', '.join(unknown)} (known: {', '.join(sorted(ids))})")
    return named


def switches(workarounds: list[Workaround] | None = None, setting: str | None = None) -> dict[str, bool]:
    """Each workaround's id and whether this build applies it."""
    workarounds = load() if workarounds is None else workarounds
    off = switched_off(workarounds, setting)
    return {w.id: w.enabled and w.id not in off for w in workarounds}
