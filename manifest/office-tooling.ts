/**
 * The manifest through `office-addin-manifest`, Microsoft's own manifest tooling (the
 * package behind `npx office-addin-manifest`): its reader checks that what we generate
 * reads back as intended, its modifier sets the id and display name of an existing
 * manifest, and its `validate` (Microsoft's online validation service, internet
 * needed) is `npm run validate`. What it does not check offline — schema order, URLs
 * on https and inside AppDomains, icon files — stays in ./validate.ts.
 *
 * Node only (the package's dependency tree ships ESM that jest does not load, so the
 * tests drive this through the CLI in a child process).
 */
import { OfficeAddinManifest, type ManifestInfo } from 'office-addin-manifest';

export interface ExpectedManifest {
  id: string;
  displayName: string;
  /** The task pane URL (DefaultSettings/SourceLocation). */
  sourceLocation: string;
  appDomains: string[];
}

/** The fields the package reads from a manifest file, in a stable shape. */
export async function readManifestInfo(file: string): Promise<ManifestInfo> {
  return OfficeAddinManifest.readManifestFile(file);
}

/** Differences between what the package reads and what we meant to write ([] when none). */
export function compareManifest(info: ManifestInfo, expected: ExpectedManifest): string[] {
  const problems: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${what}: office-addin-manifest reads ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  same('id', info.id, expected.id);
  same('display name', info.displayName, expected.displayName);
  same('source location', info.defaultSettings?.sourceLocation, expected.sourceLocation);
  // office-addin-manifest 3.0.0 reads only the FIRST <AppDomain> of <AppDomains>
  // (xml.js getXmlElementsValue takes one value per container): compare that one;
  // ./validate.ts checks the others offline.
  same('first app domain', info.appDomains?.[0], expected.appDomains[0]);
  return problems;
}

/** Sets the id and/or display name of an existing manifest file in place (the package's modifier). */
export async function modifyIdAndName(file: string, id?: string, displayName?: string): Promise<ManifestInfo> {
  return OfficeAddinManifest.modifyManifestFile(file, id, displayName);
}
