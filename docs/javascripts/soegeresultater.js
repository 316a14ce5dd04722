// Loaded before the theme's bundle (overrides/base.html), because the bundle starts its search worker
// and listens to it as it loads: every listener for the worker's messages is wrapped here, so that
// soegning.js can order the results before the theme shows them. Until soegning.js sets
// Worker.ordnSoegeresultat, messages pass unchanged.
(function () {
  var listen = Worker.prototype.addEventListener;
  var unlisten = Worker.prototype.removeEventListener;
  var wrapped = new WeakMap();
  Worker.prototype.addEventListener = function (type, listener, options) {
    var original = listener;
    if (type === "message" && typeof original === "function") {
      if (!wrapped.has(original)) {
        wrapped.set(original, function (event) {
          var order = Worker.ordnSoegeresultat;
          return original.call(this, order ? order(event) : event);
        });
      }
      listener = wrapped.get(original);
    }
    return listen.call(this, type, listener, options);
  };
  Worker.prototype.removeEventListener = function (type, listener, options) {
    return unlisten.call(this, type, wrapped.get(listener) || listener, options);
  };
})();
