"""The translation overview: what is missing, in draft, out of date or up to date."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.models import Locale

from home.models import HomePage, SiteContent
from partners.models import PartnerIndexPage, PartnerPage

from .overview import overview_rows
from .status import TranslationState, source_locale


class TranslationOverviewView(BaseListingView):
    template_name = "translations/overview.html"
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"
    paginate_by = 100

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_queryset(self):
        return overview_rows(
            self.request.user,
            locale_code=self.request.GET.get("locale") or None,
            state=self.request.GET.get("state") or None,
            kind=self.request.GET.get("kind") or None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.object_list
        context.update(
            {
                "rows": rows,
                "locales": Locale.objects.exclude(pk=source_locale().pk),
                "states": TranslationState.choices,
                "kinds": [
                    str(model._meta.verbose_name)
                    for model in (HomePage, PartnerIndexPage, PartnerPage, SiteContent)
                ],
                "selected": self.request.GET,
                "counts": {
                    value: sum(1 for row in rows if row.state == value)
                    for value, _label in TranslationState.choices
                },
            }
        )
        return context
