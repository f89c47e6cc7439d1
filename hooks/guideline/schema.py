"""JSON Schemas of the structured sources, generated from the validator's own models.

The schemas in quizzes/schema/ let an editor (VS Code with the YAML extension) complete and check fields while one
types; each YAML file names its schema in its first line. Regenerate after changing a model:

    .venv/bin/python -m guideline.schema
"""

from __future__ import annotations

import json
from pathlib import Path

from guideline.models import Checklist, QuestionFile, SearchWords, Settings
from guideline.organization import Organization

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "quizzes" / "schema"
SCHEMAS = {
    "questions.schema.json": (QuestionFile, "Questions of one guideline chapter / Yhden luvun kysymykset / Frågor för ett kapitel"),
    "checklist.schema.json": (Checklist, "Administrator's wall poster / Huoneentaulu / Checklista för administratörer"),
    "settings.schema.json": (Settings, "Quiz settings / Testien asetukset / Testinställningar"),
    "search.schema.json": (SearchWords, "Search words / Hakusanat / Sökord"),
    "organization.schema.json": (Organization, "The organization's settings / Organisaation asetukset / Organisationens inställningar"),
}


def schema_texts() -> dict[str, str]:
    """Each schema file's name and its text, as generated from the models now."""
    texts = {}
    for name, (model, title) in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        schema["title"] = title
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def write_schemas(directory: Path = SCHEMA_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas()
