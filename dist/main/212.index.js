export const id = 212;
export const ids = [212];
export const modules = {

/***/ 1305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  Ko: () => (/* binding */ retriesOf)
});

// UNUSED EXPORTS: isReplayable, nextTurn

// EXTERNAL MODULE: ./src/distribution/credentials.ts
var credentials = __webpack_require__(5864);
// EXTERNAL MODULE: ./src/shared/retry.ts
var shared_retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/distribution/discard.ts
var discard = __webpack_require__(8440);
;// CONCATENATED MODULE: ./src/distribution/auth.ts






/** How long the token service may take to answer before the request counts as failed (and is retried). */
const TOKEN_TIMEOUT_MS = 30_000;
/**
 * The token service answered 408, 429 or a 5xx. Like a network error there, it
 * fails the registry request's attempt, which the registry client retries
 * with its policy (bounded by `retries`), after the Retry-After given here.
 */
class TokenServiceBusyError extends errors/* RegistryUnreachableError */.ST {
    retryAfter;
    constructor(registry, detail, retryAfter) {
        super(registry, detail);
        this.retryAfter = retryAfter;
    }
}
/** Basic `Authorization` value for credentials. */
function basicAuthorization(c) {
    return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}
/**
 * Answer a Bearer challenge: ask the realm for a token for the service and
 * scopes, with Basic credentials when there are any (anonymous otherwise),
 * or with an identity token in the OAuth2 POST form. The token is masked
 * before it is returned.
 *
 * One request, no retry of its own: it is part of a registry request's
 * attempt, and the registry client retries that after what is worth another
 * try here (a network error, a timeout, 408, 429, 5xx: RegistryUnreachableError).
 * Refused credentials and any other answer fail at once.
 */
async function fetchBearerToken(req) {
    const realm = req.challenge.params.realm;
    if (!realm)
        throw new errors/* CredentialsRejectedError */.HK(req.registry, 'its Bearer challenge names no realm');
    const url = new URL(realm);
    const refreshToken = req.credentials && (0,credentials/* isIdentityToken */.M)(req.credentials) ? req.credentials.password : undefined;
    if (refreshToken === undefined) {
        if (req.challenge.params.service)
            url.searchParams.set('service', req.challenge.params.service);
        for (const scope of req.scopes)
            url.searchParams.append('scope', scope);
        if (req.credentials)
            url.searchParams.set('account', req.credentials.username);
    }
    const insecure = req.insecureRegistries ?? [];
    // The credentials go to the realm: only over TLS, or plain HTTP where the
    // registry itself may speak it.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (0,endpoint/* plainHttpAllowed */.TH)(url, insecure)))
        throw new endpoint/* UnsafeEndpointError */.Qh(req.registry, `its token service ${url.origin} is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries`);
    const way = await (0,proxy_dispatch/* route */.wE)(url, insecure);
    let response;
    try {
        response = await fetch(url, {
            ...(refreshToken !== undefined
                ? refreshTokenForm(req, refreshToken)
                : {
                    headers: req.credentials ? { authorization: basicAuthorization(req.credentials) } : {}
                }),
            redirect: 'error',
            signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
            ...(0,proxy_dispatch/* dispatchOptions */.th)(way)
        });
    }
    catch (e) {
        const tls = (0,endpoint/* tlsFailure */.kL)(e);
        if (tls?.kind === 'certificate')
            throw new endpoint/* UnsafeEndpointError */.Qh(req.registry, (0,endpoint/* untrustedText */.Ui)(req.registry, url, tls));
        const refused = (0,proxy_dispatch/* proxyRefusal */.vd)(e, way.proxy);
        if (refused)
            throw new proxy_dispatch/* ProxyRefusedError */.Ne(req.registry, `its token service ${url.origin}: ${refused}`);
        throw new errors/* RegistryUnreachableError */.ST(req.registry, `its token service ${url.origin} failed: ${(0,errors/* networkErrorText */.Mi)(e)}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)}`);
    }
    // An OAuth2 server answers 400 (invalid_grant) to a refresh token it does not know.
    if (response.status === 401 ||
        response.status === 403 ||
        (refreshToken !== undefined && response.status === 400)) {
        await (0,discard/* discard */.v)(response);
        throw new errors/* CredentialsRejectedError */.HK(req.registry, `its token service answered ${response.status}`);
    }
    if ((0,shared_retry/* isRetryableStatus */.PS)(response.status)) {
        await (0,discard/* discard */.v)(response);
        throw new TokenServiceBusyError(req.registry, `its token service ${url.origin} answered HTTP ${response.status}`, response.headers.get('retry-after'));
    }
    if (!response.ok) {
        // A 404, a 405, a 400 for a request it does not take: asking again would not change it.
        await (0,discard/* discard */.v)(response);
        throw new Error(`${req.registry}: its token service ${url.origin} refused the token request (HTTP ${response.status})`);
    }
    const body = (await response.json().catch(() => ({})));
    const token = body.token ?? body.access_token;
    if (!token)
        throw new errors/* RegistryUnreachableError */.ST(req.registry, `its token service ${url.origin} gave no token`);
    req.mask(token);
    return token;
}
/**
 * The OAuth2 request that trades an identity token (a refresh token) for an
 * access token: a form POSTed to the realm (grant_type=refresh_token), as
 * Docker sends it; the token service has no GET form for it.
 */
function refreshTokenForm(req, refreshToken) {
    const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'tagship'
    });
    if (req.challenge.params.service)
        form.set('service', req.challenge.params.service);
    if (req.scopes.length > 0)
        form.set('scope', req.scopes.join(' '));
    return {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString()
    };
}

;// CONCATENATED MODULE: ./src/distribution/authorizer.ts



/**
 * The `Authorization` one registry's requests carry, per scope set: Basic
 * credentials, or Bearer tokens fetched through the challenge's realm and
 * cached per scope set (tokens last minutes, so a refused one is renewed).
 */
class Authorizer {
    registry;
    credentials;
    mask;
    insecureRegistries;
    tokens = new Map();
    /** Token fetches under way, per scope set: concurrent requests share one. */
    pending = new Map();
    challenge;
    constructor(registry, credentials, mask, insecureRegistries = []) {
        this.registry = registry;
        this.credentials = credentials;
        this.mask = mask;
        this.insecureRegistries = insecureRegistries;
    }
    /**
     * What to send first: the token for these scopes, or, once the registry
     * has asked for Bearer tokens, a new token fetched up front, which saves a
     * 401 round trip for every new scope set; Basic credentials once asked for.
     * `fresh` says the token was fetched for this very request.
     */
    async authorizationFor(scopes) {
        const key = scopes.join(' ');
        const cached = this.tokens.get(key);
        if (cached !== undefined)
            return { authorization: cached, fresh: false };
        if (this.challenge?.scheme === 'bearer')
            return {
                authorization: await this.fetchAuthorization(this.challenge, key, scopes),
                fresh: true
            };
        return { authorization: this.basicIfKnown(), fresh: false };
    }
    /** The authorization these scopes were last sent with, if any (the preview reads a token's grant). */
    held(scopes) {
        return this.tokens.get(scopes.join(' '));
    }
    /**
     * The registry answered `sent` with a 401 and this challenge: remember the
     * challenge, and give the authorization to send instead.
     */
    async renew(challenge, scopes, sent) {
        const key = scopes.join(' ');
        this.challenge = challenge;
        // Another request may have renewed the token meanwhile: use that one.
        const renewed = this.tokens.get(key);
        if (renewed !== undefined && renewed !== sent)
            return renewed;
        this.tokens.delete(key);
        return await this.fetchAuthorization(challenge, key, scopes);
    }
    fetchAuthorization(challenge, key, scopes) {
        let pending = this.pending.get(key);
        if (!pending) {
            pending = this.authorize(challenge, scopes)
                .then((authorization) => {
                this.tokens.set(key, authorization);
                return authorization;
            })
                .finally(() => this.pending.delete(key));
            this.pending.set(key, pending);
        }
        return pending;
    }
    basicIfKnown() {
        return this.challenge?.scheme === 'basic' && this.credentials
            ? basicAuthorization(this.credentials)
            : undefined;
    }
    async authorize(challenge, scopes) {
        if (challenge.scheme === 'basic') {
            if (!this.credentials)
                throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it needs credentials and none were given');
            // An identity token is traded at a token service only, never sent as a password.
            if ((0,credentials/* isIdentityToken */.M)(this.credentials))
                throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it asks for a username and password (Basic), and an identity token is none');
            return basicAuthorization(this.credentials);
        }
        const token = await fetchBearerToken({
            registry: this.registry,
            challenge,
            scopes,
            ...(this.credentials ? { credentials: this.credentials } : {}),
            mask: this.mask,
            insecureRegistries: this.insecureRegistries
        });
        return `Bearer ${token}`;
    }
}

;// CONCATENATED MODULE: ./src/distribution/challenge.ts
/**
 * Parse `WWW-Authenticate` (RFC 7235): `Bearer realm="…",service="…",scope="…"`
 * or `Basic realm="…"`. Quoted values may hold commas and escaped quotes.
 * Returns undefined for a scheme tagship does not speak.
 */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const scheme = m[1].toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy;
    const rest = m[2];
    param.lastIndex = 0;
    let p;
    while (param.lastIndex < rest.length && (p = param.exec(rest)) !== null) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme, params };
}

// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
;// CONCATENATED MODULE: ./src/distribution/transport.ts





const MAX_REDIRECTS = 5;
/** Bodies the transport can send again; a stream can be read once. Duck-typed: under Jest, buffers come from another realm. */
function isReplayable(body) {
    if (body === undefined || body === null || typeof body === 'string')
        return true;
    if (ArrayBuffer.isView(body))
        return true;
    const tag = Object.prototype.toString.call(body);
    return tag === '[object ArrayBuffer]' || tag === '[object URLSearchParams]';
}
/** `PUT /v2/team/app/blobs/uploads/…`: the path only, as upload queries carry session state. */
function describeRequest(init, url) {
    return `${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`;
}
/** The host answered TLS with plain HTTP, and may speak it: send again over http. */
class PlainAnswer extends Error {
}
/**
 * Sends one request to a registry, following its redirects, with a timeout.
 * It starts over TLS and stays there unless the registry answers plain HTTP
 * and may (see `plainHttpAllowed`); certificates are verified except on the
 * hosts listed in `insecure-registries`.
 */
class Transport {
    registry;
    timeoutMs;
    insecureRegistries;
    /** The registry's host answered TLS with plain HTTP: its own URLs go over http from then on. */
    plain = false;
    /** Whether the first request was sent (it may take a plain HTTP shadow: see plainShadow). */
    probed = false;
    secure;
    constructor(registry, timeoutMs, insecureRegistries = []) {
        this.registry = registry;
        this.timeoutMs = timeoutMs;
        this.insecureRegistries = insecureRegistries;
        this.secure = new URL((0,endpoint/* secureBaseUrl */.c0)(registry));
    }
    /** `https://host:port`, or `http://…` once the registry answered plain HTTP. */
    get baseUrl() {
        return this.plain ? `http://${this.secure.host}` : this.secure.origin;
    }
    /** The only origin that ever sees the authorization. */
    get origin() {
        return new URL(this.baseUrl).origin;
    }
    /**
     * Send, and follow up to 5 redirects. Authorization goes only to the
     * registry's origin (scheme, host and port): object stores behind a
     * redirect (S3, Azure Blob, a CDN) refuse a second auth mechanism, and it
     * would leak the token. Upload `Location`s on another host are followed the
     * same way, without it. 307/308 keep method and body; 303 (and 301/302
     * after a POST) turn into a GET without body.
     */
    async follow(url, init, authorization) {
        let current = this.route(url, init);
        let request = init;
        for (let hop = 0;; hop++) {
            const auth = current.origin === this.origin ? authorization : undefined;
            const sent = await this.exchange(current, request, auth);
            const response = sent.response;
            current = sent.url;
            const location = response.headers.get('location');
            if (!isRedirect(response.status) || !location || init.redirect === 'manual')
                return { response, url: current };
            await (0,discard/* discard */.v)(response);
            if (hop >= MAX_REDIRECTS)
                throw new errors/* RegistryUnreachableError */.ST(this.registry, `more than ${MAX_REDIRECTS} redirects from ${describeRequest(init, url)}`);
            const method = (request.method ?? 'GET').toUpperCase();
            if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
                const headers = new Headers(request.headers);
                headers.delete('content-type');
                headers.delete('content-length');
                request = { ...request, method: method === 'HEAD' ? 'HEAD' : 'GET', body: null, headers };
            }
            else if (!isReplayable(request.body)) {
                throw new errors/* RegistryUnreachableError */.ST(this.registry, streamRedirectedText(init, url));
            }
            const next = parseUrl(location, current);
            if (!next)
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, `${describeRequest(init, current)} was redirected to a Location that is not a URL`);
            current = this.route(next, init, current);
        }
    }
    /**
     * Where a URL really goes: only http and https are spoken (a `file:`,
     * `data:` or `ftp:` Location from a registry is refused, never opened), plain
     * HTTP only where allowed, and the registry's own https URLs (made from
     * `baseUrl` before it answered) over http once it answered plain HTTP.
     * `redirectOf` is the request that was redirected here, if any.
     */
    route(url, init, redirectOf) {
        const refuse = (where, why) => {
            const method = (init.method ?? 'GET').toUpperCase();
            throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, redirectOf
                ? `refused to follow the redirect of ${describeRequest(init, redirectOf)} to ${where}; ${why}`
                : `refused to send ${method} to ${where}, a URL the registry gave; ${why}`);
        };
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            refuse(`a ${url.protocol} URL`, 'tagship only follows http and https URLs');
        if (url.protocol === 'https:' && this.plain && url.origin === this.secure.origin)
            return new URL(`http://${url.host}${url.pathname}${url.search}`);
        if (url.protocol === 'http:' && !(0,endpoint/* plainHttpAllowed */.TH)(url, this.insecureRegistries))
            refuse(`plain HTTP on ${url.host}`, 'tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries');
        return url;
    }
    /** One exchange, again over plain HTTP when the registry's host answers TLS with it and may. */
    async exchange(url, init, authorization) {
        const shadow = this.plainShadow(url, init, authorization);
        // It may fail before anyone awaits it: that is not an unhandled rejection.
        shadow?.catch(() => undefined);
        try {
            const response = await this.send(url, init, authorization);
            // TLS answered: the plain answer is not wanted.
            void shadow?.then(discard/* discard */.v, () => undefined);
            return { response, url };
        }
        catch (e) {
            if (!(e instanceof PlainAnswer)) {
                void shadow?.then(discard/* discard */.v, () => undefined);
                throw e;
            }
            this.plain = true;
            const plain = this.route(url, init);
            // The same request over plain HTTP was already sent: its answer (or failure) is the one.
            if (shadow)
                return { response: await shadow, url: plain };
            // The TLS handshake failed before any request was read, so nothing happened there;
            // a streamed body may be partly consumed, though: its caller starts it over.
            if (!isReplayable(init.body))
                throw new errors/* RegistryUnreachableError */.ST(this.registry, `${describeRequest(init, url)} met a plain HTTP registry; sending it again over http`);
            return { response: await this.send(plain, init, authorization), url: plain };
        }
    }
    /**
     * The registry's first request, when its host may speak plain HTTP (loopback,
     * or listed in insecure-registries) and the request carries neither
     * credentials nor a body (the login check's `GET /v2/`): the same request
     * over plain HTTP, sent beside the TLS one (not through a proxy). TLS still
     * wins whenever it answers; when the host answers TLS with plain HTTP, its
     * plain answer is already here, instead of a new connection and a round
     * trip later.
     */
    plainShadow(url, init, authorization) {
        if (this.probed)
            return undefined;
        this.probed = true;
        const method = (init.method ?? 'GET').toUpperCase();
        if (this.plain || authorization !== undefined || init.body != null)
            return undefined;
        if (method !== 'GET' || url.origin !== this.secure.origin)
            return undefined;
        const plain = new URL(`http://${url.host}${url.pathname}${url.search}`);
        if (!(0,endpoint/* plainHttpAllowed */.TH)(plain, this.insecureRegistries))
            return undefined;
        // Through a proxy, the order of tunnels and requests stays TLS first, then plain.
        if ((0,proxy/* proxyFor */.iJ)((0,proxy_dispatch/* currentProxyRules */.dm)(), plain))
            return undefined;
        return this.send(plain, init, undefined);
    }
    /**
     * One HTTP exchange with a timeout to the response headers; a streamed body
     * instead re-arms the timer at every chunk, so a slow but moving upload of
     * a large layer is never cut, and a stalled one is. It goes through the
     * proxy the environment names for `url`, if any (see proxy-dispatch.ts).
     */
    async send(url, init, authorization) {
        const way = await (0,proxy_dispatch/* route */.wE)(url, this.insecureRegistries);
        const headers = new Headers(init.headers);
        if (authorization)
            headers.set('authorization', authorization);
        else
            headers.delete('authorization');
        const controller = new AbortController();
        let timedOut = false;
        let timer;
        let answered = false;
        const arm = () => {
            clearTimeout(timer);
            if (answered)
                return;
            timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, this.timeoutMs);
        };
        const stopOnCallerAbort = () => controller.abort();
        init.signal?.addEventListener('abort', stopOnCallerAbort, { once: true });
        const streamed = isStream(init.body);
        const unclonable = streamed && init.redirect !== 'manual';
        const body = isStream(init.body) ? rearmOnChunk(init.body, arm) : init.body;
        arm();
        try {
            return await fetch(url, {
                ...init,
                body,
                headers,
                // fetch clones a request unless its redirect mode is 'error' and it has
                // no window, and the clone tees the body: for a stream, the branch no
                // one reads then keeps every chunk sent, a whole layer per upload. A
                // stream cannot follow a redirect anyway, so it goes out unclonable.
                redirect: unclonable ? 'error' : 'manual',
                signal: controller.signal,
                ...(streamed ? { duplex: 'half' } : {}),
                ...(unclonable ? { window: null } : {}),
                ...(0,proxy_dispatch/* dispatchOptions */.th)(way)
            });
        }
        catch (e) {
            const tls = timedOut ? undefined : (0,endpoint/* tlsFailure */.kL)(e);
            if (tls?.kind === 'certificate')
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, (0,endpoint/* untrustedText */.Ui)(this.registry, url, tls));
            if (tls?.kind === 'plain') {
                if (url.origin === this.secure.origin && (0,endpoint/* plainHttpAllowed */.TH)(url, this.insecureRegistries))
                    throw new PlainAnswer();
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, (0,endpoint/* plainRefusedText */.uD)(url));
            }
            if (unclonable && !timedOut && redirectRefused(e))
                throw new errors/* RegistryUnreachableError */.ST(this.registry, streamRedirectedText(init, url));
            const refused = timedOut ? undefined : (0,proxy_dispatch/* proxyRefusal */.vd)(e, way.proxy);
            if (refused)
                throw new proxy_dispatch/* ProxyRefusedError */.Ne(this.registry, refused);
            const why = timedOut
                ? `${describeRequest(init, url)} got no answer within ${this.timeoutMs / 1000} s`
                : (0,errors/* networkErrorText */.Mi)(e);
            throw new errors/* RegistryUnreachableError */.ST(this.registry, why + (0,proxy_dispatch/* viaProxy */.bP)(way.proxy));
        }
        finally {
            answered = true;
            clearTimeout(timer);
            init.signal?.removeEventListener('abort', stopOnCallerAbort);
        }
    }
}
/** `URL.parse` is Node 20.18+; engines allow any Node 20. */
function parseUrl(location, base) {
    try {
        return new URL(location, base);
    }
    catch {
        return undefined;
    }
}
function isStream(body) {
    return typeof body?.getReader === 'function';
}
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
function rearmOnChunk(source, arm) {
    const reader = source.getReader();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await reader.read();
            arm();
            if (done)
                controller.close();
            else
                controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason)
    });
}
function streamRedirectedText(init, url) {
    return `${describeRequest(init, url)} was redirected, and a streamed body cannot be sent twice`;
}
/** What fetch throws for a 3xx answer to a request sent with redirect 'error'. */
function redirectRefused(e) {
    return e?.cause?.message === 'unexpected redirect';
}

;// CONCATENATED MODULE: ./src/distribution/token-claims.ts
/**
 * The grant on `path` of the `Authorization` value a request was sent with.
 * The token is decoded, never verified (the registry verifies it), and never
 * returned or printed.
 */
function grantOf(authorization, path) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (bearer === undefined)
        return { kind: 'no token' };
    const access = accessClaim(bearer);
    if (access === undefined)
        return { kind: 'opaque' };
    const actions = new Set();
    for (const entry of access) {
        if (entry.type !== 'repository' || entry.name !== path)
            continue;
        for (const action of entry.actions)
            actions.add(action);
    }
    return { kind: 'actions', actions: [...actions] };
}
/** The `access` claim of a JWT, or undefined when the token is not a JWT that has one. */
function accessClaim(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    const access = payload?.access;
    if (!Array.isArray(access))
        return undefined;
    return access.flatMap((entry) => {
        const e = entry;
        if (typeof e?.type !== 'string' || typeof e.name !== 'string' || !Array.isArray(e.actions))
            return [];
        const actions = e.actions.filter((a) => typeof a === 'string');
        return [{ type: e.type, name: e.name, actions }];
    });
}

;// CONCATENATED MODULE: ./src/distribution/client.ts









const retriesMade = new WeakMap();
/** How many times the transport retried before it returned this response. */
function retriesOf(response) {
    return retriesMade.get(response) ?? 0;
}
/**
 * Talks to one registry's API, answering its `WWW-Authenticate` challenge
 * itself (Basic, or Bearer through the realm), and authenticating again once
 * when a 401 comes mid-run (tokens last minutes). Retries transient failures
 * with the policy of retry.ts, follows redirects itself, and sends
 * credentials only to the registry's own origin.
 */
class RegistryClient {
    registry;
    credentials;
    retries;
    timeoutMs;
    /** Who runs the registry, when the client was told (see ClientOptions). */
    provider;
    authorizer;
    transport;
    policy;
    sleep;
    random;
    now;
    onRetry;
    constructor(registry, credentials, mask, options = {}) {
        this.registry = registry;
        this.credentials = credentials;
        this.retries = Math.max(0, options.retries ?? shared_retry/* DEFAULT_RETRY_POLICY */.cO.retries);
        this.policy = { ...shared_retry/* DEFAULT_RETRY_POLICY */.cO, retries: this.retries };
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.provider = options.provider;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.random = options.random ?? Math.random;
        this.now = options.now ?? Date.now;
        this.onRetry = options.onRetry;
        this.authorizer = new Authorizer(registry, credentials, mask, options.insecureRegistries);
        this.transport = new Transport(registry, this.timeoutMs, options.insecureRegistries);
    }
    /**
     * `https://host:port`; `http://…` once a loopback (or listed) registry
     * answered TLS with plain HTTP, which its first request finds out.
     */
    get baseUrl() {
        return this.transport.baseUrl;
    }
    /** `https://ghcr.io`: the only origin that ever sees the credentials. */
    get origin() {
        return this.transport.origin;
    }
    /**
     * Send a request with the authorization the scopes need. `target` is a
     * `/v2/…` path or an absolute URL (an upload `Location`). Transient failures
     * of requests with a replayable body are retried here; the last answer is
     * returned whatever its status (see `retriesOf`). `init.redirect: 'manual'`
     * returns a redirect instead of following it.
     */
    async request(target, init = {}, scopes = []) {
        const url = this.resolve(target);
        const replayable = isReplayable(init.body);
        for (let retry = 0;; retry++) {
            let response;
            try {
                response = await this.attempt(url, init, scopes, replayable);
            }
            catch (e) {
                if (!(e instanceof errors/* RegistryUnreachableError */.ST) || !replayable || retry >= this.retries)
                    throw e instanceof errors/* RegistryUnreachableError */.ST && retry > 0
                        ? new errors/* RegistryUnreachableError */.ST(this.registry, e.detail, retry, { cause: e })
                        : e;
                await this.waitToRetry(retry, `${describeRequest(init, url)} failed: ${e.detail}`, e instanceof TokenServiceBusyError ? e.retryAfter : undefined);
                continue;
            }
            if (replayable && retry < this.retries && (0,shared_retry/* isRetryableStatus */.PS)(response.status)) {
                await (0,discard/* discard */.v)(response);
                await this.waitToRetry(retry, `${describeRequest(init, url)} answered HTTP ${response.status}`, response.headers.get('retry-after'));
                continue;
            }
            retriesMade.set(response, retry);
            return response;
        }
    }
    /**
     * Wait before retry number `retry` (from 0), honouring a `Retry-After`, and
     * say so through `onRetry`. For callers that retry a whole operation (a
     * streamed upload) themselves.
     */
    async waitToRetry(retry, reason, retryAfter) {
        const ms = (0,shared_retry/* retryDelayMs */.qO)(retry, retryAfter, this.policy, this.random, this.now());
        this.onRetry?.(`${this.registry}: ${reason}; retry ${retry + 1} of ${this.retries} in ${(ms / 1000).toFixed(1)} s`);
        await this.sleep(ms);
    }
    /**
     * What the token these scopes were last sent with grants on the repository
     * `path` (see token-claims.ts): a preview reads whether pushing would be
     * allowed from the token its reads obtained for `pull,push`.
     */
    grantOn(scopes, path) {
        return grantOf(this.authorizer.held(scopes), path);
    }
    /** Check that the registry accepts the credentials (`GET /v2/`). */
    async checkLogin() {
        const response = await this.request('/v2/');
        if (response.ok) {
            await (0,discard/* discard */.v)(response);
            return;
        }
        if (response.status === 401) {
            await (0,discard/* discard */.v)(response);
            const why = this.credentials
                ? 'the credentials were refused'
                : 'it needs credentials and none were given';
            throw new errors/* CredentialsRejectedError */.HK(this.registry, why);
        }
        throw new errors/* RegistryUnreachableError */.ST(this.registry, await (0,errors/* registryErrorText */.vC)(response));
    }
    resolve(target) {
        return target.startsWith('/') ? new URL(`${this.baseUrl}${target}`) : new URL(target);
    }
    /** One try: follow redirects, and answer one 401 from the registry by authenticating again. */
    async attempt(url, init, scopes, replayable) {
        const { authorization: sent, fresh } = await this.authorizer.authorizationFor(scopes);
        // A connection whose answer was just read goes back to the pool on a later
        // turn of the event loop: wait for it, or this request opens a new one.
        await nextTurn();
        const first = await this.transport.follow(url, init, sent);
        if (first.response.status !== 401 || first.url.origin !== this.origin)
            return first.response;
        // A token fetched for this very request was refused: the scope is not
        // granted, and fetching another would not change that.
        if (fresh)
            return first.response;
        const challenge = parseChallenge(first.response.headers.get('www-authenticate'));
        await (0,discard/* discard */.v)(first.response);
        if (!challenge)
            throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it asked for authentication in a way tagship does not know');
        const authorization = await this.authorizer.renew(challenge, scopes, sent);
        // A streamed body is gone: the caller sends it again, with the new authorization.
        if (!replayable)
            return first.response;
        await nextTurn();
        return (await this.transport.follow(url, init, authorization)).response;
    }
}
/**
 * Resolves two turns of the event loop later: fetch hands a connection whose
 * answer was just read back to its pool only after pending I/O callbacks, and
 * one turn was seen not to be always enough (__tests__/distribution/keep-alive.test.ts).
 */
function nextTurn() {
    return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}


/***/ }),

/***/ 5864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isIdentityToken)
/* harmony export */ });
/* unused harmony export IDENTITY_TOKEN_USERNAME */
/**
 * Docker's username for an identity token (credential helpers answer it, and
 * `docker login` stores one as `identitytoken`): the password is then an
 * OAuth2 refresh token, traded at the registry's token service for access
 * tokens, never sent as a password.
 */
const IDENTITY_TOKEN_USERNAME = '<token>';
function isIdentityToken(c) {
    return c.username === IDENTITY_TOKEN_USERNAME;
}


/***/ }),

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const ALGORITHMS = new Set(['sha256', 'sha512']);
/** `sha256:<64 hex>` or `sha512:<128 hex>`: a content address tagship can check. */
function isDigest(reference) {
    return /^sha256:[a-f0-9]{64}$/.test(reference) || /^sha512:[a-f0-9]{128}$/.test(reference);
}
/** The algorithm part of a digest, when tagship can compute it. */
function digestAlgorithm(digest) {
    const algorithm = digest.slice(0, digest.indexOf(':'));
    return ALGORITHMS.has(algorithm) ? algorithm : undefined;
}
/** `sha256:…` over exactly these bytes. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}


/***/ }),

/***/ 8440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ discard)
/* harmony export */ });
/** The most of an unwanted body that is read to keep its connection; beyond it, the connection is dropped. */
const DISCARD_LIMIT = 64 * 1024;
/** How long a small unwanted body may take to arrive before its connection is dropped instead. */
const DISCARD_WAIT_MS = 10_000;
/**
 * Let go of a response whose body is not wanted. fetch closes the connection
 * of a body that is cancelled (even an empty one, a HEAD's), so every such
 * request costs a new TCP and TLS set-up: 2 round trips on the next request.
 * A small body (an error document, a 201's `{}`) is read to its end instead,
 * and the connection goes back to the pool; a large one (or one that stalls)
 * is cancelled. Errors while reading are ignored: the answer is already known.
 */
async function discard(response, limit = DISCARD_LIMIT, waitMs = DISCARD_WAIT_MS) {
    const body = response.body;
    if (!body)
        return;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > limit) {
        await body.cancel().catch(() => undefined);
        return;
    }
    const reader = body.getReader();
    const timer = setTimeout(() => void reader.cancel().catch(() => undefined), waitMs);
    try {
        for (let seen = 0;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            seen += value.byteLength;
            if (seen > limit) {
                await reader.cancel();
                break;
            }
        }
        reader.releaseLock();
    }
    catch {
        // The connection broke (or was dropped above): nothing to keep.
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 8925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ isListedInsecure),
/* harmony export */   Qh: () => (/* binding */ UnsafeEndpointError),
/* harmony export */   TH: () => (/* binding */ plainHttpAllowed),
/* harmony export */   Ui: () => (/* binding */ untrustedText),
/* harmony export */   c0: () => (/* binding */ secureBaseUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   kL: () => (/* binding */ tlsFailure),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl),
/* harmony export */   uD: () => (/* binding */ plainRefusedText)
/* harmony export */ });
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2297);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);


/** Hosts that are this machine: plain HTTP is allowed there, as the docker daemon allows it. */
function isLoopbackHost(host) {
    return (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U9)(host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
}
/**
 * Where code that does not probe the registry (ACR's token exchange) reaches
 * it: https, or plain http on loopback. The registry client itself starts
 * with `secureBaseUrl` and falls back (see `plainHttpAllowed`).
 */
function registryBaseUrl(host) {
    if (host === 'docker.io')
        return 'https://registry-1.docker.io';
    return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`;
}
/** The TLS API base of a registry host: Docker Hub's API lives on registry-1.docker.io. */
function secureBaseUrl(host) {
    return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`;
}
/**
 * Whether `url`'s host is listed in `insecure-registries` (lowercase
 * `host[:port]`): its certificate is not verified, and it may speak plain
 * HTTP. `myreg` and `myreg:443` name the same TLS endpoint.
 */
function isListedInsecure(url, insecureRegistries) {
    if (insecureRegistries.length === 0)
        return false;
    const port = url.port || (url.protocol === 'http:' ? '80' : '443');
    const names = [url.host, `${url.hostname}:${port}`].map((n) => n.toLowerCase());
    return insecureRegistries.some((listed) => names.includes(listed.toLowerCase()));
}
/**
 * The scheme rule: every registry is tried over TLS first, loopback ones
 * too, so a TLS registry on this machine is verified like any other. Plain
 * HTTP is used only when a host answers TLS with plain HTTP, and only for a
 * loopback host or one listed in `insecure-registries`.
 */
function plainHttpAllowed(url, insecureRegistries) {
    return isLoopbackHost(url.host) || isListedInsecure(url, insecureRegistries);
}
/**
 * tagship refused to talk to an endpoint: a certificate it cannot trust, plain
 * HTTP where TLS is required, or a URL that is not http(s). Not retried:
 * trying again cannot change it.
 */
class UnsafeEndpointError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry}: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'UnsafeEndpointError';
    }
}
/** OpenSSL's verdicts on a certificate chain that are about trust or validity, not the network. */
const CERTIFICATE_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** What a TLS client reads when the server answers its handshake with `HTTP/1.1 400…`. */
const PLAIN_ANSWER_CODES = new Set([
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_SSL_PACKET_LENGTH_TOO_LONG'
]);
/** A fetch failure that is about TLS, from undici's nested causes. */
function tlsFailure(error) {
    for (const { code = '', message = '' } of (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorChain */ .eB)(error)) {
        if (CERTIFICATE_CODES.has(code))
            return { kind: 'certificate', code, message: message.split('\n', 1)[0] };
        if (PLAIN_ANSWER_CODES.has(code))
            return { kind: 'plain' };
    }
    return undefined;
}
/** `… is not trusted (CODE: message); trust its CA … or list it in insecure-registries`. */
function untrustedText(registry, url, failure) {
    const whose = url.host === new URL(secureBaseUrl(registry)).host ? 'its' : `${url.host}'s`;
    const verdict = /EXPIRED|NOT_YET_VALID|REVOKED|ALTNAME/.test(failure.code)
        ? 'is not valid'
        : 'is not trusted';
    // Node 24 adds its own advice (`…; if the root CA is installed locally, try
    // running Node.js with --use-system-ca`): tagship gives the fix it supports.
    const said = failure.message.split(/; if the root CA is installed locally/)[0];
    return (`${whose} TLS certificate ${verdict} (${failure.code}: ${said}); ` +
        `give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, ` +
        `or list ${url.host} in insecure-registries to skip verification for that host only`);
}
/** `… answered plain HTTP where TLS is required; list it in insecure-registries`. */
function plainRefusedText(url) {
    return (`${url.host} answered plain HTTP where TLS is required; tagship speaks plain HTTP only to ` +
        `loopback hosts and to those listed in insecure-registries: list ${url.host} there to allow it`);
}


/***/ }),

/***/ 4604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ CredentialsRejectedError),
/* harmony export */   Mi: () => (/* binding */ networkErrorText),
/* harmony export */   ST: () => (/* binding */ RegistryUnreachableError),
/* harmony export */   eE: () => (/* binding */ readRegistryError),
/* harmony export */   gd: () => (/* binding */ ContentMismatchError),
/* harmony export */   vC: () => (/* binding */ registryErrorText),
/* harmony export */   vs: () => (/* binding */ RegistryRequestError)
/* harmony export */ });
/* unused harmony exports isImmutableTagRefusal, describeRegistryError */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);

/** The registry refused the credentials (a 401 after answering its challenge). */
class CredentialsRejectedError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry} rejected the credentials: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'CredentialsRejectedError';
    }
}
/** The registry could not be reached (DNS, refused connection, TLS, timeout). */
class RegistryUnreachableError extends Error {
    registry;
    detail;
    retries;
    constructor(registry, detail, 
    /** How many times the transport tried again before giving up. */
    retries = 0, options) {
        // After retries, say so and what to change: the fault outlasted the budget.
        const gaveUp = retries > 0
            ? `; gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}: run the step again, or raise retries or request-timeout`
            : '';
        super(`${registry} could not be reached: ${detail}${gaveUp}`, options);
        this.registry = registry;
        this.detail = detail;
        this.retries = retries;
        this.name = 'RegistryUnreachableError';
    }
}
/** `{"errors":[{"code","message"}]}` from a registry, as one short line. */
async function registryErrorText(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first)
            return [first.code, first.message].filter(Boolean).join(': ');
    }
    catch {
        // not JSON: fall through to the status line
    }
    return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}
/** Why a fetch failed, from undici's nested causes: `ECONNREFUSED 127.0.0.1:5000`. */
function networkErrorText(error) {
    const innermost = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorChain */ .eB)(error).at(-1);
    if (innermost?.message === undefined)
        return String(error);
    const { code, message } = innermost;
    return code ? `${code} ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(message.replace(code, ''))}`.trim() : message;
}
/**
 * A registry refused a request. `message` is one line naming the registry,
 * the repository and reference, the code and a fix; `code` and `status` let
 * a caller tell cases apart (see `immutableTag`).
 */
class RegistryRequestError extends Error {
    context;
    answer;
    registry;
    repository;
    reference;
    status;
    code;
    /** The registry's own message, when it gave one. */
    detail;
    retries;
    constructor(context, answer, options) {
        super(describeRegistryError(context, answer), options);
        this.context = context;
        this.answer = answer;
        this.name = 'RegistryRequestError';
        this.registry = context.registry;
        this.repository = context.repository;
        this.reference = context.reference;
        this.status = answer.status;
        this.code = answer.code;
        this.detail = answer.message;
        this.retries = answer.retries;
    }
    /** An immutable repository (ECR) refused to move an existing tag. */
    get immutableTag() {
        return isImmutableTagRefusal(this.code, this.detail);
    }
}
/**
 * ECR answers a PUT to an existing tag of an immutable repository with 400
 * `TAG_INVALID` "… already exists in the 'app' repository and cannot be
 * overwritten because the repository is immutable."
 */
function isImmutableTagRefusal(code, message) {
    return ((code === 'TAG_INVALID' || code === 'ImageTagAlreadyExistsException') &&
        /immutable/i.test(message ?? ''));
}
/** `127.0.0.1:5000/team/app:1.0.0`, `…/team/app@sha256:…`, or just the repository. */
function describeTarget(context) {
    const ref = context.reference;
    const at = ref === undefined ? '' : ref.includes(':') ? `@${ref}` : `:${ref}`;
    return `${context.registry}/${context.repository}${at}`;
}
/** One actionable line for a refusal: `pushing manifest r/team/app:1 failed: NAME_UNKNOWN (HTTP 404): the repository does not exist; …`. */
function describeRegistryError(context, answer) {
    const what = answer.code ? `${answer.code} (HTTP ${answer.status})` : `HTTP ${answer.status}`;
    return `${context.action} ${describeTarget(context)} failed: ${what}: ${advice(context, answer)}`;
}
function advice(context, answer) {
    const repo = context.repository;
    const retried = `retried ${answer.retries} time${answer.retries === 1 ? '' : 's'}`;
    const said = answer.message ? ` (${answer.message})` : '';
    if (isImmutableTagRefusal(answer.code, answer.message))
        return `the repository is immutable and the tag already points at another image: publish a new tag, or make ${repo} mutable`;
    const ghcr = context.provider === 'ghcr' && context.write ? ghcrWriteAdvice(context, answer) : undefined;
    if (ghcr)
        return ghcr;
    if (answer.code === 'TOOMANYREQUESTS' || answer.status === 429)
        return `rate limited; ${retried}: wait and run again, or use credentials with a higher limit`;
    switch (answer.code) {
        case 'NAME_UNKNOWN':
            return `the repository does not exist: create it first (on Amazon ECR, set ecr-create-repository: true)`;
        case 'NAME_INVALID':
            return `the registry does not accept the repository name ${repo}${said}`;
        case 'DENIED':
            return context.write
                ? `the credentials may not push to ${repo}: grant them write access to it`
                : `the credentials may not pull from ${repo}: grant them read access to it`;
        case 'UNAUTHORIZED':
            return `the registry refused the credentials for ${repo}: check them and their access to this repository`;
        case 'MANIFEST_BLOB_UNKNOWN':
            return `a blob or child manifest it references is missing from ${repo}: push those first`;
        case 'MANIFEST_INVALID':
            return `the registry refused the manifest as invalid${said}`;
        case 'MANIFEST_UNKNOWN':
            return `no such manifest: check the tag or digest`;
        case 'BLOB_UNKNOWN':
            return `the blob is not in ${repo}`;
        case 'UNSUPPORTED':
            return `the registry does not support this operation or media type${said}`;
        case 'TAG_INVALID':
            return `the registry refused the tag${said}`;
        case 'DIGEST_INVALID':
        case 'SIZE_INVALID':
            return `the content did not match its digest or size: the source changed or the transfer was corrupted; run again`;
        case 'BLOB_UPLOAD_UNKNOWN':
        case 'BLOB_UPLOAD_INVALID':
            return `the registry lost the upload session${said}; run again`;
    }
    if (answer.status === 401)
        return `the registry refused the credentials for ${repo}: check them and their access to this repository`;
    if (answer.status === 403)
        return context.write
            ? `the credentials may not push to ${repo}: grant them write access to it`
            : `the credentials may not pull from ${repo}: grant them read access to it`;
    if (answer.status === 404)
        return `not found${said}`;
    if (answer.status === 408 || answer.status >= 500)
        return `the registry kept failing; ${retried}: try again later`;
    return answer.message ?? answer.code ?? 'unexpected answer';
}
/**
 * GHCR refuses a write it does not allow with 403 `DENIED`, in two words that
 * each have their fix: `installation not allowed to Create organization
 * package` (or `Write`) when the job's GITHUB_TOKEN has no `packages: write`;
 * `permission_denied: write_package` when the token may write packages but
 * not this one: the package does not grant the workflow's repository Write
 * access (its settings, Manage Actions access), or the job has only
 * `packages: read`.
 */
function ghcrWriteAdvice(context, answer) {
    if (answer.status !== 403 && answer.code !== 'DENIED')
        return undefined;
    const pkg = `${context.registry}/${context.repository}`;
    const said = answer.message ? ` (${answer.message})` : '';
    if (/installation not allowed to \w+ organization package/i.test(answer.message ?? ''))
        return `GHCR refused to write the package ${pkg}${said}: the job's GITHUB_TOKEN may not write packages: add permissions: packages: write to the job`;
    if (/permission_denied: write_package/i.test(answer.message ?? ''))
        return `GHCR refused to write the package ${pkg}${said}: the package does not grant the workflow's repository Write access: in the package's settings, Manage Actions access, add the repository with the Write role (and give the job permissions: packages: write)`;
    return `GHCR refused to write the package ${pkg}${said}: give the job permissions: packages: write, and the workflow's repository Write access in the package's settings (Manage Actions access)`;
}
/** The first `{"errors":[{"code","message"}]}` entry of an answer, consuming its body. */
async function readRegistryError(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first) {
            return {
                ...(typeof first.code === 'string' && first.code ? { code: first.code } : {}),
                ...(typeof first.message === 'string' && first.message ? { message: first.message } : {})
            };
        }
    }
    catch {
        // not JSON (a proxy's HTML page, an empty HEAD answer): the status says it all
    }
    return {};
}
/** Content that does not hash to the digest it was asked for, or has the wrong size. */
class ContentMismatchError extends Error {
    registry;
    repository;
    reference;
    detail;
    constructor(registry, repository, reference, detail) {
        super(`${describeTarget({ registry, repository, reference, action: '', write: false })}: ${detail}: the registry (or something between) served other content than asked for; run again, and check the registry if it persists`);
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.detail = detail;
        this.name = 'ContentMismatchError';
    }
}


/***/ }),

/***/ 8831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J9: () => (/* binding */ findManifest),
/* harmony export */   RV: () => (/* binding */ putManifest),
/* harmony export */   c2: () => (/* binding */ getManifest),
/* harmony export */   sy: () => (/* binding */ headManifest)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9898);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4604);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2434);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(548);
/* harmony import */ var _discard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8440);





/** Distribution's own limit on a manifest; anything larger is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const ACCEPT = _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_MEDIA_TYPES */ .$T.join(', ');
/** Content types that say nothing about which manifest it is. */
const GENERIC_TYPES = new Set(['', 'application/json', 'text/plain', 'application/octet-stream']);
/** Read a manifest by tag or digest, with every manifest type in `Accept`. */
async function getManifest(repo, reference) {
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { headers: { accept: ACCEPT } }, repo.scopes);
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'reading manifest', false, reference);
    return manifestOf(response, repo, reference);
}
/** The manifest a successful GET answered with, checked against what was asked and announced. */
async function manifestOf(response, repo, reference) {
    const bytes = await readLimited(response, MAX_MANIFEST_BYTES, repo, reference);
    const asked = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(reference) ? reference : undefined;
    const digest = asked ? (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes, (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(asked)) : (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes);
    const mismatch = (detail) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, detail);
    if (asked && digest !== asked)
        throw mismatch(`the manifest served hashes to ${digest}`);
    const announced = response.headers.get('docker-content-digest');
    if (announced && (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(announced) === (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(digest) && announced !== digest)
        throw mismatch(`the registry announced ${announced} but the bytes hash to ${digest}`);
    const mediaType = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .mediaTypeOfJson */ .kL)(bytes) ?? specificType(response.headers.get('content-type'));
    if (!mediaType)
        throw mismatch(`the registry served something that is not a manifest (Content-Type: ${response.headers.get('content-type') ?? 'none'})`);
    return { bytes, mediaType, digest };
}
/**
 * Where a tag or digest points, without downloading the manifest (a HEAD does
 * not count as a Docker Hub pull). Undefined when the registry has no such
 * manifest. A registry that leaves out `Docker-Content-Digest` costs a GET.
 */
async function headManifest(repo, reference) {
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { method: 'HEAD', headers: { accept: ACCEPT } }, repo.scopes);
    if (response.status === 404) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        return undefined;
    }
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'checking manifest', false, reference);
    await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = specificType(response.headers.get('content-type'));
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (digest && (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(digest) && mediaType && Number.isSafeInteger(size))
        return { digest, mediaType, size };
    const manifest = await getManifest(repo, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
}
/**
 * Where a tag or digest points, read so that the connection stays open for
 * the writes that follow: fetch closes a connection after every HEAD, so a
 * wave of HEADs costs a wave of new connections (a TCP and TLS set-up each)
 * for the next requests. A GET keeps it; on Docker Hub, where a manifest GET
 * counts as a pull, it is a HEAD. Undefined when there is no such manifest.
 */
async function findManifest(repo, reference) {
    if (repo.client.provider?.kind === 'dockerhub')
        return headManifest(repo, reference);
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { headers: { accept: ACCEPT } }, repo.scopes);
    if (response.status === 404) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        return undefined;
    }
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'checking manifest', false, reference);
    const manifest = await manifestOf(response, repo, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
}
/**
 * Store a manifest under a tag or its digest: the exact bytes, with its media
 * type as `Content-Type`. The digest the registry answers with must be ours.
 * `subjectListed`: the answer carried `OCI-Subject`, so a registry with the
 * referrers API filed the manifest under its subject itself.
 */
async function putManifest(repo, reference, manifest) {
    if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(reference) && reference !== manifest.digest)
        throw new Error(`cannot store manifest ${manifest.digest} under the digest ${reference}`);
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { method: 'PUT', headers: { 'content-type': manifest.mediaType }, body: manifest.bytes }, repo.scopes);
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'pushing manifest', true, reference);
    await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== manifest.digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, `the registry stored the manifest as ${stored}, not ${manifest.digest}`);
    return { subjectListed: response.headers.has('oci-subject') };
}
function specificType(contentType) {
    const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
    return GENERIC_TYPES.has(type) ? undefined : type;
}
async function readLimited(response, limit, repo, reference) {
    const tooLarge = () => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, `the manifest is larger than ${limit} bytes`);
    if (Number(response.headers.get('content-length') ?? 0) > limit) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        throw tooLarge();
    }
    const chunks = [];
    let length = 0;
    if (response.body) {
        for await (const chunk of response.body) {
            length += chunk.length;
            if (length > limit)
                throw tooLarge();
            chunks.push(chunk);
        }
    }
    return Buffer.concat(chunks, length);
}


/***/ }),

/***/ 2434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   fM: () => (/* binding */ manifestChildren),
/* harmony export */   kL: () => (/* binding */ mediaTypeOfJson),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports DOCKER_MANIFEST, DOCKER_MANIFEST_LIST */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/**
 * Every manifest type tagship copies, for `Accept`. Leaving the list types
 * out lets a registry answer with one platform of a multi-arch image.
 */
const MANIFEST_MEDIA_TYPES = [
    OCI_INDEX,
    OCI_MANIFEST,
    DOCKER_MANIFEST_LIST,
    DOCKER_MANIFEST
];
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** The media type a manifest's JSON names, or the one its shape implies (the OCI field is optional). */
function mediaTypeOfJson(bytes) {
    const json = parseJson(bytes);
    if (!json)
        return undefined;
    if (typeof json.mediaType === 'string' && json.mediaType)
        return json.mediaType;
    if (Array.isArray(json.manifests))
        return OCI_INDEX;
    if (json.config !== undefined || Array.isArray(json.layers))
        return OCI_MANIFEST;
    return undefined;
}
/**
 * What a manifest refers to: an index's child manifests, or an image's
 * blobs (config first, then the layers).
 */
function manifestChildren(m) {
    const json = parseJson(m.bytes);
    if (!json)
        throw new Error(`manifest ${m.digest} is not a JSON object`);
    if (isIndexMediaType(m.mediaType))
        return { manifests: descriptors(json.manifests, m.digest, 'manifests'), blobs: [] };
    if (m.mediaType === OCI_MANIFEST || m.mediaType === DOCKER_MANIFEST) {
        const config = descriptors([json.config], m.digest, 'config');
        return {
            manifests: [],
            blobs: [...config, ...descriptors(json.layers ?? [], m.digest, 'layers')]
        };
    }
    throw new Error(`manifest ${m.digest} has media type ${m.mediaType}, which tagship does not copy (it copies ${MANIFEST_MEDIA_TYPES.join(', ')})`);
}
/** The JSON object in `bytes`, or undefined when they hold none. */
function parseJson(bytes) {
    try {
        const value = JSON.parse(new TextDecoder().decode(bytes));
        return value && typeof value === 'object' && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
function descriptors(value, digest, field) {
    if (!Array.isArray(value))
        throw new Error(`manifest ${digest}: "${field}" is not a list`);
    return value.map((d, i) => {
        const o = (d ?? {});
        if (typeof o.digest !== 'string' ||
            !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(o.digest) ||
            typeof o.size !== 'number' ||
            !Number.isSafeInteger(o.size) ||
            o.size < 0)
            throw new Error(`manifest ${digest}: ${field}[${i}] is not a valid descriptor`);
        return o;
    });
}


/***/ }),

/***/ 7757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ refusalText),
/* harmony export */   Ne: () => (/* binding */ ProxyRefusedError),
/* harmony export */   bP: () => (/* binding */ viaProxy),
/* harmony export */   dm: () => (/* binding */ currentProxyRules),
/* harmony export */   th: () => (/* binding */ dispatchOptions),
/* harmony export */   vd: () => (/* binding */ proxyRefusal),
/* harmony export */   wE: () => (/* binding */ route)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2297);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8925);



let parsed;
/** The proxy rules of `env` (see proxyRules), parsed again only when one of their variables changed. */
function currentProxyRules(env = process.env) {
    const key = Object.values(_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .PROXY_VARIABLES */ .bD)
        .flat()
        .map((name) => `${name}=${env[name] ?? ''}`)
        .join('\n');
    if (parsed?.key !== key)
        parsed = { key, rules: (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyRules */ .EK)(env) };
    return parsed.rules;
}
/**
 * Node's fetch takes a proxy and TLS options only through an undici
 * dispatcher: one per kind. undici is loaded with the first one, so a run
 * that needs none (no proxy, no insecure registry) never loads it.
 */
const dispatchers = new Map();
/**
 * The route to `url`: through the proxy the environment names for it (see
 * proxyFor), and without certificate verification for a host listed in
 * `insecure-registries`, also through the proxy. An https URL goes through a
 * CONNECT tunnel, so TLS stays end to end; an http URL is sent to the proxy as
 * an absolute-URI request, which every HTTP proxy serves on any port (CONNECT
 * is often allowed to port 443 only).
 */
async function route(url, insecureRegistries = [], env = process.env) {
    const unverified = url.protocol === 'https:' && (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .isListedInsecure */ .Ai)(url, insecureRegistries);
    const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyFor */ .iJ)(currentProxyRules(env), url);
    if (!proxy && !unverified)
        return {};
    // Before the cache is read: two routes asked at once then share one dispatcher.
    const { Agent, ProxyAgent } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
    const key = JSON.stringify([proxy?.origin, proxy?.authorization, unverified]);
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
        const tls = unverified ? { rejectUnauthorized: false } : undefined;
        dispatcher = proxy
            ? new ProxyAgent({
                uri: proxy.origin,
                ...(proxy.authorization && { token: proxy.authorization }),
                proxyTunnel: false,
                ...(tls && { requestTls: tls })
            })
            : new Agent({ connect: tls });
        dispatchers.set(key, dispatcher);
    }
    return { dispatcher, ...(proxy && { proxy }) };
}
/** fetch's options for a route: its dispatcher, if any. */
function dispatchOptions(r) {
    return r.dispatcher ? { dispatcher: r.dispatcher } : {};
}
/** ` (through the proxy http://proxy:3128 from HTTPS_PROXY)`, or '' without one. */
function viaProxy(proxy) {
    return proxy ? ` (through the proxy ${proxy.origin} from ${proxy.variable})` : '';
}
/**
 * The proxy refused to pass a request on (undici says so only in its
 * messages): a 407 for missing or wrong credentials, or another status for a
 * CONNECT it would not open. Not a network failure, so not retried.
 */
class ProxyRefusedError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry} could not be reached: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'ProxyRefusedError';
    }
}
/** Why the proxy refused, as one phrase, when `error` is its refusal; undefined otherwise. */
function proxyRefusal(error, proxy) {
    if (!proxy)
        return undefined;
    for (const { message = '' } of (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorChain */ .eB)(error)) {
        const status = /^Proxy response \((\d{3})\) !== 200/.exec(message)?.[1] ??
            /^Proxy Authentication Required \((407)\)/.exec(message)?.[1];
        if (status)
            return refusalText(proxy, Number(status));
    }
    return undefined;
}
/** `the proxy http://proxy:3128 from HTTPS_PROXY answered HTTP 407 …: <the fix>`. */
function refusalText(proxy, status) {
    const who = `the proxy ${proxy.origin} from ${proxy.variable}`;
    if (status !== 407)
        return `${who} refused to open a tunnel (HTTP ${status})`;
    const fix = proxy.authorization
        ? `check the user and password in ${proxy.variable}`
        : `give them in ${proxy.variable} as http://user:password@host:port`;
    return `${who} answered HTTP 407 (it needs credentials): ${fix}`;
}


/***/ }),

/***/ 548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ repoHandle),
/* harmony export */   So: () => (/* binding */ apiPath),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4604);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8850);



function repoHandle(client, path, access) {
    return { client, path, scopes: [(0,_scope_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryScope */ .F)(path, access === 'push' ? 'pull,push' : 'pull')] };
}
/** `/v2/acme/app/<rest>` */
function apiPath(repo, rest) {
    return `/v2/${repo.path}/${rest}`;
}
/** Turn a refusal into the error that explains it (consumes the body). */
async function refusal(repo, response, action, write, reference) {
    const context = {
        registry: repo.client.registry,
        repository: repo.path,
        ...(reference === undefined ? {} : { reference }),
        action,
        write,
        ...(repo.client.provider ? { provider: repo.client.provider.kind } : {})
    };
    const { code, message } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegistryError */ .eE)(response);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRequestError */ .vs(context, {
        status: response.status,
        ...(code ? { code } : {}),
        ...(message ? { message } : {}),
        retries: (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .retriesOf */ .Ko)(response)
    });
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ repositoryScope)
/* harmony export */ });
/** A token scope for one repository: `repository:acme/app:pull` or `repository:acme/app:pull,push`. */
function repositoryScope(path, actions) {
    return `repository:${path}:${actions}`;
}


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   MV: () => (/* binding */ attemptsText),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* unused harmony exports backoffMs, parseRetryAfter */
/**
 * The retry policy of the registry transport and of every login call, pure:
 * which answers are worth another try, and how long to wait before it.
 */
const DEFAULT_RETRY_POLICY = { retries: 4, baseMs: 500, capMs: 30_000 };
/**
 * The one policy of every retried call, registry requests and logins alike
 * (token services, token exchanges, STS, Entra ID, ECR): `retries` further
 * attempts (the `retries` input; 0 means one attempt), the default waits.
 */
function retryPolicy(retries = DEFAULT_RETRY_POLICY.retries) {
    return { ...DEFAULT_RETRY_POLICY, retries: Math.max(0, Math.floor(retries)) };
}
/** `1 attempt`, `5 attempts`: how a retried call that gave up says how hard it tried. */
function attemptsText(attempts) {
    return `${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
/**
 * 408, 429 and 5xx are transient: the registry, a proxy or a load balancer may
 * answer differently a moment later. 501 (Not Implemented) and 505 (HTTP
 * Version Not Supported) are the server saying it never will.
 */
function isRetryableStatus(status) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
/**
 * Capped exponential backoff with equal jitter: half the step is fixed and
 * half random, so many clients throttled at once spread out and none waits
 * near zero. `retry` counts from 0 (the wait before the first retry).
 */
function backoffMs(retry, policy, random) {
    const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry));
    const r = Math.min(1, Math.max(0, random()));
    return Math.round(step / 2 + (step / 2) * r);
}
/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds (`120`) or
 * an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, a date already past is 0).
 * Undefined when absent or not one of those forms (`-1`, `1.5`, `soon`).
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // A date names a weekday or a month; a bare number (`-1`, `1.5`) is no date, whatever Date.parse thinks.
    if (!/[a-z]/i.test(text))
        return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/** How long to wait before retry number `retry` (from 0): the registry's Retry-After if valid, else backoff; capped. */
function retryDelayMs(retry, retryAfter, policy, random, now) {
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== undefined)
        return Math.min(policy.capMs, asked);
    return backoffMs(retry, policy, random);
}
/**
 * Run `attempt` until it gives a value, waiting the policy's backoff (or the
 * server's Retry-After) between tries; after the last retry its error is
 * thrown. For operations other than a registry request (which the client
 * retries itself with the same policy): token exchanges, for one.
 */
async function retrying(pacing, attempt) {
    const sleep = pacing.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let retry = 0;; retry++) {
        const result = await attempt(retry);
        if ('value' in result)
            return result.value;
        if (retry >= pacing.policy.retries)
            throw result.error;
        const ms = retryDelayMs(retry, result.retryAfter, pacing.policy, pacing.random ?? Math.random, (pacing.now ?? Date.now)());
        pacing.onRetry?.(`${result.again}; retry ${retry + 1} of ${pacing.policy.retries} in ${(ms / 1000).toFixed(1)} s`);
        await sleep(ms);
    }
}


/***/ })

};
