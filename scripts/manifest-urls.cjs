// Points manifest.xml at the host the add-in is deployed to. Used by webpack.config.js and tested in tests/manifest.test.ts.
"use strict";

const DEV_BASE = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/**
 * Rewrites every development URL (not just the first, a common template slip) to `publicUrl`, which may carry a
 * path (`https://example.org/scorecard/`); AppDomain entries get the public origin. Refuses anything but https,
 * because Office loads add-ins only over https.
 * @param {string} xml manifest text
 * @param {string} publicUrl base URL the files in dist/ are served from
 * @returns {string}
 */
function rewriteManifestUrls(xml, publicUrl) {
  const url = new URL(publicUrl);
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got "${publicUrl}"`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return xml
    .split(DEV_BASE)
    .join(base)
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${url.origin}</AppDomain>`);
}

module.exports = { DEV_BASE, rewriteManifestUrls };
