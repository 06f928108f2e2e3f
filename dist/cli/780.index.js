export const id = 780;
export const ids = [780];
export const modules = {

/***/ 9977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eq: () => (/* binding */ NoCredentials),
  rH: () => (/* binding */ SourceFailed),
  yb: () => (/* binding */ awsSession)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/credentials/proxy-agent.ts
var proxy_agent = __webpack_require__(5842);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/retry.ts
var shared_retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/shared/scrub.ts
var scrub = __webpack_require__(9826);
;// CONCATENATED MODULE: ./src/credentials/aws-retry.ts



/**
 * The login policy inside the AWS SDK's own retry loop, so that ECR, ECR
 * Public and STS calls retry as every other login call does: after a network
 * error, a timeout, 408, 429 (after its Retry-After) or a 5xx, never after
 * another 4xx, at most `maxAttempts` attempts in all, waiting the policy's
 * backoff on the pacing's clock, each retry told through `onRetry` (with no
 * secret: `secrets` is read when a line is written). The SDK's own strategy
 * waits by other rules (its own base delay, a retry quota a client's calls
 * share) and says nothing.
 *
 * The wait happens here, and the token then asks the SDK for none (as the
 * SDK's own strategy does). Refusing a retry is throwing: the SDK then throws
 * the call's last error, its `$metadata.attempts` counting every attempt.
 */
function awsRetryStrategy(pacing, maxAttempts, label, secrets) {
    const retries = Math.max(0, maxAttempts - 1);
    const policy = { ...pacing.policy, retries };
    const sleep = pacing.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    return {
        acquireInitialRetryToken: async () => attempt(0),
        refreshRetryTokenForRetry: async (token, failure) => {
            const retry = token.getRetryCount();
            if (retry >= retries || !isRetryable(failure))
                throw new Error('no retry left');
            const ms = (0,shared_retry/* retryDelayMs */.qO)(retry, retryAfterOf(failure.error), policy, pacing.random ?? Math.random, (pacing.now ?? Date.now)());
            const why = (0,scrub/* scrubSecrets */.Z)(`${label} ${describe(failure.error)}`, secrets);
            pacing.onRetry?.(`${why}; retry ${retry + 1} of ${retries} in ${(ms / 1000).toFixed(1)} s`);
            await sleep(ms);
            return attempt(retry + 1);
        },
        recordSuccess: () => undefined
    };
}
function attempt(count) {
    return { getRetryCount: () => count, getRetryDelay: () => 0 };
}
/**
 * Throttling (429 or a throttling error code) and transient failures (network
 * errors, timeouts, 500, 502, 503, 504) as the SDK classifies them, and any
 * other status the policy retries (408, the other 5xx but 501 and 505).
 */
function isRetryable(failure) {
    if (failure.errorType === 'THROTTLING' || failure.errorType === 'TRANSIENT')
        return true;
    const status = statusOf(failure.error);
    return status !== undefined && (0,shared_retry/* isRetryableStatus */.PS)(status);
}
function statusOf(error) {
    const status = error?.$metadata
        ?.httpStatusCode;
    return typeof status === 'number' ? status : undefined;
}
function retryAfterOf(error) {
    const headers = error
        ?.$response?.headers;
    return headers?.['retry-after'];
}
/** `answered HTTP 503 (ServiceUnavailable)`, `failed: ECONNRESET`: a status, a name, a code; no service text. */
function describe(error) {
    const status = statusOf(error);
    const [shape = {}] = (0,errors/* errorChain */.eB)(error);
    // `Unknown`: the SDK found no AWS error in the answer (a proxy's, a load balancer's).
    const name = shape.name && !['Error', 'Unknown'].includes(shape.name) ? shape.name : undefined;
    if (status !== undefined)
        return `answered HTTP ${status}${name ? ` (${name})` : ''}`;
    const code = (0,errors/* errorChain */.eB)(error).find((e) => e.code)?.code;
    return `failed: ${code ?? name ?? (0,errors/* oneLine */.TN)(shape.message ?? String(error))}`;
}

;// CONCATENATED MODULE: ./src/credentials/aws-client.ts






/**
 * A firewall that drops packets would otherwise hold each attempt for the OS
 * connect timeout (minutes); five seconds is ample for an AWS API endpoint.
 */
const REQUEST_HANDLER = { connectionTimeout: 5_000, requestTimeout: 30_000 };
/**
 * IMDS answers in milliseconds on EC2. Elsewhere the SDK makes two requests
 * (token, then the v1 fallback), so a runner with no credentials waits at
 * most about twice this before the "no AWS credentials" message.
 */
const IMDS_TIMEOUT_MS = 1_000;
/** No source in the chain had credentials. */
class NoCredentials extends Error {
}
/** A configured source failed to give credentials. */
class SourceFailed extends Error {
    source;
    error;
    constructor(source, error) {
        super(`credentials from ${source} failed`);
        this.source = source;
        this.error = error;
    }
}
/** Settings for one login to `target`, with credentials from `aws` or else from `env`. */
function awsSession(target, aws, options) {
    const env = options.env ?? process.env;
    // aws.region is deliberately unused: the registry's region is the only one whose token works there.
    const pacing = options.pacing ?? { policy: shared_retry/* DEFAULT_RETRY_POLICY */.cO };
    // AWS_MAX_ATTEMPTS is the AWS tools' own setting, and whoever sets it means AWS calls: it wins.
    const maxAttempts = options.maxAttempts ?? positiveInteger(env.AWS_MAX_ATTEMPTS) ?? pacing.policy.retries + 1;
    const endpoint = configuredEndpoint(env, target.endpointId);
    const sts = configuredEndpoint(env, 'STS');
    // The SDK reads no proxy variable itself. STS and the API client of a login
    // run one after the other, so they may share the agents.
    const requestHandler = { ...REQUEST_HANDLER, ...(0,proxy_agent/* proxyAgents */.Hd)(env) };
    const secrets = [aws.secretAccessKey, aws.sessionToken, env.AWS_SECRET_ACCESS_KEY]
        .concat(env.AWS_SESSION_TOKEN, env.AWS_CONTAINER_AUTHORIZATION_TOKEN)
        .filter((s) => !!s);
    // STS (web identity, assume-role profiles) runs in the registry's region too, so it never lacks one.
    const stsConfig = {
        region: target.region,
        maxAttempts,
        retryStrategy: awsRetryStrategy(pacing, maxAttempts, `${target.label}: STS`, secrets),
        requestHandler,
        ...(sts && { endpoint: sts.url })
    };
    const session = {
        secrets,
        ...(endpoint && { endpoint }),
        clientConfig: {
            region: target.region,
            ...(endpoint && { endpoint: endpoint.url }),
            credentials: () => credentials(),
            maxAttempts,
            retryStrategy: awsRetryStrategy(pacing, maxAttempts, `${target.label}: the ${target.api} API`, secrets),
            requestHandler
        }
    };
    const credentials = firstOf(credentialSources(target, aws, env, stsConfig), session, options.mask);
    return session;
}
/**
 * The credential chain: explicit inputs alone when given; otherwise, in the
 * SDK's own order, environment keys, a shared profile, web identity, the
 * container endpoint, then EC2 instance metadata.
 *
 * Each source is read from `env`, not from whatever process.env holds, and
 * only sources that are configured are tried: a missing profile file or token
 * variable costs nothing. IMDS is the exception, as there is nothing to tell
 * an EC2 runner (whose instance role must keep working) from any other
 * machine; it is skipped when AWS_EC2_METADATA_DISABLED is set and otherwise
 * bounded by IMDS_TIMEOUT_MS, and any failure there just means "no credentials".
 */
function credentialSources(target, aws, env, sts) {
    if (aws.accessKeyId || aws.secretAccessKey || aws.sessionToken)
        return [inputKeys(target, aws)];
    const sources = [];
    const profile = env.AWS_PROFILE;
    const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = env;
    // As in the SDK, a named profile wins over keys in the environment.
    if (!profile && id && secret) {
        sources.push({
            name: 'AWS_ACCESS_KEY_ID in the environment',
            load: async () => ({
                accessKeyId: id,
                secretAccessKey: secret,
                sessionToken: token || undefined
            })
        });
    }
    const home = env.HOME || env.USERPROFILE || (0,external_node_os_.homedir)();
    const filepath = env.AWS_SHARED_CREDENTIALS_FILE || (0,external_node_path_.join)(home, '.aws', 'credentials');
    const configFilepath = env.AWS_CONFIG_FILE || (0,external_node_path_.join)(home, '.aws', 'config');
    if (profile || (0,external_node_fs_.existsSync)(filepath) || (0,external_node_fs_.existsSync)(configFilepath)) {
        sources.push({
            name: `AWS profile "${profile || 'default'}"`,
            load: async () => {
                const { fromIni } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5869, 19));
                // ignoreCache: the SDK caches files per path for the process, and a step may have written them since.
                const init = { profile: profile || 'default', filepath, configFilepath, ignoreCache: true };
                return fromIni({ ...init, clientConfig: sts })();
            },
            // A config file holding only a region is common; that is no error unless a profile was named.
            ...(!profile && { absent: isProviderError })
        });
    }
    const { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: roleArn } = env;
    if (tokenFile && roleArn) {
        sources.push({
            name: `web identity role ${roleArn}`,
            load: async () => {
                const { fromTokenFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 9956, 19));
                const roleSessionName = env.AWS_ROLE_SESSION_NAME || undefined;
                return fromTokenFile({
                    webIdentityTokenFile: tokenFile,
                    roleArn,
                    roleSessionName,
                    clientConfig: sts
                })();
            }
        });
    }
    const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
    const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    if (relative || full) {
        sources.push({
            name: 'the container credentials endpoint',
            load: async () => {
                const { fromHttp } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8605, 19));
                return fromHttp({
                    awsContainerCredentialsRelativeUri: relative,
                    awsContainerCredentialsFullUri: full,
                    awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
                    awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
                })();
            }
        });
    }
    if (!isSet(env.AWS_EC2_METADATA_DISABLED)) {
        sources.push({
            name: 'EC2 instance metadata',
            load: async () => {
                const { fromInstanceMetadata } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 566, 19));
                return fromInstanceMetadata({ timeout: IMDS_TIMEOUT_MS, maxRetries: 0 })();
            },
            absent: () => true
        });
    }
    return sources;
}
function inputKeys(target, aws) {
    const { accessKeyId, secretAccessKey, sessionToken } = aws;
    const fail = (why) => {
        throw new Error(`${target.label}: ${why}`);
    };
    if (!accessKeyId && !secretAccessKey) {
        fail('aws-session-token is set without aws-access-key-id and aws-secret-access-key: set all three');
    }
    if (!secretAccessKey) {
        fail('aws-access-key-id is set but aws-secret-access-key is empty: set both, or neither');
    }
    if (!accessKeyId) {
        fail('aws-secret-access-key is set but aws-access-key-id is empty: set both, or neither');
    }
    const keys = { accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken };
    return { name: 'the aws-access-key-id input', load: async () => keys };
}
/** The first source that has credentials, masked before the SDK (or a log) can show them. */
function firstOf(sources, session, mask) {
    let found;
    const find = async () => {
        for (const source of sources) {
            let keys;
            try {
                keys = await source.load();
            }
            catch (error) {
                if (source.absent?.(error))
                    continue;
                throw new SourceFailed(source.name, error);
            }
            for (const secret of [keys.secretAccessKey, keys.sessionToken]) {
                if (!secret)
                    continue;
                mask(secret);
                session.secrets.push(secret);
            }
            session.source = source.name;
            return keys;
        }
        throw new NoCredentials();
    };
    return () => (found ??= find());
}
/** The SDK's "not configured here" errors, as opposed to a configured source that failed. */
function isProviderError(error) {
    const name = error?.name;
    return typeof name === 'string' && /^(Credentials)?ProviderError$/.test(name);
}
/**
 * The SDK's endpoint override for one service (`AWS_ENDPOINT_URL_ECR`), else the
 * global one, read from `env` like every other setting; unset means the SDK
 * picks the real endpoint.
 */
function configuredEndpoint(env, id) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    for (const variable of [`AWS_ENDPOINT_URL_${id}`, 'AWS_ENDPOINT_URL']) {
        const url = env[variable];
        if (url)
            return { url, variable };
    }
    return undefined;
}
/** The SDK's reading of a flag variable: anything but unset, empty or "false" is on. */
function isSet(value) {
    return !!value && value.toLowerCase() !== 'false';
}
function positiveInteger(value) {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : undefined;
}


/***/ }),

/***/ 3780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ decodeAuthorizationToken),
/* harmony export */   N: () => (/* binding */ explainAwsError),
/* harmony export */   ecrCredentials: () => (/* binding */ ecrCredentials)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _shared_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3091);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _aws_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9977);
/* harmony import */ var _shared_scrub_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9826);





/**
 * Username and password for an ECR private registry, from GetAuthorizationToken
 * in the registry's region (a token works only in the region that issued it).
 *
 * No `registryIds` are sent: the token is good for every registry in that
 * region the principal may reach, other accounts' included (their repository
 * policies decide), and the parameter is deprecated. Naming the other account
 * would only change `proxyEndpoint`, which tagship does not log in to.
 */
async function ecrCredentials(registry, aws, options) {
    const host = registry.host ?? `${registry.account}.dkr.ecr.${registry.region}.amazonaws.com`;
    const target = {
        label: `Amazon ECR ${host}`,
        api: 'ECR',
        endpointId: 'ECR',
        permissions: ['ecr:GetAuthorizationToken'],
        region: registry.region
    };
    const session = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_2__/* .awsSession */ .yb)(target, aws, options);
    const client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .ECRClient */ .S70(session.clientConfig);
    try {
        const { authorizationData } = await client
            .send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .GetAuthorizationTokenCommand */ .Eu6({}))
            .catch((error) => Promise.reject(explainAwsError(error, target, session)));
        const data = authorizationData?.[0];
        const login = decodeAuthorizationToken(data?.authorizationToken, target, session, options.mask);
        return { ...login, expiresAt: data?.expiresAt, proxyEndpoint: data?.proxyEndpoint };
    }
    finally {
        client.destroy();
    }
}
const NO_CREDENTIALS = 'no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship';
/** The registry's username and password from a base64 `user:password` token, both masked first. */
function decodeAuthorizationToken(token, target, session, mask) {
    if (!token)
        throw new Error(`${target.label}: ${target.api} returned no authorization token`);
    mask(token);
    session.secrets.push(token);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = decoded.slice(colon + 1);
    if (colon < 1 || !password) {
        throw new Error(`${target.label}: the token ${target.api} returned is not a base64 user:password`);
    }
    mask(password);
    session.secrets.push(password);
    return { username: decoded.slice(0, colon), password };
}
/** One line a person can act on, with no secret in it, for any failure of a login call. */
function explainAwsError(error, target, session, operation = 'GetAuthorizationToken') {
    const message = `${target.label}: ${reason(error, target, session, operation)}`;
    return new Error((0,_shared_scrub_js__WEBPACK_IMPORTED_MODULE_4__/* .scrubSecrets */ .Z)(message, session.secrets).replace(/\s+/g, ' ').trim());
}
function reason(error, target, session, operation) {
    if (error instanceof _aws_client_js__WEBPACK_IMPORTED_MODULE_2__/* .NoCredentials */ .eq)
        return NO_CREDENTIALS;
    if (error instanceof _aws_client_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceFailed */ .rH) {
        const trust = ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim'];
        const inner = facts(error.error);
        const hint = error.source.startsWith('web identity') && trust.includes(inner.name)
            ? ": check that the role's trust policy accepts this job's OIDC token (issuer, audience, subject)"
            : '';
        // STS retried a failure worth retrying: say how often.
        const tries = transient(inner) ? ` after ${(0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .attemptsText */ .MV)(inner.attempts)}` : '';
        return `could not get AWS credentials from ${error.source}${tries} (${said(error.error)})${hint}`;
    }
    const f = facts(error);
    const { name, code, attempts } = f;
    const from = session.source ?? 'the AWS credential chain';
    const aws = `AWS said: ${said(error)}`;
    const tries = `after ${(0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .attemptsText */ .MV)(attempts)}`;
    switch (name) {
        case 'AccessDeniedException':
        case 'AccessDenied': {
            const named = target.permissions.filter((p) => said(error).includes(p));
            const needed = (named.length ? named : target.permissions).map((p) => `"${p}"`).join(' and ');
            const both = target.permissions.length > 1 && named.length === 1
                ? ` (${target.api} needs ${target.permissions.map((p) => `"${p}"`).join(' and ')})`
                : '';
            return `access denied: allow ${needed} on resource "*" for the AWS identity from ${from}${both}; ${aws}`;
        }
        case 'UnrecognizedClientException':
        case 'InvalidClientTokenId':
            return `AWS does not recognise the access key from ${from}: check the key ID, and pass the session token with temporary keys; ${aws}`;
        case 'InvalidSignatureException':
        case 'SignatureDoesNotMatch':
            return `AWS rejected the signature made with the credentials from ${from}: the secret access key does not belong to the key ID, or the runner's clock is wrong; ${aws}`;
        case 'ExpiredTokenException':
        case 'ExpiredToken':
            return `the AWS session token from ${from} has expired: get fresh credentials (re-run aws-actions/configure-aws-credentials) before tagship; ${aws}`;
    }
    if (code || name === 'TimeoutError') {
        const where = session.endpoint
            ? `at ${session.endpoint.url} (set by ${session.endpoint.variable})`
            : `in ${target.region}`;
        return `cannot reach the ${target.api} API ${where} ${tries} (${said(error)}): check the runner's network access to it`;
    }
    if (transient(f)) {
        return `the ${target.api} API kept failing (${said(error)}) ${tries}: try again later`;
    }
    return `${target.api} ${operation} failed (${said(error)})`;
}
const NETWORK_CODE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/;
/**
 * The SDK's retry layer replaces a thrown value that is not an Error of its
 * own realm (a socket error under a VM sandbox, say) with this wrapper, which
 * keeps only the original's text.
 */
const SDK_WRAPPER = /^AWS SDK error wrapper for /;
/** What a failure says about itself (by shape: see errorChain), and what the SDK adds. */
function facts(error) {
    const [shape = {}] = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorChain */ .eB)(error);
    const sdk = (typeof error === 'object' && error !== null ? error : {});
    const message = shape.message ?? String(error);
    return {
        name: shape.name ?? typeof error,
        message,
        /** The network failure, if it is one: from `code`, or from the text of a wrapped error. */
        code: NETWORK_CODE.exec(shape.code ?? '')?.[1] ??
            (SDK_WRAPPER.test(message) ? NETWORK_CODE.exec(message)?.[1] : undefined),
        fault: sdk.$fault,
        status: sdk.$metadata?.httpStatusCode,
        attempts: sdk.$metadata?.attempts ?? 1
    };
}
/** A failure the login policy retries: the network, a timeout, throttling, 408, 429 or a 5xx. */
function transient(f) {
    if (f.code || f.name === 'TimeoutError' || f.fault === 'server')
        return true;
    if (f.name === 'ThrottlingException')
        return true;
    return f.status !== undefined && (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableStatus */ .PS)(f.status);
}
function said(error) {
    const { name, message, status } = facts(error);
    if (SDK_WRAPPER.test(message))
        return message.replace(SDK_WRAPPER, '');
    // An answer with no AWS error in it (a proxy's, a load balancer's): the SDK knows only its status.
    if (name === 'Unknown' && status !== undefined)
        return `HTTP ${status}`;
    return message ? `${name}: ${message}` : name;
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


/***/ })

};
