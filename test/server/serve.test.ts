/**
 * `xeploai serve` as an office would run it: the real command line in its own process, on a free
 * local port, with a self-signed certificate made for the test (the office's own certificate in
 * real life). Fetches the pane, a hashed bundle and the manifest over HTTPS, checks status, MIME
 * type, cache and CSP headers, the log line per request, and a clean stop on SIGTERM and SIGINT.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import selfsigned from "selfsigned";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const { contentSecurityPolicy } = require("../../scripts/deploy/site-headers.cjs") as {
  contentSecurityPolicy(officejs: string): string;
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchHttps(url: string, ca: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ca, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: chunks.map((c) => c.toString("utf8")).join(""),
        })
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** A dist/ as the build leaves it (small: the server does not care what the bundle holds). */
function makeDist(dir: string, officejs: "local" | "cdn") {
  fs.mkdirSync(path.join(dir, "office-js"), { recursive: true });
  fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
  const src =
    officejs === "local"
      ? "office-js/office.js"
      : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  fs.writeFileSync(
    path.join(dir, "taskpane.html"),
    `<!doctype html><html><head><script src="${src}"></script><script defer src="taskpane.0123abcd.js"></script></head><body><div id="container"></div></body></html>`
  );
  fs.writeFileSync(path.join(dir, "taskpane.0123abcd.js"), "console.log('pane');\n");
  fs.writeFileSync(path.join(dir, "office-js", "office.js"), "var Office = {};\n");
  fs.writeFileSync(path.join(dir, "manifest.xml"), '<?xml version="1.0"?><OfficeApp/>\n');
  fs.writeFileSync(
    path.join(dir, "assets", "icon-16.png"),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47])
  );
  fs.writeFileSync(path.join(dir, ".secret"), "not served\n");
  fs.writeFileSync(
    path.join(dir, "xeploai-build.json"),
    JSON.stringify({
      name: "xeploai",
      version: "0.1.0",
      host: "https://localhost:3000/",
      officejs,
      contentSecurityPolicy: contentSecurityPolicy(officejs),
    })
  );
}

interface Served {
  child: ChildProcessWithoutNullStreams;
  base: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Starts `node bin/xeploai.cjs serve` on port 0 and waits for the "running at" line. */
async function startServe(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin", "xeploai.cjs"), "serve", "--port", "0", "--host", "127.0.0.1", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
    }
  );
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /đang chạy tại (https:\/\/\S+\/) /.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout.on("data", check);
    child.on("exit", () => reject(new Error(`serve exited early:\n${out}`)));
  });
  return { child, base, output: () => out, exit };
}

let tmp: string;
let cert: string;
let key: string;
let certFile: string;
let keyFile: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-serve-"));
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    extensions: [
      { name: "basicConstraints", cA: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  cert = pems.cert;
  key = pems.private;
  certFile = path.join(tmp, "cert.pem");
  keyFile = path.join(tmp, "key.pem");
  fs.writeFileSync(certFile, cert);
  fs.writeFileSync(keyFile, key);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("xeploai serve with the office's certificate (--cert/--key)", () => {
  let served: Served;
  const dist = () => path.join(tmp, "dist-local");

  beforeAll(async () => {
    makeDist(dist(), "local");
    served = await startServe(["--dist", dist(), "--cert", certFile, "--key", keyFile]);
  });

  afterAll(async () => {
    if (served.child.exitCode === null) served.child.kill("SIGKILL");
  });

  it("serves the pane as no-cache HTML under a policy that allows only the site itself", async () => {
    const r = await fetchHttps(`${served.base}taskpane.html`, cert);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("no-cache");
    expect(r.headers["content-security-policy"]).toBe(contentSecurityPolicy("local"));
    expect(r.headers["content-security-policy"]).toContain("script-src 'self';");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.body).toContain('<div id="container">');
  });

  it("opens the pane (browser mode) at the site's root", async () => {
    const r = await fetchHttps(served.base, cert);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="container">');
  });

  it("serves a hashed bundle as JavaScript cached for a year, immutable", async () => {
    const r = await fetchHttps(`${served.base}taskpane.0123abcd.js`, cert);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(r.headers.etag).toBeDefined();
  });

  it("serves the manifest and the local Office.js revalidated on every load, icons as PNG", async () => {
    const manifest = await fetchHttps(`${served.base}manifest.xml`, cert);
    expect(manifest.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(manifest.headers["cache-control"]).toBe("no-cache");
    const office = await fetchHttps(`${served.base}office-js/office.js`, cert);
    expect([office.status, office.headers["cache-control"]]).toEqual([200, "no-cache"]);
    const icon = await fetchHttps(`${served.base}assets/icon-16.png`, cert);
    expect(icon.headers["content-type"]).toBe("image/png");
  });

  it("answers 404 for what is not there (dotfiles and paths outside dist/ included), 405 for writes", async () => {
    for (const p of [
      "nothing.js",
      ".secret",
      "..%2f..%2fetc%2fpasswd",
      "%2e%2e/%2e%2e/etc/passwd",
    ]) {
      const r = await fetchHttps(`${served.base}${p}`, cert);
      expect([p, r.status]).toEqual([p, 404]);
      expect(r.body).not.toContain("root:");
      expect(r.headers["content-security-policy"]).toBe(contentSecurityPolicy("local"));
    }
    const post = await fetchHttps(`${served.base}taskpane.html`, cert, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("logs one line per request and stops cleanly on SIGTERM", async () => {
    await fetchHttps(`${served.base}taskpane.html?part=validate`, cert);
    served.child.kill("SIGTERM");
    expect(await served.exit).toBe(0);
    const out = served.output();
    expect(out).toMatch(/^\S+Z 127\.0\.0\.1 GET \/taskpane\.html\?part=validate 200 \d+$/m);
    expect(out).toMatch(/^\S+Z 127\.0\.0\.1 GET \/taskpane\.0123abcd\.js 200 \d+$/m);
    expect(out).toContain("Đã dừng máy chủ (SIGTERM).");
  });
});

describe("xeploai serve for a build that loads Office.js from Microsoft's CDN", () => {
  it("allows the CDN in the policy; certificate from the environment; stops on SIGINT", async () => {
    const dist = path.join(tmp, "dist-cdn");
    makeDist(dist, "cdn");
    const served = await startServe(["--dist", dist], {
      XEPLOAI_TLS_CERT: certFile,
      XEPLOAI_TLS_KEY: keyFile,
    });
    try {
      const r = await fetchHttps(`${served.base}taskpane.html`, cert);
      expect(r.headers["content-security-policy"]).toContain(
        "script-src 'self' https://appsforoffice.microsoft.com;"
      );
      served.child.kill("SIGINT");
      expect(await served.exit).toBe(0);
      expect(served.output()).toContain("Đã dừng máy chủ (SIGINT).");
    } finally {
      if (served.child.exitCode === null) served.child.kill("SIGKILL");
    }
  });
});

describe("xeploai serve refuses what cannot work, saying what to do", () => {
  const runServe = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, "bin", "xeploai.cjs"), "serve", ...args],
        { cwd: ROOT }
      );
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.on("exit", (code) => resolve({ code, out }));
    });

  it("a folder that is not a build", async () => {
    const r = await runServe(["--dist", tmp, "--cert", certFile, "--key", keyFile]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("chưa phải bản dựng của XếpLoại");
    expect(r.out).toContain("npm run build -- --env host=");
  });

  it("a certificate without its key", async () => {
    makeDist(path.join(tmp, "dist-nokey"), "local");
    const r = await runServe(["--dist", path.join(tmp, "dist-nokey"), "--cert", certFile]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("Cần cả --cert (chứng chỉ) lẫn --key (khóa riêng)");
  });
});
