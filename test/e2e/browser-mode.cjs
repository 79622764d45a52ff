/* global window */
/*
 * The browser mode end to end, in Chromium with NO Office.js at all (every request for office.js,
 * local or Microsoft's, is refused): the pane opened from the server outside Excel works on files.
 *   Mẫu biểu: insert a template into a new workbook and download it (read back: the template);
 *   Kiểm tra: open a filled file with an error, check, mark, download the copy with the cell marked;
 *   Tổng hợp: open an earlier master with a decision typed by hand, pick the demo's returned
 *     files, consolidate, write, download — read back with the project's reader: the decision kept;
 *   In: apply the print layout and download the print-ready master (print titles set);
 *   the review period saved in the header is still there after a reload (localStorage).
 * Used by run-e2e.cjs.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { summaryCounts } = require("./walk.cjs");

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const FIXTURES = path.join(__dirname, "browser-fixtures.ts");
const TIMEOUT = 30_000;

function tsx(args) {
  const r = spawnSync(TSX, [FIXTURES, ...args], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`browser-fixtures ${args[0]} failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** Waits for the next download the action starts; returns its saved path and suggested name. */
async function downloadOf(page, action, dir) {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: TIMEOUT * 2 }),
    action(),
  ]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function walkBrowserMode({ context, base, tmp, step, assert }) {
  const dir = path.join(tmp, "browser-mode");
  fs.mkdirSync(path.join(dir, "downloads"), { recursive: true });
  const downloads = path.join(dir, "downloads");
  const made = tsx(["make", dir]);

  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (err) => pageErrors.push(err.message));
  let officeJsRequests = 0;
  await page.route(/office\.js(\?|$)/, (route) => {
    officeJsRequests += 1;
    return route.abort();
  });
  const tab = (name) => page.getByRole("tab", { name, exact: true });
  const button = (name) => page.getByRole("button", { name, exact: true });
  const bar = page.getByRole("region", { name: "Tệp đang làm việc" });
  const openFile = (file) => page.getByTestId("browser-open-input").setInputFiles(file);
  const workbookLine = page.getByTestId("browser-workbook");

  await step("browser mode: the pane opens outside Excel, without Office.js", async () => {
    await page.goto(`${base}/taskpane.html?part=templates`);
    await bar.waitFor({ timeout: TIMEOUT });
    const text = (await page.locator("body").innerText()).normalize("NFC");
    assert(text.includes("Chế độ trình duyệt"), "no browser-mode banner");
    assert(await tab("Mẫu biểu").isVisible(), "no Mẫu biểu tab");
    assert(officeJsRequests > 0, "the page never asked for office.js (test does not prove much)");
    const hasOffice = await page.evaluate(() => typeof globalThis.Office !== "undefined");
    assert(!hasOffice, "Office is defined in the page");
  });

  await step(
    "browser mode › Mẫu biểu: inserts a template into a new workbook and downloads it",
    async () => {
      await page.getByRole("combobox").click();
      await page.getByRole("option", { name: /^3\.1a\. / }).click();
      await button("Chèn mẫu vào sổ làm việc").click();
      await page.getByText(/Đã chèn mẫu/).waitFor({ timeout: TIMEOUT });
      const file = await downloadOf(
        page,
        () => bar.getByRole("button", { name: "Tải về" }).click(),
        downloads
      );
      const back = tsx(["read", file]);
      assert(
        back.sheets.includes("_meta"),
        `downloaded template lacks _meta: ${back.sheets.join(", ")}`
      );
      return `${path.basename(file)}: ${back.sheets.join(", ")}`;
    }
  );

  await step(
    "browser mode › Kiểm tra: lists the issues of a filled file and downloads it marked",
    async () => {
      await openFile(made.invalid.file);
      await workbookLine.getByText(path.basename(made.invalid.file)).waitFor({ timeout: TIMEOUT });
      await tab("Kiểm tra").click();
      await button("Kiểm tra ngay").click();
      const count = page.getByTestId("issue-count");
      await count.getByText(/lỗi/).waitFor({ timeout: TIMEOUT });
      const countText = await count.innerText();
      assert(/\b[1-9]\d* lỗi/.test(countText), `issue count: ${countText}`);
      await button("Đánh dấu ô lỗi").click();
      await workbookLine.getByText(/ô được đánh dấu/).waitFor({ timeout: TIMEOUT });
      const file = await downloadOf(
        page,
        () => bar.getByRole("button", { name: "Tải bản có đánh dấu" }).click(),
        downloads
      );
      const back = tsx(["read", file]);
      const errors = back.marked.filter((m) => /FFC7CE/i.test(m.fill));
      assert(errors.length >= 1, `no cell marked as an error in ${path.basename(file)}`);
      assert(/Lỗi/.test(errors[0].note), `the mark's note says: ${errors[0].note}`);
      return `${countText.trim()}; ${errors.length} cell(s) marked, e.g. ${errors[0].sheet}!${errors[0].cell}`;
    }
  );

  let masterFile;
  await step(
    "browser mode › Tổng hợp: demo files + an earlier master → new master, hand-filled decision kept",
    async () => {
      await openFile(made.master);
      await workbookLine.getByText(path.basename(made.master)).waitFor({ timeout: TIMEOUT });
      await tab("Tổng hợp").click();
      await page.locator('#panel-consolidate input[type="file"]').setInputFiles(made.files);
      await page.waitForFunction(summaryCounts, made.files.length, { timeout: TIMEOUT * 4 });
      await button("Tổng hợp").click();
      await page.getByTestId("consolidation-result").waitFor({ timeout: TIMEOUT });
      await button("Ghi bảng tổng hợp vào sổ làm việc").click();
      await page.getByText(/Đã ghi các trang/).waitFor({ timeout: TIMEOUT * 2 });
      masterFile = await downloadOf(
        page,
        () => bar.getByRole("button", { name: "Tải về" }).click(),
        downloads
      );
      const back = tsx(["read", masterFile]);
      for (const sheet of ["Tổng hợp", "Lãnh đạo", "Tình hình nộp", "Nhật ký", "_meta_master"]) {
        assert(
          back.sheets.includes(sheet),
          `the master lacks “${sheet}”: ${back.sheets.join(", ")}`
        );
      }
      assert(
        back.decision &&
          back.decision.quyetDinhBtv === "HTTNV" &&
          /30\/12/.test(back.decision.ghiChu),
        `the hand-filled decision was not kept: ${JSON.stringify(back.decision)}`
      );
      return `${path.basename(masterFile)}: Xã Thủy Phù still “${back.decision.quyetDinhBtv}”, “${back.decision.ghiChu}”`;
    }
  );

  await step("browser mode › In: downloads the print-ready master", async () => {
    await tab("In").click();
    await button("Áp dụng bố cục in").click();
    await page.getByText(/Đã áp dụng bố cục in cho/).waitFor({ timeout: TIMEOUT * 2 });
    const file = await downloadOf(
      page,
      () => bar.getByRole("button", { name: "Tải về" }).click(),
      downloads
    );
    const back = tsx(["read", file]);
    assert(
      back.printTitles["Tổng hợp"],
      `no print titles on Tổng hợp: ${JSON.stringify(back.printTitles)}`
    );
    assert(back.decision && back.decision.quyetDinhBtv === "HTTNV", "decision lost when printing");
    return `print titles: ${Object.entries(back.printTitles)
      .map(([s, r]) => `${s} ${r}`)
      .join("; ")}`;
  });

  await step("browser mode: the saved review period outlives a reload (localStorage)", async () => {
    await button("Sửa kỳ đánh giá").click();
    const form = page.getByRole("form", { name: "Sửa kỳ đánh giá" });
    await form.getByLabel(/^Năm đánh giá/).fill("2024");
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Kỳ đánh giá 2024", { exact: true }).waitFor({ timeout: TIMEOUT });
    await page.reload({ waitUntil: "load" });
    await page.getByText("Kỳ đánh giá 2024", { exact: true }).waitFor({ timeout: TIMEOUT });
    const kept = await page.evaluate(() => Object.keys(window.localStorage));
    // Leave the browser as it was for whatever runs next.
    await page.evaluate(() => window.localStorage.removeItem("xeploai.pane.period"));
    await page.reload({ waitUntil: "load" });
    await page.getByText("Kỳ đánh giá 2019", { exact: true }).waitFor({ timeout: TIMEOUT });
    return `kept under ${kept.join(", ")}`;
  });

  await step("browser mode: no uncaught errors in the page", () => {
    assert(pageErrors.length === 0, pageErrors.join(" | "));
  });
  await page.close();
}

module.exports = { walkBrowserMode };
