"""The JSON export: the guide's data as files others can reuse, published at /data/<name>.json with their schemas.

Each file is one data set: a header (which data set, the schema version, the build date, the licence, the site,
the schema's URL) and its `entries`, each the validated entry of data/ plus its public URL. The models below are
the export's only schema: `make schemas` writes them to schemas/export/v<major>/ and the generation step
(macros/generate.py) publishes them beside the files. A change that removes, renames or retypes a field breaks
consumers: `breaking_changes` finds it, and it needs a new major version (see SCHEMA_VERSION).

Adding a data set whose entries are a list with a public URL is one line in DATA_SETS.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, Field, create_model

from . import urls
from .benchmark_models import BenchmarkResult, BenchmarksFile
from .fields import Strict
from .models import (
    FILES,
    CaseStudy,
    Criterion,
    CriterionScore,
    Example,
    Fact,
    FaqEntry,
    Level,
    Outcomes,
    Thresholds,
    Trait,
    UseCase,
)

# Semantic versioning of the export's shape: a new field is a minor version, a removed, renamed or retyped
# field a major one. A major version keeps its schema snapshot in schemas/export/v<major>/ for good.
SCHEMA_VERSION = "1.0.0"
MAJOR = int(SCHEMA_VERSION.split(".")[0])
FOLDER = urls.DATA  # under docs/, so both builders publish the files at /data/
INDEX = "index"

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class Licence(Strict):
    name: str = Field(description="The licence of the text and data: CC BY 4.0.")
    url: str = Field(description="The licence's text.")
    attribution: str = Field(description="How to credit the guide when reusing its data: name and address.")


class Header(Strict):
    data_set: str = Field(description="Which data set the file holds, e.g. 'answers'; also its file name.")
    schema_version: str = Field(pattern=rf"^{MAJOR}\.\d+\.\d+$",
                                description="Semantic version of the export's shape: the major version changes "
                                            "only when a field is removed, renamed or retyped.")
    generated: datetime.date = Field(description="Day the site and this file were built.")
    licence: Licence
    site: str = Field(description="The guide's address; every `url` in the file starts with it.")
    schema_url: str = Field(description="The JSON Schema of this file.")


def _with_url(model: type[BaseModel], url_description: str, **extra: Any) -> type[BaseModel]:
    """An entry of `model` as exported: all its fields plus its public URL (and any `extra` fields)."""
    return create_model(f"Exported{model.__name__}", __base__=model,
                        url=(str, Field(description=url_description)), **extra)


def _file(name: str, entry: type[BaseModel], **extra: Any) -> type[Header]:
    return create_model(f"{name.title().replace('-', '')}File", __base__=Header,
                        entries=(list[entry], Field(description=f"Every entry of the {name} data set.")), **extra)


Answer = _with_url(
    FaqEntry, "The answer's own page.",
    list_url=(str, Field(description="The answer in the list of all questions.")),
    short_answer_text=(str, Field(description="The short answer as plain text, for quoting.")),
    short_answer_html=(str, Field(description="The short answer as an HTML fragment, links made absolute.")),
    card_image=(str, Field(description="A 1200x630 PNG of the question and short answer, for link previews. "
                                       "Published by the MkDocs build (the public site); the Zensical build "
                                       "draws no cards.")),
)
BenchmarkRun = create_model("BenchmarkRun", __base__=Strict, **{
    name: (field.annotation, field) for name, field in BenchmarksFile.model_fields.items() if name != "results"})


class Markdown(Protocol):
    """How the export turns an entry's Markdown into plain text and HTML (given by macros/, which renders)."""

    def text(self, markdown: str) -> str: ...

    def html(self, markdown: str) -> str: ...


@dataclass(frozen=True)
class DataSet:
    name: str                             # /data/<name>.json
    model: type[Header]                   # the file's schema
    entries: Callable[[Any], Iterable]    # the validated data -> its entries
    url: Callable[[Any], str]             # an entry -> its public URL, site-relative
    data_file: str                        # where the entries are edited, under data/
    # fields of the file besides the header and entries, from the data and a function making a URL absolute
    extra: Callable[[Any, Callable[[str], str]], dict] = lambda data, absolute: {}
    # fields of an entry besides its own and its URL, from the entry, that function and the Markdown renderer
    more: Callable[[Any, Callable[[str], str], Markdown], dict] = lambda item, absolute, markdown: {}


DATA_SETS: tuple[DataSet, ...] = (
    DataSet("answers", _file("answers", Answer), urls.ANSWER.entries, lambda e: urls.ANSWER.page_url(e.id),
            "faq.yml", more=lambda e, absolute, markdown: {
                "list_url": absolute(urls.ANSWER.list_url(e.id)),
                "short_answer_text": markdown.text(e.short_answer),
                "short_answer_html": markdown.html(e.short_answer),
                "card_image": absolute(urls.card_path(urls.ANSWER.page_url(e.id)))}),
    DataSet("criteria", _file("criteria", _with_url(Criterion, "The criterion on the comparison page.")),
            urls.CRITERION.entries, lambda e: urls.CRITERION.list_url(e.id), "comparison.yml"),
    DataSet("decision-scores",
            _file("decision-scores", _with_url(CriterionScore, "The criterion the scores are for."),
                  levels=(list[Level], ...), thresholds=(Thresholds, ...), traits=(list[Trait], ...),
                  outcomes=(Outcomes, ...), helper_url=(str, Field(description="The decision helper's page.")),
                  ),
            lambda data: data.decision.criteria, lambda e: urls.CRITERION.list_url(e.id), "decision.yml",
            extra=lambda data, absolute: {
                **data.decision.model_dump(include={"levels", "thresholds", "traits", "outcomes"}),
                "helper_url": absolute(urls.public_url("/decide.md"))}),
    DataSet("use-cases", _file("use-cases", _with_url(UseCase, "The use-case map it appears in.")),
            lambda data: data.use_cases.root, lambda e: urls.public_url("/use-cases.md"), "use_cases.yml"),
    DataSet("case-studies", _file("case-studies", _with_url(CaseStudy, "The case in the case-study table.")),
            urls.CASE.entries, lambda e: urls.CASE.list_url(e.id), "case_studies.yml"),
    DataSet("facts", _file("facts", _with_url(Fact, "The page listing every figure with its source.")),
            lambda data: data.facts.root, lambda e: urls.public_url("/facts.md"), "facts.yml"),
    DataSet("examples", _file("examples", _with_url(Example, "The example's own page.")),
            urls.EXAMPLE.entries, lambda e: urls.EXAMPLE.page_url(e.id), "examples.yml"),
    DataSet("benchmarks",
            _file("benchmarks", _with_url(BenchmarkResult, "The page of the example that was timed."),
                  run=(BenchmarkRun, Field(description="How, when and where the benchmarks ran."))),
            lambda data: data.benchmarks.results, lambda e: urls.EXAMPLE.page_url(e.example), "benchmarks.yml",
            extra=lambda data, absolute: {"run": data.benchmarks.model_dump(exclude={"results"})}),
)
assert {d.data_file for d in DATA_SETS} <= set(FILES), "every exported data set is a file of data/"


class IndexEntry(Strict):
    data_set: str
    url: str = Field(description="The data set's file.")
    schema_url: str = Field(description="Its JSON Schema.")
    entries: int = Field(description="How many entries it holds.")
    source: str = Field(description="The file of the guide's repository it is built from, under data/.")


IndexFile = create_model("IndexFile", __base__=Header,
                         files=(list[IndexEntry], Field(description="Every data set of the export.")))
MODELS: dict[str, type[Header]] = {INDEX: IndexFile, **{d.name: d.model for d in DATA_SETS}}


def file_url(name: str, site_url: str) -> str:
    return f"{site_url}{FOLDER}/{name}.json"


def schema_url(name: str, site_url: str) -> str:
    return f"{site_url}{FOLDER}/{name}.schema.json"


def build(data, site_url: str, generated: datetime.date, markdown: Markdown) -> dict[str, Header]:
    """Every file of the export, by name, validated against its model."""
    def header(name: str) -> dict:
        return {"data_set": name, "schema_version": SCHEMA_VERSION, "generated": generated, "site": site_url,
                "schema_url": schema_url(name, site_url),
                "licence": {"name": LICENCE_NAME, "url": LICENCE_URL,
                            "attribution": f"Rust vs Python: a decision guide, {site_url}"}}

    def absolute(url: str) -> str:
        return site_url + url.lstrip("/")

    def entry(data_set: DataSet, item) -> dict:
        return {**item.model_dump(), "url": absolute(data_set.url(item)), **data_set.more(item, absolute, markdown)}

    files: dict[str, Header] = {}
    for data_set in DATA_SETS:
        entries = [entry(data_set, item) for item in data_set.entries(data)]
        files[data_set.name] = data_set.model.model_validate(
            {**header(data_set.name), **data_set.extra(data, absolute), "entries": entries})
    index = [{"data_set": name, "url": file_url(name, site_url), "schema_url": schema_url(name, site_url),
              "entries": len(file.entries), "source": f"data/{d.data_file}"}
             for d, (name, file) in zip(DATA_SETS, files.items(), strict=True)]
    return {INDEX: IndexFile.model_validate({**header(INDEX), "files": index}), **files}


def dump(file: BaseModel) -> str:
    return json.dumps(file.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"


def schema(name: str, site_url: str | None = None) -> dict:
    """The JSON Schema of one export file, from its model; with `site_url`, its address as published beside the
    file (/data/<name>.schema.json). The committed snapshot has no address."""
    address = {"$id": schema_url(name, site_url)} if site_url else {}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **address,
            **MODELS[name].model_json_schema(mode="serialization"), "title": f"{FOLDER}/{name}.json"}


def schema_text(name: str, site_url: str | None = None) -> str:
    return json.dumps(schema(name, site_url), indent=2, ensure_ascii=False) + "\n"


# --- compatibility -------------------------------------------------------------------------------------------------

_ANNOTATIONS = {"title", "description", "default", "examples", "$id", "$schema"}


def breaking_changes(old: dict, new: dict, where: str = "") -> list[str]:
    """What a consumer of the `old` schema would lose under the `new` one: a field removed or renamed, a type
    changed, a field that was always present made optional, an allowed value dropped. New fields and new
    allowed values are not breaking."""
    return _compare(_resolve(old, old), _resolve(new, new), old, new, where or "(file)")


def _resolve(node: Any, root: dict) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _compare(old: Any, new: Any, old_root: dict, new_root: dict, where: str) -> list[str]:
    old, new = _resolve(old, old_root), _resolve(new, new_root)
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [] if old == new else [f"{where}: changed from {old!r} to {new!r}"]
    problems = []
    if old.get("type") != new.get("type"):
        return [f"{where}: type changed from {old.get('type', 'any')} to {new.get('type', 'any')}"]
    for name, old_field in old.get("properties", {}).items():
        if name not in new.get("properties", {}):
            problems.append(f"{where}.{name}: removed (or renamed)")
            continue
        if name in old.get("required", []) and name not in new.get("required", []):
            problems.append(f"{where}.{name}: no longer always present")
        problems += _compare(old_field, new["properties"][name], old_root, new_root, f"{where}.{name}")
    if "items" in old:
        problems += _compare(old["items"], new.get("items"), old_root, new_root, f"{where}[]")
    for keyword in ("anyOf", "oneOf"):
        if keyword in old:
            old_options = [_resolve(o, old_root) for o in old[keyword]]
            new_options = [_resolve(o, new_root) for o in new.get(keyword, [])]
            if len(old_options) != len(new_options):
                problems.append(f"{where}: {keyword} changed from {len(old_options)} to {len(new_options)} options")
            else:
                for i, (o, n) in enumerate(zip(old_options, new_options, strict=True)):
                    problems += _compare(o, n, old_root, new_root, f"{where}<{i}>")
    if "enum" in old and (dropped := [v for v in old["enum"] if v not in new.get("enum", [])]):
        problems.append(f"{where}: no longer allows {', '.join(map(repr, dropped))}")
    for keyword in set(old) - _ANNOTATIONS - {"properties", "required", "items", "anyOf", "oneOf", "enum", "type",
                                               "$defs", "additionalProperties"}:
        if old[keyword] != new.get(keyword):
            problems.append(f"{where}: {keyword} changed from {old[keyword]!r} to {new.get(keyword)!r}")
    return problems


def snapshot_file(name: str, major: int = MAJOR) -> str:
    """The committed schema of one file for a major version, under schemas/: what every consumer of that major
    version may rely on."""
    return f"export/v{major}/{name}.schema.json"
