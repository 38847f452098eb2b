// The search page: reads the words from the address (search.html?q=...) or the form, asks the
// search worker (zoeken-werker.js) and shows one result per page, with the section that
// matched and a snippet. A file, not an inline script: the Content-Security-Policy only allows
// scripts from this site. Results are built with DOM methods, never from HTML strings.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base-url").replace(/\/$/, "");
  var form = document.querySelector(".search-form");
  var input = document.getElementById("zoekterm");
  var status = document.getElementById("zoekstatus");
  var list = document.getElementById("zoekresultaten-lijst");
  var worker = new Worker(script.getAttribute("data-worker"));
  var ready = false;
  var waiting = null;
  var timer = null;

  function say(key, count) {
    status.textContent = status.getAttribute("data-" + key).replace("{count}", count);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function result(found) {
    var item = element("li", "search-result");
    var heading = element("h3", "search-result__title");
    var link = element("a", "", found.page);
    link.href = base + "/" + found.location;
    heading.appendChild(link);
    item.appendChild(heading);
    if (found.title !== found.page) { item.appendChild(element("p", "search-result__where", found.title)); }
    var text = element("p", "search-result__snippet");
    found.snippet.forEach(function (part) {
      text.appendChild(part.mark ? element("mark", "", part.text) : document.createTextNode(part.text));
    });
    item.appendChild(text);
    return item;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (found) { list.appendChild(result(found)); });
    if (results.length === 0) { say("none"); } else { say(results.length === 1 ? "one" : "many", results.length); }
  }

  function ask(query) {
    query = query.trim();
    if (query.length < 2) { list.textContent = ""; status.textContent = ""; return; }
    if (!ready) { waiting = query; say("loading"); return; }
    worker.postMessage({ query: query });
  }

  worker.onmessage = function (event) {
    if (event.data.ready) {
      ready = true;
      if (waiting !== null) { ask(waiting); }
    } else if (event.data.query === input.value.trim()) {
      show(event.data.results);
    }
  };
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { ask(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    ask(input.value);
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    ask(query);
  }
}());
