// Search as Danes type it. A small normaliser sits in front of the theme's search: it rewrites each
// query on its way to the search worker, so the reader's own words stay in the search field.
//   "§85" -> "§ 85"; "82 b" -> the number alone, required (the index has no word "b", and a lone
//   letter would match every word starting with it); "bostotte", "boestoette", "aabenhed" -> the
//   index's "bostøtte", "åbenhed"; whole questions lose their small words ("hvordan kommer vi i
//   gang" -> "kommer gang"), which as prefixes would match almost every page; a definite ending is
//   dropped when the index has the bare word ("sagsbehandleren" -> "sagsbehandler").
// A button with the class "aabn-soegning" (the 404 page has one) opens the search.
(function () {
  var STOP_WORDS = ("af alle alt anden at blev blive bliver bør da de dem den denne der deres det dette dig din " +
    "disse du efter eller en end er et for fra får gør ham han hans har havde have hende hendes her hos hun " +
    "hvad hvem hvilke hvilken hvis hvor hvordan hvorfor hvornår i ikke ind jeg jer jo kan kunne man med meget " +
    "men mig min mine mit mod må når noget nogle nu og også om op os over på sig sin sine sit skal skulle " +
    "som sådan til ud under var vi vil ville vor være været").split(" ");
  var FOLDS = [["ae", "æ"], ["oe", "ø"], ["aa", "å"]];
  var words = null;       // the index's words, sorted, once loaded
  var counts = {};        // how often each word occurs in the index
  var lastWorker = null;  // the search worker and the last query it was sent, to send again once the words load
  var lastQuery = null;

  // How often the index holds `word` or a word starting with it (the theme searches each word as a prefix).
  function frequency(word) {
    var low = 0, high = words.length, total = 0;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < word) { low = middle + 1; } else { high = middle; }
    }
    for (var i = low; i < words.length && words[i].lastIndexOf(word, 0) === 0; i++) {
      total += counts[words[i]];
    }
    return total;
  }

  // Spellings of `word` with æ, ø and å where the reader typed ae/oe/aa, or a, o without the mark.
  function variants(word) {
    var found = [word];
    FOLDS.forEach(function (fold) {
      found = found.concat(found.map(function (w) { return w.split(fold[0]).join(fold[1]); }));
    });
    for (var i = 0; i < word.length && found.length < 64; i++) {
      var marked = { a: ["æ", "å"], o: ["ø"] }[word[i]];
      if (marked) {
        found = found.concat.apply(found, marked.map(function (letter) {
          return found.filter(function (w) { return w[i] === word[i]; }).map(function (w) {
            return w.slice(0, i) + letter + w.slice(i + 1);
          });
        }));
      }
    }
    return found.filter(function (w, index) { return found.indexOf(w) === index; });
  }

  function normalise(query) {
    var terms = query.replace(/(§+)(?=\d)/g, "$1 ").trim().split(/\s+/);
    // "82 b": the letter belongs to the number before it, which the page must then hold.
    var kept = [];
    terms.forEach(function (term) {
      var previous = kept[kept.length - 1];
      if (/^[a-h]$/i.test(term) && /^\d+$/.test(previous || "")) {
        kept[kept.length - 1] = "+" + previous;
      } else {
        kept.push(term);
      }
    });
    terms = kept;
    var content = terms.filter(function (term) { return STOP_WORDS.indexOf(term.toLowerCase()) < 0; });
    if (terms.length > 1 && content.length) {
      terms = content;
    }
    if (words) {
      // The spelling the index uses most: "aabenhed" is in a few addresses, "åbenhed" in the text.
      terms = terms.map(function (term) {
        var low = term.toLowerCase();
        if (!/^[a-z]+$/.test(low)) {
          return term;
        }
        var best = term, most = frequency(low);
        variants(low).forEach(function (variant) {
          var often = frequency(variant);
          if (often > most) {
            best = variant;
            most = often;
          }
        });
        return best;
      }).map(function (term) {
        // "sagsbehandleren", "kommunerne": the search takes each word as a prefix but does not stem
        // it, so a definite ending would miss the bare word; search the stem when the index has it.
        var stem = term.replace(/(erne|ene|en|et)$/, "");
        return stem !== term && stem.length >= 5 && frequency(stem) > frequency(term) ? stem : term;
      });
    }
    return terms.join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    // The theme's search worker gets queries as {type: 2, data: "…"}.
    if (message && message.type === 2 && typeof message.data === "string") {
      lastWorker = this;
      lastQuery = message.data;
      arguments[0] = { type: 2, data: normalise(message.data) };
    }
    return post.apply(this, arguments);
  };

  function loadWords() {
    var config = document.getElementById("__config");
    if (words || !config) {
      return;
    }
    words = [];
    var base = JSON.parse(config.textContent).base.replace(/\/?$/, "/");
    fetch(new URL(base + "search/search_index.json", location.href)).then(function (response) {
      return response.json();
    }).then(function (index) {
      var seen = {};
      index.docs.forEach(function (doc) {
        (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase().split(/[^a-zæøåéü0-9§]+/)
          .forEach(function (word) { seen[word] = (seen[word] || 0) + 1; });
      });
      counts = seen;
      words = Object.keys(seen).sort();
      if (lastWorker && lastQuery) {
        lastWorker.postMessage({ type: 2, data: lastQuery });
      }
    }, function () {
      words = null;
    });
  }

  document$.subscribe(function () {
    var input = document.querySelector("[data-md-component=search-query]");
    if (input) {
      input.addEventListener("focus", loadWords, { once: true });
    }
    document.querySelectorAll("button.aabn-soegning").forEach(function (button) {
      button.addEventListener("click", function () {
        var toggle = document.querySelector("[data-md-toggle=search]");
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
        input.focus();
      });
    });
  });
})();
