/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Node", jsx: "react-jsx" } }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
  // Says which suites are skipped for want of Chromium or LibreOffice, and the command that installs them.
  // Once before the tests and once after, so it is the last thing on screen too.
  globalSetup: "<rootDir>/tests/support/announceSkips.ts",
  globalTeardown: "<rootDir>/tests/support/announceSkips.ts",
};
