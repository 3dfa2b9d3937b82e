"""The forms of an admin page, submitted as a person would: every button, values as shown."""

from html.parser import HTMLParser

MAX_BUTTONS_PER_FORM = 6


class _FormCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attributes.get("action") or "",
                "method": (attributes.get("method") or "get").lower(),
                "fields": [],
                "buttons": [],
            }
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attributes.get("name")
        kind = (attributes.get("type") or "").lower()
        if tag == "input" and name:
            if kind in ("submit", "image"):
                self._form["buttons"].append((name, attributes.get("value") or ""))
            elif kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self._form["fields"].append((name, attributes.get("value") or "on"))
            elif kind not in ("file", "button", "reset"):
                self._form["fields"].append((name, attributes.get("value") or ""))
        elif tag == "button" and name and kind in ("", "submit"):
            self._form["buttons"].append((name, attributes.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "selected": None}
        elif tag == "option" and self._select is not None:
            value = attributes.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attributes:
                self._select["selected"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "textarea" and self._textarea is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            value = self._select["selected"] or self._select["first"]
            if value is not None:
                self._form["fields"].append((self._select["name"], value))
            self._select = None
        elif tag == "form":
            self._form = None


def post_submissions(html: str, page_url: str):
    """``(url, data)`` for each POST form on the page and each of its named buttons."""
    collector = _FormCollector()
    collector.feed(html)
    for form in collector.forms:
        if form["method"] != "post":
            continue
        action = form["action"] or page_url
        if not action.startswith("/"):
            continue  # another site, or a relative path that no admin form uses
        data = {}
        for name, value in form["fields"]:
            data.setdefault(name, []).append(value)
        buttons = form["buttons"][:MAX_BUTTONS_PER_FORM] or [None]
        for button in buttons:
            submitted = dict(data)
            if button:
                submitted[button[0]] = [button[1]]
            yield action, submitted
