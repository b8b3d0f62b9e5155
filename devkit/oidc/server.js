// A certified OpenID provider (oidc-provider, MIT) for the interoperability tests, on a free loopback port.
// One client-credentials client; one resource server (the API) whose access tokens are JWTs (RFC 9068, at+jwt).
// Settings from the environment: AUDIENCE (the API's identifier), SCOPES (space-separated, what the resource server
// may grant), ALG (the access tokens' JWS algorithm, default RS256), CLIENT_ID and CLIENT_SECRET.
// Prints {"port":N,"issuer":"..."} once it listens; exits when its stdin closes (the JVM that started it died).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const audience = process.env.AUDIENCE || 'https://api.example.test/assessments';
const scopes = process.env.SCOPES || 'read:assessments write:assessments';
const alg = process.env.ALG || 'RS256';

function signingKey(type, options, keyAlg) {
  const jwk = generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: `${keyAlg}-${randomUUID()}`, use: 'sig', alg: keyAlg };
}

// The published keys: one per algorithm family, each stating its alg, as providers do.
const keys = [
  signingKey('rsa', { modulusLength: 2048 }, alg.startsWith('PS') ? alg : 'RS256'),
  signingKey('ec', { namedCurve: 'P-256' }, 'ES256'),
];

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: process.env.CLIENT_ID || 'assessments-client',
        client_secret: process.env.CLIENT_SECRET || 'assessments-client-secret',
        grant_types: ['client_credentials'],
        // The client's ID token algorithm (never used here) must be one of a published key.
        id_token_signed_response_alg: keys[0].alg,
        redirect_uris: [],
        response_types: [],
      },
    ],
    jwks: { keys },
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => {
          if (resource !== audience) {
            throw new Error(`unknown resource ${resource}`);
          }
          return { scope: scopes, audience, accessTokenFormat: 'jwt', jwt: { sign: { alg } } };
        },
      },
    },
  });
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ port, issuer })}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
