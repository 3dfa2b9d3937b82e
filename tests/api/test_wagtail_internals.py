"""The private Wagtail, DRF, wagtail-localize and modelsearch internals we rely on still hold.

``cms/api/wagtail_internals.py`` uses each of them and says why. Every test here names the
entry it checks, so an upgrade that breaks one fails here saying which to re-check.
"""

import importlib.metadata
import inspect
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.db.models.signals import post_save
from django.test import RequestFactory
from django.urls import resolve, reverse
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2 import pagination as wagtail_pagination
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.filters import ChildOfFilter
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.strings import StringValue

from cms.api import wagtail_internals as internals
from cms.api.router import api_router
from cms.api.views import PagesEndpoint
from partners.models import PartnerPage

RECHECK = "re-check cms/api/wagtail_internals.py, entry"


@pytest.mark.parametrize("package", sorted(internals.CHECKED_AGAINST))
def test_the_installed_version_is_one_the_internals_were_checked_against(package):
    installed = importlib.metadata.version(package)
    checked = internals.CHECKED_AGAINST[package]
    assert Version(installed) in SpecifierSet(checked), (
        f"{package} {installed} is outside {checked}: re-check every entry of "
        "cms/api/wagtail_internals.py that names it, then widen CHECKED_AGAINST"
    )


# 1. BaseAPIViewSet._get_serializer_class


def test_wagtail_builds_serializer_classes_in_get_serializer_class_private_half():
    source = inspect.getsource(wagtail_views.BaseAPIViewSet.get_serializer_class)
    assert "self._get_serializer_class(" in source, f"{RECHECK} 1 (_get_serializer_class)"
    parameters = inspect.signature(wagtail_views.BaseAPIViewSet._get_serializer_class).parameters
    assert list(parameters) == ["router", "model", "fields_config", "show_details", "nested"], (
        f"{RECHECK} 1 (_get_serializer_class's arguments)"
    )


def test_every_item_keeps_its_id_and_serializer_classes_are_kept(db):
    none_but = [("_", False, None)]
    first = PagesEndpoint._get_serializer_class(api_router, Page, none_but)
    again = PagesEndpoint._get_serializer_class(api_router, Page, none_but)
    assert "id" in first.Meta.fields, f"{RECHECK} 1 (IdInEveryItem)"
    assert again is first, f"{RECHECK} 1 (SerializerClassesKept)"


# 2. queryset._filtered_by_child_of


def test_the_child_of_filter_marks_its_queryset_and_the_mark_is_carried(partner_index):
    request = SimpleNamespace(GET={"child_of": str(partner_index.pk)})
    view = SimpleNamespace(get_base_queryset=Page.objects.all, request=request)
    filtered = ChildOfFilter().filter_queryset(request, Page.objects.all(), view)
    mark = getattr(filtered, internals.CHILD_OF_MARK, None)
    assert mark is not None and mark.pk == partner_index.pk, f"{RECHECK} 2 (_filtered_by_child_of)"
    combined = filtered.filter(depth=3) | filtered.filter(depth=4)
    carried = internals.keep_child_of_mark(filtered, combined)
    assert getattr(carried, internals.CHILD_OF_MARK) is mark


# 3. Wagtail's English error messages


@pytest.mark.parametrize(("fragment", "parameter"), internals.WAGTAIL_MESSAGE_PARAMETERS)
def test_wagtail_still_words_its_errors_as_matched(fragment, parameter):
    sources = "".join(
        inspect.getsource(module) for module in (wagtail_views, wagtail_filters, wagtail_pagination)
    )
    assert fragment in sources, f"{RECHECK} 3: no Wagtail message says {fragment!r} any more"


def test_a_wagtail_message_is_traced_to_its_parameter():
    message = "cannot order by 'colour' (unknown field)"
    assert internals.parameter_of(message, {"order": "colour"}) == "order"


# 4. Image.prefetched_renditions


def test_renditions_prefetched_under_wagtails_attribute_cost_no_query(
    image, django_assert_num_queries
):
    spec = Filter(spec="fill-160x160|format-webp")
    image.get_renditions(spec)  # generated and stored
    prefetched = get_image_model().objects.prefetch_renditions().get(pk=image.pk)
    assert hasattr(prefetched, internals.PREFETCHED_RENDITIONS), (
        f"{RECHECK} 4 (prefetched_renditions)"
    )
    renditions = get_image_model().get_rendition_model().objects.all()
    through_our_prefetch = (
        get_image_model()
        .objects.prefetch_related(
            Prefetch("renditions", queryset=renditions, to_attr=internals.PREFETCHED_RENDITIONS)
        )
        .get(pk=image.pk)
    )
    with django_assert_num_queries(0):
        through_our_prefetch.get_renditions(spec)


# 5. modelsearch's SearchBackend._search and query compilers


def test_modelsearch_still_routes_searches_through_search_and_its_compilers():
    backend_class = type(get_search_backend())
    parameters = inspect.signature(backend_class._search).parameters
    assert list(parameters)[:4] == ["self", "query_compiler_class", "query", "model_or_queryset"], (
        f"{RECHECK} 5 (_search)"
    )
    assert issubclass(backend_class, internals.WordlessQueriesFindNothing)
    if connection.vendor != "sqlite":
        return
    for name in internals.COMPILER_ATTRIBUTES:
        compiler = getattr(backend_class, name)
        assert issubclass(compiler, internals.QuotesDoubledInTerms), f"{RECHECK} 5 ({name})"
        assert "config" in inspect.signature(compiler.build_search_query_content).parameters


def test_a_query_of_spaces_finds_nothing_and_a_quote_is_no_error(dresden):
    backend = get_search_backend()
    assert list(backend.search("   ", PartnerPage)) == [], f"{RECHECK} 5 (_search)"
    assert list(backend.search('Dres"den', PartnerPage)) == [], f"{RECHECK} 5 (compilers)"


# 6. request.wagtailapi_router


def test_a_routed_view_finds_the_router_where_wagtail_looks():
    source = inspect.getsource(wagtail_views.BaseAPIViewSet.get_serializer_context)
    assert "request.wagtailapi_router" in source, f"{RECHECK} 6 (wagtailapi_router)"
    view = internals.routed(api_router, lambda request: request.wagtailapi_router)
    assert view(RequestFactory().get("/")) is api_router, f"{RECHECK} 6 (wrap_view)"


# 7. Page.url and Page.full_url


def test_wagtail_binds_url_properties_to_its_own_methods(dresden, settings):
    assert Page.url.fget is Page.get_url and Page.full_url.fget is Page.get_full_url, (
        f"{RECHECK} 7: Page.url now follows overrides; UrlPropertiesFollowOverrides can go"
    )
    settings.FRONTEND_URL = "https://frontend.example"
    assert dresden.url == "https://frontend.example/en/partners/city-of-dresden/"
    assert dresden.full_url == dresden.url


# 8. Page._get_dummy_header_url


def test_preview_requests_come_from_the_admins_address(dresden, settings):
    settings.FRONTEND_URL = "https://frontend.example"
    settings.ALLOWED_HOSTS = ["frontend.example", "cms.example", "localhost"]
    request = RequestFactory().get("/admin/", HTTP_HOST="cms.example")
    headers = dresden._get_dummy_headers(request)
    assert headers["HTTP_HOST"] == "cms.example", f"{RECHECK} 8 (_get_dummy_header_url)"
    assert headers["PATH_INFO"] == "/en/partners/city-of-dresden/"


# 9. wagtail-localize's admin URLs


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [
        ("wagtail_localize:update_translations", "translations_sync"),
        ("wagtail_localize:machine_translate", "translations_machine_translate"),
    ],
)
def test_our_views_answer_at_wagtail_localizes_addresses(theirs, ours):
    address = reverse(theirs, args=[1])
    assert address == reverse(ours, args=[1]), f"{RECHECK} 9: {theirs} moved to {address}"
    assert resolve(address).url_name == ours, f"{RECHECK} 9: {theirs} answers before ours"


# 10. wagtail.api.v2.utils


def test_wagtails_api_helpers_are_where_and_what_they_were(rf, home_page):
    assert internals.BadRequestError is wagtail_views.BadRequestError, f"{RECHECK} 10"
    assert internals.page_models_from_string("partners.PartnerPage") == (PartnerPage,)
    request = rf.get("/")
    url = internals.get_object_detail_url(api_router, request, PartnerPage, 5)
    assert url.endswith("/api/v2/pages/5/"), f"{RECHECK} 10 (get_object_detail_url)"


# 11. wagtail-localize's views


def test_wagtail_localizes_views_are_what_ours_wrap_and_extend():
    parameters = inspect.signature(internals.machine_translate_view).parameters
    assert list(parameters) == ["request", "translation_id"], f"{RECHECK} 11 (machine_translate)"
    view = internals.UpdateTranslationsView
    for method in ("get_form", "form_valid", "get_default_success_url"):
        assert callable(getattr(view, method, None)), f"{RECHECK} 11 ({method})"
    form_fields = internals.UpdateTranslationsForm().fields
    assert "publish_translations" in form_fields, f"{RECHECK} 11 (the form's publish option)"


# 12. DeepLTranslator.get_parameters and get_headers


def test_deepl_request_parts_are_the_form_and_headers_deepl_expects():
    translator = DeepLTranslator({"AUTH_KEY": "key-for-the-test"})
    english, ukrainian = Locale(language_code="en"), Locale(language_code="uk")
    parameters, headers = internals.deepl_request_parts(
        translator, english, ukrainian, [StringValue("Hello")]
    )
    assert parameters["text"] == ["Hello"], f"{RECHECK} 12 (get_parameters)"
    assert parameters["target_lang"] == "UK", f"{RECHECK} 12 (get_parameters)"
    assert headers == {"Authorization": "DeepL-Auth-Key key-for-the-test"}, f"{RECHECK} 12"


# 13. modelsearch's post_save signal handler


def test_modelsearch_indexes_saved_pages_through_the_handler_generate_scale_pauses():
    # disconnect() says whether the handler was connected; it is connected again at once.
    was_connected = post_save.disconnect(internals.search_index_on_save, sender=PartnerPage)
    post_save.connect(internals.search_index_on_save, sender=PartnerPage)
    assert was_connected, f"{RECHECK} 13 (post_save_signal_handler)"


# 14. WagtailPagination


def test_wagtails_pagination_answers_with_a_slice_of_the_queryset(rf, partner_index):
    assert internals.WagtailPagination is wagtail_pagination.WagtailPagination, f"{RECHECK} 14"
    pagination = internals.WagtailPagination()
    queryset = Page.objects.order_by("path")
    page = pagination.paginate_queryset(queryset, rf.get("/", {"offset": 1, "limit": 2}))
    assert isinstance(page, type(queryset)), f"{RECHECK} 14 (a queryset, not a list)"
    assert list(page) == list(queryset[1:3]), f"{RECHECK} 14 (the slice offset:offset+limit)"
    assert pagination.total_count == queryset.count(), f"{RECHECK} 14 (total_count)"


# 15. Query.order_by (Django)


def test_a_querysets_ordering_is_read_where_django_keeps_it(db):
    assert internals.ordering_of(Page.objects.order_by("-title", "path")) == ("-title", "path"), (
        f"{RECHECK} 15"
    )
    # Wagtail's page manager (treebeard's) orders by path.
    assert internals.ordering_of(PartnerPage.objects.all()) == ("path",), f"{RECHECK} 15"
    assert internals.ordering_of(Page.objects.order_by()) == (), f"{RECHECK} 15"
