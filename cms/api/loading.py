"""How each page type is loaded for the API: hooks that page apps register.

``optimise_queryset("app.Model")`` registers a function that adds the joins and prefetches that
serialising the model needs to a queryset; ``load_after_fetch("app.Model")`` one that loads more
for a list of fetched pages at once (``partners.api.load_inlines``). Either keeps the number of
queries of a response independent of the number of pages in it. Models are named by their
label, so an app registers from the module its models import.
"""

from collections import defaultdict
from collections.abc import Callable


def model_registry(registry: dict, what: str):
    """A decorator factory: ``@decorator("app.Model")`` files the function under that label."""

    def decorator(label: str):
        def register(function):
            registry[label] = function
            return function

        return register

    decorator.__doc__ = f"Register {what} for the model labelled ``label``."
    return decorator


def registered(registry: dict, model) -> Callable | None:
    """The function ``registry`` holds for ``model``, if any."""
    return registry.get(model._meta.label)


_QUERYSET_OPTIMISERS: dict[str, Callable] = {}
_AFTER_FETCH_LOADERS: dict[str, Callable] = {}

optimise_queryset = model_registry(
    _QUERYSET_OPTIMISERS, "the joins and prefetching that serialising the model needs"
)
load_after_fetch = model_registry(
    _AFTER_FETCH_LOADERS, "a function loading what serialising a list of its pages needs"
)


def with_api_prefetching(queryset):
    optimiser = registered(_QUERYSET_OPTIMISERS, queryset.model)
    queryset = queryset.select_related("locale")
    return optimiser(queryset) if optimiser else queryset


def fetch_for_api(pages) -> list:
    """Evaluate ``pages`` (a queryset or a list) and run the loaders of their page types."""
    pages = list(pages)
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, pages_of_model in by_model.items():
        loader = registered(_AFTER_FETCH_LOADERS, model)
        if loader:
            loader(pages_of_model)
    return pages
