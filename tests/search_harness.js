// Runs the theme's search worker (templates/assets/zoeken-werker.js) in Node on a built site:
// the site's own lunr files (those the worker loads for the index's languages), its
// search_index.json, the worker's own functions.
// Usage: node tests/search_harness.js SITE_DIR WORKER_JS QUERY...  -> JSON {query: results}
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, worker, ...queries] = process.argv.slice(2);
const context = vm.createContext({ console });
context.self = context;
context.window = context;
vm.runInContext(fs.readFileSync(worker, "utf8"), context);
context.data = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
for (const name of vm.runInContext("languageScripts(languages(data))", context)) {
  vm.runInContext(fs.readFileSync(path.join(site, "search", name), "utf8"), context);
}
vm.runInContext("var state = buildIndex(data);", context);
const answers = {};
for (const query of queries) {
  context.query = query;
  answers[query] = JSON.parse(JSON.stringify(vm.runInContext("search(state, query)", context)));
}
process.stdout.write(JSON.stringify(answers));
