export const id = 747;
export const ids = [747];
export const modules = {

/***/ 3747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerhubOidcCredentials: () => (/* binding */ dockerhubOidcCredentials)
/* harmony export */ });
/* unused harmony exports DOCKER_IDENTITY_AUDIENCE, IDENTITY_URL_VARIABLE, identityUrl */
/* harmony import */ var _token_fetch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7158);
/* harmony import */ var _shared_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8451);
/* harmony import */ var _distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7757);
/* harmony import */ var _shared_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3091);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);
/* harmony import */ var _shared_scrub_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9826);
/* harmony import */ var _shared_words_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(152);
/* harmony import */ var _distribution_endpoint_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8925);








/** The audience Docker's identity service expects on the GitHub ID token. */
const DOCKER_IDENTITY_AUDIENCE = 'https://identity.docker.com';
/** Docker's identity service; TAGSHIP_DOCKER_IDENTITY_URL names another (a private endpoint, a test). */
const DOCKER_IDENTITY = 'https://identity.docker.com';
const IDENTITY_URL_VARIABLE = 'TAGSHIP_DOCKER_IDENTITY_URL';
/**
 * The access token's lifetime, in seconds: Docker takes 300 to 3600, and
 * DOCKERHUB_OIDC_EXPIREIN (docker/login-action's variable) asks for another.
 * The longest by default: tagship asks Docker Hub for fresh registry tokens
 * with it while it publishes, and a large publish outlasts five minutes.
 */
const EXPIRES_VARIABLE = 'DOCKERHUB_OIDC_EXPIREIN';
const EXPIRES_IN = { min: 300, max: 3600 };
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
/**
 * Logs in to Docker Hub without a stored token: the job's GitHub ID token is
 * exchanged (RFC 8693) at Docker's identity service, for the OIDC connection,
 * for a Docker access token that is the password of `username`. Both tokens
 * are masked the moment they exist, and no error message contains either.
 */
async function dockerhubOidcCredentials(hub, options) {
    const kept = (0,_shared_scrub_js__WEBPACK_IMPORTED_MODULE_6__/* .keptSecrets */ .w)(options.mask);
    const secret = kept.keep;
    const login = `Docker Hub login for ${hub.username} with OIDC`;
    try {
        const env = options.env ?? process.env;
        // A bad variable fails before GitHub is asked for anything.
        const url = new URL('oauth/token', identityUrl(env, login)).href;
        const expiresIn = requestedLifetime(env, login);
        const idToken = secret(await options.getIdToken(DOCKER_IDENTITY_AUDIENCE));
        const pacing = options.pacing ?? { policy: _shared_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_RETRY_POLICY */ .cO };
        const { accessToken, expiresAt } = await exchange(url, hub, idToken, expiresIn, login, pacing);
        secret(accessToken);
        return { username: hub.username, password: accessToken, ...(expiresAt && { expiresAt }) };
    }
    catch (e) {
        // No cause: what lies underneath may carry a token in its details. Each
        // part keeps its edge spaces: they separate it from the inputs it names.
        throw new _shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .WordedError */ .gG((0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .wordsOf */ .Z9)(e).map((part) => typeof part === 'string' ? kept.scrub(part).replace(/\s+/g, ' ') : part));
    }
}
/**
 * The base the exchange is sent under (`<base>oauth/token`): Docker's service,
 * or TAGSHIP_DOCKER_IDENTITY_URL (https, or http on loopback), path kept.
 */
function identityUrl(env, login) {
    const raw = env[IDENTITY_URL_VARIABLE]?.trim() || DOCKER_IDENTITY;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`${login}: ${IDENTITY_URL_VARIABLE} ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(raw)} is not a URL (e.g. ${DOCKER_IDENTITY})`);
    }
    const plainLoopback = url.protocol === 'http:' && (0,_distribution_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackHost */ .cW)(url.host);
    if (url.protocol !== 'https:' && !plainLoopback) {
        throw new Error(`${login}: ${IDENTITY_URL_VARIABLE} ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(raw)} must be an https URL (plain http only on loopback): the GitHub ID token is sent there`);
    }
    return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}
function requestedLifetime(env, login) {
    const raw = env[EXPIRES_VARIABLE]?.trim();
    if (!raw)
        return EXPIRES_IN.max;
    const seconds = Number(raw);
    if (!/^\d+$/.test(raw) || seconds < EXPIRES_IN.min || seconds > EXPIRES_IN.max) {
        throw new Error(`${login}: ${EXPIRES_VARIABLE} ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(raw)} is not a lifetime Docker grants: give seconds from ${EXPIRES_IN.min} to ${EXPIRES_IN.max}`);
    }
    return seconds;
}
/** `POST /oauth/token`: the GitHub ID token for a Docker access token. */
async function exchange(url, hub, idToken, expiresIn, login, pacing) {
    const form = new URLSearchParams({
        grant_type: GRANT_TYPE,
        subject_token_type: ID_TOKEN_TYPE,
        subject_token: idToken,
        connection_id: hub.connectionId,
        expires_in: String(expiresIn)
    });
    // Through HTTPS_PROXY when the environment names one (see docs/proxies.md).
    const way = await (0,_distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_1__/* .route */ .wE)(new URL(url), [], process.env);
    const { res, body } = await (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retrying */ .R$)(pacing, async (retry) => {
        const tries = (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptsText */ .MV)(retry + 1);
        let res;
        try {
            res = await (0,_token_fetch_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenFetch */ .o)(url, way, { method: 'POST', body: form });
        }
        catch (e) {
            // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
            const cause = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .causeOf */ .rl)(e) ?? e);
            return {
                again: `${login}: ${url} failed: ${cause}`,
                error: new Error(`${login}: could not reach Docker's identity service at ${url} after ${tries}: ${cause}${(0,_distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_1__/* .viaProxy */ .bP)(way.proxy)} (check the network, or ${IDENTITY_URL_VARIABLE})`)
            };
        }
        const text = await res.text();
        if ((0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isRetryableStatus */ .PS)(res.status))
            return {
                again: `${login}: ${url} answered HTTP ${res.status}`,
                retryAfter: res.headers.get('retry-after'),
                error: new Error(`${login}: Docker's identity service kept failing (HTTP ${res.status}: ${said(text)}) after ${tries}: run the step again later`)
            };
        return { value: { res, body: text } };
    });
    if (res.status >= 300 && res.status < 400) {
        throw new Error(`${login}: Docker's identity service answered with a redirect (HTTP ${res.status}); tagship sends the GitHub ID token only to ${url}: check ${IDENTITY_URL_VARIABLE}`);
    }
    if (!res.ok)
        throw new _shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .WordedError */ .gG(refusal(login, res.status, body, hub, idToken));
    const json = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonObject */ .d)(body);
    const accessToken = json?.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new Error(`${login}: ${url} answered without an access_token (HTTP ${res.status}): is it Docker's identity service?`);
    }
    const lifetime = json?.expires_in;
    return {
        accessToken,
        ...(typeof lifetime === 'number' && lifetime > 0
            ? { expiresAt: new Date(Date.now() + lifetime * 1000) }
            : {})
    };
}
/**
 * The identity service's refusal as one line that says what to change. It
 * answers as an OAuth token endpoint does (RFC 6749 §5.2): `error` and, at
 * times, `error_description`; a subject that no rule of the connection
 * matches (or a connection switched off) is a bare `access_denied`.
 */
function refusal(login, status, body, hub, idToken) {
    const { code, description } = identityError(body);
    const answer = `(HTTP ${status}: ${said(body)})`;
    const text = `${code ?? ''} ${description ?? ''}`.toLowerCase();
    const connection = hub.connectionId;
    if (status === 404 ||
        (/connection/.test(text) && /not found|unknown|does not exist|no such|invalid/.test(text)))
        return (0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .words */ .aL) `${login}: Docker knows no OIDC connection ${connection} ${answer}: check ${(0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .named */ .KT)('dockerhub-oidc-connection-id')} against the connection ID Docker Home shows under OIDC connections`;
    if (status === 402 ||
        /\bplan\b|subscription|entitle|upgrade|not available|not enabled/.test(text))
        return (0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .words */ .aL) `${login}: the Docker organisation's plan has no OIDC connections ${answer}: they come with Docker Team and Business; until then, set ${(0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .named */ .KT)('dockerhub-token')} to an organisation access token`;
    if (code === 'access_denied') {
        const subject = subjectOf(idToken);
        const whose = subject ? `this job's subject ${subject}` : "this job's GitHub ID token";
        return (0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .words */ .aL) `${login}: Docker refused the exchange for connection ${connection} ${answer}: no rule of the connection matches ${whose}, or the connection is deactivated; its Failures table in Docker Home says which`;
    }
    if (code === 'invalid_grant')
        return (0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .words */ .aL) `${login}: Docker did not accept the GitHub ID token ${answer}: check the runner's clock; the token is for the audience ${DOCKER_IDENTITY_AUDIENCE}`;
    return (0,_shared_words_js__WEBPACK_IMPORTED_MODULE_4__/* .words */ .aL) `${login}: Docker's identity service refused the exchange for connection ${connection} ${answer}`;
}
/** `error` and `error_description` (or a bare `message` or `description`) of an answer. */
function identityError(body) {
    const json = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_7__/* .parseJsonObject */ .d)(body);
    const text = (v) => typeof v === 'string' && v.trim() !== '' ? (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(v).slice(0, 200) : undefined;
    const code = text(json?.error);
    const description = text(json?.error_description) ?? text(json?.message) ?? text(json?.description);
    return { ...(code && { code }), ...(description && { description }) };
}
/** The answer as one phrase: `access_denied`, `invalid_request: connection not found`. */
function said(body) {
    const { code, description } = identityError(body);
    const phrase = [code, description].filter(Boolean).join(': ');
    if (phrase !== '')
        return phrase;
    const text = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(body);
    return text === '' || text.startsWith('<') ? 'no error body' : text.slice(0, 200);
}
/** The `sub` claim of the ID token (read, not verified): not a secret, and what the rules match. */
function subjectOf(token) {
    const sub = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_7__/* .jwtPayload */ .c)(token)?.sub;
    return typeof sub === 'string' && sub !== '' ? (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(sub).slice(0, 200) : undefined;
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
