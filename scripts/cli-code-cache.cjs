/*
 * Loads the command line's bundle (dist-cli/xeploai.cjs) with a V8 code cache, so a call does not
 * compile the 2 MB bundle again: V8 reads the bytecode it made in an earlier run of the same
 * command. Node 20 has no module.enableCompileCache, hence vm.Script with cachedData.
 *
 * - One cache file per bundle content and command (`<bundle>.<sha1 of bundle, node version and
 *   arch>.<command>.v8`): a rebuilt bundle, another Node or another command never uses a stale or
 *   foreign cache. V8 checks the cache too and rejects one that does not fit; it is then rewritten.
 * - Written after the command has run (so it holds the functions that command compiled), only when
 *   there was none or V8 rejected it, to a temporary file renamed into place; older caches of the
 *   bundle are removed then.
 * - Kept in dist-cli/.v8-cache/ beside the bundle (the checkout's own folder, not a shared /tmp),
 *   or in XEPLOAI_CODE_CACHE_DIR. When the folder cannot be made or written (a read-only
 *   installation), the command runs as before, without a cache, and says nothing.
 * - XEPLOAI_CODE_CACHE=0 turns it off.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

/** The folder caches of `file` are kept in. */
function cacheDirFor(file) {
  return process.env.XEPLOAI_CODE_CACHE_DIR || path.join(path.dirname(file), ".v8-cache");
}

/**
 * Requires the CommonJS file `file` through vm.Script with its code cache for `key` (a command
 * name). Returns the module's exports, whether the cache was used, and save(), which writes the
 * cache when it was missing or rejected (call it after the work, so compiled functions are in it).
 */
function requireWithCodeCache(file, key) {
  const enabled = process.env.XEPLOAI_CODE_CACHE !== "0";
  const bytes = fs.readFileSync(file);
  const source = bytes.toString("utf8");
  const digest = crypto
    .createHash("sha1")
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}`)
    .digest("hex")
    .slice(0, 16);
  const dir = cacheDirFor(file);
  const base = path.basename(file);
  const cacheFile = path.join(dir, `${base}.${digest}.${safeKey(key)}.v8`);
  let cached;
  if (enabled) {
    try {
      cached = fs.readFileSync(cacheFile);
    } catch {
      cached = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData: cached,
    // The bundle has no import() (scripts/build-cli.cjs turns them into require); should one
    // appear, Node's own loader serves it where this Node can name it.
    ...(vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const usedCache = cached !== undefined && !script.cachedDataRejected;
  const wrapper = script.runInThisContext({ displayErrors: true });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = Module.createRequire(file);
  wrapper.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  return {
    exports: mod.exports,
    usedCache,
    /** Writes the cache if it was missing or rejected; false when it was not written. */
    save() {
      if (!enabled || usedCache) return false;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        for (const n of fs.readdirSync(dir)) {
          if (n.startsWith(`${base}.`) && n.endsWith(".v8") && !n.includes(`.${digest}.`))
            fs.rmSync(path.join(dir, n), { force: true });
        }
        return true;
      } catch {
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          // The folder is not ours to write: nothing was left there.
        }
        return false;
      }
    },
  };
}

/** A command name as part of a file name: letters, digits and "-" only. */
function safeKey(key) {
  return /^[a-z0-9-]{1,32}$/.test(key) ? key : "other";
}

module.exports = { requireWithCodeCache, cacheDirFor };
