/**
 * manifest.xml, checked offline (Microsoft's `npm run validate` needs the internet).
 * The first block reads the real manifest; the second feeds checkManifest broken copies to prove
 * that each promise (host, requirement set, https URLs, buttons, locales, icons, schema order)
 * actually fails when broken.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OfficeAddinManifest } from "office-addin-manifest";
import {
  EXPECTED_BUTTONS,
  checkManifest,
  child,
  children,
  descendants,
  enUsOverride,
  parseXml,
  pngSize,
} from "./manifest-checks";

// office-addin-manifest loads @microsoft/app-manifest (JSON manifests only), which pulls an ESM-only
// dependency that Jest's CommonJS runtime cannot require. The XML path never touches it.
jest.mock("@microsoft/app-manifest", () => ({}));

const ROOT = path.resolve(__dirname, "../../..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const manifestXml = fs.readFileSync(MANIFEST_PATH, "utf8");

describe("manifest.xml as Office reads it (office-addin-manifest)", () => {
  it("is an Excel task pane add-in with a fixed id, Vietnamese default locale and read/write permission", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST_PATH);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toBe("1.0.0.0");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("vi-VN");
    expect(info.displayName).toBe("XếpLoại");
    expect(info.providerName).toBe("XếpLoại");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });
});

describe("manifest.xml against the schema subset and XếpLoại's expectations", () => {
  it("has no problems", () => {
    expect(checkManifest(manifestXml, { assetsDir: ASSETS_DIR })).toEqual([]);
  });

  it("requires ExcelApi 1.9 and nothing newer at install time", () => {
    const root = parseXml(manifestXml);
    const sets = children(child(child(root, "Requirements"), "Sets"), "Set").map((s) => [
      s.attrs.Name,
      s.attrs.MinVersion,
    ]);
    expect(sets).toEqual([["ExcelApi", "1.9"]]);
  });

  it("puts four buttons on the XếpLoại tab, each opening the pane on its part, in Vietnamese with English overrides", () => {
    const root = parseXml(manifestXml);
    const strings = new Map(descendants(root, "bt:String").map((s) => [s.attrs.id, s]));
    const urls = new Map(
      descendants(root, "bt:Url").map((u) => [u.attrs.id, u.attrs.DefaultValue])
    );
    const buttons = descendants(root, "Control").map((control) => {
      const label = strings.get(child(control, "Label")?.attrs.resid ?? "");
      return {
        vi: label?.attrs.DefaultValue,
        en: enUsOverride(label),
        url: urls.get(child(child(control, "Action"), "SourceLocation")?.attrs.resid ?? ""),
      };
    });
    expect(buttons).toEqual(
      EXPECTED_BUTTONS.map((b) => ({
        vi: b.vi,
        en: b.en,
        url: `https://localhost:3000/taskpane.html?part=${b.part}`,
      }))
    );
    for (const b of buttons) expect(b.vi).toBe(b.vi?.normalize("NFC"));
  });

  it("ships every icon it references as a PNG of the stated size", () => {
    for (const [file, size] of [
      ["icon-16.png", 16],
      ["icon-32.png", 32],
      ["icon-64.png", 64],
      ["icon-80.png", 80],
      ["icon-128.png", 128],
    ] as const) {
      expect(pngSize(fs.readFileSync(path.join(ASSETS_DIR, file)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(fs.existsSync(path.join(ASSETS_DIR, "logo-filled.png"))).toBe(true);
  });
});

describe("checkManifest catches a broken manifest", () => {
  /** Replaces `from` (which must be present, so the case cannot pass vacuously) with `to`. */
  function broken(from: string | RegExp, to: string): string {
    const found = typeof from === "string" ? manifestXml.includes(from) : from.test(manifestXml);
    if (!found) throw new Error(`test set-up: ${String(from)} is not in manifest.xml`);
    return manifestXml.replace(from, to);
  }
  const problemsOf = (xml: string, assetsDir = ASSETS_DIR) =>
    checkManifest(xml, { assetsDir }).join("\n");

  const cases: Array<[string, string | RegExp, string, RegExp]> = [
    ["not well-formed", "</Permissions>", "", /not well-formed/],
    [
      "Word instead of Excel",
      '<Host Name="Workbook"/>',
      '<Host Name="Document"/>',
      /Hosts are \[Document\]/,
    ],
    ["ExcelApi below 1.9", 'MinVersion="1.9"', 'MinVersion="1.8"', /ExcelApi MinVersion is 1\.8/],
    ["no Requirements", /\s*<Requirements>[\s\S]*?<\/Requirements>/, "", /no ExcelApi set/],
    [
      "Requirements after DefaultSettings",
      /(\s*<Requirements>[\s\S]*?<\/Requirements>)(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)/,
      "$2$1",
      /OfficeApp: <DefaultSettings> is out of schema order|OfficeApp: <Requirements> is out of schema order/,
    ],
    [
      "http SourceLocation",
      '<SourceLocation DefaultValue="https://',
      '<SourceLocation DefaultValue="http://',
      /SourceLocation .* is not https/,
    ],
    [
      "http button URL",
      'id="Validate.Url" DefaultValue="https://',
      'id="Validate.Url" DefaultValue="http://',
      /bt:Url Validate\.Url .* is not https/,
    ],
    [
      "wrong part",
      "taskpane.html?part=print",
      "taskpane.html?part=prnt",
      /button 4 \(print\): opens .*part=prnt/,
    ],
    [
      "label not NFC",
      'DefaultValue="Kiểm tra"',
      `DefaultValue="${"Kiểm tra".normalize("NFD")}"`,
      /not NFC/,
    ],
    [
      "label without diacritics",
      'DefaultValue="Tổng hợp"',
      'DefaultValue="Tong hop"',
      /button 3 \(consolidate\): label is "Tong hop"/,
    ],
    [
      "missing en-US override",
      '<bt:Override Locale="en-US" Value="Templates"/>',
      "",
      /Templates\.Label has no en-US override/,
    ],
    [
      "DisplayName without en-US",
      /<Override Locale="en-US" Value="XếpLoại \(review[^"]*"\/>/,
      "",
      /DisplayName has no en-US Override/,
    ],
    [
      "default locale en-US",
      "<DefaultLocale>vi-VN</DefaultLocale>",
      "<DefaultLocale>en-US</DefaultLocale>",
      /DefaultLocale is "en-US"/,
    ],
    [
      "read-only permission",
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadDocument</Permissions>",
      /Permissions is "ReadDocument"/,
    ],
    [
      "a button removed",
      /\s*<Control xsi:type="Button" id="PrintButton">[\s\S]*?<\/Control>/,
      "",
      /3 buttons, expected 4/,
    ],
    [
      "tab label before its groups",
      /(\s*<Group id="XepLoaiGroup">[\s\S]*<\/Group>)(\s*<Label resid="Tab.Label"\/>)/,
      "$2$1",
      /CustomTab#XepLoaiTab: <Group> is out of schema order/,
    ],
    [
      "supertip description before title",
      '<Title resid="Validate.Label"/>\n                    <Description resid="Validate.Tooltip"/>',
      '<Description resid="Validate.Tooltip"/>\n                    <Title resid="Validate.Label"/>',
      /Supertip: <Title> is out of schema order/,
    ],
    [
      "unknown element",
      "<Permissions>",
      "<Permision>x</Permision><Permissions>",
      /<Permision> is not allowed here/,
    ],
    [
      "dangling resid",
      '<Description resid="Print.Tooltip"/>',
      '<Description resid="Print.Tip"/>',
      /resid="Print\.Tip"> has no entry in bt:LongStrings/,
    ],
    [
      "separate task panes",
      /(<Control xsi:type="Button" id="PrintButton">[\s\S]*?)<TaskpaneId>XepLoaiPane<\/TaskpaneId>/,
      "$1<TaskpaneId>Other</TaskpaneId>",
      /different TaskpaneIds/,
    ],
    [
      "no 80px button icon",
      /\s*<bt:Image size="80" resid="Templates\.80x80"\/>/,
      "",
      /TemplatesButton: icon sizes are \[16,32\]/,
    ],
    [
      "icon points outside assets",
      'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      'id="Icon.32x32" DefaultValue="https://localhost:3000/icon-32.png"',
      /is not an https …\/assets\/\*\.png URL/,
    ],
    [
      "function file is the task pane",
      'id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"',
      'id="Commands.Url" DefaultValue="https://localhost:3000/taskpane.html"',
      /FunctionFile Commands\.Url is not/,
    ],
    [
      "custom tab renamed",
      '<bt:String id="Tab.Label" DefaultValue="XếpLoại">',
      '<bt:String id="Tab.Label" DefaultValue="Xep Loai">',
      /CustomTab label is "Xep Loai"/,
    ],
  ];

  it.each(cases)("%s", (_name, from, to, expected) => {
    expect(problemsOf(broken(from, to))).toMatch(expected);
  });

  describe("with a damaged assets folder", () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "xeploai-assets-"));
      for (const f of fs.readdirSync(ASSETS_DIR))
        fs.copyFileSync(path.join(ASSETS_DIR, f), path.join(dir, f));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reports a missing icon file", () => {
      fs.rmSync(path.join(dir, "validate-80.png"));
      expect(problemsOf(manifestXml, dir)).toMatch(/assets\/validate-80\.png does not exist/);
    });

    it("reports an icon whose pixel size does not match", () => {
      fs.copyFileSync(path.join(ASSETS_DIR, "print-16.png"), path.join(dir, "print-32.png"));
      expect(problemsOf(manifestXml, dir)).toMatch(/assets\/print-32\.png is 16px, expected 32px/);
    });

    it("reports a file that is not a PNG", () => {
      fs.writeFileSync(path.join(dir, "icon-64.png"), "not a png");
      expect(problemsOf(manifestXml, dir)).toMatch(
        /HighResolutionIconUrl: assets\/icon-64\.png is not a PNG/
      );
    });
  });
});
