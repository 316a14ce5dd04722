// Loaded before the theme's bundle (overrides/base.html). The theme downloads the whole search index
// (about half of what a first visit costs) as every page opens, though most readers never search.
// Here the theme's request for it is held until the reader turns to the search: points at or touches
// the search field or its button, focuses the field (also by the keys s, f and /) or opens the search.
// A page opened with a query to show or words to highlight (?q=, ?h=) needs it at once.
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var indexRequests = new WeakSet();
  var held = [];
  var params = new URLSearchParams(location.search);
  var wanted = params.has("q") || params.has("h");
  // What the reader does when turning to the search, seen on its way down to the field or button.
  var TURNS = ["pointerover", "touchstart", "focusin", "change"];

  XMLHttpRequest.prototype.open = function (method, url) {
    if (/\/search\/search_index\.json$/.test(new URL(String(url), location.href).pathname)) {
      indexRequests.add(this);
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!wanted && indexRequests.has(this)) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };

  function release() {
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
    TURNS.forEach(function (type) {
      document.removeEventListener(type, onTurn, true);
    });
  }

  function onTurn(event) {
    var target = event.target;
    if (target instanceof Element && target.closest(".md-search, [data-aabner=__search], [data-md-toggle=search], .aabn-soegning")) {
      release();
    }
  }

  if (!wanted) {
    TURNS.forEach(function (type) {
      document.addEventListener(type, onTurn, { capture: true, passive: true });
    });
  }
})();
