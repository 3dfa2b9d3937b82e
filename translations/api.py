"""What the public API learns from this app: whether a translation shows its source's current
content (``meta.translations[].up_to_date``). Registered with ``cms.api.relations`` when the
app is ready, so the API package imports no feature app."""

from cms.api.relations import translation_freshness

from .status import TranslationState, state_of, synchronised_at


def is_up_to_date(translation, source, synced_at) -> bool:
    return state_of(translation, source, synced_at) == TranslationState.UP_TO_DATE


translation_freshness(load=synchronised_at, is_up_to_date=is_up_to_date)
