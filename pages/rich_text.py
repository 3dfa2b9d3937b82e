"""What rich text offers editors, in every rich-text field of every page type and snippet.

Headings below the page title, lists, and links to pages, addresses and documents; no images
or embeds inside the text, which the frontend lays out itself. Page links render as frontend
paths (``pages/wagtail_hooks.py``).
"""

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
