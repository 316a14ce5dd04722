// The self-assessment "Hvor langt er vi?" (selvevaluering.md): the statements and their radio
// buttons come from the page itself; this script keeps the answers in the browser's localStorage
// (never anywhere else, no cookies), saves and reads them as a JSON file, filters the statements by
// audience, and draws the summary per principle and phase as an SVG chart with a table. It does
// nothing on any other page.
document$.subscribe(function () {
  var root = document.querySelector(".md-typeset .selvevaluering");
  if (!root || root.childElementCount) {
    return;
  }
  var STORAGE_KEY = "omlaegning-selvevaluering";
  var FORMAT = "omlaegningshaandbogen-selvevaluering";
  var MAX_FILE_SIZE = 1000000;
  var MAX_NOTE = 10000;
  var SVG = "http://www.w3.org/2000/svg";
  var version = root.getAttribute("data-version");

  // --- what the page holds ------------------------------------------------------------------

  var statements = Array.prototype.map.call(document.querySelectorAll(".md-typeset fieldset.udsagn"), function (fieldset) {
    var group = fieldset.closest(".udsagnsgruppe");
    return {
      id: fieldset.id.replace(/^udsagn_/, ""),
      fieldset: fieldset,
      text: fieldset.querySelector("legend").textContent.trim(),
      group: group.getAttribute("data-gruppe"),
      audiences: fieldset.getAttribute("data-maalgrupper").split(" "),
      note: fieldset.querySelector("textarea")
    };
  });
  var byId = {};
  statements.forEach(function (s) { byId[s.id] = s; });
  // The scale, as the first statement offers it: the levels, then "don't know" (class ved-ikke).
  var answers = Array.prototype.map.call(statements[0].fieldset.querySelectorAll("label.svar"), function (label) {
    return { id: label.querySelector("input").value, name: label.textContent.trim(), dontKnow: label.classList.contains("ved-ikke") };
  });
  var answerName = {};
  answers.forEach(function (a) { answerName[a.id] = a.name; });
  var audienceName = {};
  document.querySelectorAll(".md-typeset .udsagn-om [data-maalgruppe]").forEach(function (span) {
    audienceName[span.getAttribute("data-maalgruppe")] = span.textContent.trim();
  });
  var groups = Array.prototype.map.call(document.querySelectorAll(".md-typeset .udsagnsgruppe"), function (element) {
    var heading = document.getElementById(element.getAttribute("data-gruppe"));
    var title = heading ? heading.textContent.replace("¶", "").trim() : element.getAttribute("data-gruppe");
    return {
      id: element.getAttribute("data-gruppe"),
      kind: element.getAttribute("data-art"),
      element: element,
      title: title,
      // "1" for "1. Tag udgangspunkt ...", "Fase 1" for "Fase 1: Forberedelse ...".
      short: title.split(/[.:]/)[0]
    };
  });

  // --- small helpers ----------------------------------------------------------------------------

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svgElement(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function danishDate(date) {
    return date.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  // --- the answers ------------------------------------------------------------------------------

  // { kommune: "", svar: { statement id: { niveau, note, tekst } } }; answers to statements the page
  // no longer has stay in svar, so they are listed and saved again rather than dropped.
  var state = { kommune: "", svar: {} };

  // Checks a saved record (from localStorage or a file); returns a Danish reason or "".
  function problemWith(data) {
    if (!isObject(data) || data.format !== FORMAT) {
      return "Filen er ikke gemt fra siden \u201dHvor langt er vi?\u201d.";
    }
    if (data.kommune !== undefined && (typeof data.kommune !== "string" || data.kommune.length > 200)) {
      return "Kommunens navn i filen er ikke en kort tekst.";
    }
    if (!isObject(data.svar)) {
      return "Filen indeholder ingen svar.";
    }
    var ids = Object.keys(data.svar);
    for (var i = 0; i < ids.length; i++) {
      var answer = data.svar[ids[i]];
      var label = "Svaret på udsagnet \u201d" + ids[i] + "\u201d";
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ids[i]) || !isObject(answer)) {
        return label + " kan ikke læses.";
      }
      if (typeof answer.niveau !== "string" || (answer.niveau && !answerName[answer.niveau])) {
        return label + " har et trin, skalaen ikke har (\u201d" + String(answer.niveau) + "\u201d).";
      }
      if (typeof answer.note !== "string" || answer.note.length > MAX_NOTE) {
        return label + " har en note, der ikke kan læses.";
      }
      if (answer.tekst !== undefined && typeof answer.tekst !== "string") {
        return label + " har en udsagnstekst, der ikke kan læses.";
      }
    }
    return "";
  }

  function fromRecord(data) {
    var svar = {};
    Object.keys(data.svar).forEach(function (id) {
      var a = data.svar[id];
      if (a.niveau || a.note) {
        svar[id] = { niveau: a.niveau, note: a.note, tekst: a.tekst || (byId[id] ? byId[id].text : "") };
      }
    });
    return { kommune: data.kommune || "", svar: svar };
  }

  function record() {
    var svar = {};
    Object.keys(state.svar).forEach(function (id) {
      var a = state.svar[id];
      svar[id] = { niveau: a.niveau, niveaunavn: answerName[a.niveau] || "", note: a.note, tekst: a.tekst };
    });
    var now = new Date();
    return { format: FORMAT, formatversion: 1, indholdsversion: version, gemt: now.toISOString(),
             dato: danishDate(now), kommune: state.kommune, svar: svar };
  }

  function hasAnswers() {
    return Object.keys(state.svar).length > 0;
  }

  function store() {
    try {
      if (hasAnswers() || state.kommune) {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(record()));
      } else {
        localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      say("Browseren tillader ikke siden at gemme svarene. Gem dem som fil, før I lukker siden.", true);
    }
  }

  function restore() {
    var text = null;
    try {
      text = localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return;
    }
    if (!text) {
      return;
    }
    try {
      var data = JSON.parse(text);
      if (!problemWith(data)) {
        state = fromRecord(data);
      }
    } catch (error) {
      // A record this page cannot read is left alone and replaced at the next answer.
    }
  }

  // The form shows the state: a checked radio button and a note per statement.
  function showState() {
    statements.forEach(function (s) {
      var answer = state.svar[s.id];
      s.fieldset.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = !!answer && radio.value === answer.niveau;
      });
      s.note.value = answer ? answer.note : "";
      showNoteForPrint(s);
    });
    municipality.value = state.kommune;
    update();
  }

  function answerFromForm(s) {
    var checked = s.fieldset.querySelector("input[type=radio]:checked");
    var level = checked ? checked.value : "";
    var note = s.note.value.slice(0, MAX_NOTE);
    if (level || note.trim()) {
      state.svar[s.id] = { niveau: level, note: note, tekst: s.text };
    } else {
      delete state.svar[s.id];
    }
    showNoteForPrint(s);
    store();
    update();
  }

  // A textarea prints badly (cut off, with its frame); the print shows the note as text instead.
  function showNoteForPrint(s) {
    var copy = s.fieldset.querySelector(".note-udskrift");
    if (!copy) {
      copy = element("p", "note-udskrift");
      s.fieldset.appendChild(copy);
    }
    copy.textContent = "Note: " + s.note.value;
    copy.hidden = !s.note.value.trim();
  }

  // --- the panel: municipality, filter, buttons, messages ----------------------------------------

  var heading = element("h2", "selvevaluering-titel", "Jeres status");
  var printHeading = element("p", "udskrift-hoved");
  var fields = element("div", "selvevaluering-felter");
  var municipalityLabel = element("label", "", "Kommune ");
  var municipality = element("input");
  municipality.type = "text";
  municipality.maxLength = 200;
  municipality.autocomplete = "organization";
  municipalityLabel.appendChild(municipality);
  var filterLabel = element("label", "", "Vis udsagn til ");
  var filter = element("select");
  filter.appendChild(new Option("Alle målgrupper", ""));
  root.getAttribute("data-maalgrupper").split(" ").forEach(function (id) {
    filter.appendChild(new Option(audienceName[id] || id, id));
  });
  filterLabel.appendChild(filter);
  fields.append(municipalityLabel, filterLabel);

  var buttons = element("div", "selvevaluering-knapper");
  var saveButton = element("button", "", "Gem som fil");
  var openButton = element("button", "", "Hent fil");
  var printButton = element("button", "", "Udskriv status");
  var clearButton = element("button", "", "Slet alle svar");
  var fileInput = element("input", "selvevaluering-fil");
  fileInput.type = "file";
  fileInput.accept = ".json,application/json";
  fileInput.tabIndex = -1;
  fileInput.setAttribute("aria-hidden", "true");
  [saveButton, openButton, printButton, clearButton].forEach(function (b) { b.type = "button"; });
  buttons.append(saveButton, openButton, printButton, clearButton, fileInput);

  var message = element("p", "selvevaluering-besked");
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");

  var orphans = element("div", "selvevaluering-forsvundne");
  orphans.hidden = true;
  var summary = element("div", "selvevaluering-oversigt");
  root.append(heading, printHeading, fields, buttons, message, orphans, summary);

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("fejl", !!isError);
  }

  // --- summary, orphans and filter ----------------------------------------------------------------

  function visible(s) {
    return !filter.value || s.audiences.indexOf(filter.value) >= 0;
  }

  function applyFilter() {
    statements.forEach(function (s) { s.fieldset.hidden = !visible(s); });
    groups.forEach(function (g) {
      var none = g.element.querySelector(".ingen-udsagn");
      var empty = !statements.some(function (s) { return s.group === g.id && visible(s); });
      if (empty && !none) {
        none = element("p", "ingen-udsagn", "Her er ingen udsagn til den valgte målgruppe.");
        g.element.appendChild(none);
      }
      if (none) {
        none.hidden = !empty;
      }
    });
  }

  function counts(group) {
    var result = { ubesvaret: 0 };
    answers.forEach(function (a) { result[a.id] = 0; });
    statements.forEach(function (s) {
      if (s.group === group.id && visible(s)) {
        var answer = state.svar[s.id];
        result[answer && answer.niveau ? answer.niveau : "ubesvaret"] += 1;
      }
    });
    return result;
  }

  var columns = function () {
    return answers.map(function (a, index) {
      return { id: a.id, name: a.name, className: a.dontKnow ? "ved-ikke" : "niveau-" + (index + 1) };
    }).concat([{ id: "ubesvaret", name: "Ikke besvaret", className: "ubesvaret" }]);
  }();

  // One bar per principle or phase, named by its number; the table under it gives the titles.
  function chart(kind, title, rows) {
    var width = 300, labelWidth = 52, rowHeight = 26, barHeight = 18;
    var svg = svgElement("svg", { viewBox: "0 0 " + width + " " + rows.length * rowHeight,
                                  role: "img", "class": "status-diagram", "aria-labelledby": "status_" + kind + "_titel" });
    var svgTitle = svgElement("title", { id: "status_" + kind + "_titel" });
    svgTitle.textContent = title + ": søjler med antal udsagn på hvert trin. Tallene står i tabellen.";
    svg.appendChild(svgTitle);
    rows.forEach(function (row, index) {
      var y = index * rowHeight;
      var label = svgElement("text", { x: 0, y: y + 14, "class": "status-etiket" });
      label.textContent = row.group.short;
      svg.appendChild(label);
      var total = columns.reduce(function (sum, c) { return sum + row.counts[c.id]; }, 0);
      var x = labelWidth;
      columns.forEach(function (c) {
        var count = row.counts[c.id];
        if (!count) {
          return;
        }
        var w = (width - labelWidth) * count / total;
        var rect = svgElement("rect", { x: x.toFixed(2), y: y + 1, width: w.toFixed(2), height: barHeight, "class": "segment " + c.className });
        var tip = svgElement("title");
        tip.textContent = row.group.title + ". " + c.name + ": " + count;
        rect.appendChild(tip);
        svg.appendChild(rect);
        x += w;
      });
    });
    return svg;
  }

  function table(kind, title, rows) {
    var t = element("table", "status-tabel");
    t.appendChild(element("caption", "", title));
    var head = element("tr");
    head.appendChild(element("th", "", kind === "princip" ? "Princip" : "Fase")).scope = "col";
    columns.forEach(function (c) {
      var th = element("th");
      th.scope = "col";
      th.append(element("span", "farve " + c.className), c.name);
      head.appendChild(th);
    });
    t.appendChild(element("thead")).appendChild(head);
    var body = t.appendChild(element("tbody"));
    rows.forEach(function (row) {
      var tr = body.appendChild(element("tr"));
      tr.appendChild(element("th", "", row.group.title)).scope = "row";
      columns.forEach(function (c) { tr.appendChild(element("td", "", String(row.counts[c.id]))); });
    });
    var wrapper = element("div", "status-tabel-ramme");
    wrapper.tabIndex = 0;
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", title);
    wrapper.appendChild(t);
    return wrapper;
  }

  function drawSummary() {
    summary.textContent = "";
    [["princip", "Principperne"], ["fase", "Faserne"]].forEach(function (pair) {
      var rows = groups.filter(function (g) { return g.kind === pair[0]; })
        .map(function (g) { return { group: g, counts: counts(g) }; });
      if (!rows.length) {
        return;
      }
      var audience = filter.value ? " (udsagn til " + filter.options[filter.selectedIndex].text.toLowerCase() + ")" : "";
      var title = pair[1] + audience;
      var block = element("div", "status-blok");
      block.appendChild(element("h3", "", title));
      var figure = element("div", "status-figur");
      figure.append(chart(pair[0], title, rows), table(pair[0], title + ": antal udsagn på hvert trin", rows));
      block.appendChild(figure);
      summary.appendChild(block);
    });
  }

  function showOrphans() {
    var gone = Object.keys(state.svar).filter(function (id) { return !byId[id]; });
    orphans.textContent = "";
    orphans.hidden = !gone.length;
    if (!gone.length) {
      return;
    }
    orphans.appendChild(element("h3", "", "Svar på udsagn, der ikke længere findes"));
    orphans.appendChild(element("p", "", "Håndbogen har fjernet eller omdøbt disse udsagn, siden de blev besvaret. " +
      "Svarene gemmes stadig her og i filer, indtil I sletter dem."));
    var list = orphans.appendChild(element("ul"));
    gone.forEach(function (id) {
      var a = state.svar[id];
      var item = list.appendChild(element("li"));
      item.appendChild(element("strong", "", a.tekst || id));
      item.appendChild(document.createTextNode(" – " + (answerName[a.niveau] || "intet svar") + (a.note ? ". Note: " + a.note : "")));
    });
    var remove = orphans.appendChild(element("button", "", "Slet disse svar"));
    remove.type = "button";
    remove.addEventListener("click", function () {
      gone.forEach(function (id) { delete state.svar[id]; });
      store();
      update();
      say("Svarene på de udsagn, der ikke længere findes, er slettet.");
      filter.focus();
    });
  }

  function update() {
    var place = state.kommune ? state.kommune : "kommunen";
    var audience = filter.value ? ", udsagn til " + filter.options[filter.selectedIndex].text.toLowerCase() : "";
    printHeading.textContent = "Status for " + place + audience + ", " + danishDate(new Date()) + ".";
    applyFilter();
    drawSummary();
    showOrphans();
  }

  // --- file: save and open -------------------------------------------------------------------------

  function fileName() {
    var name = state.kommune.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    var day = new Date().toISOString().slice(0, 10);
    return "hvor-langt-er-vi" + (name ? "-" + name : "") + "-" + day + ".json";
  }

  saveButton.addEventListener("click", function () {
    var blob = new Blob([JSON.stringify(record(), null, 2) + "\n"], { type: "application/json" });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say("Svarene er gemt i filen " + link.download + " i jeres mappe til overførsler.");
  });

  openButton.addEventListener("click", function () { fileInput.click(); });

  fileInput.addEventListener("change", function () {
    var file = fileInput.files[0];
    fileInput.value = "";
    if (!file) {
      return;
    }
    var refused = " Ingen svar er ændret.";
    if (file.size > MAX_FILE_SIZE) {
      say("Filen " + file.name + " er for stor til at være en fil med svar fra denne side." + refused, true);
      return;
    }
    var reader = new FileReader();
    reader.addEventListener("load", function () {
      var data;
      try {
        data = JSON.parse(reader.result);
      } catch (error) {
        say("Filen " + file.name + " kunne ikke læses: den er ikke en fil med svar fra \u201dHvor langt er vi?\u201d." + refused, true);
        return;
      }
      var problem = problemWith(data);
      if (problem) {
        say("Filen " + file.name + " kunne ikke bruges. " + problem + refused, true);
        return;
      }
      if (hasAnswers() && !window.confirm("Svarene fra filen afløser de svar, der står på siden nu. Vil I fortsætte?")) {
        say("Filen er ikke hentet." + refused);
        return;
      }
      state = fromRecord(data);
      store();
      showState();
      var ids = Object.keys(state.svar);
      var gone = ids.filter(function (id) { return !byId[id]; }).length;
      var reworded = ids.filter(function (id) {
        return byId[id] && data.svar[id].tekst && data.svar[id].tekst !== byId[id].text;
      }).length;
      var text = "Svarene fra filen " + file.name + " er hentet: " + plural(ids.length - gone, "svar", "svar") + ".";
      if (gone) {
        text += " " + plural(gone, "svar hører", "svar hører") + " til udsagn, der ikke længere findes; de står under status.";
      }
      if (reworded) {
        text += " " + plural(reworded, "udsagn er", "udsagn er") + " formuleret anderledes nu end dengang, de blev besvaret.";
      }
      say(text);
    });
    reader.addEventListener("error", function () {
      say("Filen " + file.name + " kunne ikke læses." + refused, true);
    });
    reader.readAsText(file);
  });

  printButton.addEventListener("click", function () { window.print(); });

  clearButton.addEventListener("click", function () {
    if (!hasAnswers() && !state.kommune) {
      say("Der er ingen svar at slette.");
      return;
    }
    if (!window.confirm("Vil I slette alle svar og noter på denne computer? Gem dem som fil først, hvis I vil beholde dem.")) {
      return;
    }
    state = { kommune: "", svar: {} };
    store();
    showState();
    say("Alle svar og noter er slettet fra denne computer.");
  });

  // --- answering ----------------------------------------------------------------------------------

  statements.forEach(function (s) {
    s.fieldset.addEventListener("change", function () { answerFromForm(s); });
    s.note.addEventListener("input", function () { answerFromForm(s); });
  });
  municipality.addEventListener("input", function () {
    state.kommune = municipality.value.slice(0, 200);
    store();
    update();
  });
  filter.addEventListener("change", update);

  document.body.classList.add("selvevaluering-side");
  restore();
  showState();
});
