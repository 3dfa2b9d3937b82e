"""A large, realistic partner site for load and scale measurements (manage.py generate_scale).

Pages are created the way the admin would leave them — live, with a revision, team members,
social links, logos and cooperations — but without the per-publish work that only matters to
people watching (notifications, purges, log entries), so that 2,000 partners in two languages
take minutes, not hours. Translations are real pages in the other locales' trees
(``copy_for_translation``) with Ukrainian (or prefixed) titles and texts.
"""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.demo.logos import partner_logo
from home.models import HomePage

from .models import (
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


def generate(partners: int, team: int, locale_codes: list[str], seed: int = 1) -> ScaleReport:
    """Top the site up to ``partners`` generated partner pages in every locale given."""
    rng = random.Random(seed)  # noqa: S311 - made-up content, not security
    locales = list(Locale.objects.filter(language_code__in=locale_codes))
    default = Locale.get_default()
    report = ScaleReport()
    with transaction.atomic():
        index = _partner_index(default)
        logos = _logo_pool(rng)
        existing = {
            page.slug: page
            for page in PartnerPage.objects.filter(locale=default, slug__startswith=SLUG_PREFIX)
        }
        generated = []
        for number in range(1, partners + 1):
            slug = f"{SLUG_PREFIX}{number:04d}"
            partner = existing.get(slug)
            if partner is None:
                partner = _new_partner(number, team, logos, rng)
                index.add_child(instance=partner)
                _publish_quietly(partner)
                report.created += 1
            generated.append(partner)
        # Every tenth partner cooperates with its predecessor, both ways (Dresden ↔ Khmelnytskyi).
        for first, second in zip(generated[8::10], generated[9::10], strict=False):
            for a, b in ((first, second), (second, first)):
                _, created = PartnerCooperation.objects.get_or_create(
                    partner=a, cooperating_partner=b, defaults={"sort_order": 0}
                )
                report.cooperations += created
        for locale in locales:
            if locale == default:
                continue
            translated = set(
                PartnerPage.objects.filter(locale=locale, slug__startswith=SLUG_PREFIX).values_list(
                    "translation_key", flat=True
                )
            )
            for number, partner in enumerate(generated, start=1):
                if partner.translation_key not in translated:
                    _translate(partner, locale, number)
                    report.translated += 1
    return report
