// One calm control per heading that has text of its own: a small "Del" button beside the heading,
// shown when the reader points at or tabs to it (always there for the keyboard and screen readers),
// that opens two choices: "Kopiér link", which copies the section's short link /l/<id>/ when it has
// one (listed in l/kort.json) and else its address, and "Vis i fokus" (fokusvisning.js). It follows
// the heading rather than sitting inside it, so the heading's own name stays the section's title.
(function () {
  var shortLinks = null;  // a promise of {"/side/#anker": "/l/id/"}, fetched once

  // The site's root, from the theme's configuration: right under any sub-path the site is served at.
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function shortLinkIndex(root) {
    if (!shortLinks) {
      shortLinks = fetch(new URL("l/kort.json", root))
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return shortLinks;
  }

  function addressOf(heading, root, index) {
    var anchor = heading.tagName === "H1" ? "" : "#" + heading.id;
    var key = "/" + location.pathname.slice(root.pathname.length) + anchor;
    return index[key] ? new URL(index[key].slice(1), root).href : location.origin + location.pathname + anchor;
  }

  function titleOf(heading) {
    return heading.textContent.replace("¶", "").trim();
  }

  // A heading directly followed by another heading only groups its subsections.
  function hasText(heading) {
    var next = heading.nextElementSibling;
    return next !== null && !/^H[1-6]$/.test(next.tagName);
  }

  function choice(text, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.addEventListener("click", action);
    return element;
  }

  document$.subscribe(function () {
    var status = document.getElementById("afsnitsmenu_status");
    if (!status) {
      status = document.createElement("div");
      status.id = "afsnitsmenu_status";  // an underscore, which no anchor may hold
      status.className = "md-visually-hidden";
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    var root = siteRoot();
    var article = document.querySelector(".md-content .md-typeset");
    if (!article) {
      return;
    }
    article.querySelectorAll("h1[id], h2[id], h3[id]").forEach(function (heading) {
      var next = heading.nextElementSibling;
      if (!hasText(heading) || next.classList.contains("afsnitsmenu")) {
        return;
      }
      var title = titleOf(heading);
      var menu = document.createElement("div");
      menu.className = "afsnitsmenu afsnitsmenu--" + heading.tagName.toLowerCase();
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "afsnitsmenu-knap";
      toggle.textContent = "Del";
      toggle.setAttribute("aria-label", "Del " + (heading.tagName === "H1" ? "siden " : "afsnittet ") + title);
      toggle.setAttribute("aria-expanded", "false");
      var choices = document.createElement("div");
      choices.className = "afsnitsmenu-valg";
      choices.id = "afsnitsmenu_" + heading.id;
      choices.hidden = true;
      toggle.setAttribute("aria-controls", choices.id);

      function show(open) {
        choices.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("afsnitsmenu--aaben", open);
      }

      var copy = choice("Kopiér link", function () {
        shortLinkIndex(root).then(function (index) {
          var url = addressOf(heading, root, index);
          return navigator.clipboard.writeText(url).then(function () {
            copy.textContent = "Link kopieret";
            status.textContent = "Linket til " + title + " er kopieret: " + url;
          }, function () {
            copy.textContent = "Kunne ikke kopiere";
            status.textContent = "Linket kunne ikke kopieres. Adressen er " + url;
          });
        }).then(function () {
          setTimeout(function () { copy.textContent = "Kopiér link"; }, 3000);
        });
      });
      var focus = choice("Vis i fokus", function () {
        show(false);
        window.fokusvisning.aabn(heading, toggle);
      });
      choices.appendChild(copy);
      choices.appendChild(focus);
      toggle.addEventListener("click", function () { show(choices.hidden); });
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !choices.hidden) {
          event.stopPropagation();
          show(false);
          toggle.focus();
        }
      });
      menu.addEventListener("focusout", function (event) {
        if (!menu.contains(event.relatedTarget)) {
          show(false);
        }
      });
      menu.appendChild(toggle);
      menu.appendChild(choices);
      heading.insertAdjacentElement("afterend", menu);
    });
  });

  // A click anywhere else closes an open menu.
  document.addEventListener("click", function (event) {
    document.querySelectorAll(".afsnitsmenu--aaben").forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.querySelector(".afsnitsmenu-knap").click();
      }
    });
  });
})();
