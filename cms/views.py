from django.conf import settings
from django.http import Http404
from django.shortcuts import render


def landing(request):
    """The CMS renders no public site; its root points people to where they want to go."""
    return render(request, "landing.html")


def documentation(request):
    """The README, which documents the API, the configuration and the editor workflow."""
    try:
        text = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise Http404("No documentation is installed.") from error
    return render(request, "documentation.html", {"text": text})
