#!/usr/bin/env python3
"""Validates a handbook's sources against the JSON Schemas `handbook schema` writes.

Usage: validate-schemas.py SCHEMA_DIR CONTENT_DIR

Uses the `jsonschema` package (draft 2020-12). Prints one line per problem,
`path: where: message`, and exits with 1 when there is any.
"""
import json
import pathlib
import sys

import jsonschema
import yaml


class SourceLoader(yaml.SafeLoader):
    """Reads YAML as the YAML language server does: dates stay text."""


SourceLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(text):
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:number])
    return None


def main(schema_dir, content_dir):
    schema_dir, content_dir = pathlib.Path(schema_dir), pathlib.Path(content_dir)

    def validator(name):
        schema = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    documents = [
        (content_dir / "handbook.yaml", validator("handbook.schema.json"), False),
        (content_dir / "roles.yaml", validator("roles.schema.json"), False),
    ]
    policy, chapter = validator("policy.schema.json"), validator("chapter.schema.json")
    documents += [(path, policy, False) for path in sorted(content_dir.glob("policies/**/*.yaml"))]
    documents += [(path, chapter, True) for path in sorted(content_dir.glob("chapters/**/*.md"))]

    problems = 0
    for path, checker, is_chapter in documents:
        text = path.read_text(encoding="utf-8")
        if is_chapter:
            text = front_matter(text) or ""
        document = yaml.load(text, Loader=SourceLoader)
        for error in sorted(checker.iter_errors(document), key=lambda error: list(error.absolute_path)):
            where = "/".join(str(part) for part in error.absolute_path) or "(document)"
            print(f"{path.relative_to(content_dir)}: {where}: {error.message}")
            problems += 1
    print(f"{len(documents)} files checked, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
