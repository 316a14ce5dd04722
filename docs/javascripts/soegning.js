// Search helpers. A button with the class "aabn-soegning" (the 404 page has one) opens the
// theme's search, as the header's magnifier does.
document$.subscribe(function () {
  document.querySelectorAll("button.aabn-soegning").forEach(function (button) {
    button.addEventListener("click", function () {
      var toggle = document.querySelector("[data-md-toggle=search]");
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      document.querySelector("[data-md-component=search-query]").focus();
    });
  });
});
