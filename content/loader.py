"""Read data/*.yml once, keeping the line and column of every value, and validate it against the models."""

from __future__ import annotations

import difflib
import gc
import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import facts, measured, rules
from .document import Document, Path_, Problem
from .models import FILES

YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_TYPE_NAMES = {"dict": "a mapping", "list": "a list", "str": "text", "int": "a number", "float": "a number",
               "bool": "true/false", "NoneType": "an empty value", "date": "a date", "datetime": "a date"}


class DataError(Exception):
    """Raised with every problem found in data/, each on its own line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class SiteData:
    """Every validated data file, reachable by its stem: `data.faq` is data/faq.yml."""

    files: dict[str, BaseModel]
    lines: dict[tuple[str, str], int]  # (file name, entry id) -> line of the entry, for "edit this" links
    cites: dict[tuple[str, str], list[str]]  # (file name, entry id) -> ids of the facts its text names, in order

    def __getattr__(self, stem: str) -> BaseModel:
        try:
            return self.files[stem]
        except KeyError:
            raise AttributeError(stem) from None

    def line(self, filename: str, entry_id: str) -> int:
        return self.lines[(filename, entry_id)]

    def facts_of(self, filename: str, entry_id: str) -> list:
        """The facts an entry's text names, each once, in the order they first appear."""
        by_id = {fact.id: fact for fact in self.files["facts"].root}
        return [by_id[i] for i in dict.fromkeys(self.cites.get((filename, entry_id), ()))]


class ParseError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def parse(name: str, raw: bytes) -> Document:
    """Parse YAML text, refusing what PyYAML would silently accept: duplicate keys, aliases, non-UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        raise ParseError(Problem(name, line, column, Path(name).stem, "the file is not valid UTF-8 text")) from None
    loader = YamlLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(filter(None, [error.context, error.problem]))
        if "tab character" in message or "'\\t'" in message:
            message += " (indent with spaces, not tabs)"
        raise ParseError(Problem(name, mark.line + 1, mark.column + 1, Path(name).stem,
                                 f"YAML syntax error: {message}")) from None
    finally:
        loader.dispose()
    if root is None:
        raise ParseError(Problem(name, 1, 1, Path(name).stem, "the file is empty"))
    doc = Document(name, None, {}, text=text)
    doc.value = _build(loader, doc, root, (), set())
    return doc


def _build(loader, doc: Document, node: yaml.Node, path: Path_, seen: set[int]) -> object:
    # A node reached twice was an alias. Refusing aliases keeps files plain and defuses alias bombs,
    # which would otherwise expand exponentially here.
    if id(node) in seen:
        raise ParseError(doc.problem(path, "YAML anchors and aliases (&name, *name) are not allowed; "
                                           "write the value out"))
    seen.add(id(node))
    doc.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node)
            key_path = (*path, key)
            if key in result:
                first_line = doc.marks[key_path][0]
                doc.marks[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                doc.problems.append(doc.problem(key_path, f"duplicate key '{key}' (first set on line {first_line})"))
                continue
            doc.marks[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(loader, doc, value_node, key_path, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, doc, item, (*path, index), seen) for index, item in enumerate(node.value)]
    return _scalar(loader, node)


def _scalar(loader, node: yaml.Node) -> object:
    # Most keys and values are plain text: skip PyYAML's generic constructor, a third of the load time at scale.
    return node.value if node.tag == _STR else loader.construct_object(node)


def validate(doc: Document, model: type[BaseModel], value: object = None) -> tuple[BaseModel | None, list[Problem]]:
    """Validate `value` (the document's own value unless given: the text with its facts filled in)."""
    try:
        return model.model_validate(doc.value if value is None else value), []
    except ValidationError as error:
        return None, [doc.problem(tuple(e["loc"]), _message(e, model)) for e in error.errors()]


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    got = _TYPE_NAMES.get(type(value).__name__, type(value).__name__)
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
        return f"unknown field '{loc[-1]}'; {hint}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a lowercase slug (letters, digits and single hyphens, e.g. 'use-both')"
    if kind.startswith("url_"):
        return f"'{value}' is not a valid http(s) URL"
    if kind in {"string_type", "list_type", "model_type", "dict_type", "model_attributes_type"}:
        wanted = {"string_type": "text", "list_type": "a list"}.get(kind, "a mapping")
        return f"expected {wanted}, got {got}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    return error["msg"].removeprefix("Value error, ")


def _field_names(model: type, loc: tuple) -> list[str]:
    """The field names allowed at `loc`, found by walking the model's type annotations."""
    annotation = _unwrap(model)
    for part in loc:
        field = typing.get_args(annotation)[0] if isinstance(part, int) else annotation.model_fields[part].annotation
        annotation = _unwrap(field)
    return list(annotation.model_fields) if _is_model(annotation) else []


def _unwrap(annotation):
    """Strip the Annotated, Optional and RootModel wrappers around a type."""
    while True:
        if typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif _is_model(annotation) and "root" in annotation.model_fields:
            annotation = annotation.model_fields["root"].annotation
        else:
            return annotation


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _display_name(path: Path) -> str:
    """The path as a contributor would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _fingerprint(data_dir: Path) -> tuple:
    # The rules also read the pages under docs/ (facts they use, figures typed by hand).
    paths = [*sorted(data_dir.glob("*.yml")), *sorted((data_dir.parent / "docs").glob("*.md"))]
    stats = ((p.name, p.stat()) for p in paths)
    return tuple((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)


_cache: dict[Path, tuple[tuple, SiteData]] = {}


def load(data_dir: Path) -> SiteData:
    """Load data/ once per change: the macros and the page generator share one validated copy per build."""
    data_dir = data_dir.resolve()
    fingerprint = _fingerprint(data_dir)
    if data_dir in _cache and _cache[data_dir][0] == fingerprint:
        return _cache[data_dir][1]
    # Loading allocates dozens of short-lived objects per entry and frees them without cycles, so the collector
    # would only slow it down. What is alive afterwards lasts the whole build; frozen, the collector stops
    # rescanning it on every pass. Together they halve the time spent collecting garbage at 1,000 entries.
    gc.unfreeze()  # `mkdocs serve` loads again on each data change: let the last build's objects be freed
    gc.disable()
    try:
        data = _load(data_dir)
    finally:
        gc.enable()
    gc.freeze()
    _cache[data_dir] = (fingerprint, data)
    return data


def _load(data_dir: Path) -> SiteData:
    """Load and validate every data file; raise DataError listing all problems at once."""
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    models: dict[str, BaseModel] = {}
    for filename in FILES:
        path = data_dir / filename
        name = _display_name(path)
        if not path.is_file():
            problems.append(Problem(name, 1, 1, Path(filename).stem, "file is missing"))
            continue
        try:
            docs[filename] = parse(name, path.read_bytes())
        except ParseError as error:
            problems.append(error.problem)
    values, counts = _fact_values(docs), _counts(docs)
    figures = measured.quoted(docs["benchmarks.yml"].value) if "benchmarks.yml" in docs else {}
    for filename, doc in docs.items():
        models[filename], found = validate(doc, FILES[filename], facts.expand(doc.value, values, counts, figures))
        problems += doc.problems + found
    problems += rules.run(docs)
    if problems:
        raise DataError(problems)
    entries = [(filename, doc.mark((index,))[0], entry) for filename, doc in docs.items()
               if isinstance(doc.value, list) for index, entry in enumerate(doc.value) if "id" in entry]
    lines = {(filename, entry["id"]): line for filename, line, entry in entries}
    cites = {(filename, entry["id"]): facts.referenced(entry) for filename, _, entry in entries
             if filename != "facts.yml"}
    return SiteData({Path(f).stem: models[f] for f in FILES}, lines, cites)


def _fact_values(docs: dict[str, Document]) -> dict[str, str]:
    """id -> value of each fact as written, read before validation so that one bad fact hides no other problem."""
    doc = docs.get("facts.yml")
    items = doc.value if doc and isinstance(doc.value, list) else []
    return {f["id"]: str(f["value"]) for f in items if isinstance(f, dict) and isinstance(f.get("id"), str)
            and f.get("value") is not None}


def _counts(docs: dict[str, Document]) -> dict[str, int]:
    return {what: len(docs[filename].value) for what, filename in facts.COUNTED.items()
            if filename in docs and isinstance(docs[filename].value, list)}
