/**
 * TLS material: the configured certificate and key (production), or development
 * certificates from office-addin-dev-certs, generated without sudo into
 * ~/.office-addin-dev-certs. Trusting their CA needs the user's consent, so the
 * relay prints the one command that does it instead of running it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config';
import { ConfigError } from './config';

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** Set for development certificates: the CA to trust and how. */
  devCa?: { path: string; trustCommand: string };
}

function readPem(setting: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ConfigError(setting, `cannot read "${file}"`);
  }
}

function stillValid(certPath: string): boolean {
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

export function trustCommand(caPath: string): string {
  switch (process.platform) {
    case 'win32':
      return `certutil -user -addstore Root "${caPath}"`;
    case 'darwin':
      return `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '${caPath}'`;
    default:
      // The system store (curl, Node) and, for Chromium and Firefox, the user's NSS database (libnss3-tools).
      return (
        `sudo cp '${caPath}' /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates\n` +
        `  certutil -d sql:$HOME/.pki/nssdb -A -t 'C,,' -n sseugi-dev-ca -i '${caPath}'   # Chromium/Firefox (apt-get install libnss3-tools)`
      );
  }
}

export async function loadTls(config: Config, certDir?: string): Promise<TlsMaterial> {
  if (config.TLS_CERT && config.TLS_KEY) {
    return { cert: readPem('TLS_CERT', config.TLS_CERT), key: readPem('TLS_KEY', config.TLS_KEY) };
  }
  // Imported lazily: production never loads the development tooling.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const defaults = require('office-addin-dev-certs/lib/defaults.js') as typeof import('office-addin-dev-certs/lib/defaults.js');
  type GenerateModule = typeof import('office-addin-dev-certs/lib/generate.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCertificates } = require('office-addin-dev-certs/lib/generate.js') as GenerateModule;
  const dir = certDir ?? defaults.certificateDirectory;
  const ca = path.join(dir, defaults.caCertificateFileName);
  const cert = path.join(dir, defaults.localhostCertificateFileName);
  const key = path.join(dir, defaults.localhostKeyFileName);
  if (!(existsSync(cert) && existsSync(key) && existsSync(ca) && stillValid(cert))) {
    // generateCertificates writes nothing when a CA file is already there.
    for (const f of [ca, cert, key]) rmSync(f, { force: true });
    await generateCertificates(ca, cert, key, 30);
  }
  return { cert: readFileSync(cert), key: readFileSync(key), devCa: { path: ca, trustCommand: trustCommand(ca) } };
}
