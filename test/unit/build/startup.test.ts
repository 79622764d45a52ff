/** Task pane start-up decisions: which part the ribbon asked for, which theme, inside Excel or not. */
import { isDarkOfficeTheme, isRunningInExcel, parsePanePart } from "../../../src/taskpane/startup";

describe("parsePanePart (taskpane.html?part=…)", () => {
  it.each([
    ["?part=templates", "templates"],
    ["?part=validate", "validate"],
    ["?part=consolidate", "consolidate"],
    ["?part=print", "print"],
    ["?part=Print", "print"],
    ["?x=1&part=%20validate%20", "validate"],
  ])("%s opens %s", (search, part) => {
    expect(parsePanePart(search)).toBe(part);
  });

  it.each(["", "?", "?part=", "?part=prnt", "?part=templates;drop", "?parts=print"])(
    "%j opens the default part",
    (search) => {
      expect(parsePanePart(search)).toBeUndefined();
    }
  );
});

describe("isDarkOfficeTheme", () => {
  it("uses Office's isDarkTheme when given", () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
  });

  it("falls back to the body background colour", () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true); // Office "Black"
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false); // Office "White"
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#e6e6e6" })).toBe(false); // Office "Colorful"
  });

  it("is light when Office gives nothing usable", () => {
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme(null)).toBe(false);
    expect(isDarkOfficeTheme({})).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "black" })).toBe(false);
  });
});

describe("isRunningInExcel", () => {
  it("is true only for the Excel host", () => {
    expect(isRunningInExcel({ host: "Excel" })).toBe(true);
    expect(isRunningInExcel({ host: "Excel" }, "Excel")).toBe(true);
    expect(isRunningInExcel({ host: "Word" })).toBe(false);
    expect(isRunningInExcel({ host: null })).toBe(false); // office.js in a plain browser
    expect(isRunningInExcel(undefined)).toBe(false);
  });
});
