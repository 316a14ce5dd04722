// A "copy link" button beside each section heading, so a presenter can paste the section's
// address (page and anchor, both locked in links.lock) into a slide. Keyboard-reachable, with a
// Danish name and a spoken confirmation. It follows the heading rather than sitting inside it,
// so the heading's own name stays the section's title.
document$.subscribe(function () {
  // An underscore, which no anchor may hold, keeps the id apart from every section's.
  var status = document.getElementById("kopier_link_status");
  if (!status) {
    status = document.createElement("div");
    status.id = "kopier_link_status";
    status.className = "md-visually-hidden";
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
  }
  document.querySelectorAll(".md-content .md-typeset h2[id], .md-content .md-typeset h3[id]")
    .forEach(function (heading) {
      var next = heading.nextElementSibling;
      if (next && next.classList.contains("kopier-link")) {
        return;
      }
      var title = heading.textContent.replace("¶", "").trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kopier-link";
      button.textContent = "Kopiér link";
      button.setAttribute("aria-label", "Kopiér link til afsnittet " + title);
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname + "#" + heading.id;
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = "Link kopieret";
          status.textContent = "Linket til " + title + " er kopieret.";
        }, function () {
          button.textContent = "Kunne ikke kopiere";
          status.textContent = "Linket kunne ikke kopieres. Adressen er " + url;
        }).then(function () {
          setTimeout(function () { button.textContent = "Kopiér link"; }, 3000);
        });
      });
      heading.insertAdjacentElement("afterend", button);
    });
});
