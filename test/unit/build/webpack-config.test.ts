/**
 * The webpack configuration as an object (no bundling here: `npm run build` does that in CI).
 * Checks the template's conventions and the two things that break silently: a production build
 * that asks for dev certificates (sudo on Linux) and a manifest that still points at localhost.
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "../manifest/manifest-checks";

const getHttpsServerOptions = jest.fn(async () => ({ ca: "CA", key: "KEY", cert: "CERT" }));
jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions }));

interface HtmlPluginLike {
  constructor: { name: string };
  userOptions: {
    filename: string;
    template: string;
    chunks: string[];
    templateParameters?: Record<string, string>;
  };
}
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string | Buffer;
}
interface WebpackConfigLike {
  entry: Record<string, string | string[] | { import: string; dependOn?: string }>;
  output: { path: string; filename: string; chunkFilename: string; clean: boolean };
  plugins: Array<HtmlPluginLike | { patterns?: CopyPattern[] }>;
  performance: { hints: false | string; maxEntrypointSize: number };
  optimization: {
    splitChunks: { cacheGroups: Record<string, { test: RegExp; name: string; chunks: string }> };
  };
  devServer: {
    port: number;
    headers: Record<string, string>;
    server?: { type: string; options: unknown };
  };
}
type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode?: string }
) => Promise<WebpackConfigLike>;

const configFactory: ConfigFactory = require("../../../webpack.config.js");
const ROOT = path.resolve(__dirname, "../../..");

const htmlPlugins = (config: WebpackConfigLike) =>
  config.plugins.filter((p): p is HtmlPluginLike => p.constructor.name === "HtmlWebpackPlugin");
const copyPatterns = (config: WebpackConfigLike) =>
  config.plugins.flatMap((p) => ("patterns" in p && p.patterns ? p.patterns : []));

beforeEach(() => getHttpsServerOptions.mockClear());

describe("webpack.config.js for `webpack --mode production`", () => {
  let config: WebpackConfigLike;
  beforeAll(async () => {
    config = await configFactory(
      { WEBPACK_BUILD: true, quiet: true, host: "https://xeploai.thiuy.vn/" },
      { mode: "production" }
    );
  });

  it("does not ask for dev certificates", () => {
    expect(getHttpsServerOptions).not.toHaveBeenCalled();
    expect(config.devServer.server).toBeUndefined();
  });

  it("bundles the task pane and the ribbon's function file", () => {
    expect(config.entry.taskpane).toEqual({
      import: "./src/taskpane/index.tsx",
      dependOn: "react",
    });
    expect(config.entry.commands).toBe("./src/commands/commands.ts");
    for (const entry of [
      "./src/taskpane/index.tsx",
      "./src/commands/commands.ts",
      "./src/taskpane/taskpane.html",
      "./src/commands/commands.html",
    ]) {
      expect(fs.existsSync(path.join(ROOT, entry))).toBe(true);
    }
  });

  it("writes taskpane.html and commands.html, each with only its own chunks", () => {
    const pages = htmlPlugins(config).map((p) => ({
      filename: p.userOptions.filename,
      chunks: p.userOptions.chunks,
    }));
    expect(pages).toEqual([
      { filename: "taskpane.html", chunks: ["react", "taskpane"] },
      { filename: "commands.html", chunks: ["commands"] },
    ]);
  });

  it("emits lazily imported code (ExcelJS) as separate, named async chunks", () => {
    expect(config.output.chunkFilename).toMatch(/\.chunk\.js$/);
    const exceljs = config.optimization.splitChunks.cacheGroups.exceljs;
    expect(exceljs).toMatchObject({ name: "exceljs", chunks: "async" });
    expect(
      exceljs.test.test(path.join(ROOT, "node_modules", "exceljs", "dist", "exceljs.min.js"))
    ).toBe(true);
    expect(exceljs.test.test(path.join(ROOT, "node_modules", "react", "index.js"))).toBe(false);
  });

  it("copies the icons, the manifest (rewritten to the host) and a local Office.js", () => {
    const patterns = copyPatterns(config);
    expect(patterns.map((p) => p.from)).toEqual(["assets/*", "manifest*.xml", "**/*"]);
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"));
    const transformed = String(patterns[1].transform?.(manifest));
    expect(transformed).toContain("https://xeploai.thiuy.vn/taskpane.html?part=validate");
    // The production manifest must still pass every manifest check.
    expect(checkManifest(transformed, { assetsDir: path.join(ROOT, "assets") })).toEqual([]);
  });

  it("sets a first-load size budget instead of webpack's default noise", () => {
    expect(config.performance.hints).toBe("warning");
    expect(config.performance.maxEntrypointSize).toBeGreaterThanOrEqual(1_000_000);
  });
});

describe("webpack.config.js for development", () => {
  it("keeps localhost URLs in the copied manifest", async () => {
    const config = await configFactory(
      { WEBPACK_BUILD: true, quiet: true },
      { mode: "development" }
    );
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"));
    expect(String(copyPatterns(config)[1].transform?.(manifest))).toContain(
      "https://localhost:3000/taskpane.html"
    );
    expect(config.performance.hints).toBe(false);
  });

  it("serves over https with the dev certificates only under `webpack serve`", async () => {
    const config = await configFactory(
      { WEBPACK_SERVE: true, quiet: true },
      { mode: "development" }
    );
    expect(getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(config.devServer.server).toEqual({
      type: "https",
      options: { ca: "CA", key: "KEY", cert: "CERT" },
    });
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.headers["Access-Control-Allow-Origin"]).toBe("*");
  });
});
