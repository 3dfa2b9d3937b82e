"""A partner's inlines as the API reads them: prefetched lists, or the relation itself."""

# Where partners/api.py prefetches each inline (Prefetch to_attr).
PREFETCHED = {name: f"api_{name}" for name in ("social_links", "team_members", "cooperations")}


def inline(page, name: str) -> list:
    """A partner's social links, team members or cooperations, in the editor's order."""
    prefetched = getattr(page, PREFETCHED[name], None)
    return prefetched if prefetched is not None else list(getattr(page, name).all())
