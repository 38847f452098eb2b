// Tells MkDocs' search script (search/main.js) where the site root is. It is a file, not an
// inline script, because the Content-Security-Policy only allows scripts from this site.
var base_url = document.currentScript.getAttribute("data-base-url");
