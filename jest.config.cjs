/** Unit, adapter and UI tests. Type checking is done once by `tsc --noEmit` (npm test), so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // A loaded machine is slow, not wrong: findBy…/waitFor wait up to 15 s (not 1 s) and a test up to
  // 30 s (not 5 s). Heavy tests still declare their own, longer timeout.
  testTimeout: 30_000,
  setupFilesAfterEnv: ["<rootDir>/test/setup-async-timeout.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, resolveJsonModule: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
};
