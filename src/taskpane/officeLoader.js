// Loads Office.js before the bundles. Inside Office (the manifest's URLs carry ?host=office) it comes from Microsoft's
// CDN: the npm copy is frozen and not supported in production. A plain browser (the demo) gets the local copy, so the
// demo works offline and nothing leaves this host. Office.js must run before the bundles: a parser-inserted script.
(function () {
  "use strict";
  var inOffice = new URLSearchParams(location.search).get("host") === "office";
  var src = inOffice ? "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" : "office-js/office.js";
  document.write("<script src=" + JSON.stringify(src) + "></" + "script>");
})();
