from django.core.management.base import BaseCommand

from newsletter.erasure import erase
from newsletter.models import normalise_email


class Command(BaseCommand):
    help = (
        "Erase one person: delete the newsletter subscription of EMAIL, its consent record and "
        "the newsletter webhook deliveries that name it."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        email = normalise_email(email)
        if erase(email):
            self.stdout.write(f"Erased everything held about {email}.")
        else:
            self.stdout.write(f"Nothing is held about {email}.")
