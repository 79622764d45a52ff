/* global window, document, getComputedStyle */
/*
 * The end-to-end walk through the four parts of the task pane (called by run-e2e.cjs).
 * Every check reads the fake workbook's real state through `window.__xeploai.fake`.
 */
"use strict";

const path = require("path");

const TEMPLATE_OPTION = /^3\.1a\. /; // Nội vụ – CCHC: its score column takes numbers 0–100
const TIMEOUT = 20_000;

/** Evaluates `fn(fake, arg)` in the page. */
function inFake(page, fn, arg) {
  return page.evaluate(
    ([source, a]) => {
      const f = new Function("fake", "arg", `return (${source})(fake, arg);`);
      return f(window.__xeploai.fake, a);
    },
    [fn.toString(), arg]
  );
}

async function shot(page, shots, name) {
  const file = path.join(shots, name);
  await page.waitForTimeout(400); // let the tab indicator finish its move
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** In the page: the files counted in Tổng hợp's summary line have reached `n` (all read). */
function summaryCounts(n) {
  const s = document.querySelector('[data-testid="consolidate-summary"]');
  if (!s || document.querySelector('[aria-disabled="true"][data-testid="drop-zone"]')) return false;
  const nums = (s.textContent.match(/\d+/g) || []).map(Number);
  return nums.reduce((a, b) => a + b, 0) >= n;
}

async function walk({ page, base, fixtures, shots, step, assert }) {
  const tab = (name) => page.getByRole("tab", { name, exact: true });
  const button = (name) => page.getByRole("button", { name, exact: true });
  let templateSheet = null;

  const opened = await step("opens taskpane.html?part=templates in Vietnamese", async () => {
    await page.goto(`${base}/taskpane.html?part=templates`, { waitUntil: "load" });
    await tab("Mẫu biểu").waitFor({ timeout: TIMEOUT });
    assert(
      (await tab("Mẫu biểu").getAttribute("aria-selected")) === "true",
      "Mẫu biểu is not the open part"
    );
    const text = (await page.locator("body").innerText()).normalize("NFC");
    for (const expected of [
      "Mẫu biểu",
      "Kiểm tra",
      "Tổng hợp",
      "Chèn mẫu vào sổ làm việc",
      "Tải tất cả mẫu (.xlsx)",
    ]) {
      assert(text.includes(expected), `page text lacks “${expected}”`);
    }
    assert(
      !/Không chạy trong Excel|Chế độ trình duyệt/.test(text),
      "the pane says it is not running in Excel (fake office.js not used?)"
    );
  });
  if (!opened) return;

  await step(
    "Mẫu biểu: inserts a template into the workbook (sheet written, _meta very hidden)",
    async () => {
      await page.getByRole("combobox").click();
      await page.getByRole("group", { name: "Phòng Nội vụ" }).waitFor({ timeout: TIMEOUT });
      await shot(page, shots, "mau-bieu-danh-sach.png"); // the catalogue, grouped by department
      await page.getByRole("option", { name: TEMPLATE_OPTION }).click();
      await button("Chèn mẫu vào sổ làm việc").click();
      await page.getByText(/Đã chèn mẫu/).waitFor({ timeout: TIMEOUT });
      const state = await inFake(page, (fake) => ({
        names: fake.sheetNames(),
        meta: fake.findSheet("_meta") ? fake.findSheet("_meta").visibility : null,
        metaRows: fake.findSheet("_meta") ? fake.values("_meta", "A1:B40") : [],
      }));
      const rows = new Map(state.metaRows.map(([k, v]) => [String(k), v]));
      templateSheet = String(rows.get("sheet") || "");
      assert(
        templateSheet && state.names.includes(templateSheet),
        `template sheet missing; sheets: ${state.names.join(", ")}`
      );
      assert(
        state.meta === "VeryHidden" || state.meta === "veryHidden",
        `_meta visibility is ${state.meta}`
      );
      assert(
        rows.get("templateId") === "noi-vu-cchc",
        `_meta templateId is ${rows.get("templateId")}`
      );
      await shot(page, shots, "mau-bieu.png");
      return `sheet “${templateSheet}”`;
    }
  );

  await step(
    "Mẫu biểu: downloads every blank template as .xlsx (ExcelJS loaded on demand)",
    async () => {
      const downloads = [];
      const onDownload = (d) => downloads.push(d);
      page.on("download", onDownload);
      const scriptsBefore = await page.evaluate(
        () => performance.getEntriesByType("resource").filter((e) => /exceljs/.test(e.name)).length
      );
      await button("Tải tất cả mẫu (.xlsx)").click();
      const done = page.getByText(/Đã tạo \d+ tệp mẫu \.xlsx\./);
      await done.waitFor({ timeout: TIMEOUT * 2 });
      const expected = Number((await done.innerText()).match(/Đã tạo (\d+)/)[1]);
      const until = Date.now() + 10_000;
      while (downloads.length < expected && Date.now() < until) await page.waitForTimeout(200);
      page.off("download", onDownload);
      assert(
        downloads.length === expected,
        `${downloads.length} downloads for ${expected} templates`
      );
      const names = downloads.map((d) => d.suggestedFilename());
      assert(
        names.every((n) => /\.xlsx$/.test(n)) && new Set(names).size === names.length,
        `bad names: ${names.join(", ")}`
      );
      const first = require("fs").readFileSync(await downloads[0].path());
      assert(first[0] === 0x50 && first[1] === 0x4b, `${names[0]} is not a zip (.xlsx)`);
      const scriptsAfter = await page.evaluate(
        () => performance.getEntriesByType("resource").filter((e) => /exceljs/.test(e.name)).length
      );
      assert(
        scriptsBefore === 0 && scriptsAfter > 0,
        `ExcelJS chunk requests: ${scriptsBefore} before, ${scriptsAfter} after`
      );
      return `${names.length} files, e.g. ${names[0]}`;
    }
  );

  await step(
    "Kiểm tra: a pasted wrong value is listed live (undo kept), marked only on “Đánh dấu ô lỗi”",
    async () => {
      assert(templateSheet, "no template sheet");
      await tab("Kiểm tra").click();
      await button("Kiểm tra ngay").click();
      // A blank template: no wrong value yet, its untouched rows one line.
      await page
        .getByTestId("issue-count")
        .getByText(/dòng chưa nhập/)
        .waitFor({ timeout: TIMEOUT });
      const before = await page.getByTestId("issue-count").innerText();

      const target = await inFake(
        page,
        (fake, sheet) => {
          const meta = new Map(fake.values("_meta", "A1:B40").map(([k, v]) => [String(k), v]));
          return {
            letter: String(meta.get("column:diemCchc")),
            row: Number(meta.get("firstDataRow")),
            sheet,
          };
        },
        templateSheet
      );
      const addr = `${target.letter}${target.row}`;
      // Pasting bypasses Excel's own data validation: the pane's live check must catch it.
      const pasted = await inFake(page, (fake, a) => fake.userPaste(a.sheet, a.addr, [["abc"]]), {
        sheet: templateSheet,
        addr,
      });
      assert(pasted.accepted, `the paste was refused: ${pasted.reason}`);

      const link = page.getByRole("button", { name: new RegExp(`${addr}\\b.*abc`) });
      await link.first().waitFor({ timeout: TIMEOUT });
      // Live checking wrote nothing: the paste is still on the user's undo stack, and Excel
      // colours the cell through the template's conditional format.
      const live = await inFake(
        page,
        (fake, a) => ({
          fill: (fake.cell(a.sheet, a.addr) || {}).fill || null,
          undo: fake.undoStack.length,
          highlighted: fake
            .findSheet(a.sheet)
            .conditionalFormats.some((cf) => cf.formula.includes(a.addr)),
        }),
        { sheet: templateSheet, addr }
      );
      assert(live.fill === null, `live checking wrote a fill on ${addr}`);
      assert(live.undo === 1, `the user's undo stack holds ${live.undo} entries, not 1`);
      assert(live.highlighted, `no conditional format covers ${addr}`);

      await button("Đánh dấu ô lỗi").click();
      await page.getByText(/Đã đánh dấu các ô lỗi/).waitFor({ timeout: TIMEOUT });
      const marked = await inFake(
        page,
        (fake, a) => ({ cell: fake.cell(a.sheet, a.addr), note: fake.note(a.sheet, a.addr) }),
        {
          sheet: templateSheet,
          addr,
        }
      );
      assert(marked.cell && marked.cell.fill, `cell ${addr} has no fill after the check`);
      assert(
        marked.note && /abc|số/i.test(marked.note),
        `cell ${addr} has no note with the message (note: ${marked.note})`
      );
      const after = await page.getByTestId("issue-count").innerText();

      await link.first().click();
      const selected = await inFake(
        page,
        (fake) =>
          fake.selection && {
            sheet: fake.sheetById(fake.selection.sheetId).name,
            rect: fake.selection.rect,
          }
      );
      assert(
        selected && selected.sheet === templateSheet,
        "clicking the error did not select its sheet"
      );
      assert(
        selected.rect.top === target.row,
        `clicking the error selected row ${selected.rect.top}, not ${target.row}`
      );
      await shot(page, shots, "kiem-tra.png");
      const flat = (s) => s.replace(/\s*\n\s*/g, " · ");
      return `${addr} marked; count “${flat(before)}” → “${flat(after)}”`;
    }
  );

  await step(
    "Tổng hợp: reads picked files (2 taken, 1 refused), consolidates, writes the master",
    async () => {
      await tab("Tổng hợp").click();
      await page.locator('input[type="file"]').setInputFiles(fixtures);
      await page.waitForFunction(summaryCounts, fixtures.length, { timeout: TIMEOUT * 2 });
      const summary = await page.getByTestId("consolidate-summary").innerText();
      const m = /đã nhận (\d+) · bị từ chối (\d+)/.exec(summary);
      assert(
        m && m[1] === "2" && m[2] === "1",
        `expected “đã nhận 2 · bị từ chối 1”, got “${summary}”`
      );
      // Refused files come first, in an open section.
      const refusedText = await page.locator('li[data-state="refused"]').innerText();
      assert(/bị từ chối/.test(refusedText), "refused file has no “bị từ chối” status");
      // Read off the main thread: the pane's submissions worker is running (issue #11).
      const workers = page.workers().map((w) => w.url());
      assert(
        workers.some((u) => /submissions-worker/.test(u)),
        `files not read in the pane's worker (workers: ${workers.join(", ") || "none"})`
      );

      await button("Tổng hợp").click();
      await page.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ làm việc" }).waitFor({
        timeout: TIMEOUT,
      });
      const after = await page.getByTestId("consolidate-summary").innerText();
      assert(
        /^đã nhận 2 · bị từ chối 1 · trùng \d+ · chưa nộp \d+$/.test(after),
        `summary after consolidating: “${after}”`
      );
      const text = await page.getByTestId("consolidation-result").innerText();
      for (const part of ["Bị từ chối (", "Chưa nộp (", "Đã nhận ("]) {
        assert(text.includes(part), `result lacks “${part}”`);
      }
      await button("Ghi bảng tổng hợp vào sổ làm việc").click();
      await page.getByText(/Đã ghi các trang/).waitFor({ timeout: TIMEOUT });
      const names = await inFake(page, (fake) => fake.sheetNames());
      await shot(page, shots, "tong-hop.png");
      return `read and consolidated in a Web Worker; sheets now: ${names.join(", ")}`;
    }
  );

  await step("In: applies the print layout to the master sheets", async () => {
    await tab("In").click();
    // The signer is part of the review period, edited in the header shown on every part.
    await button("Sửa thông tin in").click();
    const form = page.getByRole("form", { name: "Sửa kỳ đánh giá" });
    await form.getByRole("textbox", { name: /Họ tên người ký/ }).fill("Nguyễn Tài Tuệ");
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await form.waitFor({ state: "detached", timeout: TIMEOUT });
    await button("Áp dụng bố cục in").click();
    const done = page.getByText(/Đã áp dụng bố cục in cho/);
    await done.waitFor({ timeout: TIMEOUT });
    const message = await done.innerText();
    const sheets = [...message.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    assert(sheets.length > 0, "no sheet named in the message");
    const layouts = await inFake(
      page,
      (fake, names) => names.map((n) => fake.pageLayout(n)),
      sheets
    );
    for (const [i, layout] of layouts.entries()) {
      assert(/A4/i.test(String(layout.paperSize)), `${sheets[i]}: paper size ${layout.paperSize}`);
    }
    await shot(page, shots, "in.png");
    return `layout on ${sheets.join(", ")}`;
  });

  await step("Vietnamese text keeps its diacritics (NFC) in every part", async () => {
    const text = await page.locator("body").innerText();
    for (const expected of [
      "Tổng hợp",
      "Kiểm tra",
      "Mẫu biểu",
      "Áp dụng bố cục in",
      "Cơ quan ban hành",
    ]) {
      assert(text.includes(expected.normalize("NFC")), `page text lacks “${expected}”`);
    }
    assert(!text.includes("\uFFFD"), "page text holds replacement characters (broken encoding)");
  });

  await step("fits 320 px and 450 px wide panes without horizontal scrolling", async () => {
    const before = page.viewportSize();
    const overflow = [];
    for (const width of [320, 450]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ["Mẫu biểu", "Kiểm tra", "Tổng hợp", "In"]) {
        await tab(name).click();
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > width) overflow.push(`${name} at ${width}px: ${wide}px`);
      }
    }
    await page.setViewportSize(before);
    assert(overflow.length === 0, overflow.join("; "));
  });

  await step("the English switch translates the pane and switches back", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await tab("Consolidate").waitFor({ timeout: TIMEOUT });
    await tab("Templates").click();
    const text = await page.locator("body").innerText();
    assert(text.includes("Insert template into the workbook"), "Templates part is not in English");
    await shot(page, shots, "en-templates.png");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await tab("Mẫu biểu").waitFor({ timeout: TIMEOUT });
  });
}

/** Luminance 0–1 of a CSS rgb()/rgba() colour. */
function luminance(css) {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) || ["255", "255", "255"]).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function walkDarkTheme({ page, base, shots, step, assert }) {
  await step(
    "?part=consolidate opens Tổng hợp and the pane follows an Office dark theme",
    async () => {
      await page.goto(`${base}/taskpane.html?part=consolidate&fakeTheme=dark`, {
        waitUntil: "load",
      });
      await page.getByRole("tab", { name: "Tổng hợp", exact: true }).waitFor({ timeout: TIMEOUT });
      const selected = await page
        .getByRole("tab", { name: "Tổng hợp", exact: true })
        .getAttribute("aria-selected");
      assert(selected === "true", "?part=consolidate did not open Tổng hợp");
      const colours = await page.evaluate(() => {
        const root = document.querySelector("#container > div");
        const s = root ? getComputedStyle(root) : null;
        return { background: s ? s.backgroundColor : "", color: s ? s.color : "" };
      });
      assert(luminance(colours.background) < 0.3, `background ${colours.background} is not dark`);
      assert(luminance(colours.color) > 0.7, `text ${colours.color} is not light`);
      await shot(page, shots, "tong-hop-toi.png");
    }
  );
}

module.exports = { walk, walkDarkTheme, summaryCounts };
