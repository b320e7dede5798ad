/**
 * Offline checks of an XML add-in manifest before it is handed to Office.
 *
 * Not a full XSD validation (Microsoft's `office-addin-manifest validate` does that
 * and needs the internet); this catches what breaks deployments most often: XML
 * that is not well formed, elements missing or out of the schema's order, URLs that
 * are not https or point off the relay's host, icons missing or at the wrong size,
 * resource ids that do not resolve, and an Id that is not a GUID.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';

export interface ValidateOptions {
  /** Directory holding the files served under `<origin>/assets/`. */
  assetsDir: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: string[];
}

/** A parsed element: local name (namespace prefix removed), attributes, children, text. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
  /** "OfficeApp/VersionOverrides/Hosts/Host" — for messages. */
  path: string;
}

/**
 * Allowed children of each element, in the order the schema's xs:sequence lists them,
 * and which of them must be present. Keys are matched against the element's path
 * from the root with "*" for any one segment, most specific first.
 */
interface Rule {
  order: string[];
  required?: string[];
  /** Children that may occur at most once. Defaults to every child except those listed in `many`. */
  many?: string[];
}

const RULES: Record<string, Rule> = {
  OfficeApp: {
    order: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
    ],
    // Schema-required, plus what Sseugi needs to show a ribbon button in Word.
    required: [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ],
  },
  'OfficeApp/DisplayName': { order: ['Override'], many: ['Override'] },
  'OfficeApp/Description': { order: ['Override'], many: ['Override'] },
  'OfficeApp/IconUrl': { order: ['Override'], many: ['Override'] },
  'OfficeApp/HighResolutionIconUrl': { order: ['Override'], many: ['Override'] },
  'OfficeApp/SupportUrl': { order: ['Override'], many: ['Override'] },
  'OfficeApp/AppDomains': { order: ['AppDomain'], many: ['AppDomain'] },
  'OfficeApp/Hosts': { order: ['Host'], required: ['Host'], many: ['Host'] },
  'OfficeApp/Hosts/Host': { order: [] },
  'OfficeApp/Requirements': { order: ['Sets', 'Methods'] },
  'OfficeApp/Requirements/Sets': { order: ['Set'], required: ['Set'], many: ['Set'] },
  'OfficeApp/DefaultSettings': { order: ['SourceLocation'], required: ['SourceLocation'] },
  'OfficeApp/DefaultSettings/SourceLocation': { order: ['Override'], many: ['Override'] },
  'OfficeApp/VersionOverrides': {
    order: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides'],
    required: ['Hosts', 'Resources'],
  },
  'OfficeApp/VersionOverrides/Requirements': { order: ['Sets', 'Methods'] },
  'OfficeApp/VersionOverrides/Requirements/Sets': { order: ['Set'], required: ['Set'], many: ['Set'] },
  'OfficeApp/VersionOverrides/Hosts': { order: ['Host'], required: ['Host'], many: ['Host'] },
  'OfficeApp/VersionOverrides/Hosts/Host': { order: ['DesktopFormFactor'] },
  '*/DesktopFormFactor': {
    order: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    required: ['ExtensionPoint'],
    many: ['ExtensionPoint'],
  },
  '*/GetStarted': { order: ['Title', 'Description', 'LearnMoreUrl'], required: ['Title', 'Description', 'LearnMoreUrl'] },
  '*/DesktopFormFactor/ExtensionPoint': { order: ['OfficeTab', 'CustomTab', 'OfficeMenu'], many: ['OfficeTab', 'CustomTab', 'OfficeMenu'] },
  '*/OfficeTab': { order: ['Group'], required: ['Group'], many: ['Group'] },
  '*/CustomTab': { order: ['Group', 'Label'], required: ['Group', 'Label'], many: ['Group'] },
  '*/OfficeMenu': { order: ['Control'], required: ['Control'], many: ['Control'] },
  '*/Group': { order: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'], many: ['Control'] },
  // Button: Label, Supertip, Icon, Action. Menu: Label, Supertip, Icon, Items.
  '*/Control': { order: ['Label', 'Supertip', 'Icon', 'Action', 'Items'], required: ['Label', 'Supertip'] },
  '*/Supertip': { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  '*/Icon': { order: ['Image'], required: ['Image'], many: ['Image'] },
  '*/Action': { order: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'] },
  '*/Items': { order: ['Item'], required: ['Item'], many: ['Item'] },
  '*/Item': { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Action'] },
  'OfficeApp/VersionOverrides/Resources': { order: ['Images', 'Urls', 'ShortStrings', 'LongStrings'] },
  'OfficeApp/VersionOverrides/Resources/Images': { order: ['Image'], many: ['Image'] },
  'OfficeApp/VersionOverrides/Resources/Urls': { order: ['Url'], many: ['Url'] },
  'OfficeApp/VersionOverrides/Resources/ShortStrings': { order: ['String'], many: ['String'] },
  'OfficeApp/VersionOverrides/Resources/LongStrings': { order: ['String'], many: ['String'] },
  'OfficeApp/VersionOverrides/Resources/*/*': { order: ['Override'], many: ['Override'] },
  // Office SSO: <Id> GUID, <Resource> api://host/GUID, <Scopes><Scope>…</Scope>+ (ContentAppVersionOverrides / TaskPane schema).
  'OfficeApp/VersionOverrides/WebApplicationInfo': { order: ['Id', 'Resource', 'Scopes'], required: ['Id', 'Resource', 'Scopes'] },
  'OfficeApp/VersionOverrides/WebApplicationInfo/Scopes': { order: ['Scope'], required: ['Scope'], many: ['Scope'] },
};

function ruleFor(path: string): Rule | undefined {
  if (RULES[path]) return RULES[path];
  const segs = path.split('/');
  let best: { rule: Rule; score: number } | undefined;
  for (const [key, rule] of Object.entries(RULES)) {
    const k = key.split('/');
    let score = -1;
    if (k[0] === '*') {
      // Suffix match: "*/a/b" matches any path ending in a/b.
      const tail = k.slice(1);
      if (segs.length > tail.length && tail.every((t, i) => t === segs[segs.length - tail.length + i])) score = tail.length;
    } else if (k.length === segs.length && k.every((t, i) => t === '*' || t === segs[i])) {
      score = 100 + k.filter((t) => t !== '*').length;
    }
    if (score >= 0 && (!best || score > best.score)) best = { rule, score };
  }
  return best?.rule;
}

type Raw = Record<string, unknown>;

function toNodes(raw: unknown[], parentPath: string): Node[] {
  const nodes: Node[] = [];
  for (const item of raw as Raw[]) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const attrs = (item[':@'] as Record<string, string> | undefined) ?? {};
    const kids = (item[name] as unknown[]) ?? [];
    const path = parentPath ? `${parentPath}/${name}` : name;
    const text = (kids as Raw[])
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('')
      .trim();
    nodes.push({ name, attrs, children: toNodes(kids, path), text, path });
  }
  return nodes;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

function child(node: Node | undefined, name: string): Node | undefined {
  return node?.children.find((c) => c.name === name);
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HAS_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Elements whose DefaultValue/Value is a URL (local names, prefixes removed). */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']);

type Resources = Map<string, { kind: string; value: string; node: Node }>;

/** The manifest's root element, or why there is none to check. */
function parseRoot(xml: string): { root: Node } | { errors: string[] } {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return { errors: [`malformed XML at line ${line}, column ${col}: ${msg}`] };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    removeNSPrefix: true,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const root = toNodes(parser.parse(xml) as unknown[], '')[0];
  if (!root || root.name !== 'OfficeApp') return { errors: [`root element is <${root?.name ?? 'nothing'}>, expected <OfficeApp>`] };
  return { root };
}

function checkStructure(root: Node, errors: string[]): void {
  // 1. Structure: known children, required children, schema order, no repeats of single elements.
  walk(root, (node) => {
    const rule = ruleFor(node.path);
    if (!rule) return;
    let lastIdx = -1;
    let lastName = '';
    const seen = new Set<string>();
    for (const c of node.children) {
      const idx = rule.order.indexOf(c.name);
      if (idx < 0) {
        errors.push(`<${c.name}> is not allowed inside <${node.name}> (${node.path})`);
        continue;
      }
      if (idx < lastIdx) {
        errors.push(
          `<${c.name}> must come before <${lastName}> inside <${node.name}> (${node.path}): elements are out of the schema's order`,
        );
      } else {
        lastIdx = idx;
        lastName = c.name;
      }
      if (seen.has(c.name) && !(rule.many ?? []).includes(c.name)) {
        errors.push(`<${c.name}> appears more than once inside <${node.name}> (${node.path})`);
      }
      seen.add(c.name);
    }
    for (const r of rule.required ?? []) {
      if (!seen.has(r)) errors.push(`<${node.name}> is missing required <${r}> (${node.path})`);
    }
  });
}

function checkIdentity(root: Node, errors: string[]): void {
  // 2. Identity and targeting.
  const id = child(root, 'Id')?.text ?? '';
  if (child(root, 'Id') && !GUID.test(id)) errors.push(`<Id> "${id}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  const version = child(root, 'Version')?.text;
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) {
    errors.push(`<Version> "${version}" must be 1 to 4 dot-separated numbers (e.g. 1.0.0.0)`);
  }
  const hosts = child(root, 'Hosts');
  if (hosts && !hosts.children.some((h) => h.attrs['Name'] === 'Document')) {
    errors.push('<Hosts> does not declare <Host Name="Document"/> (Word)');
  }
  const sets = child(child(root, 'Requirements'), 'Sets');
  if (child(root, 'Requirements')) {
    const word = sets?.children.find((s) => s.attrs['Name'] === 'WordApi');
    if (!word) errors.push('<Requirements> does not require the WordApi set (minimum WordApi 1.1)');
    else if (!/^1\.\d+$/.test(word.attrs['MinVersion'] ?? sets?.attrs['DefaultMinVersion'] ?? '')) {
      errors.push(`WordApi requirement has MinVersion "${word.attrs['MinVersion'] ?? ''}", expected 1.1 or later`);
    }
  }
}

function checkSso(root: Node, errors: string[]): void {
  // 2b. Office SSO: <WebApplicationInfo> Id is the app registration's GUID and Resource is
  // api://<the add-in's host>/… (a host mismatch gives getAccessToken error 13004).
  const wai = child(child(root, 'VersionOverrides'), 'WebApplicationInfo');
  if (wai) {
    const waiId = child(wai, 'Id')?.text ?? '';
    if (child(wai, 'Id') && !GUID.test(waiId)) errors.push(`<WebApplicationInfo><Id> "${waiId}" is not a GUID`);
    const resource = child(wai, 'Resource')?.text ?? '';
    const m = /^api:\/\/([^/\s]+)\/\S+$/.exec(resource);
    if (child(wai, 'Resource') && !m) {
      errors.push(`<WebApplicationInfo><Resource> "${resource}" must look like api://HOST/APP-ID`);
    } else if (m) {
      const src = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs['DefaultValue'];
      try {
        const host = src ? new URL(src).host : undefined;
        if (host && m[1]!.toLowerCase() !== host.toLowerCase()) {
          errors.push(`<WebApplicationInfo><Resource> "${resource}" is on ${m[1]}, but the add-in is on ${host} (Office answers 13004)`);
        }
      } catch {
        /* SourceLocation is reported below */
      }
    }
    for (const sc of child(wai, 'Scopes')?.children ?? []) {
      if (!sc.text.trim()) errors.push('<WebApplicationInfo><Scopes> has an empty <Scope>');
    }
  }
}

function collectResources(root: Node, errors: string[]): Resources {
  // 3. Resources: ids unique, references resolve to the right kind, string lengths.
  const resources = child(child(root, 'VersionOverrides'), 'Resources');
  const resIds = new Map<string, { kind: string; value: string; node: Node }>();
  for (const group of resources?.children ?? []) {
    for (const r of group.children) {
      const rid = r.attrs['id'];
      if (!rid) {
        errors.push(`<${group.name}> has an entry without an id`);
        continue;
      }
      if (resIds.has(rid)) errors.push(`resource id "${rid}" is defined more than once`);
      resIds.set(rid, { kind: group.name, value: r.attrs['DefaultValue'] ?? '', node: r });
      const max = group.name === 'ShortStrings' ? 125 : group.name === 'LongStrings' ? 250 : 2048;
      for (const v of [r.attrs['DefaultValue'] ?? '', ...r.children.map((o) => o.attrs['Value'] ?? '')]) {
        if (v.length > max) errors.push(`resource "${rid}" is ${v.length} characters long; ${group.name} allow at most ${max}`);
      }
    }
  }
  return resIds;
}

/** Checks every resid reference; answers the pixel sizes each image resource is used at. */
function checkResourceUse(root: Node, resIds: Resources, errors: string[]): Map<string, Set<number>> {
  const expectKind: Record<string, string> = {
    Image: 'Images',
    LearnMoreUrl: 'Urls',
    SourceLocation: 'Urls',
    FunctionFile: 'Urls',
    Label: 'ShortStrings',
    Title: 'ShortStrings',
    Description: 'LongStrings',
  };
  /** Pixel sizes each image resource is used at. */
  const imageUse = new Map<string, Set<number>>();
  walk(root, (n) => {
    const rid = n.attrs['resid'];
    if (rid === undefined) return;
    const res = resIds.get(rid);
    if (!res) {
      errors.push(`<${n.name} resid="${rid}"> refers to a resource that is not defined (${n.path})`);
      return;
    }
    const want = expectKind[n.name];
    if (want && res.kind !== want) errors.push(`<${n.name} resid="${rid}"> must refer to a ${want} entry, not ${res.kind}`);
    if (n.name === 'Image' && n.attrs['size']) {
      const set = imageUse.get(rid) ?? new Set<number>();
      set.add(Number(n.attrs['size']));
      imageUse.set(rid, set);
    }
  });
  let opensPane = false;
  walk(root, (n) => {
    if (n.name === 'Action' && n.attrs['type'] === 'ShowTaskpane') opensPane = true;
  });
  if (child(root, 'VersionOverrides') && !opensPane) {
    errors.push('no control opens the task pane (expected an <Action xsi:type="ShowTaskpane">)');
  }

  return imageUse;
}

/** Checks every URL; answers the add-in's own URL (SourceLocation) when it parses. */
function checkUrls(root: Node, errors: string[]): URL | undefined {
  // 4. URLs: https only, on the task pane's host or an AppDomain.
  const sourceLocation = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs['DefaultValue'];
  let declared: URL | undefined;
  try {
    declared = sourceLocation ? new URL(sourceLocation) : undefined;
  } catch {
    /* reported below */
  }
  const allowedOrigins = new Set<string>();
  if (declared) allowedOrigins.add(declared.origin);
  for (const d of child(root, 'AppDomains')?.children ?? []) {
    try {
      const u = new URL(d.text);
      if (u.protocol !== 'https:') errors.push(`<AppDomain> "${d.text}" is not https`);
      allowedOrigins.add(u.origin);
    } catch {
      errors.push(`<AppDomain> "${d.text}" is not an absolute URL (expected https://host)`);
    }
  }
  const urls: { where: string; value: string }[] = [];
  walk(root, (n) => {
    const isUrlElement = URL_ELEMENTS.has(n.name) && !n.attrs['resid'];
    const isUrlResource = n.path.endsWith('/Resources/Images/Image') || n.path.endsWith('/Resources/Urls/Url');
    if (isUrlElement || isUrlResource) {
      if (n.attrs['DefaultValue'] !== undefined)
        urls.push({ where: `<${n.name}${n.attrs['id'] ? ` id="${n.attrs['id']}"` : ''}>`, value: n.attrs['DefaultValue'] });
      for (const o of n.children)
        if (o.attrs['Value'] !== undefined)
          urls.push({ where: `<${n.name}> override ${o.attrs['Locale'] ?? ''}`.trim(), value: o.attrs['Value'] });
    }
  });
  for (const { where, value } of urls) {
    let u: URL;
    try {
      if (!HAS_SCHEME.test(value)) throw new Error('relative');
      u = new URL(value);
    } catch {
      errors.push(`${where} URL "${value}" is not an absolute URL`);
      continue;
    }
    if (u.protocol !== 'https:') {
      errors.push(`${where} URL "${value}" is not https (Office loads add-ins only over https)`);
      continue;
    }
    if (declared && !allowedOrigins.has(u.origin)) {
      errors.push(
        `${where} URL "${value}" is on ${u.host}, which is neither the add-in's host (${declared.host}) nor listed in <AppDomains>`,
      );
    }
  }
  if (!sourceLocation) {
    if (child(root, 'DefaultSettings')) errors.push('<DefaultSettings><SourceLocation> has no DefaultValue');
  }

  return declared;
}

interface IconCheck {
  resIds: Resources;
  imageUse: Map<string, Set<number>>;
  declared: URL | undefined;
  assetsDir: string;
}

/** The icons the manifest names, with the pixel size each must have. */
function iconsOf(root: Node, c: IconCheck, errors: string[]): { where: string; url: string; size: number | undefined }[] {
  // 5. Icons: each file exists under assets/ at its declared size.
  const icons: { where: string; url: string; size: number | undefined }[] = [];
  const iconUrl = child(root, 'IconUrl')?.attrs['DefaultValue'];
  if (iconUrl) icons.push({ where: '<IconUrl>', url: iconUrl, size: 32 });
  const hiRes = child(root, 'HighResolutionIconUrl')?.attrs['DefaultValue'];
  if (hiRes) icons.push({ where: '<HighResolutionIconUrl>', url: hiRes, size: 64 });
  for (const [rid, res] of c.resIds) {
    if (res.kind !== 'Images') continue;
    const used = c.imageUse.get(rid);
    if (used && used.size > 1) {
      errors.push(`image resource "${rid}" is used at several sizes (${[...used].join(', ')}); use one resource per size`);
    }
    const fromName = /(\d+)(?:x\d+)?\.png$/i.exec(res.value)?.[1];
    const size = used && used.size ? [...used][0] : fromName ? Number(fromName) : undefined;
    icons.push({ where: `image resource "${rid}"`, url: res.value, size });
  }
  return icons;
}

function checkIcons(root: Node, c: IconCheck, errors: string[]): void {
  const { declared } = c;
  const icons = iconsOf(root, c, errors);
  const checked = new Map<string, { width: number; height: number } | string>();
  for (const icon of icons) {
    let u: URL;
    try {
      u = new URL(icon.url);
    } catch {
      continue; // already reported as not absolute
    }
    const base = declared ? declared.pathname.replace(/\/[^/]*$/, '') : '';
    const prefix = `${base}/assets/`;
    if (!u.pathname.startsWith(prefix)) {
      errors.push(`${icon.where} ${icon.url} is not under ${prefix} (icons are served from the assets directory)`);
      continue;
    }
    const rel = decodeURIComponent(u.pathname.slice(prefix.length));
    const file = normalize(join(c.assetsDir, rel));
    if (!file.startsWith(normalize(c.assetsDir + sep)) || rel.includes('..')) {
      errors.push(`${icon.where} ${icon.url} points outside the assets directory`);
      continue;
    }
    let dims = checked.get(file);
    if (dims === undefined) {
      if (!existsSync(file)) dims = `icon file ${rel} does not exist in ${c.assetsDir}`;
      else {
        try {
          const png = PNG.sync.read(readFileSync(file));
          dims = { width: png.width, height: png.height };
        } catch {
          dims = `icon file ${rel} is not a readable PNG`;
        }
      }
      checked.set(file, dims);
    }
    if (typeof dims === 'string') {
      errors.push(`${icon.where}: ${dims}`);
      continue;
    }
    if (icon.size !== undefined && (dims.width !== icon.size || dims.height !== icon.size)) {
      errors.push(`${icon.where}: ${rel} is ${dims.width}x${dims.height} px, expected ${icon.size}x${icon.size}`);
    }
  }
}

export function validateManifest(xml: string, opts: ValidateOptions): ValidationResult {
  const parsed = parseRoot(xml);
  if ('errors' in parsed) return { ok: false, errors: parsed.errors };
  const { root } = parsed;
  const errors: string[] = [];
  if (root.attrs['type'] !== 'TaskPaneApp') {
    errors.push(`<OfficeApp> has xsi:type="${root.attrs['type'] ?? ''}", expected "TaskPaneApp"`);
  }
  checkStructure(root, errors);
  checkIdentity(root, errors);
  checkSso(root, errors);
  const resIds = collectResources(root, errors);
  const imageUse = checkResourceUse(root, resIds, errors);
  const declared = checkUrls(root, errors);
  checkIcons(root, { resIds, imageUse, declared, assetsDir: opts.assetsDir }, errors);
  const unique = [...new Set(errors)];
  return { ok: unique.length === 0, errors: unique };
}
