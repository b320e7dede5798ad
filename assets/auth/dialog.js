/*
 * Sseugi sign-in dialog (served as /auth/dialog.js by the relay; see server/routes/auth-dialog.ts).
 *
 * OIDC authorization code flow with PKCE (RFC 7636, S256) as a public client:
 *   1st load: make state + code_verifier (kept in sessionStorage of this window only —
 *             they are not tokens), go to the IdP's authorization endpoint.
 *   back with ?code&state: check state, POST the code + verifier to the token endpoint,
 *             hand the access token to the pane, forget the verifier.
 *   back with ?error: hand the error to the pane.
 * The token goes to the pane only: Office.context.ui.messageParent inside an Office
 * dialog, else window.opener.postMessage to this page's own origin (standalone page).
 * Tokens are never written to any storage.
 */
(function () {
  'use strict';
  var TYPE = 'sseugi-auth';
  var KEY = 'sseugi-auth-pkce';
  var body = document.body;
  var cfg = {
    authorizationEndpoint: body.getAttribute('data-authorization-endpoint'),
    tokenEndpoint: body.getAttribute('data-token-endpoint'),
    clientId: body.getAttribute('data-client-id'),
    scope: body.getAttribute('data-scope'),
    redirectUri: body.getAttribute('data-redirect-uri'),
  };

  function status(text) {
    var el = document.getElementById('status');
    if (el) el.textContent = text;
  }

  function b64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(n) {
    var a = new Uint8Array(n);
    crypto.getRandomValues(a);
    return b64url(a);
  }

  function officeReady() {
    // Resolves true inside an Office dialog, false in a plain browser window (or without office.js).
    return new Promise(function (resolve) {
      if (typeof Office === 'undefined' || !Office.onReady) return resolve(false);
      var done = false;
      var timer = setTimeout(function () {
        if (!done) { done = true; resolve(false); }
      }, 3000);
      Office.onReady(function (info) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(!!(info && info.host) && !!(Office.context && Office.context.ui && Office.context.ui.messageParent));
      });
    });
  }

  function send(msg) {
    var text = JSON.stringify(msg);
    return officeReady().then(function (inOffice) {
      if (inOffice) {
        Office.context.ui.messageParent(text);
        return;
      }
      if (window.opener && !window.opener.closed) {
        window.opener.postMessage(msg, window.location.origin);
        window.close();
        return;
      }
      status(msg.error ? 'Sign-in failed: ' + msg.error : 'Signed in. You can close this window. / 로그인했습니다. 이 창을 닫으세요.');
    });
  }

  function fail(text) {
    status('로그인 실패 / Sign-in failed: ' + text);
    return send({ type: TYPE, error: text });
  }

  function start() {
    var verifier = random(32);
    var state = random(16);
    var nonce = random(16);
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
      sessionStorage.setItem(KEY, JSON.stringify({ verifier: verifier, state: state }));
      var u = new URL(cfg.authorizationEndpoint);
      var p = u.searchParams;
      p.set('response_type', 'code');
      p.set('client_id', cfg.clientId);
      p.set('redirect_uri', cfg.redirectUri);
      p.set('scope', cfg.scope);
      p.set('state', state);
      p.set('nonce', nonce);
      p.set('code_challenge', b64url(new Uint8Array(hash)));
      p.set('code_challenge_method', 'S256');
      window.location.assign(u.href);
    });
  }

  function finish(params) {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    sessionStorage.removeItem(KEY);
    // Drop the code from the address bar and history.
    history.replaceState(null, '', window.location.pathname);
    if (!saved || !saved.verifier || saved.state !== params.get('state')) {
      return fail('state mismatch; start again');
    }
    var form = new URLSearchParams();
    form.set('grant_type', 'authorization_code');
    form.set('code', params.get('code'));
    form.set('redirect_uri', cfg.redirectUri);
    form.set('client_id', cfg.clientId);
    form.set('code_verifier', saved.verifier);
    return fetch(cfg.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      credentials: 'omit',
      cache: 'no-store',
    })
      .then(function (res) {
        return res.json().then(function (j) {
          if (!res.ok || !j || typeof j.access_token !== 'string') {
            throw new Error((j && (j.error_description || j.error)) || 'HTTP ' + res.status);
          }
          return j.access_token;
        });
      })
      .then(function (token) {
        status('로그인했습니다 / Signed in');
        return send({ type: TYPE, accessToken: token });
      });
  }

  function main() {
    if (!cfg.authorizationEndpoint || !cfg.tokenEndpoint || !cfg.clientId || !cfg.redirectUri) {
      return fail('the sign-in page is not configured');
    }
    if (!window.crypto || !crypto.subtle || !window.URLSearchParams || !window.TextEncoder) {
      return fail('this browser cannot sign in (no Web Crypto)');
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get('error')) {
      history.replaceState(null, '', window.location.pathname);
      return fail(String(params.get('error_description') || params.get('error')).slice(0, 300));
    }
    if (params.get('code')) return finish(params);
    return start();
  }

  Promise.resolve()
    .then(main)
    .catch(function (err) {
      return fail((err && err.message) || 'unexpected error');
    });
})();
