// Accessibility fixes to markup that Material's own scripts create.
document$.subscribe(function () {
  // The search overlay has role="dialog" but no name.
  var search = document.querySelector(".md-search");
  if (search) {
    search.setAttribute("aria-label", "Søg i håndbogen");
  }

  // The header's menu and search buttons are <label>s that the keyboard cannot reach. Once
  // focusable, the theme already turns Enter on a label into a click; Space we add ourselves.
  var names = { __drawer: "Åbn menuen", __search: "Åbn søgningen" };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
    if (label.hasAttribute("tabindex")) {
      return;
    }
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", names[label.htmlFor] || label.htmlFor);
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });

  // Wide tables scroll sideways inside a wrapper: keyboard users must be able to reach it,
  // and each such region needs its own name, taken from the heading above the table.
  var regions = {};
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    var heading = wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) {
      heading = heading.previousElementSibling;
    }
    var name = "Tabel: " + (heading ? heading.textContent.replace("¶", "").trim() : "uden overskrift");
    regions[name] = (regions[name] || 0) + 1;
    if (regions[name] > 1) {
      name += " (" + regions[name] + ")";
    }
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", name);
  });
});
