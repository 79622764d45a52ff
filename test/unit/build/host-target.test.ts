/**
 * Building for a town office's server: `npm run build -- --env host=… --env officejs=local|cdn`.
 * Runs webpack.config.js's own pieces (no bundling): the manifest rewrite, the pages' Office.js
 * source, the files copied from @microsoft/office-js and the IIS web.config.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: jest.fn() }));

interface Target {
  url: string;
  origin: string;
  defaulted: boolean;
  officejs: "local" | "cdn";
}
const hostTarget = require("../../../scripts/deploy/host-target.cjs") as {
  DEV_URL: string;
  OFFICE_JS_CDN_URL: string;
  resolveTarget(env: Record<string, unknown>, processEnv: Record<string, string>): Target;
  manifestForHost(xml: string, target: Target, version: string): string;
  manifestVersion(v: string): string;
  officeJsSrc(target: Target): string;
  describeTarget(target: Target): string;
};
const officeJsFiles = require("../../../scripts/deploy/office-js-files.cjs") as {
  PACKAGE_DIST: string;
  officeJsFiles(): string[];
};
const siteHeaders = require("../../../scripts/deploy/site-headers.cjs") as {
  contentSecurityPolicy(officejs: string): string;
  cacheControlFor(file: string): string;
  webConfigXml(opts: { csp: string; hashedFiles: string[] }): string;
};
const configFactory = require("../../../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode?: string }
) => Promise<{
  plugins: Array<{
    constructor: { name: string };
    userOptions?: { filename: string; templateParameters?: Record<string, string> };
    patterns?: Array<{
      from: string;
      context?: string;
      to: string;
      filter?: (f: string) => boolean;
    }>;
  }>;
}>;

const ROOT = path.resolve(__dirname, "../../..");
const SOURCE_MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PACKAGE_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(ROOT, "package.json"), "utf8")
).version;

const target = (host?: string, officejs?: string) =>
  hostTarget.resolveTarget({ ...(host ? { host } : {}), ...(officejs ? { officejs } : {}) }, {});

/** Every URL outside comments. */
function urlsOutsideComments(xml: string): string[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...text.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}
const comments = (xml: string) => xml.match(/<!--[\s\S]*?-->/g) ?? [];

describe("choosing the host", () => {
  it("takes --env host, adding the trailing slash", () => {
    expect(target("https://xeploai.example.vn")).toEqual({
      url: "https://xeploai.example.vn/",
      origin: "https://xeploai.example.vn",
      defaulted: false,
      officejs: "local",
    });
  });

  it("takes XEPLOAI_HOST and XEPLOAI_OFFICEJS from the environment; --env wins over them", () => {
    const env = { XEPLOAI_HOST: "https://10.0.0.5:8443/xeploai", XEPLOAI_OFFICEJS: "cdn" };
    expect(hostTarget.resolveTarget({}, env)).toMatchObject({
      url: "https://10.0.0.5:8443/xeploai/",
      origin: "https://10.0.0.5:8443",
      officejs: "cdn",
    });
    expect(hostTarget.resolveTarget({ host: "https://srv.thiuy.vn/" }, env).url).toBe(
      "https://srv.thiuy.vn/"
    );
  });

  it("without a host builds for https://localhost:3000/ and says so, Vietnamese first", () => {
    const t = target();
    expect(t).toMatchObject({ url: "https://localhost:3000/", defaulted: true });
    const said = hostTarget.describeTarget(t);
    expect(said).toMatch(/^Chưa chọn máy chủ: bản dựng dùng https:\/\/localhost:3000\//);
    expect(said).toContain("No host given: building for https://localhost:3000/");
    expect(said).toContain("--env host=");
  });

  it.each([
    ["http://xeploai.thiuy.vn/", /https:\/\//],
    ["xeploai.thiuy.vn", /không phải một URL/],
    ["https://xeploai.example.invalid/", /dành cho ví dụ/],
    ["https://example.com/", /dành cho ví dụ/],
    ["https://srv.thiuy.vn/?a=1", /không được có/],
  ])("refuses the host %s", (host, message) => {
    expect(() => target(host)).toThrow(message);
  });

  it("refuses an Office.js source other than local or cdn", () => {
    expect(() => target("https://srv.thiuy.vn/", "internet")).toThrow(/officejs=local/);
  });
});

describe("the manifest built for a host", () => {
  const t = target("https://xeploai.example.vn/");
  const built = hostTarget.manifestForHost(SOURCE_MANIFEST, t, PACKAGE_VERSION);

  it("points every URL at the host and the AppDomain at its origin", () => {
    const urls = urlsOutsideComments(built).filter((u) => u.startsWith("https://"));
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls)
      expect(
        u.startsWith("https://xeploai.example.vn/") || u === "https://xeploai.example.vn"
      ).toBe(true);
    expect(built).toContain("<AppDomain>https://xeploai.example.vn</AppDomain>");
    expect(built).toContain(
      '<SourceLocation DefaultValue="https://xeploai.example.vn/taskpane.html"/>'
    );
    expect(built).not.toMatch(/example\.invalid/);
  });

  it("keeps the Id, carries package.json's version and leaves every comment as it was", () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(SOURCE_MANIFEST)?.[1];
    expect(built).toContain(`<Id>${id}</Id>`);
    expect(built).toContain(`<Version>${hostTarget.manifestVersion(PACKAGE_VERSION)}</Version>`);
    expect(hostTarget.manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(hostTarget.manifestVersion("2.3.4-beta.1")).toBe("2.3.4.0");
    for (const c of comments(SOURCE_MANIFEST)) expect(built).toContain(c);
    expect(comments(built)[0]).toBe(
      `<!-- Bản dựng cho / built for https://xeploai.example.vn/ — XếpLoại ${PACKAGE_VERSION}, Office.js local. -->`
    );
    expect(new XMLParser().parse(built).OfficeApp).toBeDefined();
  });

  it("stays well-formed XML for a punycode host (no “--” inside the added comment)", () => {
    const idn = hostTarget.manifestForHost(
      SOURCE_MANIFEST,
      target("https://xn--xploi-rta.thiuy.vn/"),
      PACKAGE_VERSION
    );
    for (const c of comments(idn)) expect(c.slice(4, -3)).not.toContain("--");
    expect(idn).toContain("<AppDomain>https://xn--xploi-rta.thiuy.vn</AppDomain>");
  });

  it("works for a host under a folder (IIS virtual directory)", () => {
    const sub = hostTarget.manifestForHost(
      SOURCE_MANIFEST,
      target("https://may-chu.thiuy.local/xeploai/"),
      PACKAGE_VERSION
    );
    expect(sub).toContain("<AppDomain>https://may-chu.thiuy.local</AppDomain>");
    expect(sub).toContain(
      'DefaultValue="https://may-chu.thiuy.local/xeploai/taskpane.html?part=print"'
    );
  });
});

describe("where the pages load Office.js from", () => {
  const pagesOf = async (env: Record<string, unknown>) => {
    const config = await configFactory(
      { WEBPACK_BUILD: true, quiet: true, ...env },
      { mode: "production" }
    );
    return {
      pages: config.plugins
        .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
        .map((p) => [p.userOptions?.filename, p.userOptions?.templateParameters?.officeJsSrc]),
      officeJsCopy: config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "**/*"),
    };
  };

  it("local (the default): both pages reference dist/office-js/office.js, copied from @microsoft/office-js", async () => {
    const { pages, officeJsCopy } = await pagesOf({ host: "https://xeploai.example.vn/" });
    expect(pages).toEqual([
      ["taskpane.html", "office-js/office.js"],
      ["commands.html", "office-js/office.js"],
    ]);
    expect(officeJsCopy?.to).toBe("office-js/[path][name][ext]");
    expect(officeJsCopy?.context).toBe(officeJsFiles.PACKAGE_DIST);
    for (const template of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = fs.readFileSync(path.join(ROOT, template), "utf8");
      expect(html).toContain('src="<%= officeJsSrc %>"');
      expect(html).not.toContain("appsforoffice");
    }
  });

  it("cdn: Microsoft's address, nothing copied", async () => {
    const { pages, officeJsCopy } = await pagesOf({
      host: "https://xeploai.example.vn/",
      officejs: "cdn",
    });
    expect(pages.map((p) => p[1])).toEqual([
      hostTarget.OFFICE_JS_CDN_URL,
      hostTarget.OFFICE_JS_CDN_URL,
    ]);
    expect(officeJsCopy).toBeUndefined();
  });

  it("the local copy holds what office.js loads for Excel and leaves out the other hosts", () => {
    const files = officeJsFiles.officeJsFiles();
    const officeJs = fs.readFileSync(path.join(officeJsFiles.PACKAGE_DIST, "office.js"), "utf8");
    // Files the loader names itself (besides <locale>/office_strings.js and its .debug twin).
    for (const f of ["o15apptofilemappingtable.js", "telemetry/oteljs_agave.js"]) {
      expect(officeJs).toContain(`"${f}"`);
      expect(files).toContain(f);
    }
    for (const f of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "vi-vn/office_strings.js",
      "en-us/office_strings.js",
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(word|outlook|powerpoint)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    const localeFolders = fs
      .readdirSync(officeJsFiles.PACKAGE_DIST, { withFileTypes: true })
      .filter(
        (d) =>
          d.isDirectory() &&
          fs.existsSync(path.join(officeJsFiles.PACKAGE_DIST, d.name, "office_strings.js"))
      );
    for (const d of localeFolders) expect(files).toContain(`${d.name}/office_strings.js`);
  });
});

describe("site headers decided at build time", () => {
  it("the policy allows only the site itself, plus Microsoft's CDN for scripts when cdn is chosen", () => {
    const local = siteHeaders.contentSecurityPolicy("local");
    expect(local).toContain("default-src 'self'");
    expect(local).toContain("script-src 'self';");
    expect(local).not.toMatch(/https?:/);
    expect(siteHeaders.contentSecurityPolicy("cdn")).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com;"
    );
  });

  it("hashed bundles are immutable for a year; pages, manifest and Office.js are revalidated", () => {
    expect(siteHeaders.cacheControlFor("taskpane.f8d1f53b.js")).toMatch(
      /max-age=31536000, immutable/
    );
    expect(siteHeaders.cacheControlFor("exceljs.95eb0674.chunk.js")).toMatch(/immutable/);
    for (const f of [
      "taskpane.html",
      "manifest.xml",
      "office-js/office.js",
      "assets/icon-32.png",
    ]) {
      expect(siteHeaders.cacheControlFor(f)).toBe("no-cache");
    }
  });

  it("web.config for IIS: MIME types, the policy, no-cache by default and a year for hashed files", () => {
    const csp = siteHeaders.contentSecurityPolicy("local");
    const xml = siteHeaders.webConfigXml({ csp, hashedFiles: ["taskpane.f8d1f53b.js"] });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    const web = parsed.configuration["system.webServer"];
    const mimes = web.staticContent.mimeMap.map((m: { fileExtension: string }) => m.fileExtension);
    expect(mimes).toEqual(expect.arrayContaining([".js", ".json", ".xml", ".map", ".html"]));
    expect(web.staticContent.clientCache.cacheControlMode).toBe("DisableCache");
    const headers = web.httpProtocol.customHeaders.add;
    expect(headers).toEqual(
      expect.arrayContaining([{ name: "Content-Security-Policy", value: csp }])
    );
    const location = parsed.configuration.location;
    expect(location.path).toBe("taskpane.f8d1f53b.js");
    expect(location["system.webServer"].staticContent.clientCache).toMatchObject({
      cacheControlMode: "UseMaxAge",
      cacheControlMaxAge: "365.00:00:00",
    });
  });
});
