// A real OpenID provider for Portico's tests (the npm package oidc-provider) on loopback: one
// client, `portico`, and a few people. Its development login pages take any password.
//   node oidc/provider.mjs [PORT]
// Prints {"issuer": "http://127.0.0.1:PORT"} once it listens (a free port when none is given),
// and exits when its standard input closes. Any http://127.0.0.1:* or http://localhost:*
// redirect URI of the client is accepted, since every test's Portico listens on a port of its own.
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const people = {
  alice: { email: 'alice@sso.test', email_verified: true, name: 'Alice Example', groups: ['developers'] },
  bob: { email: 'bob@sso.test', email_verified: false, name: 'Bob Unverified', groups: [] },
  carol: { email: 'carol@sso.test', email_verified: true, name: 'Carol Admin', groups: ['portico-admins'] },
  dave: { email: 'dave@other.test', email_verified: true, name: 'Dave Elsewhere', groups: [] },
  erin: { email: 'erin@sso.test', email_verified: true, name: 'Erin Invited', groups: [] },
  frank: { email: 'frank@sso.test', email_verified: true, name: 'Frank Existing', groups: [] },
  grace: { email: 'grace@sso.test', email_verified: true, name: 'Grace Suspended', groups: [] },
  // Frank's address, handed on to someone new (another subject at the same provider).
  henry: { email: 'frank@sso.test', email_verified: true, name: 'Henry Newcomer', groups: [] },
};

/** A fresh RSA signing key with an id of its own. */
function signingKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };
}

const configuration = {
  clients: [
    {
      client_id: 'portico',
      client_secret: 'portico-test-secret',
      redirect_uris: ['http://127.0.0.1/unused'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  // Claims go into the ID token itself, as many providers do, rather than only the userinfo.
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => {
    const person = people[id];
    if (!person) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...person }) };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['portico-test-only'] },
};

const allowed = /^http:\/\/(127\.0\.0\.1|localhost):\d+\//;
let currentKey;
function startProvider() {
  currentKey = signingKey();
  const provider = new Provider(issuer, { ...configuration, jwks: { keys: [currentKey] } });
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
    return allowed.test(uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutAllowed(uri) {
    return allowed.test(uri);
  };
  return provider.callback();
}

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());
function sign(header, payload, key) {
  const input = `${base64url(header)}.${base64url(payload)}`;
  const signature = crypto.sign('sha256', Buffer.from(input), crypto.createPrivateKey({ key, format: 'jwk' }));
  return `${input}.${signature.toString('base64url')}`;
}

/** The real ID token, changed the way an attacker (or a broken provider) would. */
function forge(idToken, kind) {
  const [headerPart, payloadPart] = idToken.split('.');
  const header = decode(headerPart);
  const payload = decode(payloadPart);
  const now = Math.floor(Date.now() / 1000);
  switch (kind) {
    case 'other-audience':
      return sign(header, { ...payload, aud: 'someone-else', azp: 'someone-else' }, currentKey);
    case 'expired':
      return sign(header, { ...payload, iat: now - 7200, exp: now - 3600 }, currentKey);
    case 'wrong-nonce':
      return sign(header, { ...payload, nonce: 'forged-nonce' }, currentKey);
    case 'wrong-issuer':
      return sign(header, { ...payload, iss: 'http://127.0.0.1:9/evil' }, currentKey);
    case 'alg-none':
      return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    case 'foreign-key':
      // Signed by a key of someone else's that claims the provider's key id.
      return sign(header, payload, { ...signingKey(), kid: currentKey.kid });
    default:
      throw new Error(`unknown forgery ${kind}`);
  }
}

// `POST /test/rotate-keys` replaces the signing key (and, with it, the provider's in-memory
// state), as a provider rotating its keys would: tokens then carry a key id Portico has not seen.
// `POST /test/forge-next-id-token?kind=…` changes the ID token of the next token response.
let handle = startProvider();
let forgery = null;
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.url === '/test/rotate-keys') {
    handle = startProvider();
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'POST' && req.url.startsWith('/test/forge-next-id-token?kind=')) {
    forgery = new URL(req.url, issuer).searchParams.get('kind');
    res.writeHead(204).end();
    return;
  }
  if (forgery && req.method === 'POST' && req.url.startsWith('/token')) {
    const kind = forgery;
    forgery = null;
    const end = res.end.bind(res);
    res.end = (chunk, ...rest) => {
      let body;
      try {
        body = JSON.parse(chunk.toString());
      } catch {
        return end(chunk, ...rest);
      }
      if (body.id_token) body.id_token = forge(body.id_token, kind);
      const changed = JSON.stringify(body);
      res.setHeader('content-length', Buffer.byteLength(changed));
      return end(changed);
    };
  }
  handle(req, res);
});
console.log(JSON.stringify({ issuer }));
// Standard output carried the one line the starter reads; the provider's own notes go to
// standard error, so they never write into a pipe nobody reads any more.
console.log = console.info = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
