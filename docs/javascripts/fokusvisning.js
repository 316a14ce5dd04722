// Focus view for presenters: one section of the page at a time, in large type and without the
// site's navigation, for a screen at an informationsmøde. A "Vis i fokus" button follows each
// section heading; ←/→ and PageUp/PageDown (what presentation clickers send) move between the
// sections of the page, Esc closes. The address gets ?fokus, so a link such as
// /principper/ressourcer/?fokus#hvorfor opens the view directly from a slide.
document$.subscribe(function () {
  var article = document.querySelector(".md-content .md-typeset");
  if (!article) {
    return;
  }
  var headings = Array.prototype.slice.call(article.querySelectorAll("h2[id], h3[id]"));
  if (!headings.length) {
    return;
  }
  var pageTitle = (article.querySelector("h1") || document.querySelector("title")).textContent.replace("¶", "").trim();
  var view = null;
  var current = 0;
  var opener = null;
  var openedAt = -1;

  function titleOf(heading) {
    return heading.textContent.replace("¶", "").trim();
  }

  // The section: the heading and what follows it until the next section heading.
  function sectionNodes(index) {
    var nodes = [headings[index]];
    for (var node = headings[index].nextElementSibling; node && headings.indexOf(node) < 0; node = node.nextElementSibling) {
      if (!node.matches(".kopier-link, .fokus-knap")) {
        nodes.push(node);
      }
    }
    return nodes;
  }

  // A copy must not repeat the page's ids: prefix them, and what points at them, inside the copy.
  function copyOf(node) {
    var copy = node.cloneNode(true);
    var all = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*")));
    all.forEach(function (element) {
      if (element.id) {
        element.id = "fokus-" + element.id;
      }
      ["aria-labelledby", "aria-describedby"].forEach(function (name) {
        if (element.hasAttribute(name)) {
          element.setAttribute(name, element.getAttribute(name).split(" ").map(function (id) {
            return "fokus-" + id;
          }).join(" "));
        }
      });
    });
    copy.querySelectorAll(".headerlink, .kopier-link, .fokus-knap").forEach(function (element) {
      element.remove();
    });
    return copy;
  }

  function setAddress(open) {
    var url = new URL(location.href);
    if (open) {
      url.searchParams.set("fokus", "");
      url.hash = headings[current].id;
    } else {
      url.searchParams.delete("fokus");
    }
    history.replaceState(history.state, "", url.toString().replace("?fokus=", "?fokus").replace("&fokus=", "&fokus"));
  }

  function button(text, label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    if (label) {
      element.setAttribute("aria-label", label);
    }
    element.addEventListener("click", action);
    return element;
  }

  function build() {
    view = document.createElement("div");
    view.id = "fokusvisning";
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
    buttons.appendChild(button("Luk (Esc)", "Luk fokusvisningen", close));
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
    sectionNodes(current).forEach(function (node) { content.appendChild(copyOf(node)); });
    var shown = content.querySelector("h2, h3");
    shown.setAttribute("tabindex", "-1");
    view.setAttribute("aria-labelledby", shown.id);
    view.querySelector(".fokus-placering").textContent =
      pageTitle + " · afsnit " + (current + 1) + " af " + headings.length;
    var previous = view.querySelectorAll(".fokus-knapper button");
    previous[0].disabled = current === 0;
    previous[1].disabled = current === headings.length - 1;
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

  function close() {
    document.body.classList.remove("fokus-aaben");
    view.remove();
    view = null;
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

  // Capture phase, so the theme's own shortcuts (n, p, s, f, /) stay quiet while the view is open.
  window.addEventListener("keydown", function (event) {
    if (!view || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var moves = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      show(current + moves[event.key]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      show(event.key === "Home" ? 0 : headings.length - 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
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

  headings.forEach(function (heading, index) {
    var after = heading.nextElementSibling && heading.nextElementSibling.classList.contains("kopier-link")
      ? heading.nextElementSibling : heading;
    if (after.nextElementSibling && after.nextElementSibling.classList.contains("fokus-knap")) {
      return;
    }
    var knap = button("Vis i fokus", "Vis i fokus: afsnittet " + titleOf(heading) + ", i stor skrift til skærm eller projektor",
      function () { open(index, knap); });
    knap.className = "fokus-knap";
    after.insertAdjacentElement("afterend", knap);
  });

  if (new URLSearchParams(location.search).has("fokus")) {
    var target = headings.map(function (h) { return h.id; }).indexOf(decodeURIComponent(location.hash.slice(1)));
    // After the page has loaded, so the browser's own jump to the #anchor does not take the focus back.
    var openTarget = function () { open(Math.max(target, 0)); };
    if (document.readyState === "complete") {
      openTarget();
    } else {
      window.addEventListener("load", openTarget, { once: true });
    }
  }
});
