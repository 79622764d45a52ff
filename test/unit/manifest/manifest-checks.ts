/**
 * Offline checks of manifest.xml: the parts of the Office add-in manifest schema we use (element
 * order and cardinality, from OfficeAppManifestV1_1.xsd and TaskPaneAppVersionOverridesV1_0.xsd),
 * plus XếpLoại's own promises (Excel only, ExcelApi >= 1.9, four ribbon buttons opening the pane on
 * their part, vi-VN with en-US overrides, icons that exist with the right pixel size).
 *
 * `checkManifest` returns a list of problems instead of throwing so the tests can show that each
 * kind of breakage is caught (manifest.test.ts feeds it broken copies).
 * `npm run validate` (Microsoft's validator) needs the internet; this runs anywhere.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type RawNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toNodes(raw: RawNode[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of raw) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const content = (item[name] as RawNode[]) ?? [];
    const text = content
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("");
    nodes.push({ name, attrs: item[":@"] ?? {}, children: toNodes(content), text });
  }
  return nodes;
}

/** Parses XML into a small ordered tree; throws with the parser's message when it is not well formed. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xml) as RawNode[]);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

export const child = (node: XmlNode | undefined, name: string) =>
  node?.children.find((c) => c.name === name);
export const children = (node: XmlNode | undefined, name: string) =>
  node?.children.filter((c) => c.name === name) ?? [];
export function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}

// ---------- schema subset: ordered children with cardinality ----------
type Particle = [name: string, min: number, max: number];
const MANY = Number.POSITIVE_INFINITY;

/** Child sequences from the XSDs, for every element type this manifest uses. */
const SEQUENCES: Record<string, Particle[]> = {
  // OfficeApp (base) + TaskPaneApp extension
  OfficeApp: [
    ["Id", 1, 1],
    ["AlternateId", 0, 1],
    ["Version", 1, 1],
    ["ProviderName", 1, 1],
    ["DefaultLocale", 1, 1],
    ["DisplayName", 1, 1],
    ["Description", 1, 1],
    ["IconUrl", 0, 1],
    ["HighResolutionIconUrl", 0, 1],
    ["SupportUrl", 0, 1],
    ["AppDomains", 0, 1],
    ["Hosts", 0, 1],
    ["Requirements", 0, 1],
    ["DefaultSettings", 1, 1],
    ["Permissions", 1, 1],
    ["Dictionary", 0, 1],
    ["VersionOverrides", 0, 1],
  ],
  Requirements: [
    ["Sets", 0, 1],
    ["Methods", 0, 1],
  ],
  Sets: [["Set", 1, MANY]],
  DefaultSettings: [["SourceLocation", 1, 1]],
  VersionOverrides: [
    ["Description", 0, 1],
    ["Requirements", 0, 1],
    ["Hosts", 0, 1],
    ["Resources", 0, 1],
    ["WebApplicationInfo", 0, 1],
    ["EquivalentAddins", 0, 1],
  ],
  "VersionOverrides/Hosts": [["Host", 1, MANY]],
  "Host[Workbook]": [["DesktopFormFactor", 0, 1]],
  DesktopFormFactor: [
    ["GetStarted", 0, 1],
    ["FunctionFile", 0, 1],
    ["ExtensionPoint", 1, MANY],
  ],
  GetStarted: [
    ["Title", 1, 1],
    ["Description", 1, 1],
    ["LearnMoreUrl", 1, 1],
  ],
  "ExtensionPoint[PrimaryCommandSurface]": [
    ["OfficeTab", 0, MANY],
    ["CustomTab", 0, MANY],
  ],
  CustomTab: [
    ["Group", 1, MANY],
    ["Label", 1, 1],
  ],
  Group: [
    ["Label", 1, 1],
    ["Icon", 1, 1],
    ["Control", 1, MANY],
  ],
  "Control[Button]": [
    ["Label", 1, 1],
    ["Supertip", 1, 1],
    ["Icon", 1, 1],
    ["Action", 1, 1],
  ],
  Supertip: [
    ["Title", 1, 1],
    ["Description", 1, 1],
  ],
  Icon: [["bt:Image", 1, MANY]],
  "Action[ShowTaskpane]": [
    ["TaskpaneId", 0, 1],
    ["SourceLocation", 1, 1],
    ["Title", 0, 1],
  ],
  Resources: [
    ["bt:Images", 0, 1],
    ["bt:Urls", 0, 1],
    ["bt:ShortStrings", 0, 1],
    ["bt:LongStrings", 0, 1],
  ],
  "bt:Images": [["bt:Image", 1, MANY]],
  "bt:Urls": [["bt:Url", 1, MANY]],
  "bt:ShortStrings": [["bt:String", 1, MANY]],
  "bt:LongStrings": [["bt:String", 1, MANY]],
  "bt:String": [["bt:Override", 0, MANY]],
  DisplayName: [["Override", 0, MANY]],
  Description: [["Override", 0, MANY]],
};

/** Checks one element's children against a sequence; returns problems naming the element path. */
export function checkSequence(node: XmlNode, sequence: Particle[], where: string): string[] {
  const problems: string[] = [];
  const counts = new Array<number>(sequence.length).fill(0);
  let position = 0;
  for (const c of node.children) {
    let i = position;
    while (i < sequence.length && sequence[i][0] !== c.name) i++;
    if (i === sequence.length) {
      const known = sequence.some(([name]) => name === c.name);
      problems.push(
        `${where}: <${c.name}> ${known ? "is out of schema order" : "is not allowed here"}`
      );
      continue;
    }
    position = i;
    counts[i]++;
  }
  sequence.forEach(([name, min, max], i) => {
    if (counts[i] < min) problems.push(`${where}: missing <${name}>`);
    if (counts[i] > max) problems.push(`${where}: too many <${name}> (${counts[i]} > ${max})`);
  });
  return problems;
}

function schemaProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  const visit = (node: XmlNode, where: string, parentName: string) => {
    const type = node.attrs["xsi:type"];
    const keys = [
      type ? `${node.name}[${type}]` : undefined,
      `${parentName}/${node.name}`,
      node.name,
    ].filter((k): k is string => k !== undefined);
    // Elements without an entry (Label, Title, top-level Hosts, …) have no element children to order.
    const key = keys.find((k) => k in SEQUENCES);
    if (key) problems.push(...checkSequence(node, SEQUENCES[key], where));
    for (const c of node.children)
      visit(c, `${where}/${c.name}${c.attrs.id ? `#${c.attrs.id}` : ""}`, node.name);
  };
  visit(root, root.name, "");
  return problems;
}

// ---------- XếpLoại's own expectations ----------
export const EXPECTED_BUTTONS = [
  { part: "templates", vi: "Mẫu biểu", en: "Templates" },
  { part: "validate", vi: "Kiểm tra", en: "Validate" },
  { part: "consolidate", vi: "Tổng hợp", en: "Consolidate" },
  { part: "print", vi: "In", en: "Print" },
] as const;

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
export function pngSize(bytes: ArrayLike<number>): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return undefined;
  const uint32 = (at: number) =>
    ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
  return { width: uint32(16), height: uint32(20) };
}

function versionAtLeast(actual: string | undefined, wanted: string): boolean {
  if (!actual || !/^\d+\.\d+$/.test(actual)) return false;
  const [a1, a2] = actual.split(".").map(Number);
  const [w1, w2] = wanted.split(".").map(Number);
  return a1 > w1 || (a1 === w1 && a2 >= w2);
}

export interface Resources {
  images: Map<string, string>;
  urls: Map<string, string>;
  shortStrings: Map<string, XmlNode>;
  longStrings: Map<string, XmlNode>;
}

function readResources(resources: XmlNode | undefined, problems: string[]): Resources {
  const table = (listName: string, itemName: string) => {
    const map = new Map<string, XmlNode>();
    for (const item of children(child(resources, listName), itemName)) {
      const id = item.attrs.id;
      if (!id) problems.push(`${listName}: an item has no id`);
      else if (map.has(id)) problems.push(`${listName}: duplicate id "${id}"`);
      else map.set(id, item);
    }
    return map;
  };
  const values = (m: Map<string, XmlNode>) =>
    new Map([...m].map(([k, v]) => [k, v.attrs.DefaultValue ?? ""]));
  return {
    images: values(table("bt:Images", "bt:Image")),
    urls: values(table("bt:Urls", "bt:Url")),
    shortStrings: table("bt:ShortStrings", "bt:String"),
    longStrings: table("bt:LongStrings", "bt:String"),
  };
}

/** The en-US override of a localized element (DisplayName/Description use <Override>, bt:String <bt:Override>). */
export function enUsOverride(node: XmlNode | undefined): string | undefined {
  const override = node?.children.find(
    (c) => (c.name === "Override" || c.name === "bt:Override") && c.attrs.Locale === "en-US"
  );
  return override?.attrs.Value;
}

export interface ManifestCheckOptions {
  /** Folder holding the icon files (assets/). */
  assetsDir: string;
}

/** Every problem found in the manifest text; an empty list means it passed. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [(error as Error).message];
  }

  // Root, namespaces, schema order.
  if (root.name !== "OfficeApp") return [`root element is <${root.name}>, expected <OfficeApp>`];
  if (root.attrs.xmlns !== NS.officeApp) problems.push(`OfficeApp xmlns is "${root.attrs.xmlns}"`);
  if (root.attrs["xmlns:bt"] !== NS.bt)
    problems.push(`OfficeApp xmlns:bt is "${root.attrs["xmlns:bt"]}"`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"]}", expected TaskPaneApp`);
  problems.push(...schemaProblems(root));

  // Identity and locale.
  const text = (name: string) => child(root, name)?.text ?? "";
  if (!GUID.test(text("Id"))) problems.push(`Id "${text("Id")}" is not a GUID`);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(text("Version")))
    problems.push(`Version "${text("Version")}" is not a.b.c.d`);
  if (text("DefaultLocale") !== "vi-VN")
    problems.push(`DefaultLocale is "${text("DefaultLocale")}", expected vi-VN`);
  for (const name of ["DisplayName", "Description"]) {
    const node = child(root, name);
    if (!enUsOverride(node)) problems.push(`${name} has no en-US Override`);
  }
  if (child(root, "DisplayName")?.attrs.DefaultValue !== "XếpLoại")
    problems.push(`DisplayName is not "XếpLoại"`);

  // Host, requirement set, permission.
  const hosts = children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook")
    problems.push(`Hosts are [${hosts.join(", ")}], expected [Workbook]`);
  const excelSet = children(child(child(root, "Requirements"), "Sets"), "Set").find(
    (s) => s.attrs.Name === "ExcelApi"
  );
  if (!excelSet) problems.push("Requirements has no ExcelApi set");
  else if (!versionAtLeast(excelSet.attrs.MinVersion, "1.9"))
    problems.push(`ExcelApi MinVersion is ${excelSet.attrs.MinVersion}, expected >= 1.9`);
  if (text("Permissions") !== "ReadWriteDocument")
    problems.push(`Permissions is "${text("Permissions")}", expected ReadWriteDocument`);

  // Top-level URLs.
  const sourceLocation =
    child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? "";
  if (!/^https:\/\/[^/]+\/taskpane\.html$/.test(sourceLocation))
    problems.push(`SourceLocation "${sourceLocation}" is not https://…/taskpane.html`);
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const url = child(root, name)?.attrs.DefaultValue ?? "";
    if (!url.startsWith("https://")) problems.push(`${name} "${url}" is not https`);
  }

  // VersionOverrides: resources and references.
  const overrides = child(root, "VersionOverrides");
  if (!overrides) return [...problems, "no VersionOverrides: the ribbon tab is missing"];
  if (overrides.attrs.xmlns !== NS.overrides)
    problems.push(`VersionOverrides xmlns is "${overrides.attrs.xmlns}"`);
  if (overrides.attrs["xsi:type"] !== "VersionOverridesV1_0")
    problems.push(`VersionOverrides xsi:type is "${overrides.attrs["xsi:type"]}"`);
  const res = readResources(child(overrides, "Resources"), problems);

  for (const [id, url] of res.urls)
    if (!url.startsWith("https://")) problems.push(`bt:Url ${id} "${url}" is not https`);
  for (const [id, url] of res.images)
    if (!url.startsWith("https://")) problems.push(`bt:Image ${id} "${url}" is not https`);
  for (const [listName, map, limit] of [
    ["bt:ShortStrings", res.shortStrings, 125],
    ["bt:LongStrings", res.longStrings, 250],
  ] as const) {
    for (const [id, node] of map) {
      const vi = node.attrs.DefaultValue ?? "";
      const en = enUsOverride(node);
      if (!vi) problems.push(`${listName} ${id} has no DefaultValue`);
      if (!en) problems.push(`${listName} ${id} has no en-US override`);
      for (const value of [vi, en ?? ""]) {
        if (value.length > limit)
          problems.push(`${listName} ${id} is longer than ${limit} characters`);
        if (value !== value.normalize("NFC"))
          problems.push(`${listName} ${id} "${value}" is not NFC`);
      }
    }
  }

  // Every resid must exist in the right table and be at most 32 characters.
  const tableFor = (node: XmlNode): [string, Map<string, unknown>] => {
    if (node.name === "bt:Image") return ["bt:Images", res.images];
    if (["SourceLocation", "LearnMoreUrl", "FunctionFile"].includes(node.name))
      return ["bt:Urls", res.urls];
    if (node.name === "Description") return ["bt:LongStrings", res.longStrings];
    return ["bt:ShortStrings", res.shortStrings]; // Label, Title
  };
  const checkResids = (node: XmlNode) => {
    for (const c of node.children) {
      const resid = c.attrs.resid;
      if (resid !== undefined) {
        const [tableName, table] = tableFor(c);
        if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
        if (!table.has(resid))
          problems.push(`<${c.name} resid="${resid}"> has no entry in ${tableName}`);
      }
      checkResids(c);
    }
  };
  checkResids(child(overrides, "Hosts") ?? overrides);

  // The ribbon: one custom tab, one group, four ShowTaskpane buttons on their parts.
  const host = children(child(overrides, "Hosts"), "Host").find(
    (h) => h.attrs["xsi:type"] === "Workbook"
  );
  const formFactor = child(host, "DesktopFormFactor");
  const functionFile = child(formFactor, "FunctionFile")?.attrs.resid;
  if (!functionFile) problems.push("DesktopFormFactor has no FunctionFile");
  else if (!/^https:\/\/[^/]+\/commands\.html$/.test(res.urls.get(functionFile) ?? "")) {
    problems.push(`FunctionFile ${functionFile} is not https://…/commands.html`);
  }
  const tab = children(child(formFactor, "ExtensionPoint"), "CustomTab")[0];
  if (!tab) return [...problems, "no CustomTab on the PrimaryCommandSurface"];
  if (tab.attrs.id !== "XepLoaiTab")
    problems.push(`CustomTab id is "${tab.attrs.id}", expected XepLoaiTab`);
  const tabLabel = res.shortStrings.get(child(tab, "Label")?.attrs.resid ?? "")?.attrs.DefaultValue;
  if (tabLabel !== "XếpLoại") problems.push(`CustomTab label is "${tabLabel}", expected "XếpLoại"`);

  const buttons = descendants(tab, "Control");
  if (buttons.length !== EXPECTED_BUTTONS.length)
    problems.push(`the tab has ${buttons.length} buttons, expected ${EXPECTED_BUTTONS.length}`);
  const paneIds = new Set<string>();
  EXPECTED_BUTTONS.forEach((expected, i) => {
    const button = buttons[i];
    if (!button) return;
    const where = `button ${i + 1} (${expected.part})`;
    if (button.attrs["xsi:type"] !== "Button")
      problems.push(`${where}: xsi:type is "${button.attrs["xsi:type"]}"`);
    const label = res.shortStrings.get(child(button, "Label")?.attrs.resid ?? "");
    if (label?.attrs.DefaultValue !== expected.vi)
      problems.push(`${where}: label is "${label?.attrs.DefaultValue}", expected "${expected.vi}"`);
    if (enUsOverride(label) !== expected.en)
      problems.push(`${where}: en-US label is "${enUsOverride(label)}", expected "${expected.en}"`);
    const tip = res.longStrings.get(
      child(child(button, "Supertip"), "Description")?.attrs.resid ?? ""
    );
    if (
      !tip ||
      !/[ạảãáàăắằặẳẵâấầậẩẫđẹẻẽéèêếềệểễịỉĩíìọỏõóòôốồộổỗơớờợởỡụủũúùưứừựửữỵỷỹýỳ]/i.test(
        tip.attrs.DefaultValue ?? ""
      )
    ) {
      problems.push(`${where}: supertip description is missing or not Vietnamese`);
    }
    const action = child(button, "Action");
    if (action?.attrs["xsi:type"] !== "ShowTaskpane")
      problems.push(`${where}: action is not ShowTaskpane`);
    paneIds.add(child(action, "TaskpaneId")?.text ?? "");
    const url = res.urls.get(child(action, "SourceLocation")?.attrs.resid ?? "") ?? "";
    const expectedUrl = new RegExp(`^https://[^/]+/taskpane\\.html\\?part=${expected.part}$`);
    if (!expectedUrl.test(url))
      problems.push(
        `${where}: opens "${url}", expected https://…/taskpane.html?part=${expected.part}`
      );
  });
  if (paneIds.size > 1)
    problems.push(
      `the buttons use different TaskpaneIds (${[...paneIds].join(", ")}): each would open its own pane`
    );

  // Icons: 16/32/80 on the group and every button; files exist with the stated pixel size.
  for (const iconOwner of [...children(tab, "Group"), ...buttons]) {
    const sizes = children(child(iconOwner, "Icon"), "bt:Image")
      .map((img) => img.attrs.size)
      .sort();
    if (sizes.join(",") !== "16,32,80")
      problems.push(
        `${iconOwner.name}#${iconOwner.attrs.id}: icon sizes are [${sizes}], expected [16,32,80]`
      );
  }
  const iconRefs: Array<[string, string, number | undefined]> = [
    ["IconUrl", child(root, "IconUrl")?.attrs.DefaultValue ?? "", 32],
    ["HighResolutionIconUrl", child(root, "HighResolutionIconUrl")?.attrs.DefaultValue ?? "", 64],
    ...descendants(tab, "bt:Image").map((img): [string, string, number | undefined] => [
      `bt:Image ${img.attrs.resid}`,
      res.images.get(img.attrs.resid) ?? "",
      Number(img.attrs.size),
    ]),
    ...[...res.images].map(([id, url]): [string, string, number | undefined] => [
      `bt:Image ${id}`,
      url,
      undefined,
    ]),
  ];
  for (const [what, url, size] of iconRefs) {
    const match = /^https:\/\/[^/]+\/assets\/([\w.-]+\.png)$/.exec(url);
    if (!match) {
      problems.push(`${what}: "${url}" is not an https …/assets/*.png URL`);
      continue;
    }
    const file = path.join(options.assetsDir, match[1]);
    if (!fs.existsSync(file)) {
      problems.push(`${what}: assets/${match[1]} does not exist`);
      continue;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims) problems.push(`${what}: assets/${match[1]} is not a PNG`);
    else if (dims.width !== dims.height)
      problems.push(`${what}: assets/${match[1]} is not square (${dims.width}x${dims.height})`);
    else if (size !== undefined && dims.width !== size)
      problems.push(`${what}: assets/${match[1]} is ${dims.width}px, expected ${size}px`);
  }

  // Vietnamese text anywhere in the manifest must be NFC (a decomposed "ế" looks right but breaks matching).
  const checkNfc = (node: XmlNode) => {
    for (const [name, value] of Object.entries(node.attrs)) {
      if (value !== value.normalize("NFC"))
        problems.push(`<${node.name} ${name}="${value}"> is not NFC`);
    }
    if (node.text !== node.text.normalize("NFC")) problems.push(`<${node.name}> text is not NFC`);
    node.children.forEach(checkNfc);
  };
  checkNfc(root);

  return problems;
}
