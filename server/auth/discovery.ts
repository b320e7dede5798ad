/**
 * OpenID Provider discovery for the sign-in dialog: GET `<OIDC_ISSUER>/.well-known/openid-configuration`
 * (OpenID Connect Discovery 1.0 §4), keeping the authorization and token endpoints. The answer
 * is cached (default one hour); a failure is not cached, so the next dialog load tries again.
 */
export interface OidcEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

export interface DiscoveryOptions {
  fetch?: typeof fetch;
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

const isLoopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);

function endpoint(meta: Record<string, unknown>, key: string): string {
  const v = meta[key];
  if (typeof v !== 'string') throw new Error(`discovery document has no ${key}`);
  const u = new URL(v);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u))) throw new Error(`${key} is not https`);
  if (u.hash) throw new Error(`${key} has a fragment`);
  return u.href;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** The discovery URL for an issuer (a path in the issuer is kept, as §4 requires). */
export function discoveryUrl(issuer: string): string {
  return `${trimSlash(issuer)}/.well-known/openid-configuration`;
}

export function createOidcDiscovery(issuer: string, opts: DiscoveryOptions = {}): () => Promise<OidcEndpoints> {
  const doFetch = opts.fetch ?? fetch;
  const ttl = opts.ttlMs ?? 3_600_000;
  const now = opts.now ?? Date.now;
  let cached: { at: number; value: OidcEndpoints } | undefined;
  let inflight: Promise<OidcEndpoints> | undefined;

  const load = async (): Promise<OidcEndpoints> => {
    const res = await doFetch(discoveryUrl(issuer), {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    if (!res.ok) throw new Error(`discovery answered HTTP ${res.status}`);
    const meta = (await res.json()) as Record<string, unknown>;
    // §4.3: the document's issuer must equal the configured one (Entra's multi-tenant
    // documents carry a {tenantid} template; those are accepted as they are).
    const docIssuer = typeof meta['issuer'] === 'string' ? meta['issuer'] : '';
    if (!docIssuer.includes('{tenantid}') && trimSlash(docIssuer) !== trimSlash(issuer)) {
      throw new Error('discovery document is for another issuer');
    }
    return { authorizationEndpoint: endpoint(meta, 'authorization_endpoint'), tokenEndpoint: endpoint(meta, 'token_endpoint') };
  };

  return () => {
    if (cached && now() - cached.at < ttl) return Promise.resolve(cached.value);
    inflight ??= load().then(
      (value) => {
        cached = { at: now(), value };
        inflight = undefined;
        return value;
      },
      (err: unknown) => {
        inflight = undefined;
        throw err;
      },
    );
    return inflight;
  };
}
