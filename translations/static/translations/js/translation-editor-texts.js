/*
 * Ukrainian (or any admin language) for the few texts wagtail-localize's translation editor
 * writes without gettext, so that no catalogue can translate them: the "More actions" label,
 * the "<source> to <target> translation" heading and the dates it formats with Python's
 * strftime ("27 November 2026"). The texts in the admin's language come from the page
 * (translations/templatetags/translation_editor.py); this only puts them in place, also into
 * what the editor draws later (menus, saved segments).
 */
(function () {
  const data = document.getElementById("translation-editor-texts");
  if (!data) return;
  const { replacements, months } = JSON.parse(data.textContent);
  const date = new RegExp(`\\b(\\d{1,2}) (${Object.keys(months).join("|")}) (\\d{4})\\b`, "g");

  function translated(text) {
    const trimmed = text.trim();
    if (Object.prototype.hasOwnProperty.call(replacements, trimmed)) {
      return text.replace(trimmed, replacements[trimmed]);
    }
    return text.replace(date, (_match, day, month, year) => `${day} ${months[month]} ${year}`);
  }

  function translate(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = translated(node.nodeValue);
      if (text !== node.nodeValue) node.nodeValue = text;
    }
    const elements = root.querySelectorAll ? root.querySelectorAll("[title], [aria-label]") : [];
    for (const element of elements) {
      for (const name of ["title", "aria-label"]) {
        const value = element.getAttribute(name);
        if (value && translated(value) !== value) element.setAttribute(name, translated(value));
      }
    }
  }

  const editor = document.querySelector(".js-translation-editor") || document.body;
  translate(editor);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "characterData") {
        const text = translated(mutation.target.nodeValue);
        if (text !== mutation.target.nodeValue) mutation.target.nodeValue = text;
      }
      for (const node of mutation.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = translated(node.nodeValue);
          if (text !== node.nodeValue) node.nodeValue = text;
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          translate(node);
        }
      }
    }
  }).observe(editor, { childList: true, subtree: true, characterData: true });
})();
