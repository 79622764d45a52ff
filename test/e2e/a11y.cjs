/* global window, document, axe */
/*
 * Accessibility and the 350 px pane (called by run-e2e.cjs): axe-core on every part in the light
 * and the dark theme, with 60 returned files in Tổng hợp. No violation of impact "serious" or
 * "critical" may remain, except the documented false positives below. Also: a <main> landmark,
 * an h1 and one heading per part, named progress bars, the hidden file input out of the tab
 * order, Tổng hợp's summary visible without scrolling. A screenshot of each part at 350 px in
 * each theme goes to the screenshots folder (docs/screenshots/ with --readme-pictures).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const AXE = require.resolve("axe-core/axe.min.js");
const TIMEOUT = 20_000;
const WIDTH = 350;
const HEIGHT = 800;
const PARTS = [
  { tab: "Mẫu biểu", slug: "mau-bieu" },
  { tab: "Kiểm tra", slug: "kiem-tra" },
  { tab: "Tổng hợp", slug: "tong-hop" },
  { tab: "In", slug: "in" },
];

/**
 * False positives of Fluent UI's own focus helpers, documented: Tabster (Fluent v9's focus
 * manager) puts invisible "dummy" inputs (`data-tabster-dummy`, aria-hidden, tabindex 0) at the
 * edges of focus groups to catch Tab and move focus on; they never receive focus for long and are
 * not content, but axe reports them as "aria-hidden-focus". Only those nodes are excused.
 */
function isFluentFocusHelper(node) {
  return /data-tabster-dummy/.test(node.html);
}

/**
 * The 60 distinct returns made by sixty-returns.ts (the demo's files, resends, last year's
 * templates, blank ones and what else arrives by mail), as the file input takes them.
 */
function sixtyFiles(paths) {
  return paths.map((p) => ({
    name: path.basename(p),
    mimeType: p.endsWith(".xls")
      ? "application/vnd.ms-excel"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: fs.readFileSync(p),
  }));
}

/** What the summary says of them: sixty-returns.ts explains each count. */
const SIXTY_SUMMARY = "đã nhận 45 · bị từ chối 12 · trống 3 · trùng 6 · chưa nộp 3";

async function axeSerious(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined")))
    await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ html: n.html.slice(0, 160), target: n.target.join(" ") })),
    }));
  });
  return results
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isFluentFocusHelper(n)) }))
    .filter((v) => v.nodes.length > 0);
}

async function walkA11y({ page, base, sixty, shots, step, assert }) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const files = sixtyFiles(sixty);
  assert(files.length === 60, `${files.length} returns, not 60`);
  for (const theme of ["light", "dark"]) {
    const suffix = theme === "dark" ? "-toi" : "";
    await step(
      `${theme}: 60 files in Tổng hợp at ${WIDTH} px, summary without scrolling`,
      async () => {
        await page.goto(
          `${base}/taskpane.html?part=consolidate${theme === "dark" ? "&fakeTheme=dark" : ""}`,
          { waitUntil: "load" }
        );
        const tab = page.getByRole("tab", { name: "Tổng hợp", exact: true });
        await tab.waitFor({ timeout: TIMEOUT });
        await page.locator('#panel-consolidate input[type="file"]').setInputFiles(files);
        await page.waitForFunction(
          (n) => {
            const s = document.querySelector('[data-testid="consolidate-summary"]');
            if (!s || document.querySelector('[data-testid="drop-zone"][aria-disabled="true"]'))
              return false;
            const nums = (s.textContent.match(/\d+/g) || []).map(Number);
            return nums.reduce((a, b) => a + b, 0) >= n;
          },
          files.length,
          { timeout: TIMEOUT * 6 }
        );
        await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
        await page
          .getByRole("button", { name: "Ghi bảng tổng hợp vào sổ làm việc" })
          .waitFor({ timeout: TIMEOUT * 3 });
        await page.evaluate(() => window.scrollTo(0, 0));
        const summary = page.getByTestId("consolidate-summary");
        const box = await summary.boundingBox();
        const text = await summary.innerText();
        assert(box && box.y + box.height <= HEIGHT, `summary at ${box && box.y}px, below the fold`);
        assert(text === SIXTY_SUMMARY, `summary “${text}”, expected “${SIXTY_SUMMARY}”`);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(wide <= WIDTH, `horizontal scrolling: ${wide}px`);
        // The next action stays in view at the bottom of the pane.
        const bar = await page.getByTestId("consolidate-actions").boundingBox();
        assert(bar && bar.y + bar.height <= HEIGHT + 1, "the action bar is not in view");
        return text;
      }
    );

    for (const { tab, slug } of PARTS) {
      await step(`${theme}: ${tab} has no serious or critical axe violation`, async () => {
        await page.getByRole("tab", { name: tab, exact: true }).click();
        await page.waitForTimeout(300); // the tab indicator's move
        const violations = await axeSerious(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        fs.mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `pane-${WIDTH}-${slug}${suffix}.png`) });
        assert(
          violations.length === 0,
          violations
            .map(
              (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(", ")}`
            )
            .join(" | ")
        );
      });
    }

    await step(
      `${theme}: landmarks, headings, named progress bars, file input out of the tab order`,
      async () => {
        const facts = await page.evaluate(() => ({
          main: document.querySelectorAll("main").length,
          h1: document.querySelectorAll("h1").length,
          partHeadings: ["templates", "validate", "consolidate", "print"].map(
            (p) => document.querySelectorAll(`#panel-${p} h2`).length
          ),
          fileInputTab: [...document.querySelectorAll('input[type="file"]')].map((i) => i.tabIndex),
          unnamedBars: [...document.querySelectorAll('[role="progressbar"]')].filter(
            (b) => !b.getAttribute("aria-label") && !b.getAttribute("aria-labelledby")
          ).length,
        }));
        assert(facts.main === 1, `${facts.main} <main> landmarks`);
        assert(facts.h1 === 1, `${facts.h1} h1`);
        assert(
          facts.partHeadings.every((n) => n >= 1),
          `part headings ${facts.partHeadings}`
        );
        assert(
          facts.fileInputTab.every((t) => t < 0),
          `file input tabIndex ${facts.fileInputTab}`
        );
        assert(facts.unnamedBars === 0, `${facts.unnamedBars} unnamed progress bars`);
      }
    );
  }
  await page.setViewportSize(before);
}

module.exports = { walkA11y };
