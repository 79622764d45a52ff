/** Unit, adapter and UI tests. Type checking is done once by `tsc --noEmit` (npm test), so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, resolveJsonModule: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
};
