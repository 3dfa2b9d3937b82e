"""Give every partner page eight team members, as the benchmark's data set assumes."""

from partners.models import PartnerPage, TeamMember

TEAM_SIZE = 8


def seed_team_members() -> int:
    added = 0
    for partner in PartnerPage.objects.live().filter(locale__language_code="en"):
        missing = TEAM_SIZE - partner.team_members.count()
        if missing <= 0:
            continue
        for number in range(missing):
            partner.team_members.add(
                TeamMember(
                    name=f"Team member {number + 1}",
                    position="Researcher",
                    email=f"member{number + 1}@example.org",
                    email_is_public=number % 2 == 0,
                )
            )
        partner.save_revision().publish()
        added += missing
    return added
