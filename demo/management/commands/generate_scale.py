import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from demo.scale import generate


class Command(BaseCommand):
    help = (
        "Build a large, realistic partner site for scale and load measurements: N live partner "
        "pages with team members, logos, social links and cooperations, translated into each "
        "locale given, in batches committed one by one: running it again with the same numbers "
        "adds nothing, and after an interruption it goes on where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partners", type=int, default=2000, help="Partner pages in the source language."
        )
        parser.add_argument("--team", type=int, default=8, help="Team members per partner.")
        parser.add_argument(
            "--locales",
            default="en,uk",
            help="Comma-separated language codes to build (the source language included).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Seed for the made-up content (same seed, same site).",
        )

    def handle(self, *args, partners, team, locales, seed, **options):
        if partners < 1 or team < 0:
            raise CommandError("--partners must be at least 1 and --team at least 0.")
        codes = [code.strip() for code in locales.split(",") if code.strip()]
        known = set(Locale.objects.values_list("language_code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise CommandError(
                f"Unknown locale(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))} "
                "(a new language is a settings change plus migrate)."
            )
        started = time.monotonic()

        def progress(done, total, report):
            pages = report.created + report.translated
            elapsed = time.monotonic() - started
            rate = pages / elapsed if elapsed else 0.0
            left = elapsed / done * (total - done)
            remaining = f"about {left / 60:.0f} min left" if left >= 90 else f"{left:.0f} s left"
            self.stdout.write(
                f"  {done}/{total} partners: {pages} pages written, {rate:.1f} pages/s, {remaining}"
            )
            self.stdout.flush()

        quiet = options["verbosity"] == 0
        try:
            report = generate(
                partners, team, codes, seed=seed, progress=None if quiet else progress
            )
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Created {report.created} partner pages, {report.translated} translations and "
            f"{report.cooperations} cooperations in {time.monotonic() - started:.0f} s."
        )
