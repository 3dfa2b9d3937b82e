"""A large, realistic partner site for load and scale measurements (manage.py generate_scale).

Pages are created the way the admin would leave them — live, with a revision, team members,
social links, logos and cooperations — but without the per-publish work that only matters to
people watching (notifications, purges, log entries), so that 2,000 partners in two languages
take minutes, not hours. Translations are real pages in the other locales' trees
(``copy_for_translation``) with Ukrainian (or prefixed) titles and texts.

The work is done in batches, each committed on its own, so a long run reports its progress and
an interrupted one resumes where it stopped.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.api import wagtail_internals
from demo.logos import partner_logo
from home.models import HomePage
from partners.models import (
    ConsortiumRole,
    OrganisationType,
    PartnerCooperation,
    PartnerIndexPage,
    PartnerPage,
    PartnerSocialLink,
    TeamMember,
)

SLUG_PREFIX = "scale-partner-"
IMAGE_COLLECTION_TITLE_PREFIX = "Scale logo "
# Partners per transaction: a multiple of ten, so that cooperating pairs (9 ↔ 10) share a batch.
BATCH_SIZE = 50
LOGO_POOL = 12  # logos are shared: renditions of 2,000 distinct images would measure Pillow
COUNTRIES = ["DE", "PL", "SK", "DK", "IT", "UA", "AT", "CZ", "FR", "NL", "LT", "RO"]
CITIES = ["Dresden", "Kraków", "Bratislava", "Aarhus", "L'Aquila", "Kyiv", "Lviv", "Vienna"]
FIRST_NAMES = ["Anna", "Oleksandr", "Katrin", "Piotr", "Giulia", "Mette", "Jana", "Taras"]
LAST_NAMES = ["Kowalska", "Shevchenko", "Vogel", "Nowak", "Rossi", "Jensen", "Horák", "Bondar"]
POSITIONS = ["Researcher", "Project manager", "Energy planner", "Climate officer", "Professor"]
# Enough Ukrainian to make translated pages read as Ukrainian, not as English with a prefix.
UKRAINIAN = {
    "title": "Партнерська організація {number}",
    "brief": "<p>Організація {number} працює над кліматичною нейтральністю міст.</p>",
    "role": "<p>У проєкті організація {number} відповідає за обмін знаннями.</p>",
    "position": "Дослідник",
    "city": "Місто {number}",
}


@dataclass
class ScaleReport:
    created: int = 0
    translated: int = 0
    cooperations: int = 0


def _english_text(number: int) -> dict:
    return {
        "title": f"Partner organisation {number:04d}",
        "brief": f"<p>Organisation {number} works on climate-neutral cities.</p>",
        "role": f"<p>In the project, organisation {number} leads knowledge exchange.</p>",
    }


def _logo_pool(rng) -> list:
    Image = get_image_model()
    pool = list(Image.objects.filter(title__startswith=IMAGE_COLLECTION_TITLE_PREFIX))
    for number in range(len(pool), LOGO_POOL):
        country = COUNTRIES[number % len(COUNTRIES)]
        pool.append(
            Image.objects.create(
                title=f"{IMAGE_COLLECTION_TITLE_PREFIX}{number}",
                file=partner_logo(f"P{number}", country, f"scale-logo-{number}.png"),
            )
        )
    return pool


def _partner_index(locale) -> PartnerIndexPage:
    index = PartnerIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        raise LookupError(
            f"No home page in {locale.language_code}: run load_demo first (or migrate, which "
            "creates the locales, then load_demo)."
        )
    index = PartnerIndexPage(title="Partners", slug="partners", live=True)
    home.add_child(instance=index)
    return index


def _publish_quietly(page):
    """Live with a revision, as after a publish, without the per-publish signals."""
    revision = page.save_revision(clean=False)
    now = timezone.now()
    Page.objects.filter(pk=page.pk).update(
        live=True,
        has_unpublished_changes=False,
        live_revision=revision,
        first_published_at=now,
        last_published_at=now,
    )


def _new_partner(number: int, team_size: int, logos: list, rng) -> PartnerPage:
    text = _english_text(number)
    partner = PartnerPage(
        title=text["title"],
        slug=f"{SLUG_PREFIX}{number:04d}",
        short_name=f"P{number:04d}",
        logo=logos[number % len(logos)],
        logo_alt_text=f"Logo of partner organisation {number}",
        country=rng.choice(COUNTRIES),
        city=rng.choice(CITIES),
        organisation_type=rng.choice(OrganisationType.values),
        consortium_role=rng.choice(ConsortiumRole.values),
        website=f"https://partner-{number}.example.org/",
        brief_description=text["brief"],
        role_in_project=text["role"],
        live=True,
    )
    for member in range(team_size):
        partner.team_members.add(
            TeamMember(
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                position=rng.choice(POSITIONS),
                photo=logos[(number + member) % len(logos)] if member % 3 == 0 else None,
                email=f"member{member}@partner-{number}.example.org",
                email_is_public=member % 2 == 0,
                is_contact_person=member == 0,
            )
        )
    partner.social_links.add(
        PartnerSocialLink(platform="linkedin", url=f"https://www.linkedin.com/company/p{number}")
    )
    return partner


def _translate(partner: PartnerPage, locale, number: int):
    translation = partner.copy_for_translation(locale, copy_parents=True)
    if locale.language_code == "uk":
        translation.title = UKRAINIAN["title"].format(number=number)
        translation.brief_description = UKRAINIAN["brief"].format(number=number)
        translation.role_in_project = UKRAINIAN["role"].format(number=number)
        translation.city = UKRAINIAN["city"].format(number=number)
    else:
        translation.title = f"[{locale.language_code}] {translation.title}"
    translation.save()
    if locale.language_code == "uk":
        TeamMember.objects.filter(partner=translation).update(position=UKRAINIAN["position"])
    _publish_quietly(translation)
    return translation


@contextmanager
def _indexes_updated_per_batch():
    """Leave the reference and search indexes to ``_index_batch`` while generating.

    Saving one partner in the admin's way updates both indexes a dozen times (the page, its
    revision, each team member, the copy for translation…): profiled on PostgreSQL, two thirds
    of the time went there. Wagtail's own switch turns the reference index off; the search
    backend's signal handler is disconnected for partner pages with Django's signal API (modelsearch
    offers no switch of its own) and connected again however the generation ends.
    """
    post_save.disconnect(wagtail_internals.search_index_on_save, sender=PartnerPage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(wagtail_internals.search_index_on_save, sender=PartnerPage)


def _index_batch(pages: list[PartnerPage]):
    """What the indexes would have recorded page by page, once per page."""
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(PartnerPage, pages)


def generate(
    partners: int,
    team: int,
    locale_codes: list[str],
    seed: int = 1,
    batch_size: int = BATCH_SIZE,
    progress=None,
) -> ScaleReport:
    """Top the site up to ``partners`` generated partner pages in every locale given.

    Partners are built in batches of ``batch_size``, each batch (its English pages, their
    cooperations and translations, their index entries) in a transaction of its own: an
    interrupted run keeps the batches it finished, and the next run skips what exists.
    ``progress(done, total, report)`` is called after each batch.
    """
    rng = random.Random(seed)  # noqa: S311 - made-up content, not security
    default = Locale.get_default()
    others = list(Locale.objects.filter(language_code__in=locale_codes).exclude(pk=default.pk))
    report = ScaleReport()
    with transaction.atomic():
        index = _partner_index(default)
        logos = _logo_pool(rng)
    with _indexes_updated_per_batch():
        for first in range(1, partners + 1, batch_size):
            numbers = range(first, min(first + batch_size, partners + 1))
            with transaction.atomic():
                _build_batch(numbers, team, index, logos, others, rng, report)
            if progress is not None:
                progress(numbers[-1], partners, report)
    return report


def _build_batch(numbers, team, index, logos, others, rng, report):
    slugs = {f"{SLUG_PREFIX}{number:04d}": number for number in numbers}
    existing = {
        page.slug: page for page in PartnerPage.objects.filter(locale=index.locale, slug__in=slugs)
    }
    batch, touched = [], []
    for slug, number in slugs.items():
        partner = existing.get(slug)
        if partner is None:
            # Drawn only for new partners, as before batches: the same seed gives the same site.
            partner = _new_partner(number, team, logos, rng)
            index.add_child(instance=partner)
            _publish_quietly(partner)
            touched.append(partner)
            report.created += 1
        batch.append((number, partner))
    # Every tenth partner cooperates with its predecessor, both ways (Dresden ↔ Khmelnytskyi);
    # batches are multiples of ten, so both sides of a pair are in the same batch.
    by_number = dict(batch)
    for number, partner in batch:
        if number % 10 == 0 and number - 1 in by_number:
            for a, b in ((by_number[number - 1], partner), (partner, by_number[number - 1])):
                _, created = PartnerCooperation.objects.get_or_create(
                    partner=a, cooperating_partner=b, defaults={"sort_order": 0}
                )
                report.cooperations += created
    for locale in others:
        translated = set(
            PartnerPage.objects.filter(
                locale=locale, translation_key__in=[partner.translation_key for _, partner in batch]
            ).values_list("translation_key", flat=True)
        )
        for number, partner in batch:
            if partner.translation_key not in translated:
                touched.append(_translate(partner, locale, number))
                report.translated += 1
    _index_batch(touched)
