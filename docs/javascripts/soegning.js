// Search as Danes type it. A small normaliser sits in front of the theme's search: it rewrites each
// query on its way to the search worker, so the reader's own words stay in the search field.
//   "§85" -> "§ 85"; "82 b" and "82b" -> the number alone, required (the index has no word "b", and a lone
//   letter would match every word starting with it); "bostotte", "boestoette", "aabenhed" -> the
//   index's "bostøtte", "åbenhed"; whole questions lose their small words ("hvordan kommer vi i
//   gang" -> "kommer gang"), which as prefixes would match almost every page; a definite ending is
//   dropped when the index has the bare word ("sagsbehandleren" -> "sagsbehandler").
// It then puts the pages that answer the query first, from what the content says, as the search
// index carries it: a page's search keywords (the YAML field soegeord, on the page as "Søgeord: …")
// that the question contains ("hvordan kommer vi i gang" finds the page with "komme i gang"), and the
// glossary's other words for a term ("Også kaldet: …"), which add the term itself to the query. For a
// single word, the glossary follows the first page that has the word in a heading or its keywords:
// the glossary explains the word, the page is where it belongs.
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
  var GLOSSARY = "ordliste/";
  var keywords = [];      // {words, page}: each page's search keywords, as content words
  var synonyms = [];      // {words, term}: the glossary's other words for each term
  var headings = {};      // page -> the words of its title and headings, and of its keywords
  var waiting = [];       // for each query sent to the worker, in order: how to order its results

  function contentWords(text) {
    return text.toLowerCase().split(/[^a-zæøåéü0-9§]+/).filter(function (word) {
      return word && STOP_WORDS.indexOf(word) < 0;
    });
  }

  // The same word in another form: "kommer" and "komme", "penge" and "pengene".
  function sameWord(a, b) {
    var short = a.length < b.length ? a : b, long = short === a ? b : a;
    return short === long || (short.length >= 4 && long.lastIndexOf(short, 0) === 0 && long.length - short.length <= 4);
  }

  function covers(words, others) {
    return others.every(function (other) {
      return words.some(function (word) { return sameWord(word, other); });
    });
  }

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
    var terms = query.replace(/(§+)(?=\d)/g, "$1 ").replace(/\b(\d+)([a-h])\b/gi, "$1 $2").trim().split(/\s+/);
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
    return terms;
  }

  // What the content says about the query: pages to put first or among the first three, the reader's
  // words to search in the keyword's shorter form ("kommer" as "komme", which finds both), and words
  // to add.
  function analyse(query, terms) {
    var asked = contentWords(terms.join(" ").replace(/\+/g, ""));
    var question = query.trim().split(/\s+/).length > 1;
    // A question ("hvad er vum") asks what a word means, which the glossary answers; a word alone
    // asks where it belongs.
    var plan = { first: [], topThree: [], shorter: {}, extra: [],
                 single: asked.length === 1 && !question ? asked[0] : null };
    if (!asked.length) {
      return plan;
    }
    keywords.forEach(function (keyword) {
      var inQuery = covers(asked, keyword.words), inKeyword = covers(keyword.words, asked);
      // A phrasing the query contains, or the whole question in other words: the page answers it.
      if ((inQuery && keyword.words.length > 1) || (inQuery && inKeyword && question)) {
        plan.first.push(keyword.page);
        keyword.words.forEach(function (word) {
          asked.forEach(function (mine) {
            if (mine !== word && mine.lastIndexOf(word, 0) === 0) {
              plan.shorter[mine] = word;
            }
          });
        });
      } else if (inKeyword) {
        plan.topThree.push(keyword.page);
      }
    });
    // The reader's own word for a glossary term ("recovery college", "værested") also searches for the
    // term; not when the handbook has the reader's word in a heading of its own ("tidlig indsats").
    var inHeadings = Object.keys(headings).some(function (page) {
      return page !== GLOSSARY && covers(headings[page], asked);
    });
    synonyms.forEach(function (synonym) {
      if (!inHeadings && covers(asked, synonym.words) && covers(synonym.words, asked)) {
        plan.extra = plan.extra.concat(synonym.term);
      }
    });
    plan.extra = plan.extra.filter(function (word, index) {
      return plan.extra.indexOf(word) === index && !covers(asked, [word]);
    });
    return plan;
  }

  function pageOf(group) {
    return group[0].location.split("#")[0];
  }

  function order(groups, plan) {
    var pages = groups.map(pageOf);
    function move(page, to) {
      var from = pages.indexOf(page);
      if (from > to) {
        groups.splice(to, 0, groups.splice(from, 1)[0]);
        pages.splice(to, 0, pages.splice(from, 1)[0]);
      }
    }
    if (plan.single) {
      var glossary = pages.indexOf(GLOSSARY);
      var owner = pages.findIndex(function (page) {
        return page !== GLOSSARY && (headings[page] || []).some(function (word) { return sameWord(word, plan.single); });
      });
      if (glossary >= 0 && owner > glossary) {
        groups.splice(owner, 0, groups.splice(glossary, 1)[0]);
        pages.splice(owner, 0, pages.splice(glossary, 1)[0]);
      }
    }
    plan.topThree.forEach(function (page) { move(page, 2); });
    plan.first.slice().reverse().forEach(function (page) { move(page, 0); });
    return groups;
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    // The theme's search worker gets queries as {type: 2, data: "…"}.
    if (message && message.type === 2 && typeof message.data === "string") {
      lastWorker = this;
      lastQuery = message.data;
      var terms = normalise(message.data);
      var plan = analyse(message.data, terms);
      waiting.push(plan);
      terms = terms.map(function (term) { return plan.shorter[term.toLowerCase()] || term; });
      arguments[0] = { type: 2, data: terms.concat(plan.extra).join(" ") };
    }
    return post.apply(this, arguments);
  };

  // The theme's worker answers with {type: 3, data: {items: [[page, sections…], …]}}, one answer per query,
  // in order; soegeresultater.js hands each answer here before the theme sees it.
  // The theme may listen more than once; each answer is ordered once, with its own query's plan.
  var ordered = new WeakMap();
  Worker.ordnSoegeresultat = function (event) {
    var result = event.data;
    if (!result || result.type !== 3 || !result.data || !Array.isArray(result.data.items)) {
      return event;
    }
    if (!ordered.has(event)) {
      var plan = waiting.shift();
      ordered.set(event, plan ? { data: { type: 3, data: Object.assign({}, result.data, {
        items: order(result.data.items.slice(), plan) }) } } : event);
    }
    return ordered.get(event);
  };

  // The phrases of a "Label: a, b, c" paragraph in a document's text.
  function listed(text, label) {
    var found = new RegExp("<p>" + label + ": ([^<]*)</p>").exec(text);
    return found ? found[1].split(/,\s*/) : [];
  }

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
        var page = doc.location.split("#")[0];
        (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase().split(/[^a-zæøåéü0-9§]+/)
          .forEach(function (word) { seen[word] = (seen[word] || 0) + 1; });
        headings[page] = (headings[page] || []).concat(contentWords(doc.title));
        listed(doc.text, "Søgeord").forEach(function (phrase) {
          keywords.push({ words: contentWords(phrase), page: page });
          headings[page] = headings[page].concat(contentWords(phrase));
        });
        if (page === GLOSSARY) {
          listed(doc.text, "Også kaldet").forEach(function (phrase) {
            // The term's own words, without its explanation in brackets, numbers and letters alone.
            var term = contentWords(doc.title.replace(/\(.*\)/, "")).filter(function (word) { return /^[a-zæøå]{3,}$/.test(word); });
            synonyms.push({ words: contentWords(phrase), term: term });
          });
        }
      });
      keywords = keywords.filter(function (keyword) { return keyword.words.length; });
      synonyms = synonyms.filter(function (synonym) { return synonym.words.length; });
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
