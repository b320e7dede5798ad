/**
 * Renders Sseugi's XML add-in manifest (OfficeApp, xsi:type TaskPaneApp) for Word.
 *
 * Element order follows Microsoft's schemas (TaskPaneAppVersionOverridesV1_0.xsd and
 * the OfficeApp 1.1 schema): a manifest with elements out of order does not load.
 * Every URL is built from one origin (the relay's public https:// address), so the
 * task pane, icons and help page are all served by the relay itself.
 */

/** Fixed add-in Id for development; give each production deployment its own GUID (`--id`). */
export const DEV_ADDIN_ID = '6f1c2b9e-3d4a-4e8b-9c51-5a7d0e2f8b43';

export const DEFAULT_NAME_EN = 'Sseugi';
const DEFAULT_NAME_KO = '쓰기';

/** Icon files the manifest references, relative to the origin, with their pixel size. */
const MANIFEST_ICONS = {
  icon: { path: '/assets/icon-32.png', size: 32 },
  highRes: { path: '/assets/icon-64.png', size: 64 },
  ribbon16: { path: '/assets/icon-16.png', size: 16 },
  ribbon32: { path: '/assets/icon-32.png', size: 32 },
  ribbon80: { path: '/assets/icon-80.png', size: 80 },
} as const;

const TASKPANE_PATH = '/taskpane.html';

export interface ManifestOptions {
  /** Public https:// origin of the relay, e.g. https://sseugi.corp.example (a path prefix is kept). */
  origin: string;
  /** Add-in GUID; defaults to DEV_ADDIN_ID. */
  id?: string;
  /** Display name; defaults to "Sseugi" (English) / "쓰기" (ko-KR). */
  name?: string;
  /** Add-in version, 1 to 4 dot-separated numbers; padded to four parts. Default 1.0.0.0. */
  version?: string;
  /** Provider shown in the Office store / admin centre. Default "Sseugi". */
  providerName?: string;
  /** Help page; defaults to the origin's root. Must be https. */
  supportUrl?: string;
  /** Extra https:// origins the pane may navigate to (e.g. an OIDC sign-in page). */
  appDomains?: string[];
  /**
   * Office SSO (Office.auth.getAccessToken): the IdP app registration's client id (GUID) and
   * its Application ID URI, `api://<the relay's host>/<GUID>`. Adds <WebApplicationInfo>.
   */
  sso?: { appId: string; resource: string };
}

/** The <WebApplicationInfo> block (last child of VersionOverrides before EquivalentAddins). */
function renderWebApplicationInfo(sso: { appId: string; resource: string }, indent = '    '): string {
  const appId = sso.appId.trim();
  const resource = sso.resource.trim();
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(appId)) {
    throw new Error(`manifest: SSO app id "${sso.appId}" is not a GUID`);
  }
  if (!/^api:\/\/[^\s/]+\/.+/.test(resource)) {
    throw new Error(`manifest: SSO resource "${sso.resource}" must look like api://HOST/${appId}`);
  }
  const i = indent;
  return [
    `${i}<WebApplicationInfo>`,
    `${i}  <Id>${xmlEscape(appId)}</Id>`,
    `${i}  <Resource>${xmlEscape(resource)}</Resource>`,
    `${i}  <Scopes>`,
    `${i}    <Scope>openid</Scope>`,
    `${i}    <Scope>profile</Scope>`,
    `${i}  </Scopes>`,
    `${i}</WebApplicationInfo>`,
  ].join('\n');
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** "https://host:port/prefix/" → "https://host:port/prefix" (no trailing slash). Throws on a non-URL. */
export function normaliseOrigin(origin: string): string {
  let u: URL;
  try {
    u = new URL(origin.trim());
  } catch {
    throw new Error(`manifest: "${origin}" is not an absolute URL (expected e.g. https://sseugi.corp.example)`);
  }
  if (u.search || u.hash) throw new Error(`manifest: origin "${origin}" must not carry a query or fragment`);
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

function normaliseVersion(version: string): string {
  const v = version
    .trim()
    .replace(/^v/, '')
    .replace(/[-+].*$/, '');
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(v)) {
    throw new Error(`manifest: version "${version}" must be 1 to 4 dot-separated numbers (e.g. 1.2.0.0)`);
  }
  const parts = v.split('.');
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

/**
 * The lowest Word API set the add-in needs. WordHost calls every member above it only
 * after Office.context.requirements.isSetSupported said yes (test/unit/addin/src/host/WordHost.requirements.test.ts
 * checks both against the docs); so Word 2016 perpetual (WordApi 1.1) still loads the pane.
 */
export const MANIFEST_WORDAPI_MIN = '1.1';

// Over 80 lines on purpose: one XML template, read top to bottom in the schema's order as Office
// reads it; cutting it into pieces would hide that order (manifest/validate.ts checks it).
export function renderManifest(opts: ManifestOptions): string {
  const base = normaliseOrigin(opts.origin);
  const id = (opts.id ?? DEV_ADDIN_ID).trim();
  const version = normaliseVersion(opts.version ?? '1.0.0.0');
  const nameEn = opts.name?.trim() || DEFAULT_NAME_EN;
  const nameKo = opts.name?.trim() || DEFAULT_NAME_KO;
  const provider = opts.providerName?.trim() || DEFAULT_NAME_EN;
  const supportUrl = opts.supportUrl ?? `${base}/`;
  const u = (p: string) => xmlEscape(base + p);
  const e = xmlEscape;
  const domains = [new URL(base).origin, ...(opts.appDomains ?? []).map((d) => d.replace(/\/+$/, ''))];
  const uniqueDomains = [...new Set(domains)];

  const descEn = 'Summarise, draft and proofread Korean documents with an on-premises EXAONE model.';
  const descKo = '사내 EXAONE 모델로 한국어 문서를 요약하고, 초안을 쓰고, 교정합니다.';

  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>${e(id)}</Id>
  <Version>${version}</Version>
  <ProviderName>${e(provider)}</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="${e(nameEn)}">
    <Override Locale="ko-KR" Value="${e(nameKo)}"/>
  </DisplayName>
  <Description DefaultValue="${e(descEn)}">
    <Override Locale="ko-KR" Value="${e(descKo)}"/>
  </Description>
  <IconUrl DefaultValue="${u(MANIFEST_ICONS.icon.path)}"/>
  <HighResolutionIconUrl DefaultValue="${u(MANIFEST_ICONS.highRes.path)}"/>
  <SupportUrl DefaultValue="${e(supportUrl)}"/>
  <AppDomains>
${uniqueDomains.map((d) => `    <AppDomain>${e(d)}</AppDomain>`).join('\n')}
  </AppDomains>
  <Hosts>
    <Host Name="Document"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="WordApi" MinVersion="${MANIFEST_WORDAPI_MIN}"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${u(TASKPANE_PATH)}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Document">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Sseugi.Group">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16x16"/>
                  <bt:Image size="32" resid="Icon.32x32"/>
                  <bt:Image size="80" resid="Icon.80x80"/>
                </Icon>
                <Control xsi:type="Button" id="Sseugi.OpenPane">
                  <Label resid="OpenPane.Label"/>
                  <Supertip>
                    <Title resid="OpenPane.Label"/>
                    <Description resid="OpenPane.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>Sseugi.Pane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${u(MANIFEST_ICONS.ribbon16.path)}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${u(MANIFEST_ICONS.ribbon32.path)}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${u(MANIFEST_ICONS.ribbon80.path)}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${e(supportUrl)}"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${u(TASKPANE_PATH)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="${e(nameEn)} is ready">
          <bt:Override Locale="ko-KR" Value="${e(nameKo)} 준비 완료"/>
        </bt:String>
        <bt:String id="Group.Label" DefaultValue="${e(nameEn)}">
          <bt:Override Locale="ko-KR" Value="${e(nameKo)}"/>
        </bt:String>
        <bt:String id="OpenPane.Label" DefaultValue="${e(nameEn)}">
          <bt:Override Locale="ko-KR" Value="${e(nameKo)}"/>
        </bt:String>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Open ${e(nameEn)} from the Home tab to summarise, draft and proofread.">
          <bt:Override Locale="ko-KR" Value="홈 탭에서 ${e(nameKo)}을(를) 열어 요약, 초안 작성, 교정을 할 수 있습니다."/>
        </bt:String>
        <bt:String id="OpenPane.Tooltip" DefaultValue="Open the ${e(nameEn)} pane: summarise, draft and proofread with the on-premises model.">
          <bt:Override Locale="ko-KR" Value="${e(nameKo)} 창 열기: 사내 모델로 요약, 초안 작성, 교정"/>
        </bt:String>
      </bt:LongStrings>
    </Resources>
${opts.sso ? renderWebApplicationInfo(opts.sso) + '\n' : ''}  </VersionOverrides>
</OfficeApp>
`;
}
