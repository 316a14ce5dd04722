// Focus view for presenters: one section of the page at a time, in large type and without the
// site's navigation, for a screen at an informationsmøde. Each heading's menu (afsnitsmenu.js) opens
// it with "Vis i fokus"; ←/→ move between the sections of the page, PageDown/PageUp
// (what presentation clickers send) scroll a long section first and then move on, Esc closes.
// The address gets ?fokus, so a link such as /principper/ressourcer/?fokus#hvorfor opens the
// view directly from a slide.
(function () {
  var headings = [];   // the page title (its introduction) and every section heading
  var view = null;
  var current = 0;
  var opener = null;   // the control that opened the view, to give the keyboard back to
  var openedAt = -1;
  var pageTitle = "";

  function titleOf(heading) {
    return heading.textContent.replace("¶", "").trim();
  }

  // The section: the heading and what follows it until the next heading, without its menu.
  function sectionNodes(index) {
    var nodes = [headings[index]];
    for (var node = headings[index].nextElementSibling; node && headings.indexOf(node) < 0; node = node.nextElementSibling) {
      if (!node.matches(".afsnitsmenu")) {
        nodes.push(node);
      }
    }
    return nodes;
  }

  // A copy must not repeat the page's ids: prefix them, and what points at them, inside the copy
  // ("fokus_", with an underscore no anchor may hold, so no prefixed id can be one of the page's).
  function copyOf(node) {
    var copy = node.cloneNode(true);
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (element) {
      if (element.id) {
        element.id = "fokus_" + element.id;
      }
      ["aria-labelledby", "aria-describedby"].forEach(function (name) {
        if (element.hasAttribute(name)) {
          element.setAttribute(name, element.getAttribute(name).split(" ").map(function (id) {
            return "fokus_" + id;
          }).join(" "));
        }
      });
    });
    copy.querySelectorAll(".headerlink, .afsnitsmenu").forEach(function (element) {
      element.remove();
    });
    return copy;
  }

  function setAddress(open) {
    var url = new URL(location.href);
    url.searchParams.delete("fokus");
    var search = url.searchParams.toString();
    if (open) {
      search = search ? search + "&fokus" : "fokus";
      url.hash = headings[current].id;
    }
    url.search = search;
    history.replaceState(history.state, "", url.toString());
  }

  function button(text, label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.addEventListener("click", action);
    return element;
  }

  function build() {
    view = document.createElement("div");
    // An underscore, which no anchor may hold: the presenters' page has a section #fokusvisning.
    view.id = "fokus_visning";
    view.setAttribute("role", "dialog");
    view.setAttribute("aria-modal", "true");
    var bar = document.createElement("div");
    bar.className = "fokus-bjaelke";
    var where = document.createElement("p");
    where.className = "fokus-placering";
    var buttons = document.createElement("div");
    buttons.className = "fokus-knapper";
    buttons.appendChild(button("← Forrige", "Forrige afsnit", function () { show(current - 1); }));
    buttons.appendChild(button("Næste →", "Næste afsnit", function () { show(current + 1); }));
    buttons.appendChild(button("Luk (Esc)", "Luk fokusvisningen", function () { close(true); }));
    bar.appendChild(where);
    bar.appendChild(buttons);
    var content = document.createElement("div");
    content.className = "md-typeset fokus-indhold";
    view.appendChild(bar);
    view.appendChild(content);
    document.body.appendChild(view);
  }

  function show(index) {
    current = Math.max(0, Math.min(headings.length - 1, index));
    var content = view.querySelector(".fokus-indhold");
    content.textContent = "";
    var heading = headings[current];
    if (current > 0) {
      // Which page the section belongs to, for an audience that did not see the page.
      var page = document.createElement("p");
      page.className = "fokus-side";
      page.textContent = pageTitle;
      content.appendChild(page);
    }
    if (heading.tagName === "H3") {
      // A subsection keeps its section's title above it, so the audience knows where they are.
      var parent = headings.slice(0, current).reverse().filter(function (h) { return h.tagName === "H2"; })[0];
      if (parent) {
        var kicker = document.createElement("p");
        kicker.className = "fokus-overafsnit";
        kicker.textContent = titleOf(parent);
        content.appendChild(kicker);
      }
    }
    var nodes = sectionNodes(current);
    // Who says what stays visible on every section: the page's marker (under its title), unless
    // the section carries its own, as the principles' Hvad, Hvorfor and Hvordan do.
    var marker = headings[0].parentNode.querySelector(".afsender");
    var ownMarker = nodes.some(function (node) { return node.matches(".afsender"); });
    if (marker && current > 0 && !ownMarker) {
      var copy = copyOf(marker);
      copy.classList.add("fokus-afsender");
      content.appendChild(copy);
    }
    nodes.forEach(function (node) { content.appendChild(copyOf(node)); });
    var shown = content.querySelector("h1, h2, h3");
    shown.setAttribute("tabindex", "-1");
    view.setAttribute("aria-labelledby", shown.id);
    view.querySelector(".fokus-placering").textContent =
      pageTitle + " · afsnit " + (current + 1) + " af " + headings.length;
    var moves = view.querySelectorAll(".fokus-knapper button");
    moves[0].disabled = current === 0;
    moves[1].disabled = current === headings.length - 1;
    view.scrollTop = 0;
    shown.focus();
    setAddress(true);
  }

  function open(index, from) {
    if (!view) {
      build();
    }
    opener = from || null;
    openedAt = index;
    document.body.classList.add("fokus-aaben");
    show(index);
  }

  function close(giveFocusBack) {
    document.body.classList.remove("fokus-aaben");
    view.remove();
    view = null;
    if (!giveFocusBack) {
      return;
    }
    setAddress(false);
    // Back where the audience left off: the section shown last, and the keyboard where it was.
    headings[current].scrollIntoView();
    if (opener && openedAt === current) {
      opener.focus({ preventScroll: true });
    } else {
      headings[current].setAttribute("tabindex", "-1");
      headings[current].focus({ preventScroll: true });
    }
  }

  // The section an address points into: a heading itself, the hidden old name (alias) placed
  // just before a renamed heading, or any other element within a section.
  function sectionOf(id) {
    var element = document.getElementById(id);
    if (!element) {
      return -1;
    }
    var holder = element.closest("p") || element;
    if (!element.textContent.trim() && headings.indexOf(holder.nextElementSibling) >= 0) {
      return headings.indexOf(holder.nextElementSibling);
    }
    var found = -1;
    headings.forEach(function (heading, index) {
      if (heading === element || heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = index;
      }
    });
    return found;
  }

  // One listener for the whole visit, in the capture phase, so the theme's own shortcuts
  // (n, p, s, f, /) stay quiet while the view is open.
  window.addEventListener("keydown", function (event) {
    if (!view || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var key = event.key;
    var inTable = event.target.closest && event.target.closest(".matrix");
    var atEnd = view.scrollTop + view.clientHeight >= view.scrollHeight - 2;
    var atStart = view.scrollTop <= 0;
    if ((key === "ArrowRight" || key === "ArrowLeft") && !inTable) {
      event.preventDefault();
      show(current + (key === "ArrowRight" ? 1 : -1));
    } else if ((key === "PageDown" && atEnd) || (key === "PageUp" && atStart)) {
      event.preventDefault();
      show(current + (key === "PageDown" ? 1 : -1));
    } else if (key === "Home" || key === "End") {
      event.preventDefault();
      show(key === "Home" ? 0 : headings.length - 1);
    } else if (key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (key === "Tab") {
      // Keep the keyboard inside the dialog.
      var focusable = view.querySelectorAll("button:not([disabled]), a[href], [tabindex='0']");
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && (document.activeElement === first || !view.contains(document.activeElement))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    event.stopImmediatePropagation();
  }, true);

  // For the headings' menus: show the section of `heading`, and give the keyboard back to `from`.
  window.fokusvisning = {
    aabn: function (heading, from) {
      open(Math.max(0, headings.indexOf(heading)), from);
    }
  };

  document$.subscribe(function () {
    if (view) {
      close(false);  // a new page (instant navigation) has its own sections
    }
    var article = document.querySelector(".md-content .md-typeset");
    var title = article && article.querySelector("h1[id]");
    if (!title) {
      headings = [];
      return;
    }
    headings = [title].concat(Array.prototype.slice.call(article.querySelectorAll("h2[id], h3[id]")));
    pageTitle = titleOf(title);
    if (new URLSearchParams(location.search).has("fokus")) {
      var id = "";
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (error) {
        id = "";  // a malformed address opens the page as usual
      }
      var target = id ? sectionOf(id) : 0;
      if (target < 0) {
        return;
      }
      // After the page has loaded, so the browser's own jump to the #anchor does not take the focus back.
      var openTarget = function () { open(target); };
      if (document.readyState === "complete") {
        openTarget();
      } else {
        window.addEventListener("load", openTarget, { once: true });
      }
    }
  });
})();
