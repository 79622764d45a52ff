// ESLint flat config for `npm run lint` (office-addin-lint uses this file when present), after the
// Office-Addin-TaskPane-React template: TypeScript parser + React + the office-addins rules (load/sync
// discipline for Office.js) + prettier (office-addin-prettier-config).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import globals from "globals";

export default [
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "demo-output/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    // TypeScript itself reports undefined names (tsc --noEmit), including type-only globals.
    // The office-addins preset turns the JS unused-vars rule off only for .ts; .tsx needs it too
    // (it misreads parameter names in function types).
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": "error",
    },
  },
  {
    // Node scripts and configs (CommonJS).
    files: ["**/*.cjs", "webpack.config.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: { ...globals.node } },
  },
];
