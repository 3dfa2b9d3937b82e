"""Write the OpenAPI document of the public API to a file, as /api/v2/openapi.json serves it.

For tools that read the contract without a running server: ``make types`` generates the
TypeScript types from it.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from cms.api.openapi import openapi_document


class Command(BaseCommand):
    help = "Write the OpenAPI document to a file (or standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output without it")

    def handle(self, *args, output=None, **options):
        text = json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
            return
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"OpenAPI document written to {path}")
