export const id = 320;
export const ids = [320];
export const modules = {

/***/ 4320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcpOidcCredentials: () => (/* binding */ gcpOidcCredentials)
});

// UNUSED EXPORTS: GAR_TOKEN_USERNAME

// EXTERNAL MODULE: ./src/credentials/token-fetch.ts
var token_fetch = __webpack_require__(7158);
// EXTERNAL MODULE: ./src/shared/json.ts
var shared_json = __webpack_require__(8451);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/shared/retry.ts
var shared_retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/scrub.ts
var scrub = __webpack_require__(9826);
// EXTERNAL MODULE: ./src/shared/words.ts
var words = __webpack_require__(152);
// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
;// CONCATENATED MODULE: ./src/credentials/gcp-errors.ts


/**
 * What to do about STS's refusals. STS answers in OAuth's words (RFC 8693):
 * invalid_grant for a token the provider does not accept (issuer, audience,
 * validity), unauthorized_client when the attribute condition rejects it,
 * invalid_target for a pool or provider that is missing or disabled.
 */
function stsHint(code, provider) {
    switch (code) {
        case 'invalid_grant':
            return (0,words/* words */.aL) `check the provider's issuer (https://token.actions.githubusercontent.com) and its allowed audiences: tagship asks GitHub for the default one, https://iam.googleapis.com/${provider}`;
        case 'unauthorized_client':
            return (0,words/* words */.aL) `check the provider's attribute condition: it must admit this workflow's token (e.g. assertion.repository == 'owner/repo')`;
        case 'invalid_target':
            return (0,words/* words */.aL) `the pool or provider does not exist or is disabled: check ${(0,words/* named */.KT)('gcp-workload-identity-provider')}`;
        case 'invalid_request':
            return (0,words/* words */.aL) `check ${(0,words/* named */.KT)('gcp-workload-identity-provider')}`;
        default:
            return undefined;
    }
}
/** STS refused the GitHub token: one line with Google's reason and the fix. */
function stsRefusal(call, provider, status, body) {
    const error = googleError(body);
    const hint = stsHint(error.code, provider);
    return new words/* WordedError */.gG([
        `${call.service} refused the GitHub OIDC token for ${provider} (HTTP ${status}: ${error.text})`,
        ...(hint ? [': ', ...hint] : [])
    ]);
}
/** IAM refused to mint the service account's token: one line with Google's reason and the fix. */
function iamRefusal(call, target, status, body) {
    const error = googleError(body);
    const account = target.serviceAccount;
    const said = `${call.service} refused generateAccessToken for ${account} (HTTP ${status}: ${error.text})`;
    let hint;
    if (error.reason === 'SERVICE_DISABLED' ||
        /has not been used in project|is disabled/.test(error.text)) {
        hint = (0,words/* words */.aL) `enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project it names`;
    }
    else if (status === 403 &&
        (error.permission === 'iam.serviceAccounts.getAccessToken' ||
            error.text.includes('iam.serviceAccounts.getAccessToken'))) {
        const pool = target.provider.replace(/\/providers\/[^/]+$/, '');
        const repository = target.repository || '<owner>/<repo>';
        hint = (0,words/* words */.aL) `grant principalSet://iam.googleapis.com/${pool}/attribute.repository/${repository} the role roles/iam.workloadIdentityUser on ${account}, and check that ${(0,words/* named */.KT)('gcp-service-account')} names an existing account`;
    }
    else if (status === 404 || error.code === 'NOT_FOUND') {
        hint = (0,words/* words */.aL) `check ${(0,words/* named */.KT)('gcp-service-account')}: there is no such service account`;
    }
    else if (status === 400) {
        hint = (0,words/* words */.aL) `check ${(0,words/* named */.KT)('gcp-service-account')}`;
    }
    return new words/* WordedError */.gG([said, ...(hint ? [': ', ...hint] : [])]);
}
function googleError(body) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        const text = (0,errors/* oneLine */.TN)(body);
        return { text: text === '' ? 'no error body' : text.slice(0, 300) };
    }
    const error = json?.error;
    if (typeof error === 'string') {
        const description = json.error_description;
        return {
            code: error,
            text: typeof description === 'string' ? `${error}: ${(0,errors/* oneLine */.TN)(description)}` : error
        };
    }
    if (typeof error === 'object' && error !== null) {
        const e = error;
        const info = Array.isArray(e.details)
            ? e.details.find((d) => typeof d?.reason === 'string')
            : undefined;
        const status = typeof e.status === 'string' ? e.status : undefined;
        const message = typeof e.message === 'string' ? (0,errors/* oneLine */.TN)(e.message) : '';
        return {
            ...(status && { code: status }),
            text: [status, message].filter((s) => s).join(': ') || 'no error message',
            ...(typeof info?.reason === 'string' && { reason: info.reason }),
            ...(typeof info?.metadata?.permission === 'string' && {
                permission: info.metadata.permission
            })
        };
    }
    return { text: (0,errors/* oneLine */.TN)(body).slice(0, 300) };
}

;// CONCATENATED MODULE: ./src/credentials/gcp.ts









/** The username Google's registries take with an OAuth access token as password. */
const GAR_TOKEN_USERNAME = 'oauth2accesstoken';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
/**
 * Where the two calls go, unless the environment names a Private Service
 * Connect endpoint (or a test's fixture): the service's root, as
 * `https://sts-myendpoint.p.googleapis.com`; tagship appends the API path.
 */
const ENDPOINTS = {
    sts: { variable: 'TAGSHIP_GCP_STS_URL', fallback: 'https://sts.googleapis.com' },
    iam: {
        variable: 'TAGSHIP_GCP_IAM_CREDENTIALS_URL',
        fallback: 'https://iamcredentials.googleapis.com'
    }
};
/**
 * Logs in to Google Artifact Registry without a stored secret: GitHub OIDC
 * token → federated access token (Google STS, RFC 8693 token exchange) →
 * with a service account, its access token (IAM Credentials
 * generateAccessToken). Every token is masked the moment it exists, and no
 * error message contains one.
 */
async function gcpOidcCredentials(gcp, options) {
    const kept = (0,scrub/* keptSecrets */.w)(options.mask);
    const secret = kept.keep;
    const env = options.env ?? process.env;
    const pacing = options.pacing ?? { policy: shared_retry/* DEFAULT_RETRY_POLICY */.cO };
    try {
        // A bad endpoint variable fails before GitHub is asked for anything.
        const sts = gcp_endpoint(env, ENDPOINTS.sts);
        const iam = gcp.serviceAccount ? gcp_endpoint(env, ENDPOINTS.iam) : undefined;
        const provider = gcp.workloadIdentityProvider;
        const idToken = secret(await options.getIdToken(`https://iam.googleapis.com/${provider}`));
        const federated = await exchange(`${sts}/v1/token`, provider, idToken, pacing);
        secret(federated.token);
        if (!iam || !gcp.serviceAccount)
            return login(federated);
        const impersonated = await generateAccessToken({ iam, serviceAccount: gcp.serviceAccount, provider, repository: env.GITHUB_REPOSITORY }, federated.token, pacing);
        secret(impersonated.token);
        return login(impersonated);
    }
    catch (e) {
        // No cause: the errors underneath may carry a token in their details or requests.
        // Words, not text: the CLI names the inputs its own way. Each part on one line.
        throw new words/* WordedError */.gG((0,words/* wordsOf */.Z9)(e).map((part) => typeof part === 'string' ? kept.scrub(part).replace(/\s+/g, ' ') : part));
    }
}
function login(t) {
    return {
        username: GAR_TOKEN_USERNAME,
        password: t.token,
        ...(t.expiresAt && { expiresAt: t.expiresAt })
    };
}
/** `POST /v1/token`: the GitHub token for a federated access token of the provider's pool. */
async function exchange(url, provider, idToken, pacing) {
    const call = { service: 'Google STS', url, variable: ENDPOINTS.sts.variable };
    const form = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        audience: `//iam.googleapis.com/${provider}`,
        scope: CLOUD_PLATFORM,
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        subject_token: idToken
    });
    const { status, body } = await post(call, { body: form }, pacing);
    if (status < 200 || status > 299)
        throw stsRefusal(call, provider, status, body);
    const json = (0,shared_json/* parseJsonObject */.d)(body);
    const token = json?.access_token;
    if (typeof token !== 'string' || token === '')
        throw noToken(call, status, 'access_token');
    const seconds = json?.expires_in;
    return {
        token,
        ...(typeof seconds === 'number' && { expiresAt: new Date(Date.now() + seconds * 1000) })
    };
}
/** `POST …/serviceAccounts/<email>:generateAccessToken`, with the federated token as Bearer. */
async function generateAccessToken(target, federatedToken, pacing) {
    const url = `${target.iam}/v1/projects/-/serviceAccounts/${target.serviceAccount}:generateAccessToken`;
    const call = {
        service: 'Google IAM Credentials',
        url,
        variable: ENDPOINTS.iam.variable
    };
    const { status, body } = await post(call, {
        body: JSON.stringify({ scope: [CLOUD_PLATFORM] }),
        headers: { authorization: `Bearer ${federatedToken}`, 'content-type': 'application/json' }
    }, pacing);
    if (status < 200 || status > 299)
        throw iamRefusal(call, target, status, body);
    const json = (0,shared_json/* parseJsonObject */.d)(body);
    const token = json?.accessToken;
    if (typeof token !== 'string' || token === '')
        throw noToken(call, status, 'accessToken');
    const expiry = typeof json?.expireTime === 'string' ? new Date(json.expireTime) : undefined;
    return { token, ...(expiry && !Number.isNaN(expiry.getTime()) && { expiresAt: expiry }) };
}
/** One POST with the retries: network errors, 408, 429 and 5xx; never another 4xx. */
async function post(call, init, pacing) {
    // Through HTTPS_PROXY when the environment names one (see docs/proxies.md).
    const way = await (0,proxy_dispatch/* route */.wE)(new URL(call.url), [], process.env);
    return (0,shared_retry/* retrying */.R$)(pacing, async (retry) => {
        const tries = (0,shared_retry/* attemptsText */.MV)(retry + 1);
        let res;
        try {
            // redirect 'manual': following one would send the token wherever it points.
            res = await (0,token_fetch/* tokenFetch */.o)(call.url, way, {
                method: 'POST',
                body: init.body,
                ...(init.headers && { headers: init.headers })
            });
        }
        catch (e) {
            // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
            const reason = (0,errors/* messageOf */.bD)((0,errors/* causeOf */.rl)(e) ?? e);
            return {
                again: `${call.service} failed: ${reason}`,
                error: new Error(`Could not reach ${call.service} at ${call.url} after ${tries}: ${reason}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)} (check the network, or ${call.variable})`)
            };
        }
        const body = await res.text();
        if ((0,shared_retry/* isRetryableStatus */.PS)(res.status)) {
            return {
                again: `${call.service} answered HTTP ${res.status}`,
                retryAfter: res.headers.get('retry-after'),
                error: new Error(`${call.service} at ${call.url} kept failing (HTTP ${res.status}) after ${tries}: try again later`)
            };
        }
        if (res.status >= 300 && res.status < 400) {
            throw new Error(`${call.service} at ${call.url} answered with a redirect (HTTP ${res.status}); tagship sends tokens only to that URL: check ${call.variable}`);
        }
        return { value: { status: res.status, body } };
    });
}
function noToken(call, status, field) {
    return new Error(`${call.service} at ${call.url} answered HTTP ${status} without an ${field}: does ${call.variable} point at ${call.service}?`);
}
/** An endpoint variable's value (or Google's own), checked: https, or plain http on loopback. */
function gcp_endpoint(env, { variable, fallback }) {
    const raw = env[variable]?.trim() || fallback;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`${variable} ${(0,errors/* quote */.hD)(raw)} is not a URL (e.g. ${fallback})`);
    }
    if (url.username !== '' || url.password !== '') {
        // Not quoted: the URL holds a password.
        throw new Error(`${variable} must not hold credentials: give the service's root URL (e.g. ${fallback})`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (0,endpoint/* isLoopbackHost */.cW)(url.host))) {
        throw new Error(`${variable} ${(0,errors/* quote */.hD)(raw)} must be an https URL (plain http only on loopback)`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new Error(`${variable} ${(0,errors/* quote */.hD)(raw)} must be the service's root URL, with no query or fragment (e.g. ${fallback})`);
    }
    return url.href.replace(/\/+$/, '');
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
