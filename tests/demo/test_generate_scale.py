"""generate_scale builds a large site the API serves like any other, once."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ReferenceIndex

from demo import scale
from partners.models import PartnerCooperation, PartnerPage, TeamMember

pytestmark = pytest.mark.django_db


def generate(*extra):
    call_command("generate_scale", "--partners", "12", "--team", "3", *extra, verbosity=0)


def test_it_builds_live_partners_in_both_languages_that_the_api_serves(client, partner_index):
    generate("--locales", "en,uk")

    english = PartnerPage.objects.filter(locale__language_code="en", live=True)
    ukrainian = PartnerPage.objects.filter(locale__language_code="uk", live=True)
    assert (english.count(), ukrainian.count()) == (12, 12)
    assert TeamMember.objects.filter(partner__in=english).count() == 36
    # Partners 9 ↔ 10 cooperate, both ways; the Ukrainian versions carry the same links.
    assert PartnerCooperation.objects.filter(partner__in=english).count() == 2
    assert PartnerCooperation.objects.filter(partner__in=ukrainian).count() == 2
    assert all(page.live_revision_id for page in english)

    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&locale=uk&fields=*&limit=20")
    body = listing.json()
    assert body["meta"]["total_count"] == 12
    first = body["items"][0]
    assert first["title"] == "Партнерська організація 1"
    assert first["meta"]["path"] == "/uk/partners/scale-partner-0001/"
    assert [t["locale"] for t in first["meta"]["translations"]] == ["en"]
    assert len(first["team_members"]) == 3
    assert {member["position"] for member in first["team_members"]} == {"Дослідник"}
    assert first["logo"]["renditions"]
    found = client.get("/api/v2/pages/find/?html_path=/uk/partners/scale-partner-0012/")
    assert found.status_code == 302


def test_running_it_again_adds_nothing(partner_index):
    generate("--locales", "en,uk")
    counts = (PartnerPage.objects.count(), TeamMember.objects.count())
    generate("--locales", "en,uk")
    assert (PartnerPage.objects.count(), TeamMember.objects.count()) == counts


def test_unknown_locales_and_bad_numbers_are_refused(partner_index):
    with pytest.raises(CommandError, match="Unknown locale\\(s\\): de"):
        generate("--locales", "en,de")
    with pytest.raises(CommandError, match="--partners must be at least 1"):
        call_command("generate_scale", "--partners", "0", verbosity=0)
    assert not PartnerPage.objects.exists()


def test_it_reports_progress_batch_by_batch(partner_index):
    out = io.StringIO()
    call_command("generate_scale", "--partners", "60", "--team", "0", "--locales", "en", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("  50/60 partners: 50 pages written,")
    assert lines[1].startswith("  60/60 partners: 60 pages written,")
    assert lines[2].startswith("Created 60 partner pages, 0 translations and 12 cooperations")


def test_an_interrupted_run_keeps_its_finished_batches_and_resumes(partner_index, monkeypatch):
    new_partner = scale._new_partner

    def interrupted_at_fifteen(number, *args):
        if number == 15:
            raise KeyboardInterrupt
        return new_partner(number, *args)

    monkeypatch.setattr(scale, "_new_partner", interrupted_at_fifteen)
    with pytest.raises(KeyboardInterrupt):
        scale.generate(30, 1, ["en", "uk"], batch_size=10)
    generated = PartnerPage.objects.filter(slug__startswith=scale.SLUG_PREFIX)
    # The first batch, translations included, is kept; the second was undone as a whole.
    assert generated.filter(locale__language_code="en").count() == 10
    assert generated.filter(locale__language_code="uk").count() == 10

    monkeypatch.setattr(scale, "_new_partner", new_partner)
    report = scale.generate(30, 1, ["en", "uk"], batch_size=10)
    assert (report.created, report.translated) == (20, 20)
    assert generated.count() == 60


def test_generated_pages_are_in_the_search_and_reference_indexes(partner_index):
    generate("--locales", "en")
    page = PartnerPage.objects.get(slug=f"{scale.SLUG_PREFIX}0007")
    assert list(PartnerPage.objects.live().search("organisation 7")) == [page]
    # The logo's usage counts the page, as after a publish in the admin.
    assert ReferenceIndex.get_references_to(page.logo).filter(object_id=str(page.pk)).exists()
