export const id = 179;
export const ids = [179];
export const modules = {

/***/ 7179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionEdge: () => (/* binding */ actionEdge)
});

// EXTERNAL MODULE: ./src/action/runner.ts
var runner = __webpack_require__(5242);
// EXTERNAL MODULE: ./src/credentials/token-fetch.ts
var token_fetch = __webpack_require__(7158);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
;// CONCATENATED MODULE: ./src/credentials/github-id-token.ts




/** The default: the `retries` input's default policy (the edges pass the run's). */
const PACING = { policy: (0,retry/* retryPolicy */.Jb)() };
/**
 * The runner's GitHub OIDC ID token for `audience`, asked as @actions/core's
 * getIDToken asks it (`GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…` with the
 * request token as Bearer; the answer's `value`), but through tagship's own
 * proxy rules (see docs/proxies.md) and retries: the same `HTTPS_PROXY` and
 * `NO_PROXY` as every other request, and no deprecated Buffer call in a
 * proxy tunnel. The caller masks the token (githubIdToken checks the
 * variables first and words the errors).
 */
async function fetchGithubIdToken(audience, env = process.env, pacing = PACING) {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!base || !requestToken)
        throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
    const url = new URL(base);
    url.searchParams.set('audience', audience);
    const way = await (0,proxy_dispatch/* route */.wE)(url, [], env);
    return (0,retry/* retrying */.R$)(pacing, async () => {
        let res;
        try {
            res = await (0,token_fetch/* tokenFetch */.o)(url, way, {
                headers: { authorization: `Bearer ${requestToken}`, 'user-agent': 'actions/oidc-client' }
            });
        }
        catch (e) {
            const reason = `${(0,errors/* messageOf */.bD)((0,errors/* causeOf */.rl)(e) ?? e)}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)}`;
            return {
                again: `GitHub's ID token service: ${reason}`,
                error: new Error(`GitHub's ID token service could not be reached: ${reason}`)
            };
        }
        const text = await res.text();
        if ((0,retry/* isRetryableStatus */.PS)(res.status))
            return {
                again: `GitHub's ID token service answered HTTP ${res.status}`,
                retryAfter: res.headers.get('retry-after'),
                error: new Error(`GitHub's ID token service answered HTTP ${res.status} after retrying`)
            };
        if (res.status !== 200)
            throw new Error(`GitHub's ID token service answered HTTP ${res.status}`);
        let value;
        try {
            value = JSON.parse(text).value;
        }
        catch {
            value = undefined;
        }
        if (typeof value !== 'string' || value === '')
            throw new Error("GitHub's ID token service answered with no token");
        return { value };
    });
}

;// CONCATENATED MODULE: ./src/credentials/sources.ts
/**
 * The AWS and Azure SDK paths, for a login step that needs them (the action's and the CLI's).
 * Each SDK is imported only when a login calls it: most runs use neither, and loading them
 * up front is most of the bundle's start-up time (the bundler puts each in its own chunk).
 */
function credentialSources() {
    return {
        ecr: async (provider, aws, options) => {
            const { ecrCredentials } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(780)]).then(__webpack_require__.bind(__webpack_require__, 3780));
            return ecrCredentials(provider, aws, options);
        },
        ecrPublic: async (aws, options) => {
            const { ecrPublicCredentials } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(821), __webpack_require__.e(780), __webpack_require__.e(72)]).then(__webpack_require__.bind(__webpack_require__, 1691));
            return ecrPublicCredentials(aws, options);
        },
        acrOidc: async (registry, azure, options) => {
            const { acrOidcCredentials } = await Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(952), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 9100));
            return acrOidcCredentials(registry, azure, options);
        },
        // No SDK (two fetch calls), but most runs have no Google target to load it for.
        gcpOidc: async (gcp, options) => {
            const { gcpOidcCredentials } = await __webpack_require__.e(/* import() */ 320).then(__webpack_require__.bind(__webpack_require__, 4320));
            return gcpOidcCredentials(gcp, options);
        },
        dockerhubOidc: async (hub, options) => {
            const { dockerhubOidcCredentials } = await __webpack_require__.e(/* import() */ 747).then(__webpack_require__.bind(__webpack_require__, 3747));
            return dockerhubOidcCredentials(hub, options);
        }
    };
}

// EXTERNAL MODULE: ./src/push/events.ts
var events = __webpack_require__(9515);
// EXTERNAL MODULE: ./src/push/session.ts + 2 modules
var session = __webpack_require__(7177);
// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
;// CONCATENATED MODULE: ./src/action/post-io.ts

/**
 * What the post step reads and prints, through the runner's protocol
 * (runner.ts) rather than @actions/core: core drags in its HTTP client
 * (undici, most of a 500 KB bundle) for a step that reads one variable and
 * prints a few lines.
 */

/** The name main saves its state under; the runner hands it back as `STATE_<name>`. */
const POST_STATE_KEY = 'tagship';
function readPostState(env = process.env) {
    const text = getState(POST_STATE_KEY, env);
    if (text === '')
        return undefined;
    return JSON.parse(text);
}

;// CONCATENATED MODULE: ./src/action/state.ts


/** Read back by the post step (post-io.ts). */
function savePostState(state) {
    runner/* saveState */.LZ(POST_STATE_KEY, JSON.stringify(state));
}

;// CONCATENATED MODULE: ./src/action/publish-env.ts








/**
 * The action's side of a publish: log groups and warnings through the
 * runner's protocol (runner.ts), every secret masked, the post step told
 * about each docker login, and DOCKER_CONFIG exported for later steps when
 * `logout: false`.
 */
function actionEdge(inputs) {
    const { logout } = inputs.auth;
    return {
        log: {
            info: (line) => runner/* info */.pq(line),
            warning: (line) => runner/* warning */.$e(line),
            error: (line) => runner/* error */.z3(line),
            group: (title, work) => runner/* group */.Os(title, work)
        },
        mask: (secret) => runner/* setSecret */.Pq(secret),
        // The log groups get the same words for every event as the CLI's plain lines.
        events: events/* printEvent */.I,
        client: clientOptions(inputs),
        sources: credentialSources(),
        login: {
            getIdToken: async (audience) => {
                // The runner masks its request token itself; masked here too, as it is sent.
                const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
                if (requestToken)
                    runner/* setSecret */.Pq(requestToken);
                const token = await fetchGithubIdToken(audience, process.env, {
                    policy: (0,retry/* retryPolicy */.Jb)(inputs.publish.retries),
                    onRetry: (line) => runner/* info */.pq(line)
                });
                runner/* setSecret */.Pq(token);
                return token;
            },
            configParent: process.env.RUNNER_TEMP,
            // Exported for later steps, the config keeps the logins the job already had.
            ...(logout ? {} : { seedConfig: (0,config/* seedFromJob */.l3)((0,config/* readJobConfig */.md)((0,config/* jobConfigPath */.X3)(process.env))) }),
            onDockerLogins: (state) => savePostState({ ...state, logout })
        },
        tempDir: process.env.RUNNER_TEMP,
        loggedIn: ({ configDir, dockerLogins }) => {
            if (configDir === undefined || logout)
                return;
            runner/* exportVariable */.dN('DOCKER_CONFIG', configDir);
            savePostState({ configDir, dockerLogins, logout: false, exported: true });
            runner/* info */.pq(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`);
        }
    };
}
/**
 * The registry client's timeouts, retries and `insecure-registries`, from the
 * publishing inputs; the logins use them too. The list names hosts, so each
 * client relaxes TLS only for the registries listed.
 */
function clientOptions(inputs) {
    return (0,session/* clientOptionsOf */.RS)(inputs, (message) => runner/* info */.pq(message));
}


/***/ }),

/***/ 7158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ tokenFetch)
/* harmony export */ });
/* harmony import */ var _distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7757);

/** How long one request to a token service may take before it is retried. */
const TOKEN_TIMEOUT_MS = 30_000;
/**
 * One request to a token service (GitHub's ID tokens, Docker's identity
 * service, Google STS and IAM, the ACR exchange): JSON accepted, redirects
 * not followed (one would re-send a token to wherever it points), a timeout,
 * and the route of the proxy rules.
 */
function tokenFetch(url, way, init) {
    return fetch(url, {
        ...(init.method !== undefined && { method: init.method }),
        ...(init.body !== undefined && { body: init.body }),
        headers: { accept: 'application/json', ...init.headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
        ...(0,_distribution_proxy_dispatch_js__WEBPACK_IMPORTED_MODULE_0__/* .dispatchOptions */ .th)(way)
    });
}


/***/ })

};
