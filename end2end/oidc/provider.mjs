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
function startProvider() {
  const provider = new Provider(issuer, { ...configuration, jwks: { keys: [signingKey()] } });
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
    return allowed.test(uri);
  };
  return provider.callback();
}

// `POST /test/rotate-keys` replaces the signing key (and, with it, the provider's in-memory
// state), as a provider rotating its keys would: tokens then carry a key id Portico has not seen.
let handle = startProvider();
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.url === '/test/rotate-keys') {
    handle = startProvider();
    res.writeHead(204).end();
    return;
  }
  handle(req, res);
});
console.log(JSON.stringify({ issuer }));
// Standard output carried the one line the starter reads; the provider's own notes go to
// standard error, so they never write into a pipe nobody reads any more.
console.log = console.info = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
