/*
 * Where a build of XếpLoại is going to be served from, and the manifest that points there.
 * Used by webpack.config.js (`npm run build -- --env host=https://xeploai.example.vn/ --env officejs=local`,
 * or XEPLOAI_HOST / XEPLOAI_OFFICEJS in the environment). Plain CommonJS so webpack can require it.
 */
"use strict";

/** The development server's address; the source manifest.xml uses it, and a build without a host too. */
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_SOURCES = ["local", "cdn"];
/** Microsoft's CDN copy of Office.js (what the pages load when officejs=cdn). */
const OFFICE_JS_CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the local copy of Office.js goes inside dist/ (relative, so a host with a sub-path works). */
const OFFICE_JS_LOCAL_DIR = "office-js";

/** Names reserved for documentation and tests (RFC 2606, RFC 6761): never a real deployment. */
const PLACEHOLDER_HOST = /(^|\.)(invalid|example|test)$|(^|\.)example\.(com|net|org)$/i;

class HostTargetError extends Error {}

function fail(vi, en) {
  throw new HostTargetError(`${vi}\n${en}`);
}

/**
 * Reads the host and the Office.js source from webpack's --env and the environment.
 * Returns { url, origin, defaulted, officejs } where url always ends with "/".
 */
function resolveTarget(env = {}, processEnv = process.env) {
  const rawHost = pick(env.host, processEnv.XEPLOAI_HOST);
  const rawOfficeJs = pick(env.officejs, processEnv.XEPLOAI_OFFICEJS) ?? "local";
  const officejs = String(rawOfficeJs).trim().toLowerCase();
  if (!OFFICE_JS_SOURCES.includes(officejs)) {
    fail(
      `officejs="${rawOfficeJs}" không hợp lệ: dùng --env officejs=local (chép Office.js vào dist/, chạy được khi không có internet) hoặc --env officejs=cdn (tải từ máy chủ của Microsoft).`,
      `officejs="${rawOfficeJs}" is not valid: use --env officejs=local (Office.js copied into dist/, works without internet) or --env officejs=cdn (loaded from Microsoft's CDN).`
    );
  }
  if (rawHost === undefined) {
    return { ...parseHost(DEV_URL), defaulted: true, officejs };
  }
  return { ...parseHost(String(rawHost)), defaulted: false, officejs };
}

function pick(...values) {
  for (const v of values) {
    if (v === undefined || v === null || v === true) continue;
    const s = String(v).trim();
    if (s !== "") return s;
  }
  return undefined;
}

function parseHost(raw) {
  let parsed;
  try {
    parsed = new URL(raw);
  } catch {
    fail(
      `Địa chỉ máy chủ "${raw}" không phải một URL: hãy ghi đủ, ví dụ --env host=https://xeploai.thiuy.vn/`,
      `The host "${raw}" is not a URL: write it in full, e.g. --env host=https://xeploai.thiuy.vn/`
    );
  }
  if (parsed.protocol !== "https:") {
    fail(
      `Địa chỉ máy chủ "${raw}" phải bắt đầu bằng https:// — Excel chỉ mở phần bổ trợ qua https.`,
      `The host "${raw}" must start with https:// — Excel only opens add-ins over https.`
    );
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    fail(
      `Địa chỉ máy chủ "${raw}" không được có ?…, #… hay tên đăng nhập: chỉ ghi https://tên-máy[:cổng]/[thư-mục/].`,
      `The host "${raw}" must not carry ?…, #… or credentials: only https://name[:port]/[folder/].`
    );
  }
  if (PLACEHOLDER_HOST.test(parsed.hostname)) {
    fail(
      `"${parsed.hostname}" là tên miền dành cho ví dụ, không phải máy chủ thật: hãy dùng tên (hoặc địa chỉ IP) máy chủ của cơ quan.`,
      `"${parsed.hostname}" is a name reserved for examples, not a real server: use the office server's name (or IP address).`
    );
  }
  const pathname = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  return { url: `${parsed.origin}${pathname}`, origin: parsed.origin };
}

/** "0.1.0" (package.json) → "0.1.0.0" (the manifest's four-part Version); pre-release tags dropped. */
function manifestVersion(packageVersion) {
  const parts = String(packageVersion)
    .split(/[-+]/)[0]
    .split(".")
    .map((p) => Number.parseInt(p, 10));
  if (parts.length === 0 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 65535)) {
    fail(
      `Phiên bản "${packageVersion}" trong package.json không dùng được cho manifest (dạng 1.2.3).`,
      `The package.json version "${packageVersion}" cannot be used for the manifest (form 1.2.3).`
    );
  }
  while (parts.length < 4) parts.push(0);
  return parts.slice(0, 4).join(".");
}

/** Applies fn to the XML outside comments; comments are kept byte for byte. */
function outsideComments(xml, fn) {
  return xml
    .split(/(<!--[\s\S]*?-->)/)
    .map((part) => (part.startsWith("<!--") ? part : fn(part)))
    .join("");
}

/**
 * The manifest for a target: every dev-server URL (outside comments) rewritten to the host, the
 * Version set from package.json, the Id untouched, and a comment saying what it was built for.
 */
function manifestForHost(xml, target, packageVersion) {
  const devOrigin = DEV_URL.replace(/\/$/, "");
  let out = outsideComments(String(xml), (text) =>
    text
      .split(DEV_URL)
      .join(target.url)
      .split(devOrigin)
      .join(target.origin)
      .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(packageVersion)}</Version>`)
  );
  // "--" may not appear inside an XML comment (a punycode host has "xn--").
  const noteText = `Bản dựng cho / built for ${target.url} — XếpLoại ${packageVersion}, Office.js ${target.officejs}.`;
  const note = `<!-- ${noteText.replace(/-(?=-)/g, "- ")} -->`;
  out = out.replace(/^(<\?xml[^>]*\?>\r?\n?)/, `$1${note}\n`);
  assertNoPlaceholder(out, "manifest.xml");
  return out;
}

/** Throws when a placeholder host appears in a URL outside comments (it must never reach dist/). */
function assertNoPlaceholder(text, fileName) {
  outsideComments(String(text), (part) => {
    for (const match of part.matchAll(/https?:\/\/([^/"'<>\s:]+)/gi)) {
      if (PLACEHOLDER_HOST.test(match[1])) {
        fail(
          `${fileName} còn địa chỉ giả "${match[0]}": hãy dựng lại với --env host=https://<máy chủ thật>/.`,
          `${fileName} still holds the placeholder "${match[0]}": build again with --env host=https://<real server>/.`
        );
      }
    }
    return part;
  });
}

/** The src of the Office.js <script> in the pages. */
function officeJsSrc(target) {
  return target.officejs === "cdn" ? OFFICE_JS_CDN_URL : `${OFFICE_JS_LOCAL_DIR}/office.js`;
}

/** The line `npm run build` prints about its target, Vietnamese first. */
function describeTarget(target) {
  const where = target.defaulted
    ? `Chưa chọn máy chủ: bản dựng dùng ${target.url} (máy này). Để dựng cho máy chủ của cơ quan: npm run build -- --env host=https://<máy chủ>/ (hoặc biến XEPLOAI_HOST).\n` +
      `No host given: building for ${target.url} (this machine). For the office's server: npm run build -- --env host=https://<server>/ (or XEPLOAI_HOST).`
    : `Dựng cho máy chủ ${target.url}.\nBuilding for ${target.url}.`;
  const office =
    target.officejs === "local"
      ? `Office.js: bản sao trong dist/${OFFICE_JS_LOCAL_DIR}/ (chạy được khi không có internet). / Office.js: local copy in dist/${OFFICE_JS_LOCAL_DIR}/ (works offline).`
      : `Office.js: từ máy chủ của Microsoft (cần internet). / Office.js: from Microsoft's CDN (needs internet).`;
  return `${where}\n${office}`;
}

module.exports = {
  DEV_URL,
  OFFICE_JS_CDN_URL,
  OFFICE_JS_LOCAL_DIR,
  HostTargetError,
  resolveTarget,
  manifestVersion,
  manifestForHost,
  assertNoPlaceholder,
  officeJsSrc,
  describeTarget,
};
