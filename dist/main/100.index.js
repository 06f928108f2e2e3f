export const id = 100;
export const ids = [100];
export const modules = {

/***/ 9100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  acrOidcCredentials: () => (/* binding */ acrOidcCredentials)
});

// UNUSED EXPORTS: ACR_TOKEN_USERNAME, acrSecretCredentials

// EXTERNAL MODULE: ./src/credentials/token-fetch.ts
var token_fetch = __webpack_require__(7158);
// EXTERNAL MODULE: ./src/shared/json.ts
var shared_json = __webpack_require__(8451);
// EXTERNAL MODULE: ./src/shared/retry.ts
var shared_retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 155 modules
var esm = __webpack_require__(3952);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/credentials/proxy-agent.ts
var proxy_agent = __webpack_require__(5842);
;// CONCATENATED MODULE: ./src/credentials/entra.ts






/** The resource an Entra token must be for to be exchanged at ACR (the same in every cloud). */
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
/** Azure's public cloud, used when AZURE_AUTHORITY_HOST is unset (as @azure/identity does). */
const PUBLIC_CLOUD = 'https://login.microsoftonline.com';
/**
 * Authority hosts MSAL knows from its built-in cloud metadata. There, instance
 * discovery costs no request and keeps MSAL's check that the authority is
 * Microsoft's. For any other host (Azure Stack Hub, ADFS, a private authority)
 * discovery asks login.microsoftonline.com about a host it has never heard of,
 * which fails, or hangs in a network that cannot reach it; such authorities are
 * the user's explicit choice (AZURE_AUTHORITY_HOST), so discovery is turned off.
 */
const MICROSOFT_AUTHORITIES = new Set([
    'login.microsoftonline.com',
    'login.windows.net',
    'login.microsoft.com',
    'sts.windows.net',
    'login.partner.microsoftonline.cn',
    'login.chinacloudapi.cn',
    'login.microsoftonline.de',
    'login.microsoftonline.us',
    'login.usgovcloudapi.net',
    'login-us.microsoftonline.com'
]);
/** How long one request to the authority may take before it counts as failed (and is retried). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Hints for the AADSTS codes a misconfigured GitHub OIDC login meets. */
const HINTS = {
    '70021': "check the app registration's federated credential: its issuer, subject and audience must match the token's",
    '700211': "check the federated credential's issuer (https://token.actions.githubusercontent.com)",
    '700212': "check the federated credential's audience (api://AzureADTokenExchange)",
    '700213': "check the federated credential's subject",
    '700016': 'check azure-client-id and azure-tenant-id',
    '90002': 'check azure-tenant-id',
    '700024': 'the GitHub OIDC token is outside its validity window; check the runner clock'
};
/** The authority to ask: AZURE_AUTHORITY_HOST (the variable Azure tools share) or the public cloud. */
function authorityHost(env) {
    const raw = env.AZURE_AUTHORITY_HOST?.trim() || PUBLIC_CLOUD;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`AZURE_AUTHORITY_HOST ${(0,errors/* quote */.hD)(raw)} is not a URL (e.g. ${PUBLIC_CLOUD})`);
    }
    if (url.protocol !== 'https:') {
        throw new Error(`AZURE_AUTHORITY_HOST ${(0,errors/* quote */.hD)(raw)} must be an https URL`);
    }
    return raw.replace(/\/+$/, '');
}
/**
 * An Entra ID access token for ACR, obtained by presenting `assertion` (the
 * GitHub OIDC token) as the client assertion of `app` at the authority `host`
 * (from authorityHost). Its requests follow the proxy variables of `env` as
 * every other request of tagship does: the identity pipeline's own reading of
 * them (uppercase first, ALL_PROXY, no loopback rule) is replaced by the agent.
 */
async function entraAccessToken(app, assertion, host, env = process.env, pacing = { policy: shared_retry/* DEFAULT_RETRY_POLICY */.cO }) {
    const agent = (0,proxy_agent/* httpsAgentFor */.Ch)(env);
    const gaveUp = {};
    let credential;
    try {
        credential = new esm/* ClientAssertionCredential */.XI(app.tenantId, app.clientId, async () => assertion, {
            authorityHost: host,
            disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.has(new URL(host).hostname),
            // The login policy below retries, not the SDK's (see loginRetries).
            retryOptions: { maxRetries: 0 },
            additionalPolicies: [
                { policy: loginRetries(pacing, app, host, gaveUp), position: 'perCall' }
            ],
            agent
        });
    }
    catch (e) {
        // Identity checks the ids' shape here, before any request.
        const ids = `client ${(0,errors/* quote */.hD)(app.clientId)} in tenant ${(0,errors/* quote */.hD)(app.tenantId)}`;
        throw new Error(`Azure login for ${ids}: ${(0,errors/* messageOf */.bD)(e)}`, { cause: e });
    }
    try {
        return (await credential.getToken(ACR_SCOPE)).token;
    }
    catch (e) {
        // MSAL wraps what the pipeline throws in words of its own: the policy's say it better.
        throw gaveUp.error ?? (await explain(e, app, host, env));
    }
    finally {
        agent.destroy();
    }
}
/**
 * The login policy as a policy of the identity client's pipeline, around the
 * SDK's retry policy (whose retries are off), for the metadata and token
 * requests alike: a network error, a timeout, 408, 429 (after its
 * Retry-After) or a 5xx is retried, at most `pacing.policy.retries` times,
 * each retry told through `onRetry`; any other answer goes to MSAL as it
 * came. The SDK's own retries would skip a 429 without Retry-After, wait as
 * long as any Retry-After asks, and say nothing. Giving up, it keeps its
 * error in `gaveUp`: MSAL would bury it.
 */
function loginRetries(pacing, app, host, gaveUp) {
    return {
        name: 'tagshipLoginRetries',
        sendRequest: async (request, next) => {
            // The caller's own signal: an abort there is no failure to retry.
            const caller = request.abortSignal;
            const what = `${request.method} ${new URL(request.url).pathname}`;
            try {
                return await (0,shared_retry/* retrying */.R$)(pacing, async (retry) => {
                    const tries = (0,shared_retry/* attemptsText */.MV)(retry + 1);
                    let response;
                    // Not the pipeline's own `timeout`: its timer outlives a refused connection (and the process with it).
                    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
                    request.abortSignal = caller ? AbortSignal.any([caller, timeout]) : timeout;
                    try {
                        response = await next(request);
                    }
                    catch (e) {
                        if (caller?.aborted || !isTransportFailure(e))
                            throw e;
                        const why = (0,errors/* oneLine */.TN)((0,errors/* messageOf */.bD)((0,errors/* causeOf */.rl)(e) ?? e));
                        return {
                            again: `Entra ID at ${host}: ${what} failed: ${why}`,
                            error: new EntraGaveUp(`Could not reach Entra ID at ${host} after ${tries}: ${what} failed: ${why} (check AZURE_AUTHORITY_HOST and the network)`)
                        };
                    }
                    if (!(0,shared_retry/* isRetryableStatus */.PS)(response.status))
                        return { value: response };
                    return {
                        again: `Entra ID at ${host}: ${what} answered HTTP ${response.status}`,
                        retryAfter: response.headers.get('retry-after'),
                        error: new EntraGaveUp(`Entra ID at ${host} kept failing for client ${app.clientId} in tenant ${app.tenantId} (HTTP ${response.status} to ${what}) after ${tries}: try again later`)
                    };
                });
            }
            catch (e) {
                if (e instanceof EntraGaveUp)
                    gaveUp.error = e;
                throw e;
            }
        }
    };
}
class EntraGaveUp extends Error {
}
/**
 * A request that got no answer: refused, reset, timed out (the pipeline
 * aborts it), a DNS failure. Not a certificate Node does not trust: asking
 * again would not change that.
 */
function isTransportFailure(e) {
    const { name, code } = (e ?? {});
    if (name === 'AbortError')
        return true;
    if (name !== 'RestError')
        return false;
    return typeof code !== 'string' || !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
}
async function explain(e, app, host, env) {
    const message = (0,errors/* messageOf */.bD)(e);
    if (message.startsWith('endpoints_resolution_error')) {
        // MSAL reports every failure to fetch or read the authority's metadata
        // (refused, DNS, TLS, a 4xx for an unknown tenant) with this one opaque
        // code; asking once more ourselves recovers the actual reason.
        const metadata = `${host}/${app.tenantId}/v2.0/.well-known/openid-configuration`;
        return new Error(`Could not use Entra ID at ${host} for tenant ${app.tenantId}: ${await probe(metadata, env)}` +
            ' (@azure/identity said only endpoints_resolution_error; check azure-tenant-id, AZURE_AUTHORITY_HOST and the network)');
    }
    const aadsts = /Description: (AADSTS(\d+):.*?)(?: - Correlation ID:|$)/s.exec(message);
    if (aadsts) {
        // Entra appends "Trace ID: … Timestamp: …" lines that only a support case needs.
        const description = (0,errors/* oneLine */.TN)(aadsts[1].split(/\r?\n/)[0]);
        const hint = HINTS[aadsts[2]];
        return new Error(`Entra ID refused the GitHub OIDC token for client ${app.clientId} in tenant ${app.tenantId}: ` +
            description +
            (hint ? ` (${hint})` : ''));
    }
    return new Error(`Entra ID at ${host} failed for client ${app.clientId} in tenant ${app.tenantId}: ${(0,errors/* oneLine */.TN)(message)}`);
}
/** Why `url` cannot serve OpenID metadata, as one phrase. */
async function probe(url, env) {
    const way = await (0,proxy_dispatch/* route */.wE)(new URL(url), [], env);
    try {
        const res = await fetch(url, {
            redirect: 'manual',
            signal: AbortSignal.timeout(10_000),
            ...(0,proxy_dispatch/* dispatchOptions */.th)(way)
        });
        const body = await res.text();
        if (!res.ok) {
            const aadsts = /"error_description"\s*:\s*"(AADSTS[^"\\]*)/.exec(body);
            return `GET ${url} answered HTTP ${res.status}${aadsts ? `: ${(0,errors/* oneLine */.TN)(aadsts[1])}` : ''}`;
        }
        return `GET ${url} answered, but not with the OpenID metadata MSAL needs (issuer, authorization_endpoint, token_endpoint, jwks_uri on the authority's host)`;
    }
    catch (e) {
        // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
        const cause = (0,errors/* causeOf */.rl)(e) ?? e;
        const code = cause?.code;
        const detail = (0,errors/* messageOf */.bD)(cause);
        const why = typeof code === 'string' && !detail.includes(code) ? `${detail} (${code})` : detail;
        const trust = typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
            ? ' (Node does not trust its TLS certificate: add the CA with NODE_EXTRA_CA_CERTS)'
            : '';
        return `GET ${url} failed: ${(0,errors/* oneLine */.TN)(why)}${trust}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)}`;
    }
}

// EXTERNAL MODULE: ./src/shared/scrub.ts
var scrub = __webpack_require__(9826);
;// CONCATENATED MODULE: ./src/credentials/acr.ts







/** The audience Entra ID expects on a federated (GitHub OIDC) client assertion. */
const ENTRA_AUDIENCE = 'api://AzureADTokenExchange';
/** The username ACR takes with a refresh token as password (what `az acr login` uses). */
const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';
/**
 * Logs in to ACR without a stored secret: GitHub OIDC token → Entra ID access
 * token (the OIDC token as client assertion) → ACR refresh token. Every token
 * is masked the moment it exists, and no error message contains one.
 */
async function acrOidcCredentials(registry, azure, options) {
    const kept = (0,scrub/* keptSecrets */.w)(options.mask);
    const secret = kept.keep;
    try {
        // A bad AZURE_AUTHORITY_HOST fails before GitHub is asked for anything.
        const env = options.env ?? process.env;
        const authority = authorityHost(env);
        const pacing = options.pacing ?? { policy: shared_retry/* DEFAULT_RETRY_POLICY */.cO };
        const idToken = secret(await options.getIdToken(ENTRA_AUDIENCE));
        const accessToken = secret(await entraAccessToken(azure, idToken, authority, env, pacing));
        const refreshToken = secret(await exchange(registry, azure, accessToken, env, pacing));
        const expiresAt = jwtExpiry(refreshToken);
        return { username: ACR_TOKEN_USERNAME, password: refreshToken, ...(expiresAt && { expiresAt }) };
    }
    catch (e) {
        // No cause: the errors underneath may carry a token in their details or requests.
        // eslint-disable-next-line preserve-caught-error
        throw new Error((0,errors/* oneLine */.TN)(kept.scrub((0,errors/* messageOf */.bD)(e))));
    }
}
/** A service principal's id and secret, which ACR accepts as Basic credentials. */
function acrSecretCredentials(azure, options) {
    options.mask(azure.clientSecret);
    return { username: azure.clientId, password: azure.clientSecret };
}
/** `POST /oauth2/exchange`: an Entra access token for an ACR refresh token. */
async function exchange(registry, azure, accessToken, env, pacing) {
    const url = new URL('/oauth2/exchange', registry.baseUrl).href;
    const way = await (0,proxy_dispatch/* route */.wE)(new URL(url), [], env);
    const form = new URLSearchParams({
        grant_type: 'access_token',
        service: registry.host,
        tenant: azure.tenantId,
        access_token: accessToken
    });
    const { res, body } = await (0,shared_retry/* retrying */.R$)(pacing, async (retry) => {
        const tries = (0,shared_retry/* attemptsText */.MV)(retry + 1);
        let res;
        try {
            res = await (0,token_fetch/* tokenFetch */.o)(url, way, { method: 'POST', body: form });
        }
        catch (e) {
            const refused = (0,proxy_dispatch/* proxyRefusal */.vd)(e, way.proxy);
            if (refused)
                throw new Error(`Could not reach ${registry.host} for the ACR token exchange: ${refused}`, {
                    cause: e
                });
            // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
            const cause = (0,errors/* causeOf */.rl)(e) ?? e;
            const error = new Error(`Could not reach ${registry.host} at ${url} for the ACR token exchange after ${tries}: ${(0,errors/* messageOf */.bD)(cause)}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)} (check the registry name and the network)`, { cause: e });
            return {
                again: `${registry.host}: the ACR token exchange failed: ${(0,errors/* messageOf */.bD)(cause)}`,
                error
            };
        }
        const text = await res.text();
        if ((0,shared_retry/* isRetryableStatus */.PS)(res.status))
            return {
                again: `${registry.host}: the ACR token exchange answered HTTP ${res.status}`,
                retryAfter: res.headers.get('retry-after'),
                error: new Error(`${registry.host}: the ACR token exchange kept failing (HTTP ${res.status}: ${acrError(text)}) after ${tries}: try again later`)
            };
        return { value: { res, body: text } };
    });
    if (res.status >= 300 && res.status < 400) {
        const to = res.headers.get('location') ?? '(no location)';
        throw new Error(`${registry.host} answered the ACR token exchange with a redirect (HTTP ${res.status} to ${safeOrigin(to, url)}); tagship sends the Entra token only to ${url}: check that ${registry.host} is the registry's login server`);
    }
    if (!res.ok) {
        throw new Error(`${registry.host} refused the ACR token exchange (HTTP ${res.status}: ${acrError(body)}): check that azure-tenant-id ${azure.tenantId} is the registry's tenant and that client ${azure.clientId} has the AcrPush role on it`);
    }
    const refreshToken = (0,shared_json/* parseJsonObject */.d)(body)?.refresh_token;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
        throw new Error(`${registry.host} answered the ACR token exchange without a refresh_token (HTTP ${res.status}): is ${registry.baseUrl} an Azure Container Registry?`);
    }
    return refreshToken;
}
/** ACR's error body as one phrase: Distribution's `{errors:[{code,message}]}` or OAuth's `{error,error_description}`. */
function acrError(body) {
    const json = (0,shared_json/* parseJsonObject */.d)(body);
    if (Array.isArray(json?.errors)) {
        return json.errors
            .map((e) => [e.code, e.message].filter((s) => typeof s === 'string' && s).join(': '))
            .join('; ');
    }
    if (typeof json?.error === 'string') {
        return [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ');
    }
    const text = (0,errors/* oneLine */.TN)(body);
    return text === '' ? 'no error body' : text.slice(0, 200);
}
/** Only the origin of a redirect target: its query may hold a signature. */
function safeOrigin(location, base) {
    try {
        return new URL(location, base).origin;
    }
    catch {
        return 'an invalid URL';
    }
}
/** When a JWT refresh token expires, from its `exp` claim (read, not verified: ACR checks it). */
function jwtExpiry(token) {
    const exp = (0,shared_json/* jwtPayload */.c)(token)?.exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
}


/***/ }),

/***/ 5842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ httpsAgentFor),
/* harmony export */   Hd: () => (/* binding */ proxyAgents)
/* harmony export */ });
/* unused harmony exports ProxyHttpsAgent, ProxyHttpAgent */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7757);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2297);






/** How long a proxy may take to answer a CONNECT. */
const TUNNEL_TIMEOUT_MS = 30_000;
/** What the SDKs' own agents are (keep-alive, up to 50 sockets a host). */
const POOL = { keepAlive: true, maxSockets: 50 };
/**
 * An https.Agent for the SDKs that take Node's agents (the AWS SDK's
 * NodeHttpHandler, @azure/identity's pipeline): each connection goes through
 * the proxy the rules name for its host, as a CONNECT tunnel with TLS to the
 * host inside it (certificates verified as always), or directly when there is
 * none for that host.
 */
class ProxyHttpsAgent extends node_https__WEBPACK_IMPORTED_MODULE_1__.Agent {
    rules;
    constructor(rules, options = POOL) {
        super(options);
        this.rules = rules;
    }
    createConnection(options, callback) {
        const { host, port } = endpoint(options, 443);
        const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyFor */ .iJ)(this.rules, target('https:', host, port));
        if (!proxy)
            return super.createConnection(options, callback);
        tunnel(proxy, host, port).then((socket) => callback?.(null, (0,node_tls__WEBPACK_IMPORTED_MODULE_3__.connect)({ ...options, socket })), (e) => callback?.(e, undefined));
        return undefined;
    }
}
/** The http twin of ProxyHttpsAgent: plain HTTP inside the CONNECT tunnel. */
class ProxyHttpAgent extends node_http__WEBPACK_IMPORTED_MODULE_0__.Agent {
    rules;
    constructor(rules, options = POOL) {
        super(options);
        this.rules = rules;
    }
    createConnection(options, callback) {
        const { host, port } = endpoint(options, 80);
        const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyFor */ .iJ)(this.rules, target('http:', host, port));
        if (!proxy)
            return super.createConnection(options, callback);
        tunnel(proxy, host, port).then((socket) => callback?.(null, socket), (e) => callback?.(e, undefined));
        return undefined;
    }
}
/**
 * The agents for the proxy variables of `env`, or none when they name no
 * proxy (the SDKs then keep their own). New ones each call: an SDK client's
 * destroy() ends the sockets of its agents, so clients that run side by side
 * must not share them.
 */
function proxyAgents(env) {
    const rules = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyRules */ .EK)(env);
    if (!(0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .anyProxy */ .jq)(rules))
        return undefined;
    return { httpAgent: new ProxyHttpAgent(rules), httpsAgent: new ProxyHttpsAgent(rules) };
}
/** An https agent that follows the rules of `env`, with or without a proxy in them. */
function httpsAgentFor(env) {
    return new ProxyHttpsAgent((0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyRules */ .EK)(env));
}
function endpoint(options, defaultPort) {
    const host = (options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
    return { host, port: Number(options.port ?? defaultPort) };
}
function target(protocol, host, port) {
    return new URL(`${protocol}//${(0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIP)(host) === 6 ? `[${host}]` : host}:${port}`);
}
/** Ask the proxy to CONNECT to `host:port`; the socket it answers on is the tunnel. */
function tunnel(proxy, host, port) {
    const at = new URL(proxy.origin);
    const authority = `${(0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIP)(host) === 6 ? `[${host}]` : host}:${port}`;
    const send = at.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    return new Promise((resolve, reject) => {
        const req = send({
            host: at.hostname.replace(/^\[|\]$/g, ''),
            port: at.port || (at.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: authority,
            headers: {
                host: authority,
                ...(proxy.authorization && { 'proxy-authorization': proxy.authorization })
            },
            agent: false,
            timeout: TUNNEL_TIMEOUT_MS
        });
        req.once('connect', (answer, socket, head) => {
            if (answer.statusCode === 200) {
                // The tunnel is the caller's connection now: the CONNECT's own timeout ends here.
                socket.setTimeout(0);
                if (head.length > 0)
                    socket.unshift(head);
                resolve(socket);
                return;
            }
            socket.destroy();
            reject(new Error(`${(0,_distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_4__/* .refusalText */ .Kw)(proxy, answer.statusCode ?? 0)} (CONNECT ${authority})`));
        });
        req.once('timeout', () => req.destroy(Object.assign(new Error(`CONNECT ${authority} got no answer within ${TUNNEL_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
        req.once('error', (e) => {
            // The code stays, so a caller tells a network failure (ECONNREFUSED) by it.
            reject(Object.assign(new Error(`${e.message}${(0,_distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_4__/* .viaProxy */ .bP)(proxy)}`), { code: e.code }));
        });
        req.end();
    });
}


/***/ }),

/***/ 8451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ jwtPayload),
/* harmony export */   d: () => (/* binding */ parseJsonObject)
/* harmony export */ });
/**
 * The JSON object `text` holds, or undefined (not JSON, or not an object):
 * for answers of token services, whose fields callers check one by one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** A JWT's claims, read (never verified: the service that issued it checks it), or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function jwtPayload(token) {
    const payload = token.split('.')[1];
    if (payload === undefined || payload === '')
        return undefined;
    return parseJsonObject(Buffer.from(payload, 'base64url').toString('utf8'));
}


/***/ }),

/***/ 9826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ scrubSecrets),
/* harmony export */   w: () => (/* binding */ keptSecrets)
/* harmony export */ });
/**
 * Values this short are left alone: they are no real secret, and replacing
 * every `a` or `1` in a message would make it unreadable.
 */
const MIN_SECRET_LENGTH = 4;
/**
 * A JSON Web Token (an OIDC web identity token, say) can reach a message
 * without the caller ever holding it as a string, so any JWT is removed too.
 */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g;
/** `message` with every secret (and anything shaped like a JWT) replaced by `***`. */
function scrubSecrets(message, secrets) {
    // Longest first, so a secret that contains another one is removed whole.
    const known = secrets
        .filter((s) => s !== undefined && s.length >= MIN_SECRET_LENGTH)
        .sort((a, b) => b.length - a.length);
    let scrubbed = message;
    for (const secret of known)
        scrubbed = scrubbed.split(secret).join('***');
    return scrubbed.replace(JWT, '***');
}
/**
 * The secrets one credential exchange holds: each is masked the moment it
 * exists (`keep`), and `scrub` removes every one kept so far from a message.
 */
function keptSecrets(mask) {
    const kept = [];
    return {
        keep(value) {
            mask(value);
            kept.push(value);
            return value;
        },
        scrub: (message) => scrubSecrets(message, kept)
    };
}


/***/ })

};
