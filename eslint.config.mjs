import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import prettierRecommended from "eslint-plugin-prettier/recommended";
import tseslint from "typescript-eslint";
import globals from "globals";

// eslint-plugin-office-addins ships its own (older) typescript-eslint inside its configs; we register only its
// Office.js rules, with the severities of its recommended config, on top of our own typescript-eslint.
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "out/", "coverage/", "docs/", "tests/.tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat["jsx-runtime"],
  prettierRecommended,
  {
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    settings: { react: { version: "detect" } },
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      ...officeRules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-require-imports": "off",
      // `const { rows, ...rest } = table` is how a copy leaves a field out.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react*", "exceljs", "node:*", "fs", "path", "@fluentui/*", "../workbook/*", "../hosts/*"] },
      ],
    },
  },
  {
    // The ribbon runs without the pane: what both share (the store, the messages) lives in src/shared.
    files: ["src/commands/**/*.ts", "src/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["../taskpane/*", "../../taskpane/*", "react*", "@fluentui/*"] }],
    },
  },
);
