// Accessibility fixes to markup that Material's own scripts create.
document$.subscribe(function () {
  // The search overlay has role="dialog" but no name.
  var search = document.querySelector(".md-search");
  if (search) {
    search.setAttribute("aria-label", "Søg i håndbogen");
  }

  // The header's menu and search buttons (overrides/partials/header.html) open what the theme's
  // labels would: they tick the theme's checkbox and tell its scripts, which listen for "change".
  document.querySelectorAll("button.md-header__button[data-aabner]").forEach(function (button) {
    if (button.dataset.klar) {
      return;
    }
    button.dataset.klar = "ja";
    button.addEventListener("click", function () {
      var toggle = document.getElementById(button.dataset.aabner);
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
      if (toggle.id === "__search" && toggle.checked) {
        document.querySelector("[data-md-component=search-query]").focus();
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
    // A table wider than the screen says so above it, so no reader takes a cut column for the last.
    var hint = document.createElement("p");
    hint.className = "rulle-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = "Tabellen er bredere end skærmen: stryg eller brug piletasterne for at se resten →";
    wrap.insertAdjacentElement("beforebegin", hint);
    var mark = function () {
      wrap.classList.toggle("kan-rulles", wrap.scrollWidth > wrap.clientWidth + 1);
    };
    mark();
    window.addEventListener("resize", mark);
  });
});
