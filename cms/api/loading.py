"""How each page type is loaded for the API: hooks that page apps register.

``optimise_queryset(Model)`` registers a function that adds the joins and prefetches that
serialising ``Model`` needs to a queryset; ``load_after_fetch(Model)`` one that loads more for a
list of fetched pages at once (``partners.inlines.load_inlines``). Either keeps the number of
queries of a response independent of the number of pages in it.
"""

from collections import defaultdict
from collections.abc import Callable


def model_registry(registry: dict, what: str):
    """A decorator factory: ``@decorator(Model)`` files the function under ``Model``."""

    def decorator(model):
        def register(function):
            registry[model] = function
            return function

        return register

    decorator.__doc__ = f"Register {what} for ``model``."
    return decorator


_QUERYSET_OPTIMISERS: dict[type, Callable] = {}
_AFTER_FETCH_LOADERS: dict[type, Callable] = {}

optimise_queryset = model_registry(
    _QUERYSET_OPTIMISERS, "the joins and prefetching that serialising the model needs"
)
load_after_fetch = model_registry(
    _AFTER_FETCH_LOADERS, "a function loading what serialising a list of its pages needs"
)


def with_api_prefetching(queryset):
    optimiser = _QUERYSET_OPTIMISERS.get(queryset.model)
    queryset = queryset.select_related("locale")
    return optimiser(queryset) if optimiser else queryset


def fetch_for_api(pages) -> list:
    """Evaluate ``pages`` (a queryset or a list) and run the loaders of their page types."""
    pages = list(pages)
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, pages_of_model in by_model.items():
        loader = _AFTER_FETCH_LOADERS.get(model)
        if loader:
            loader(pages_of_model)
    return pages
