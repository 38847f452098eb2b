// The site's search, in a web worker. It loads the search plugin's lunr files (lunr.js and,
// for Dutch, lunr.stemmer.support.js and lunr.nl.js: the same under MkDocs and ProperDocs)
// and the index ivpgen made from every page as it is shown (search/search_index.json), and
// answers a query with the best section of each page and a readable snippet.
// The functions are plain, so the tests run them in Node on a built site.
/* global lunr, importScripts, postMessage, self */
"use strict";

var FIELDS = { title: 10, page: 4, text: 1 };
var SNIPPET_LENGTH = 200;
var MAX_PAGES = 25;

// The lunr files the index's languages need, as the search plugin lists them.
function languageScripts(lang) {
  var scripts = ["lunr.js"];
  if (lang.length > 1 || lang[0] !== "en") {
    scripts.push("lunr.stemmer.support.js");
    if (lang.length > 1) { scripts.push("lunr.multi.js"); }
    lang.forEach(function (code) { if (code !== "en") { scripts.push("lunr." + code + ".js"); } });
  }
  return scripts;
}

function languages(data) {
  return data.config && data.config.lang && data.config.lang.length ? data.config.lang : ["en"];
}

// The lunr index of the documents, with word positions for the snippets.
function buildIndex(data) {
  var lang = languages(data);
  if (data.config && data.config.separator) {
    lunr.tokenizer.separator = new RegExp(data.config.separator);
  }
  var documents = {};
  var index = lunr(function () {
    if (lang.length === 1 && lang[0] !== "en" && lunr[lang[0]]) {
      this.use(lunr[lang[0]]);
    } else if (lang.length > 1) {
      this.use(lunr.multiLanguage.apply(null, lang));
    }
    this.ref("location");
    Object.keys(FIELDS).forEach(function (name) { this.field(name, { boost: FIELDS[name] }); }, this);
    this.metadataWhitelist = ["position"];
    data.docs.forEach(function (doc) {
      this.add(doc);
      documents[doc.location] = doc;
    }, this);
  });
  return { index: index, documents: documents };
}

// The words of a query, lower case, without surrounding punctuation.
function queryWords(query) {
  return lunr.tokenizer(query).map(function (token) {
    return token.toString().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }).filter(function (word) { return word.length > 0; });
}

// Each word matches its stem (inbraak, inbraken) and, less strongly, any word that contains
// the stem: Dutch glues words together (woninginbraak, jeugdoverlast).
function search(state, query) {
  var words = queryWords(query);
  if (!words.length) { return []; }
  var results = state.index.query(function (q) {
    words.forEach(function (word) {
      q.term(word, { boost: 10 });
      var stem = state.index.pipeline.runString(word)[0] || word;
      if (stem.length >= 4) { q.term("*" + stem + "*", { usePipeline: false, boost: 1 }); }
    });
  });
  var seen = {};
  var found = [];
  results.forEach(function (result) {
    var doc = state.documents[result.ref];
    var pageUrl = doc.location.split("#")[0];
    if (seen[pageUrl] || found.length >= MAX_PAGES) { return; }
    seen[pageUrl] = true;
    found.push({ location: doc.location, title: doc.title, page: doc.page,
                 snippet: snippet(doc.text, positions(result.matchData)) });
  });
  return found;
}

function positions(matchData) {
  var spans = [];
  Object.keys(matchData.metadata).forEach(function (token) {
    var text = matchData.metadata[token].text;
    if (text && text.position) { spans = spans.concat(text.position); }
  });
  return spans.sort(function (a, b) { return a[0] - b[0]; });
}

// A piece of the text around the first match, cut at spaces, as parts to show; the matched
// words are marked.
function snippet(text, spans) {
  var start = 0;
  if (spans.length && spans[0][0] > 60) { start = text.lastIndexOf(" ", spans[0][0] - 60) + 1; }
  var end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length && text.lastIndexOf(" ", end) > start) { end = text.lastIndexOf(" ", end); }
  var parts = [];
  var at = start;
  spans.forEach(function (span) {
    var from = span[0];
    var to = span[0] + span[1];
    while (to > from && /[^\p{L}\p{N}]/u.test(text.charAt(to - 1))) { to -= 1; }  // 'Halt,' -> 'Halt'
    if (from < at || to > end) { return; }
    parts.push({ text: text.slice(at, from) }, { text: text.slice(from, to), mark: true });
    at = to;
  });
  parts.push({ text: text.slice(at, end) });
  if (start > 0) { parts[0].text = "… " + parts[0].text; }
  if (end < text.length) { parts[parts.length - 1].text += " …"; }
  return parts;
}

function start() {
  var state = null;
  var request = new XMLHttpRequest();
  request.addEventListener("load", function () {
    var data = JSON.parse(request.responseText);
    importScripts.apply(null, languageScripts(languages(data)).map(function (name) {
      return "../search/" + name;
    }));
    state = buildIndex(data);
    postMessage({ ready: true });
  });
  request.open("GET", "../search/search_index.json");
  request.send();
  self.onmessage = function (event) {
    if (state !== null) { postMessage({ query: event.data.query, results: search(state, event.data.query) }); }
  };
}

if (typeof importScripts === "function") { start(); }
