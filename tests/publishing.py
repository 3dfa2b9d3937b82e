"""Publishing and translating pages the way an editor does, for the tests' own content."""


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate(page, locale, **fields):
    """A live translation of ``page`` with the given fields changed."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)
