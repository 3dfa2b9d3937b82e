import json

from django.core.management.base import BaseCommand

from newsletter.erasure import export


class Command(BaseCommand):
    help = (
        "Print, as JSON, everything held about one email address: its newsletter subscription "
        "with the proof of consent, and the newsletter webhook deliveries that name it."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(export(email), indent=2, ensure_ascii=False))
