export const id = 114;
export const ids = [114];
export const modules = {

/***/ 7702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ toWebStream),
/* harmony export */   V: () => (/* binding */ watched)
/* harmony export */ });
/** Node streams and web streams alike, as a web stream of bytes. */
function toWebStream(source) {
    if (source instanceof ReadableStream)
        return source;
    if (typeof source.getReader === 'function')
        return source;
    const it = source[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await it.next();
            if (done)
                controller.close();
            else
                controller.enqueue(typeof value === 'string' ? Buffer.from(value) : value);
        },
        async cancel(reason) {
            await it.return?.(reason);
        }
    });
}
/** Remember why a source stream failed: fetch only says the request body broke. */
function watched(source) {
    let failure;
    const reader = source.getReader();
    const stream = new ReadableStream({
        async pull(controller) {
            try {
                const { done, value } = await reader.read();
                if (done)
                    controller.close();
                else
                    controller.enqueue(value);
            }
            catch (e) {
                failure = e;
                throw e;
            }
        },
        cancel: (reason) => reader.cancel(reason)
    });
    return { stream, failure: () => failure };
}


/***/ }),

/***/ 9057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ nextPage),
/* harmony export */   c: () => (/* binding */ listTags)
/* harmony export */ });
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(548);

/** ECR refuses pages above 1000. */
const PAGE_SIZE = 1000;
/** Enough for a repository with a million tags; a Link loop ends here. */
const MAX_PAGES = 1000;
/**
 * Every tag of a repository, following `Link: <…>; rel="next"` pages. A
 * repository that does not exist yet has no tags (404 → []).
 */
async function listTags(repo, options = {}) {
    const tags = [];
    let next = (0,_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .apiPath */ .So)(repo, `tags/list?n=${options.pageSize ?? PAGE_SIZE}`);
    for (let page = 0; next !== undefined; page++) {
        if (page >= MAX_PAGES)
            throw new Error(`${repo.client.registry}/${repo.path}: the tag list never ends (more than ${MAX_PAGES} pages)`);
        const url = next.startsWith('/') ? `${repo.client.baseUrl}${next}` : next;
        const response = await repo.client.request(url, {}, repo.scopes);
        if (response.status === 404 && page === 0) {
            await response.body?.cancel();
            return [];
        }
        if (!response.ok)
            throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .refusal */ .x5)(repo, response, 'listing tags of', false);
        const body = (await response.json().catch(() => ({})));
        if (Array.isArray(body.tags))
            for (const tag of body.tags)
                if (typeof tag === 'string')
                    tags.push(tag);
        next = nextPage(response.headers.get('link'), url);
    }
    return tags;
}
/** The `rel="next"` target of a Link header, absolute. */
function nextPage(link, base) {
    if (!link)
        return undefined;
    for (const part of link.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2]))
            return new URL(m[1], base).href;
    }
    return undefined;
}


/***/ }),

/***/ 2215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ dockerEnv)
/* harmony export */ });
/**
 * What docker and its helpers may see: not the step's INPUT_* secrets or the
 * runner's ID-token request token, only what the CLI itself reads.
 */
const PASSED_TO_DOCKER = [
    'PATH',
    'HOME',
    'USER',
    'TMPDIR',
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_API_VERSION',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy'
];
/**
 * The environment every docker command runs with: the allow-listed variables,
 * and DOCKER_CONFIG set to `configDir` when given (the run's own logins), else
 * kept as the job set it, if it did.
 */
function dockerEnv(configDir) {
    const env = {};
    for (const name of PASSED_TO_DOCKER) {
        const value = process.env[name];
        if (value !== undefined)
            env[name] = value;
    }
    const config = configDir ?? process.env.DOCKER_CONFIG;
    return config === undefined ? env : { ...env, DOCKER_CONFIG: config };
}


/***/ }),

/***/ 3905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ localImageId),
/* harmony export */   LE: () => (/* binding */ lastDockerLine),
/* harmony export */   Ri: () => (/* binding */ dockerFailure),
/* harmony export */   ST: () => (/* binding */ runDocker)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5260);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2215);



/** The daemon is not there: docker 20–28 (`Cannot connect …`) and newer (`failed to connect to the docker API …`). */
const NO_DAEMON = /Cannot connect to the Docker daemon|failed to connect to the docker API/i;
const NO_SUCH_IMAGE = /no such image/i;
const INVALID_REFERENCE = /invalid reference format/i;
/** Run the docker CLI with the allow-listed environment; never throws for a failed command. */
async function runDocker(args, options = {}) {
    try {
        return await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('docker', [...args], {
            env: (0,_env_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerEnv */ .g)(options.configDir),
            silent: true,
            ignoreReturnCode: true,
            ...(options.listeners ? { listeners: options.listeners } : {})
        });
    }
    catch (error) {
        // @actions/exec throws only when the executable cannot be started.
        const why = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error);
        throw new Error(`cannot run docker: ${why}`, { cause: error });
    }
}
/** docker's last non-empty line of complaint, from stderr (or stdout when stderr is empty). */
function lastDockerLine(result) {
    const lines = (result.stderr.trim() ? result.stderr : result.stdout)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return lines.at(-1) ?? 'no output';
}
/**
 * A failed docker command as one actionable line: no daemon, an image that is
 * not in the daemon (an input error in `source`), or docker's own reason.
 */
function dockerFailure(what, image, result) {
    const line = lastDockerLine(result);
    if (NO_DAEMON.test(line)) {
        return new Error(`${what}: no Docker daemon answers (${line}): start one, or set DOCKER_HOST to a running daemon`);
    }
    if (INVALID_REFERENCE.test(line)) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('source', `${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(image)} is not a valid image reference: ${line}`);
    }
    if (NO_SUCH_IMAGE.test(line)) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('source', `${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(image)} is not an image in the local Docker daemon: build it with load: true ` +
            '(docker/build-push-action) or docker build before tagship, or give a registry reference');
    }
    return new Error(`${what} failed: ${line}`);
}
/** The local image's ID (`sha256:…`), as the daemon knows it. */
async function localImageId(image, options = {}) {
    const result = await runDocker(['image', 'inspect', '--format', '{{.Id}}', '--', image], options);
    if (result.exitCode !== 0)
        throw dockerFailure(`docker image inspect ${image}`, image, result);
    const id = result.stdout.trim();
    if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
        throw new Error(`docker image inspect ${image} gave no image ID: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(id)}`);
    }
    return id;
}


/***/ }),

/***/ 4114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPublish: () => (/* binding */ runPublish)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/distribution/client.ts + 4 modules
var distribution_client = __webpack_require__(1471);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var distribution_errors = __webpack_require__(4604);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/docker/config.ts



/**
 * A Docker config directory for this run only, so tagship never reads or
 * changes the user's ~/.docker, and one job's logout cannot wipe another's
 * login on a shared self-hosted runner.
 */
async function createConfigDir(parent) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent || (0,external_node_os_.tmpdir)(), 'tagship-docker-'));
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), '{}\n', { mode: 0o600 });
    return dir;
}
async function config_removeConfigDir(dir) {
    await rm(dir, { recursive: true, force: true });
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 2 modules
var exec = __webpack_require__(5260);
// EXTERNAL MODULE: ./src/docker/env.ts
var env = __webpack_require__(2215);
;// CONCATENATED MODULE: ./src/docker/login.ts


/**
 * The server name docker stores credentials under. Docker Hub's is the
 * CLI's default (`https://index.docker.io/v1/`), reached by giving none.
 */
function serverArgs(login) {
    return login.registry === 'docker.io' ? [] : [login.registry];
}
/** `docker login --password-stdin` into the run's config directory. Throws with docker's own reason. */
async function dockerLogin(configDir, login) {
    const result = await (0,exec/* getExecOutput */.H)('docker', ['login', '--username', login.username, '--password-stdin', ...serverArgs(login)], {
        input: Buffer.from(login.password),
        env: (0,env/* dockerEnv */.g)(configDir),
        silent: true,
        ignoreReturnCode: true
    });
    if (result.exitCode !== 0) {
        const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
        throw new Error(`docker login to ${login.registry} failed: ${reason}`);
    }
}
/** `docker logout`; returns docker's complaint, if any, for a warning. */
async function login_dockerLogout(configDir, registry) {
    const result = await getExecOutput('docker', ['logout', ...(registry === 'docker.io' ? [] : [registry])], {
        env: dockerEnv(configDir),
        silent: true,
        ignoreReturnCode: true
    });
    return result.exitCode === 0 ? undefined : (result.stderr || result.stdout).trim();
}

// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
;// CONCATENATED MODULE: ./src/credentials/github-oidc.ts

/**
 * Wraps the runner's ID-token request so that its failures say what to fix.
 * The runner sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN only for jobs with
 * `permissions: id-token: write`; without them @actions/core fails with
 * "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable", which does not
 * tell a user which line of the workflow to change.
 */
function githubIdToken(use, fetchIdToken, env = process.env) {
    return async (audience) => {
        const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !requestToken) {
            throw new Error(`${use.login} with OIDC needs \`permissions: id-token: write\` in the job (or ${use.alternative})`);
        }
        let token;
        try {
            token = await fetchIdToken(audience);
        }
        catch (e) {
            // @actions/core's message spans several lines and starts with "Error message:".
            const detail = (0,errors/* messageOf */.bD)(e)
                .replace(/^Error message:\s*/, '')
                .replaceAll(requestToken, '***')
                .replace(/\s+/g, ' ')
                .trim();
            // No cause: it would bring back the runner's request token removed above.
            // eslint-disable-next-line preserve-caught-error
            throw new Error(`${use.login} with OIDC: GitHub did not issue an ID token: ${detail}`);
        }
        if (!token)
            throw new Error(`${use.login} with OIDC: GitHub returned an empty ID token`);
        return token;
    };
}

;// CONCATENATED MODULE: ./src/credentials/acquire.ts


/** Where the credentials of a step came from, for the log. */
function sourceOf(step) {
    switch (step.credentials.kind) {
        case 'static':
            return step.credentials.from;
        case 'ecr':
            return 'ECR GetAuthorizationToken';
        case 'ecr-public':
            return 'ECR Public GetAuthorizationToken';
        case 'acr-oidc':
            return 'GitHub OIDC, Entra ID and the ACR token exchange';
        case 'anonymous':
            return 'none';
    }
}
/**
 * Obtain the credentials of one login step. Every secret is masked, and so
 * is the Basic value derived from it, before this returns. Anonymous steps
 * give undefined.
 */
async function acquireLogin(step, auth, options) {
    const c = step.credentials;
    let obtained;
    switch (c.kind) {
        case 'anonymous':
            return undefined;
        case 'static':
            options.mask(c.password);
            obtained = { username: c.username, password: c.password };
            break;
        case 'ecr':
            obtained = await options.sources.ecr({ account: c.account, region: c.region, host: step.registry }, auth.aws, {
                mask: options.mask
            });
            break;
        case 'ecr-public':
            obtained = await options.sources.ecrPublic(auth.aws, { mask: options.mask });
            break;
        case 'acr-oidc':
            obtained = await options.sources.acrOidc({ host: step.registry, baseUrl: (0,endpoint/* registryBaseUrl */.mO)(step.registry) }, { clientId: c.clientId, tenantId: c.tenantId }, {
                mask: options.mask,
                getIdToken: githubIdToken({ login: `Azure login for ${step.registry}`, alternative: 'set azure-client-secret' }, options.getIdToken)
            });
            break;
    }
    options.mask(obtained.password);
    options.mask(Buffer.from(`${obtained.username}:${obtained.password}`).toString('base64'));
    return {
        registry: step.registry,
        provider: step.provider,
        username: obtained.username,
        password: obtained.password,
        source: sourceOf(step),
        ...(obtained.expiresAt ? { expiresAt: obtained.expiresAt } : {})
    };
}

// EXTERNAL MODULE: ./src/registry/provider.ts
var provider = __webpack_require__(4998);
;// CONCATENATED MODULE: ./src/credentials/login-messages.ts

/** What to tell a person whose credentials a registry refused: which input to check. */
function rejectedMessage(step) {
    const c = step.credentials;
    const who = step.provider.kind === 'generic'
        ? step.registry
        : `${(0,provider/* providerName */.pX)(step.provider)} (${step.registry})`;
    switch (c.kind) {
        case 'static':
            if (c.from === 'dockerhub-token') {
                return `${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the credentials for ${c.username}: check dockerhub-token (an access token with Read & Write, not the password)`;
            }
            if (c.from === 'azure-client-secret') {
                return `${who} rejected service principal ${c.username}: check azure-client-secret, and that the principal has the AcrPush role on the registry`;
            }
            return `${who} rejected the credentials for ${c.username}: check its entry in registry-auth`;
        case 'ecr':
            return `${who} rejected the ECR authorization token: check that the AWS identity may push to account ${c.account} in ${c.region}`;
        case 'ecr-public':
            return `${who} rejected the ECR Public authorization token: check that the AWS identity may push to it`;
        case 'acr-oidc':
            return `${who} rejected the ACR refresh token for client ${c.clientId}: check that it has the AcrPush role on the registry`;
        case 'anonymous':
            return `${step.registry} asks for credentials and none were given: add it to registry-auth`;
    }
}

// EXTERNAL MODULE: ./src/credentials/login-plan.ts
var login_plan = __webpack_require__(4871);
;// CONCATENATED MODULE: ./src/shared/log-groups.ts
/**
 * A log that holds its lines until it is released into a sink, then passes
 * every further line straight on: work that runs at the same time as other
 * work can still show its lines together, in its own group.
 */
class HeldLog {
    held = [];
    sink;
    info = (line) => this.emit('info', line);
    warning = (line) => this.emit('warning', line);
    error = (line) => this.emit('error', line);
    release(sink) {
        this.sink = sink;
        for (const [kind, line] of this.held)
            send(sink, kind, line);
        this.held = [];
    }
    emit(kind, line) {
        if (this.sink)
            send(this.sink, kind, line);
        else
            this.held.push([kind, line]);
    }
}
function send(sink, kind, line) {
    const write = sink[kind] ?? sink.info;
    write.call(sink, line);
}
/**
 * Start every task at once, and show them as groups in the tasks' order:
 * the first group's lines live, each later group's held lines when it opens
 * (then live). A group closes when its task settles; `present` may add
 * lines inside it. One slow target no longer holds up the others, and the
 * log still reads like the plan.
 */
async function runGrouped(log, tasks, present) {
    const holds = tasks.map(() => new HeldLog());
    // Settled at once, so a task that fails early is never an unhandled rejection.
    const settled = tasks.map((task, i) => task.run(holds[i]).then((value) => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason })));
    const results = [];
    for (const [i, task] of tasks.entries()) {
        results.push(await log.group(task.title, async () => {
            holds[i].release(log);
            return present(await settled[i], i);
        }));
    }
    return results;
}

;// CONCATENATED MODULE: ./src/docker/undo.ts


/** Log out of every registry docker logged in to, then delete the config directory; only warns. */
async function undoDockerLogins(state, log) {
    for (const registry of state.dockerLogins) {
        const problem = await dockerLogout(state.configDir, registry);
        if (problem)
            log.warning(`docker logout ${registry}: ${problem}`);
        else
            log.info(`Logged out of ${registry}`);
    }
    await removeConfigDir(state.configDir);
    log.info(`Removed ${state.configDir}`);
}

;// CONCATENATED MODULE: ./src/credentials/login-all.ts










/**
 * Log in to every registry of the plan, one log group each: obtain the
 * credentials and check them against the registry (every registry at once),
 * then (for the docker CLI engine) `docker login` into a config directory
 * made for this run. Every registry is tried, so one run reports every
 * refused login at once.
 */
async function loginAll(steps, auth, options) {
    const { log } = options;
    const logins = new Map();
    const clients = new Map();
    const dockerLogins = [];
    let configDir;
    const changed = () => {
        if (configDir !== undefined)
            options.onDockerLogins?.({ configDir, dockerLogins });
    };
    const failures = [];
    // Credentials and login checks for every registry at once; what follows a
    // check (docker login, which rewrites one config file) one at a time, in order.
    await runGrouped(log, steps.map((step) => ({
        title: `Login to ${step.registry}`,
        run: (held) => checkOne(step, held)
    })), async (settled, i) => {
        const step = steps[i];
        try {
            if (settled.status === 'rejected')
                throw settled.reason;
            await finishOne(step, settled.value);
        }
        catch (e) {
            log.error((0,errors/* messageOf */.bD)(e));
            failures.push(step.registry);
        }
    });
    if (failures.length > 0) {
        throw new Error(`could not log in to ${failures.length} of ${steps.length} registries (${failures.join(', ')}): nothing was pushed`);
    }
    return { logins, clients, dockerLogins, ...(configDir ? { configDir } : {}) };
    async function checkOne(step, held) {
        const kind = step.provider.kind === 'generic' ? '' : ` (${(0,provider/* providerName */.pX)(step.provider)})`;
        held.info(`${step.registry}${kind}: ${(0,login_plan/* describeCredentials */.Mo)(step.credentials)}`);
        const login = await acquireLogin(step, auth, {
            sources: options.sources,
            mask: options.mask,
            getIdToken: options.getIdToken
        });
        try {
            const client = new distribution_client/* RegistryClient */.bP(step.registry, login, options.mask, options.client);
            await client.checkLogin();
            clients.set(step.registry, client);
        }
        catch (e) {
            if (e instanceof distribution_errors/* CredentialsRejectedError */.HK)
                throw new Error((options.rejected ?? rejectedMessage)(step), { cause: e });
            throw e;
        }
        if (!login)
            held.info(`${step.registry} accepts anonymous requests`);
        return login;
    }
    async function finishOne(step, login) {
        if (!login)
            return;
        logins.set(step.registry, login);
        if (options.useDocker && step.push) {
            if (configDir === undefined) {
                configDir = await createConfigDir(options.configParent);
                changed();
            }
            await dockerLogin(configDir, login);
            dockerLogins.push(step.registry);
            changed();
        }
        const until = login.expiresAt ? `, valid until ${login.expiresAt.toISOString()}` : '';
        log.info(`Logged in to ${step.registry} as ${login.username} (${login.source}${until})`);
    }
}


// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/distribution/repo.ts
var distribution_repo = __webpack_require__(548);
// EXTERNAL MODULE: ./src/distribution/byte-streams.ts
var byte_streams = __webpack_require__(7702);
;// CONCATENATED MODULE: ./src/distribution/blob-upload.ts





/**
 * The most a chunked upload holds in memory: some registries refuse one PUT
 * with the whole body and want PATCHes, which must each carry a known length.
 */
const CHUNK_BYTES = 8 * 1024 * 1024;
/**
 * Upload a blob: open a session, then one streamed PUT with the whole body;
 * a registry that refuses that (405, 413, 501, UNSUPPORTED) gets PATCH chunks
 * of at most CHUNK_BYTES and a closing PUT. A transient failure (network,
 * 408/429/5xx, an expired token, a lost session) re-opens the source and
 * starts over, as many times as the client retries.
 */
async function uploadBlob(repo, blob) {
    for (let attempt = 0;; attempt++) {
        try {
            await uploadOnce(repo, blob);
            return;
        }
        catch (e) {
            if (!isTransient(e))
                throw e;
            if (attempt >= repo.client.retries) {
                if (e instanceof distribution_errors/* RegistryUnreachableError */.ST)
                    throw new distribution_errors/* RegistryUnreachableError */.ST(e.registry, e.detail, attempt, { cause: e });
                if (!(e instanceof RetryableAnswer))
                    throw e;
                const { context, answer } = e.error;
                throw new distribution_errors/* RegistryRequestError */.vs(context, { ...answer, retries: attempt }, { cause: e });
            }
            const retryAfter = e instanceof RetryableAnswer ? e.retryAfter : undefined;
            await repo.client.waitToRetry(attempt, `uploading blob ${blob.digest} to ${repo.path}: ${e.message}`, retryAfter);
        }
    }
}
/** A registry answer worth trying the whole upload again for. */
class RetryableAnswer extends Error {
    error;
    retryAfter;
    constructor(error, retryAfter) {
        const code = error.code ? ` ${error.code}` : '';
        super(`the upload answered HTTP ${error.status}${code}`, { cause: error });
        this.error = error;
        this.retryAfter = retryAfter;
    }
}
function isTransient(e) {
    if (e instanceof RetryableAnswer || e instanceof distribution_errors/* RegistryUnreachableError */.ST)
        return true;
    if (e instanceof distribution_errors/* RegistryRequestError */.vs)
        return (0,retry/* isRetryableStatus */.PS)(e.status);
    // A refusal, bad content or bad credentials stay so; anything else came from
    // the source stream breaking off (a dropped download) and may pass.
    return !(e instanceof distribution_errors/* ContentMismatchError */.gd ||
        e instanceof distribution_errors/* CredentialsRejectedError */.HK ||
        e instanceof endpoint/* UnsafeEndpointError */.Qh);
}
async function uploadOnce(repo, blob) {
    const session = await startUpload(repo, blob.digest);
    const source = (0,byte_streams/* watched */.V)((0,byte_streams/* toWebStream */.U)(await blob.open()));
    let response;
    try {
        response = await repo.client.request(withDigest(session.location, blob.digest), {
            method: 'PUT',
            headers: {
                'content-type': 'application/octet-stream',
                'content-length': String(blob.size)
            },
            body: source.stream
        }, repo.scopes);
    }
    catch (e) {
        // A broken source shows as a failed request: report the source's own error.
        throw source.failure() ?? e;
    }
    if (response.status === 201 || response.status === 204) {
        await response.body?.cancel();
        checkStored(repo, blob, response);
        return;
    }
    await source.stream.cancel().catch(() => undefined);
    const retryAfter = response.headers.get('retry-after');
    const error = await (0,distribution_repo/* refusal */.x5)(repo, response, 'uploading blob', true, blob.digest);
    if (refusesMonolithic(error))
        return uploadChunked(repo, blob);
    if ((0,retry/* isRetryableStatus */.PS)(error.status) || error.status === 401 || lostSession(error))
        throw new RetryableAnswer(error, retryAfter);
    throw error;
}
async function uploadChunked(repo, blob) {
    const session = await startUpload(repo, blob.digest);
    const chunkBytes = Math.max(CHUNK_BYTES, session.minChunk);
    const reader = (0,byte_streams/* toWebStream */.U)(await blob.open()).getReader();
    let location = session.location;
    let offset = 0;
    const buffer = new Uint8Array(chunkBytes);
    let filled = 0;
    const send = async () => {
        const body = buffer.subarray(0, filled);
        const response = await repo.client.request(location, {
            method: 'PATCH',
            headers: {
                'content-type': 'application/octet-stream',
                'content-range': `${offset}-${offset + filled - 1}`,
                'content-length': String(filled)
            },
            body
        }, repo.scopes);
        if (response.status !== 202) {
            const retryAfter = response.headers.get('retry-after');
            const error = await (0,distribution_repo/* refusal */.x5)(repo, response, 'uploading blob', true, blob.digest);
            if ((0,retry/* isRetryableStatus */.PS)(error.status) || error.status === 401 || lostSession(error))
                throw new RetryableAnswer(error, retryAfter);
            throw error;
        }
        await response.body?.cancel();
        location = resolveLocation(response, location) ?? location;
        offset += filled;
        filled = 0;
    };
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            let at = 0;
            while (at < value.length) {
                const take = Math.min(value.length - at, chunkBytes - filled);
                buffer.set(value.subarray(at, at + take), filled);
                filled += take;
                at += take;
                if (filled === chunkBytes)
                    await send();
            }
        }
        if (filled > 0)
            await send();
    }
    catch (e) {
        await reader.cancel().catch(() => undefined);
        throw e;
    }
    if (offset !== blob.size)
        throw new distribution_errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, blob.digest, `the source gave ${offset} bytes where the manifest says ${blob.size}`);
    const response = await repo.client.request(withDigest(location, blob.digest), { method: 'PUT', headers: { 'content-length': '0' } }, repo.scopes);
    if (response.status !== 201 && response.status !== 204) {
        const retryAfter = response.headers.get('retry-after');
        const error = await (0,distribution_repo/* refusal */.x5)(repo, response, 'uploading blob', true, blob.digest);
        if (error.status === 401 || lostSession(error))
            throw new RetryableAnswer(error, retryAfter);
        throw error;
    }
    await response.body?.cancel();
    checkStored(repo, blob, response);
}
async function startUpload(repo, digest) {
    const path = (0,distribution_repo/* apiPath */.So)(repo, 'blobs/uploads/');
    const response = await repo.client.request(path, { method: 'POST' }, repo.scopes);
    const location = resolveLocation(response, `${repo.client.baseUrl}${path}`);
    if (response.status !== 202 || !location)
        throw await (0,distribution_repo/* refusal */.x5)(repo, response, 'uploading blob', true, digest);
    await response.body?.cancel();
    const minChunk = Number(response.headers.get('oci-chunk-min-length') ?? 0);
    return { location, minChunk: Number.isSafeInteger(minChunk) ? minChunk : 0 };
}
/** `Location` as given, made absolute against the URL it answered (it may be relative, or on another host). */
function resolveLocation(response, requestUrl) {
    const location = response.headers.get('location');
    return location ? new URL(location, requestUrl).href : undefined;
}
/** Append `digest=` without re-encoding the session's own query (some are signed). */
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
function refusesMonolithic(error) {
    return [405, 413, 501].includes(error.status) || error.code === 'UNSUPPORTED';
}
function lostSession(error) {
    return error.code === 'BLOB_UPLOAD_UNKNOWN' || error.code === 'BLOB_UPLOAD_INVALID';
}
function checkStored(repo, blob, response) {
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== blob.digest)
        throw new distribution_errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, blob.digest, `the registry stored the upload as ${stored}`);
}

// EXTERNAL MODULE: ./src/distribution/scope.ts
var scope = __webpack_require__(8850);
;// CONCATENATED MODULE: ./src/distribution/blobs.ts


/** Whether the repository has the blob (HEAD; a redirect to storage means yes). */
async function hasBlob(repo, digest) {
    const response = await repo.client.request((0,distribution_repo/* apiPath */.So)(repo, `blobs/${digest}`), { method: 'HEAD', redirect: 'manual' }, repo.scopes);
    if (response.ok || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        return true;
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return false;
    }
    throw await (0,distribution_repo/* refusal */.x5)(repo, response, 'checking blob', false, digest);
}
/**
 * Ask the registry to link a blob from another repository it holds (no
 * bytes move). True when mounted (201). Anything else is false and the
 * caller uploads: 202 (the registry opened an upload session instead; it is
 * left to expire, as cancelling needs the `delete` action that push tokens
 * lack), 401/403 (the source is not readable), 400/404. The scopes gain pull
 * on `fromPath` when they lack it, as the token must cover both.
 */
async function mountBlob(repo, digest, fromPath) {
    const pull = (0,scope/* repositoryScope */.F)(fromPath, 'pull');
    const covered = repo.scopes.some((s) => s === pull || s === (0,scope/* repositoryScope */.F)(fromPath, 'pull,push'));
    const scopes = covered ? repo.scopes : [...repo.scopes, pull];
    const query = new URLSearchParams({ mount: digest, from: fromPath });
    const path = (0,distribution_repo/* apiPath */.So)(repo, `blobs/uploads/?${query.toString()}`);
    const response = await repo.client.request(path, { method: 'POST' }, scopes);
    await response.body?.cancel();
    return response.status === 201;
}

// EXTERNAL MODULE: ./src/distribution/manifests.ts
var manifests = __webpack_require__(8831);
// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
// EXTERNAL MODULE: ./src/shared/limit.ts
var limit = __webpack_require__(7669);
;// CONCATENATED MODULE: ./src/distribution/copy.ts






/**
 * Make everything `top` refers to exist in `target`: the blobs of an image,
 * or for an index every child manifest (by digest, with its blobs). `top`
 * itself is not written: tags are, afterwards, so no tag ever points at
 * content that is not there.
 */
async function copyContent(source, target, top, options) {
    const stats = {
        blobsPresent: 0,
        blobsMounted: 0,
        blobsUploaded: 0,
        bytesUploaded: 0,
        manifestsPresent: 0,
        manifestsWritten: 0
    };
    // A layer shared by several platforms is transferred once.
    const blobs = options.transfers ?? new Map();
    const mountFrom = (options.mountFrom ?? []).filter((path) => path !== target.path);
    const mountRepo = {
        client: target.client,
        path: target.path,
        scopes: [...target.scopes, ...mountFrom.map((path) => (0,scope/* repositoryScope */.F)(path, 'pull'))]
    };
    const written = new Set();
    const copyBlob = (blob) => {
        let done = blobs.get(blob.digest);
        if (!done) {
            done = transferBlob(blob);
            blobs.set(blob.digest, done);
        }
        return done;
    };
    const transferBlob = async (blob) => {
        if (await hasBlob(target, blob.digest)) {
            stats.blobsPresent++;
            options.onBlob?.(blob, 'already there');
            return;
        }
        for (const from of mountFrom) {
            if (await mountBlob(mountRepo, blob.digest, from)) {
                stats.blobsMounted++;
                options.log(`mounted ${copy_short(blob.digest)} from ${from}`);
                options.onBlob?.(blob, 'mounted');
                return;
            }
        }
        await uploadBlob(target, {
            digest: blob.digest,
            size: blob.size,
            open: async () => withProgress(await source.openBlob(blob), blob, options.log)
        });
        stats.blobsUploaded++;
        stats.bytesUploaded += blob.size;
        options.log(`uploaded ${copy_short(blob.digest)} (${formatBytes(blob.size)})`);
        options.onBlob?.(blob, 'uploaded');
    };
    // Read the tree first: which child manifests the target lacks (HEADs and
    // reads side by side), and every blob they and `top` need. Then every blob
    // of every platform at once (as wide as `concurrency`), then the child
    // manifests, deepest first: a manifest is written only when everything it
    // refers to is there, as the registry demands.
    const toWrite = [];
    const needed = [];
    const width = options.concurrency * 4;
    const walk = async (manifest, depth) => {
        const { manifests: children, blobs: own } = (0,media_types/* manifestChildren */.fM)(manifest);
        needed.push(...own);
        await (0,limit/* allLimited */.y)(children, width, async (child) => {
            if (await (0,manifests/* headManifest */.sy)(target, child.digest)) {
                stats.manifestsPresent++;
                return;
            }
            const childManifest = await source.manifest(child.digest);
            await walk(childManifest, depth + 1);
            toWrite.push({ manifest: childManifest, child, depth: depth + 1 });
        });
    };
    await walk(top, 0);
    const unique = [...new Map(needed.map((d) => [d.digest, d])).values()];
    await (0,limit/* allLimited */.y)(unique, options.concurrency, copyBlob);
    const depths = [...new Set(toWrite.map((w) => w.depth))].sort((x, y) => y - x);
    for (const depth of depths) {
        const level = toWrite.filter((w) => w.depth === depth && !written.has(w.child.digest));
        for (const w of level)
            written.add(w.child.digest);
        await (0,limit/* allLimited */.y)(level, width, async ({ manifest, child }) => {
            await (0,manifests/* putManifest */.RV)(target, child.digest, manifest);
            stats.manifestsWritten++;
            options.log(`wrote manifest ${copy_short(child.digest)}${platformText(child)}`);
        });
    }
    return stats;
}
/** Blobs at least this large say how far their transfer got, every quarter. */
const PROGRESS_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Count the bytes of a large blob as they pass, so a long transfer shows
 * progress in the log instead of minutes of silence.
 */
function withProgress(stream, blob, log) {
    if (blob.size < PROGRESS_MIN_BYTES)
        return stream;
    let seen = 0;
    let quarter = 0;
    return stream.pipeThrough(new TransformStream({
        transform(chunk, controller) {
            seen += chunk.byteLength;
            while (quarter < 3 && seen >= ((quarter + 1) * blob.size) / 4) {
                quarter++;
                log(`${copy_short(blob.digest)}: ${quarter * 25}% of ${formatBytes(blob.size)}`);
            }
            controller.enqueue(chunk);
        }
    }));
}
function platformText(d) {
    const p = d.platform;
    if (!p)
        return '';
    return ` (${[p.os, p.architecture, p.variant].filter(Boolean).join('/')})`;
}
function copy_short(digest) {
    return digest.slice(0, 19);
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/tags/version.ts
var version = __webpack_require__(2561);
;// CONCATENATED MODULE: ./src/push/floating.ts


/**
 * Read a repository tag as a version written the way this run writes its
 * version tags (`<prefix><semver><suffix>`). Anything else (`sha-…`, `dev`,
 * `v2.0.0` when this run writes `2.0.0`) is not a version and is ignored.
 */
function versionIn(tag, prefix, suffix) {
    if (tag.length <= prefix.length + suffix.length)
        return undefined;
    if (!tag.startsWith(prefix) || !tag.endsWith(suffix))
        return undefined;
    return (0,version/* parseReleaseTag */.rE)(tag.slice(prefix.length, tag.length - suffix.length), '');
}
/** Whether `v` belongs to the versions the floating tag follows. */
function inScope(tag, release, v) {
    switch (tag.kind) {
        case 'latest':
            return !(0,version/* isPrerelease */.V1)(v);
        case 'major':
            return !(0,version/* isPrerelease */.V1)(v) && v.major === release.major;
        case 'minor':
            return !(0,version/* isPrerelease */.V1)(v) && v.major === release.major && v.minor === release.minor;
        case 'channel':
            return (0,version/* isPrerelease */.V1)(v) && (0,version/* prereleaseChannel */.MU)(v) === tag.channel;
    }
}
/**
 * The repository tag (as listed: `v2.0.0`, `2.0.0-alpine`) of the highest
 * version that outranks this release in the floating tag's scope, or
 * undefined when the tag may move. Only a strictly higher version keeps the
 * tag: an equal one is this release again.
 */
function holdsNewer(tag, existingTags) {
    const release = (0,version/* parseReleaseTag */.rE)(tag.version, '');
    // A version we cannot read orders nothing: moving is what the user asked for.
    if (!release)
        return undefined;
    let best;
    for (const name of existingTags) {
        const v = versionIn(name, tag.prefix, tag.suffix);
        if (!v || !inScope(tag, release, v) || !semver_default().gt(v.version, release.version))
            continue;
        if (!best || semver_default().gt(v.version, best.version))
            best = { name, version: v.version };
    }
    return best?.name;
}
/** The result detail of a kept tag: `newer version 2.0.0 holds it`. */
function keptDetail(newer) {
    return `newer version ${newer} holds it`;
}

;// CONCATENATED MODULE: ./src/push/decide.ts

/**
 * A tag already at the digest is left alone (re-runs write nothing, also on
 * immutable repositories); a floating tag a newer release holds stays where
 * it is; everything else is written.
 */
function decideTag(facts) {
    if (facts.current !== undefined && facts.current === facts.expected)
        return { action: 'already there' };
    if (facts.forwardOnly && facts.floating) {
        const newer = holdsNewer(facts.floating, facts.existingTags);
        if (newer !== undefined)
            return { action: 'kept', newer };
    }
    return facts.current === undefined
        ? { action: 'write' }
        : { action: 'write', current: facts.current };
}

;// CONCATENATED MODULE: ./src/push/docker-content.ts

/**
 * The manifest under which a local image is already in the target, found by
 * its image ID (the config digest): a re-run with the same build writes
 * nothing, though the docker CLI would push (and re-tag) it again.
 */
async function findLocalImage(state, imageId) {
    for (const digest of new Set(state.current.values())) {
        const manifest = await (0,manifests/* getManifest */.c2)(state.repo, digest);
        if (configDigest(manifest) === imageId)
            return manifest;
    }
    return undefined;
}
function configDigest(manifest) {
    try {
        const parsed = JSON.parse(new TextDecoder().decode(manifest.bytes));
        return typeof parsed.config?.digest === 'string' ? parsed.config.digest : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/push/run.ts
function newRun(state, events) {
    return { state, decisions: new Map(), results: new Map(), events };
}
/** Record what became of a tag, and tell whoever watches. */
function settle(run, result) {
    run.results.set(result.tag, result);
    run.events({
        kind: 'tag',
        target: run.state.target.repository.name,
        tag: result.tag,
        status: result.status,
        ...(result.detail !== undefined ? { detail: result.detail } : {})
    });
}
function base(tag) {
    return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons };
}
function tagResult(tag, status, digest) {
    return { ...base(tag), status, digest };
}

;// CONCATENATED MODULE: ./src/push/content.ts






function decideAll(run, expected, options) {
    for (const tag of run.state.target.tags) {
        if (run.results.has(tag.tag))
            continue;
        const current = run.state.current.get(tag.tag);
        run.decisions.set(tag.tag, decideTag({
            ...(current !== undefined ? { current } : {}),
            ...(expected !== undefined ? { expected } : {}),
            ...(tag.floating ? { floating: tag.floating } : {}),
            existingTags: run.state.existingTags,
            forwardOnly: options.forwardOnly
        }));
    }
}
/** Bring what the tags will point at to one target; on failure its writes fail with the reason. */
async function bringContent(run, source, options, landed, env) {
    try {
        if (source.kind === 'content')
            await copyTo(run, source, options, landed, env);
        else
            await pushLocal(run, source, options, env);
    }
    catch (e) {
        run.contentFailed = true;
        failWrites(run, `the content could not be pushed: ${(0,errors/* messageOf */.bD)(e)}`);
    }
}
async function copyTo(run, source, options, landed, env) {
    const { state } = run;
    const registry = state.target.repository.registry;
    const from = source.content.repository;
    run.manifest = source.top;
    decideAll(run, source.top.digest, options);
    if (!hasWrites(run))
        return env.log.info('nothing to copy: no tag needs writing');
    if (from?.registry === registry && from.path === state.repo.path)
        return env.log.info('a retag in the source repository: the content is there already');
    const mountFrom = [
        ...(from?.registry === registry ? [from.path] : []),
        ...(landed.get(registry) ?? [])
    ];
    const target = state.target.repository.name;
    const stats = await copyContent(source.content, state.repo, source.top, {
        concurrency: options.concurrency,
        mountFrom,
        log: (line) => env.log.info(line),
        onBlob: (blob, how) => run.events({ kind: 'blob', target, digest: blob.digest, bytes: blob.size, how })
    });
    landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path]);
    env.log.info(`blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`);
}
async function pushLocal(run, source, options, env) {
    const { state } = run;
    const found = await findLocalImage(state, source.imageId);
    if (found) {
        run.manifest = found;
        decideAll(run, found.digest, options);
        return env.log.info(`the image is already there as ${found.digest}: no docker push`);
    }
    decideAll(run, undefined, options);
    const first = pushTagOf(run);
    if (!first)
        return env.log.info('nothing to push: every tag is kept');
    const reference = `${state.target.repository.name}:${first.tag}`;
    const pushed = await env.docker.push(source.image, reference, (line) => env.log.info(line));
    run.manifest = await (0,manifests/* getManifest */.c2)(state.repo, pushed.digest);
    settle(run, tagResult(first, 'pushed', pushed.digest));
    run.decisions.delete(first.tag);
    decideAll(run, pushed.digest, options);
}
/** The tag the docker CLI pushes: the first to write, preferring one that does not exist yet. */
function pushTagOf(run) {
    const writes = run.state.target.tags.filter((t) => run.decisions.get(t.tag)?.action === 'write');
    return writes.find((t) => !run.state.current.has(t.tag)) ?? writes[0];
}
function failWrites(run, detail) {
    for (const tag of run.state.target.tags) {
        if (run.results.has(tag.tag))
            continue;
        const d = run.decisions.get(tag.tag);
        if (d !== undefined && d.action !== 'write')
            continue;
        settle(run, { ...base(tag), status: 'failed', detail });
    }
}
function hasWrites(run) {
    return [...run.decisions.values()].some((d) => d.action === 'write');
}

;// CONCATENATED MODULE: ./src/push/events.ts
/** For a publish nobody watches. */
const NO_EVENTS = () => undefined;

// EXTERNAL MODULE: ./src/referrers/summary.ts
var summary = __webpack_require__(212);
// EXTERNAL MODULE: ./src/referrers/tag-names.ts
var tag_names = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/referrers/registry-api.ts
var registry_api = __webpack_require__(6160);
// EXTERNAL MODULE: ./src/referrers/referrers-index.ts
var referrers_index = __webpack_require__(3729);
;// CONCATENATED MODULE: ./src/referrers/fallback-tag.ts





/**
 * Add `additions` to the index under the subject's referrers tag, for a
 * registry without the referrers API: read what is there now, keep all of
 * it (other clients' referrers), append what is missing, and write it back
 * only when it changed. Undefined when nothing needed writing.
 */
async function updateReferrersTag(target, subject, additions) {
    const tag = (0,tag_names/* referrersTag */.LN)(subject);
    const current = await (0,registry_api/* getManifestOrNothing */.wV)(target, tag);
    if (current && !(0,media_types/* isIndexMediaType */.$$)(current.mediaType))
        throw new Error(`the tag ${tag} holds a ${current.mediaType}, not a referrers index: it is left as it is`);
    const kept = current ? (0,referrers_index/* listedDescriptors */.k)(current.bytes).length : 0;
    const merged = (0,referrers_index/* mergeReferrersIndex */.l1)(current, additions);
    if (!merged)
        return undefined;
    await (0,manifests/* putManifest */.RV)(target, tag, merged);
    return { added: (0,referrers_index/* listedDescriptors */.k)(merged.bytes).length - kept, kept };
}

;// CONCATENATED MODULE: ./src/referrers/write-groups.ts








/**
 * The referrers of one subject: each one not listed yet is copied and stored
 * by digest; those the registry does not list itself (no `OCI-Subject`) go
 * into the subject's referrers tag, in one update after all of them.
 */
async function writeSubject(referrers, subject, target, state, copy, log) {
    const listing = state.subjects.get(subject);
    const outcomes = [];
    const unlisted = [];
    for (const r of referrers) {
        const digest = r.manifest.digest;
        if (listing?.api?.has(digest)) {
            outcomes.push({ referrer: r, status: 'already there', via: 'api' });
            continue;
        }
        if (listing?.tagIndex.has(digest)) {
            outcomes.push({ referrer: r, status: 'already there', via: 'tag-schema' });
            continue;
        }
        try {
            await copy(r);
            const { subjectListed } = await (0,registry_api/* putReferrerManifest */.wj)(target, r.manifest);
            if (!subjectListed) {
                unlisted.push(r);
                continue;
            }
            log(`copied ${describe(r)}: the referrers API lists it`);
            outcomes.push({ referrer: r, status: 'copied', via: 'api' });
        }
        catch (e) {
            outcomes.push({
                referrer: r,
                status: 'failed',
                detail: (0,errors/* messageOf */.bD)(e),
                via: placementOf(r, state)
            });
        }
    }
    if (unlisted.length === 0)
        return outcomes;
    const tag = (0,tag_names/* referrersTag */.LN)(subject);
    try {
        const update = await updateReferrersTag(target, subject, unlisted.map(referrers_index/* descriptorOf */.nb));
        for (const r of unlisted)
            log(`copied ${describe(r)}: listed in the referrers tag ${tag}`);
        if (update)
            log(`wrote the referrers tag ${tag}: ${update.added} added${update.kept > 0 ? `, ${update.kept} kept` : ''}`);
        outcomes.push(...unlisted.map((r) => ({
            referrer: r,
            status: 'copied',
            via: 'tag-schema'
        })));
    }
    catch (e) {
        const detail = `stored, but the referrers tag ${tag} could not be written: ${(0,errors/* messageOf */.bD)(e)}`;
        outcomes.push(...unlisted.map((r) => ({
            referrer: r,
            status: 'failed',
            detail,
            via: 'tag-schema'
        })));
    }
    return outcomes;
}
/**
 * A cosign tag's referrer: copied and tagged, unless the target's tag
 * already points at it, or at another manifest (kept: the target's own).
 */
async function writeCosign(referrers, tag, target, state, copy, log) {
    const outcomes = [];
    for (const r of referrers) {
        const at = state.cosignTags.get(tag);
        if (at === r.manifest.digest) {
            outcomes.push({ referrer: r, status: 'already there', via: 'cosign-tag' });
            continue;
        }
        if (at !== undefined) {
            outcomes.push({
                referrer: r,
                status: 'kept',
                detail: `the target's tag ${tag} points at ${at}, its own ${(0,summary/* kindNoun */.h)(r.kind, 2)}: not overwritten`,
                via: 'cosign-tag'
            });
            continue;
        }
        try {
            await copy(r);
            await (0,manifests/* putManifest */.RV)(target, tag, r.manifest);
            log(`copied ${describe(r)} to the tag ${tag}`);
            outcomes.push({ referrer: r, status: 'copied', via: 'cosign-tag' });
        }
        catch (e) {
            outcomes.push({ referrer: r, status: 'failed', detail: (0,errors/* messageOf */.bD)(e), via: 'cosign-tag' });
        }
    }
    return outcomes;
}
/** Where a referrer would be listed: under its cosign tag, by the API when the target has it, else in the referrers tag. */
function placementOf(r, state) {
    if (r.via.kind === 'cosign-tag')
        return 'cosign-tag';
    return state.subjects.get(r.subject)?.api ? 'api' : 'tag-schema';
}
function describe(r) {
    return `${(0,summary/* kindNoun */.h)(r.kind)} ${copy_short(r.manifest.digest)} of ${copy_short(r.subject)}`;
}

;// CONCATENATED MODULE: ./src/referrers/write-order.ts
/**
 * The referrers in the order they are written: first those of the image,
 * then those of the referrers just written (a signature on an SBOM), and so
 * on. Within a level, one group per subject, and one per cosign tag.
 */
function writeLevels(referrers) {
    const byDigest = new Map(referrers.map((r) => [r.manifest.digest, r]));
    const depths = new Map();
    const depth = (r, path) => {
        const known = depths.get(r);
        if (known !== undefined)
            return known;
        const parent = byDigest.get(r.subject);
        // Content addresses cannot form a cycle, but a listing can claim one.
        const d = parent && !path.has(parent) ? depth(parent, new Set([...path, r])) + 1 : 0;
        depths.set(r, d);
        return d;
    };
    const levels = [];
    for (const r of referrers) {
        const d = depth(r, new Set([r]));
        while (levels.length <= d)
            levels.push(new Map());
        const key = r.via.kind === 'cosign-tag' ? `tag ${r.via.tag}` : `subject ${r.subject}`;
        const level = levels[d];
        const group = level.get(key);
        if (group)
            group.referrers.push(r);
        else
            level.set(key, {
                subject: r.subject,
                ...(r.via.kind === 'cosign-tag' ? { cosignTag: r.via.tag } : {}),
                referrers: [r]
            });
    }
    return levels.map((level) => [...level.values()]);
}

;// CONCATENATED MODULE: ./src/referrers/verify.ts






/** Reads at once. */
const READS = 4;
/**
 * Check what writeReferrers reported as there: each copied or already-there
 * referrer is listed for its subject by the target's referrers API or in its
 * referrers tag, and each cosign tag points at its referrer. One line per
 * problem; none when all is well.
 */
async function verifyReferrers(target, outcomes) {
    return (await referrerProblems(target, outcomes)).map((p) => p.detail);
}
/** verifyReferrers, with the digest each problem is about. */
async function referrerProblems(target, outcomes) {
    const landed = outcomes
        .filter((o) => o.status === 'copied' || o.status === 'already there')
        .map((o) => o.referrer);
    const where = `${target.client.registry}/${target.path}`;
    const subjects = [
        ...new Set(landed.filter((r) => r.via.kind === 'subject').map((r) => r.subject))
    ];
    const listed = await (0,limit/* allLimited */.y)(subjects, READS, async (subject) => {
        try {
            const api = (await (0,registry_api/* readReferrersApi */.Dt)(target, subject)) ?? [];
            const index = await (0,registry_api/* readTagIndex */.bh)(target, (0,tag_names/* referrersTag */.LN)(subject));
            return new Set([...api, ...(index?.listed ?? [])].map((d) => d.digest));
        }
        catch (e) {
            return (0,errors/* messageOf */.bD)(e);
        }
    });
    const bySubject = new Map(subjects.map((s, i) => [s, listed[i]]));
    const problems = [];
    for (const r of landed) {
        const digest = r.manifest.digest;
        const noun = (0,summary/* kindNoun */.h)(r.kind);
        if (r.via.kind === 'cosign-tag') {
            const tag = r.via.tag;
            let at;
            try {
                at = (await (0,manifests/* headManifest */.sy)(target, tag))?.digest;
            }
            catch (e) {
                problems.push({ digest, detail: `${where}:${tag} could not be checked: ${(0,errors/* messageOf */.bD)(e)}` });
                continue;
            }
            if (at === undefined)
                problems.push({
                    digest,
                    detail: `${where}:${tag} is missing: it should point at the ${noun} ${digest}`
                });
            else if (at !== digest)
                problems.push({
                    digest,
                    detail: `${where}:${tag} points at ${at}, not at the ${noun} ${digest}`
                });
            continue;
        }
        const seen = bySubject.get(r.subject);
        if (typeof seen === 'string')
            problems.push({
                digest,
                detail: `${where}: the referrers of ${r.subject} could not be read: ${seen}`
            });
        else if (!seen.has(digest))
            problems.push({
                digest,
                detail: `${where}: the ${noun} ${digest} is not listed as a referrer of ${r.subject}: neither the referrers API nor the tag ${(0,tag_names/* referrersTag */.LN)(r.subject)} lists it`
            });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/referrers/target.ts








/** Reads on a target at once while nothing is written yet. */
const target_READS = 4;
/**
 * What a target already holds of `referrers`, reading only: for each subject
 * its referrers API listing (when it has the API) and the index under its
 * referrers tag (when `existingTags` has that tag); for each cosign tag in
 * `existingTags` the digest it points at.
 */
async function readTargetReferrers(repo, referrers, existingTags) {
    const tags = new Set(existingTags);
    const subjects = [
        ...new Set(referrers.filter((r) => r.via.kind === 'subject').map((r) => r.subject))
    ];
    // A registry without the API answers so for every subject: stop asking once it did.
    let noApi = false;
    const listings = await (0,limit/* allLimited */.y)(subjects, target_READS, async (subject) => {
        const api = noApi ? undefined : await (0,registry_api/* readReferrersApi */.Dt)(repo, subject);
        if (!api)
            noApi = true;
        const tag = (0,tag_names/* referrersTag */.LN)(subject);
        const index = tags.has(tag) ? await (0,registry_api/* readTagIndex */.bh)(repo, tag) : undefined;
        return {
            ...(api ? { api: new Set(api.map((d) => d.digest)) } : {}),
            tagIndex: new Set(index?.listed.map((d) => d.digest) ?? [])
        };
    });
    const cosign = [
        ...new Set(referrers.flatMap((r) => r.via.kind === 'cosign-tag' && tags.has(r.via.tag) ? [r.via.tag] : []))
    ];
    const heads = await (0,limit/* allLimited */.y)(cosign, target_READS, (tag) => (0,manifests/* headManifest */.sy)(repo, tag));
    const cosignTags = new Map();
    cosign.forEach((tag, i) => {
        const head = heads[i];
        if (head)
            cosignTags.set(tag, head.digest);
    });
    return { subjects: new Map(subjects.map((s, i) => [s, listings[i]])), cosignTags };
}
/**
 * Put every referrer the target lacks there. A referrer with a subject: its
 * content, then its manifest by digest; a registry that answers with
 * `OCI-Subject` lists it itself, otherwise the subject's referrers tag is
 * read, merged (what is there stays) and written once, after all the
 * subject's referrers. A cosign referrer: its content, then its tag, unless
 * the target's tag points at another manifest (the target's own signatures),
 * which is kept. Referrers of referrers come after them. A referrer listed
 * already writes nothing; one that fails does not stop the others.
 */
async function writeReferrers(source, target, referrers, state, options) {
    const outcomes = new Map();
    const failed = new Set();
    // Referrers often share blobs (the empty config `{}`): one transfer each.
    const transfers = new Map();
    const copy = (r) => copyContent(source, target, r.manifest, {
        transfers,
        concurrency: options.concurrency,
        ...(options.mountFrom ? { mountFrom: options.mountFrom } : {}),
        log: options.log
    });
    const writeGroup = async (group) => {
        const blocked = group.referrers.filter((r) => failed.has(r.subject));
        const open = group.referrers.filter((r) => !failed.has(r.subject));
        const done = group.cosignTag
            ? await writeCosign(open, group.cosignTag, target, state, copy, options.log)
            : await writeSubject(open, group.subject, target, state, copy, options.log);
        return [
            ...blocked.map((r) => ({
                referrer: r,
                status: 'failed',
                detail: `not copied: what it refers to, ${r.subject}, was not copied`,
                via: placementOf(r, state)
            })),
            ...done
        ];
    };
    for (const level of writeLevels(referrers)) {
        const settled = await (0,limit/* mapLimited */.b)(level, options.concurrency, writeGroup);
        for (const s of settled) {
            // writeGroup turns every failure into an outcome; a rejection is a bug.
            if (s.status === 'rejected')
                throw s.reason;
            for (const o of s.value) {
                outcomes.set(o.referrer, o);
                if (o.status === 'failed')
                    failed.add(o.referrer.manifest.digest);
            }
        }
    }
    return referrers.map((r) => outcomes.get(r));
}

;// CONCATENATED MODULE: ./src/push/referrers-step.ts





/** Outcomes kept for verification, by run. */
const outcomesOf = new WeakMap();
/** What every target holds of the referrers already (reads only). */
async function readReferrersOf(runs, referrers, width) {
    return (0,limit/* allLimited */.y)(runs, width, (run) => readTargetReferrers(run.state.repo, referrers, run.state.existingTags));
}
/** Copy the referrers to one target whose content arrived. */
async function writeReferrersOf(run, source, held, options, log) {
    if (run.contentFailed) {
        log.warning('referrers not copied: the image itself did not arrive');
        return;
    }
    const registry = run.state.target.repository.registry;
    const from = source.content.repository;
    const outcomes = await writeReferrers(source.content, run.state.repo, source.referrers, held, {
        concurrency: options.concurrency,
        ...(from?.registry === registry ? { mountFrom: [from.path] } : {}),
        log: (line) => log.info(line)
    });
    outcomesOf.set(run, outcomes);
    run.referrers = outcomes.map(resultOf);
    for (const r of run.referrers)
        run.events({
            kind: 'referrer',
            target: run.state.target.repository.name,
            digest: r.digest,
            status: r.status
        });
    for (const o of outcomes)
        if (o.status === 'failed' || o.status === 'kept')
            log.warning(`${o.referrer.kind} ${copy_short(o.referrer.manifest.digest)}: ${o.status}: ${o.detail ?? ''}`);
    const copied = outcomes.filter((o) => o.status === 'copied');
    const there = outcomes.filter((o) => o.status === 'already there');
    log.info(`referrers: ${copied.length > 0 ? `copied ${(0,summary/* referrerSummary */.W)(copied.map((o) => o.referrer))}` : 'none copied'}${there.length > 0 ? `; already there: ${(0,summary/* referrerSummary */.W)(there.map((o) => o.referrer))}` : ''}`);
}
/** Each copied referrer must be listed for its subject on the target afterwards. */
async function verifyReferrersOf(run, log) {
    const outcomes = outcomesOf.get(run);
    if (!outcomes || outcomes.length === 0)
        return;
    const problems = await referrerProblems(run.state.repo, outcomes);
    for (const p of problems) {
        log.warning(`${run.state.target.repository.name}: ${p.detail}`);
        run.referrers = (run.referrers ?? []).map((r) => r.digest === p.digest ? { ...r, status: 'failed', detail: `verification: ${p.detail}` } : r);
    }
    const ok = outcomes.length - problems.length;
    log.info(`${run.state.target.repository.name}: ${ok} of ${outcomes.length} referrer(s) checked`);
}
function resultOf(o) {
    const where = o.via === 'api'
        ? 'referrers API'
        : o.via === 'tag-schema'
            ? `referrers tag ${(0,tag_names/* referrersTag */.LN)(o.referrer.subject)}`
            : `tag ${o.referrer.via.kind === 'cosign-tag' ? o.referrer.via.tag : ''}`;
    return {
        digest: o.referrer.manifest.digest,
        subject: o.referrer.subject,
        kind: o.referrer.kind,
        where,
        status: o.status,
        ...(o.detail !== undefined ? { detail: o.detail } : {})
    };
}

// EXTERNAL MODULE: ./src/push/source-resolve.ts + 4 modules
var source_resolve = __webpack_require__(1248);
// EXTERNAL MODULE: ./src/distribution/tags.ts
var tags = __webpack_require__(9057);
;// CONCATENATED MODULE: ./src/push/target-state.ts




/**
 * Read the repository's tags, then `HEAD` each planned tag it has (a `HEAD`
 * is not a pull on Docker Hub). A tag missing from the list is not asked for.
 */
async function readTarget(target, client, concurrency) {
    const repo = (0,distribution_repo/* repoHandle */.H4)(client, target.repository.path, 'push');
    const existingTags = await (0,tags/* listTags */.c)(repo);
    const have = new Set(existingTags);
    const current = new Map();
    const listed = target.tags.filter((t) => have.has(t.tag));
    await (0,limit/* allLimited */.y)(listed, concurrency, async (t) => {
        const head = await (0,manifests/* headManifest */.sy)(repo, t.tag);
        if (head)
            current.set(t.tag, head.digest);
    });
    return { target, repo, existingTags, current };
}

;// CONCATENATED MODULE: ./src/push/write-errors.ts

/**
 * Why a tag write failed, for the tag's result: an immutable repository's
 * refusal says which image holds the tag and what to do about it.
 */
function tagWriteFailure(error, tag, current) {
    const e = error;
    const message = typeof e?.message === 'string' ? e.message : String(error);
    if (e?.code === 'TAG_INVALID' && /immutable/i.test(message)) {
        const held = current ? ` by ${copy_short(current)}, another image` : '';
        return `the repository is immutable and the tag ${tag} is already taken${held}: publish a new version, or make the repository mutable`;
    }
    return message;
}

;// CONCATENATED MODULE: ./src/push/tag-writes.ts






async function writeTags(run, width, log) {
    const pending = run.state.target.tags.filter((t) => !run.results.has(t.tag));
    // Fixed tags first, floating ones (latest, 1, 1.2, rc) after them: a
    // floating tag never points at a release whose own tag is missing. Within
    // each group the writes run in parallel: one round trip, not one per tag.
    const fixed = pending.filter((t) => !t.floating);
    const floating = pending.filter((t) => t.floating);
    await (0,limit/* allLimited */.y)(fixed, width, (tag) => writeTag(run, tag, log));
    // A fixed tag that did not land holds the floating ones back, or they would
    // point at a release whose own tag is missing; a re-run writes them all.
    const missing = fixed.find((t) => run.results.get(t.tag)?.status === 'failed');
    if (missing) {
        const detail = `not written: the release tag ${missing.reference} did not land, and a floating tag never points at a release without its own tag`;
        for (const tag of floating) {
            if (run.decisions.get(tag.tag)?.action !== 'write')
                continue;
            settle(run, { ...base(tag), status: 'failed', detail });
            log.warning(`${tag.reference}: ${detail}`);
        }
    }
    await (0,limit/* allLimited */.y)(floating.filter((t) => !run.results.has(t.tag)), width, (tag) => writeTag(run, tag, log));
}
async function writeTag(run, tag, log) {
    const manifest = run.manifest;
    const decision = run.decisions.get(tag.tag);
    if (decision.action === 'kept') {
        log.warning(`${tag.reference}: kept where it is, the newer version ${decision.newer} holds it (forward-only)`);
        settle(run, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) });
        return;
    }
    if (decision.action === 'already there') {
        settle(run, tagResult(tag, 'already there', manifest.digest));
        log.info(`${tag.tag}: already there`);
        return;
    }
    try {
        await (0,manifests/* putManifest */.RV)(run.state.repo, tag.tag, manifest);
        settle(run, tagResult(tag, 'pushed', manifest.digest));
        log.info(`${tag.tag}: pushed${decision.current ? ` (was ${copy_short(decision.current)})` : ''}`);
    }
    catch (e) {
        const detail = tagWriteFailure(e, tag.tag, decision.current);
        settle(run, { ...base(tag), status: 'failed', detail });
        log.warning(`${tag.reference}: ${detail}`);
    }
}

// EXTERNAL MODULE: ./src/push/results.ts
var results = __webpack_require__(1886);
;// CONCATENATED MODULE: ./src/push/verify.ts





/** Resolve every landed tag again: it must point at the digest this run published. */
async function verifyTags(run, width, log) {
    const landed = [...run.results.values()].filter(results/* isLanded */.Vm);
    await (0,limit/* allLimited */.y)(landed, width, async (r) => {
        const head = await (0,manifests/* headManifest */.sy)(run.state.repo, r.tag).catch((e) => (0,errors/* messageOf */.bD)(e));
        const now = typeof head === 'string' ? undefined : head?.digest;
        if (now === r.digest)
            return;
        const why = typeof head === 'string'
            ? `could not be read back: ${head}`
            : now === undefined
                ? 'is missing after the push'
                : `points at ${now}, not ${r.digest}`;
        settle(run, { ...r, status: 'failed', detail: `verification: the tag ${why}` });
        log.warning(`${r.reference}: the tag ${why}`);
    });
    log.info(`${run.state.target.repository.name}: ${landed.length} tag(s) checked`);
}

;// CONCATENATED MODULE: ./src/push/publish.ts










/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
const light = (options) => options.concurrency * 4;
/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then the referrers, then check everything.
 */
async function publish(plan, source, options, env) {
    const { log } = env;
    const events = env.events ?? NO_EVENTS;
    const phase = (target, p) => events({ kind: 'phase', target, phase: p });
    const reads = await runGrouped(log, [
        {
            title: `Read the source ${plan.source ?? ''}`.trim(),
            run: async (l) => {
                const found = env.prepared ??
                    (await (0,source_resolve/* resolveSource */.e)(source, {
                        client: env.client,
                        options,
                        ...(env.docker ? { imageId: (image) => env.docker.imageId(image) } : {})
                    }));
                for (const line of (0,source_resolve/* describeSource */.B)(found))
                    l.info(line);
                return found;
            }
        },
        ...plan.targets.map((target) => ({
            title: `Read ${target.repository.name}`,
            run: async (l) => {
                phase(target.repository.name, 'reading');
                const client = env.client(target.repository.registry);
                const s = await readTarget(target, client, light(options));
                if (s.existingTags.length === 0)
                    await env.ensureRepository?.(target.repository, l);
                l.info(describeState(s));
                return s;
            }
        }))
    ], (settled) => settled);
    const failed = reads.find((r) => r.status === 'rejected');
    if (failed)
        throw new Error(`${(0,errors/* messageOf */.bD)(failed.reason)}; nothing was pushed`, { cause: failed.reason });
    const [first, ...targets] = reads.map((r) => r.value);
    const resolved = first;
    const runs = targets.map((s) => newRun(s, events));
    const name = (run) => run.state.target.repository.name;
    const referrers = resolved.kind === 'content' ? resolved.referrers : [];
    // What each target already holds of the referrers: read before any write too.
    const held = referrers.length > 0
        ? await log.group('Read the referrers on every target', () => readReferrersOf(runs, referrers, light(options)).catch((e) => {
            throw new Error(`${(0,errors/* messageOf */.bD)(e)}; nothing was pushed`, { cause: e });
        }))
        : undefined;
    // Registries at once, so one slow registry holds up no other; targets on
    // one registry one after another, so the second mounts the first's blobs
    // (or the docker CLI does) instead of uploading them again.
    const landed = new Map();
    await runGrouped(log, inTurnPerRegistry(runs, (run) => ({
        title: `Content for ${name(run)}`,
        run: (l) => {
            phase(name(run), 'sending content');
            return bringContent(run, resolved, options, landed, { ...env, log: { ...log, ...l } });
        }
    })), () => undefined);
    await runGrouped(log, runs.map((run) => ({
        title: `Tags of ${name(run)}`,
        run: (l) => {
            phase(name(run), 'writing tags');
            return writeTags(run, light(options), l);
        }
    })), () => undefined);
    if (resolved.kind === 'content' && held)
        await runGrouped(log, runs.map((run, i) => ({
            title: `Referrers of ${name(run)}`,
            run: (l) => {
                phase(name(run), 'copying referrers');
                return writeReferrersOf(run, resolved, held[i], options, l);
            }
        })), () => undefined);
    await log.group('Verify', async () => {
        const holds = runs.map(() => new HeldLog());
        await Promise.all(runs.map(async (run, i) => {
            phase(name(run), 'verifying');
            await verifyTags(run, light(options), holds[i]);
            await verifyReferrersOf(run, holds[i]);
            phase(name(run), 'verified');
        }));
        for (const hold of holds)
            hold.release(log);
    });
    return result(runs, resolved, log);
}
/**
 * Tasks for every target, started at once, where targets on the same
 * registry wait for the one before them.
 */
function inTurnPerRegistry(runs, task) {
    const previous = new Map();
    return runs.map((run) => {
        const registry = run.state.target.repository.registry;
        const before = previous.get(registry) ?? Promise.resolve();
        let finish = () => undefined;
        previous.set(registry, new Promise((resolve) => (finish = resolve)));
        const { title, run: work } = task(run);
        return {
            title,
            run: async (l) => {
                try {
                    await before;
                    await work(l);
                }
                finally {
                    finish();
                }
            }
        };
    });
}
function result(runs, source, log) {
    const targets = runs.map((run) => ({
        repository: run.state.target.repository,
        ...(run.manifest ? { digest: run.manifest.digest } : {}),
        tags: run.state.target.tags.map((t) => run.results.get(t.tag)),
        ...(run.referrers ? { referrers: run.referrers } : {})
    }));
    const digests = [...new Set(targets.flatMap((t) => (t.digest ? [t.digest] : [])))];
    if (digests.length > 1)
        log.warning(`the targets hold different digests (${digests.join(', ')}): the docker CLI compressed the layers differently per registry`);
    const platforms = source.kind === 'content' ? source.platforms : undefined;
    return { digest: digests[0] ?? '', targets, ...(platforms ? { platforms } : {}) };
}
function describeState(s) {
    const planned = s.target.tags.length;
    const have = s.current.size;
    return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`;
}

// EXTERNAL MODULE: ./src/push/session.ts + 1 modules
var push_session = __webpack_require__(3885);
;// CONCATENATED MODULE: ./src/push/flow.ts




/**
 * The publish as the action and the CLI both run it: the source checked
 * before any registry is contacted (a local image found in the daemon, a
 * file opened and checked whole), every login, then the publish; or, with
 * `dryRun`, the source read and nothing written. The edges only read their
 * world and render what this reports.
 */
async function runPublish(plan, inputs, logins, edge, options = {}) {
    const prepared = await (0,push_session/* prepareSource */.pY)(inputs);
    try {
        const login = await loginAll(logins.steps, logins.auth, {
            ...edge.login,
            sources: edge.sources,
            // A dry run writes nothing, not even a docker login.
            useDocker: inputs.source?.kind === 'local' && !options.dryRun,
            client: edge.client,
            log: edge.log,
            mask: edge.mask
        });
        edge.loggedIn?.(login);
        const session = (0,push_session/* publishSession */.kt)(inputs, login, {
            log: edge.log,
            mask: edge.mask,
            client: edge.client,
            prepared,
            ...(edge.events ? { events: edge.events } : {})
        });
        if (options.dryRun) {
            await edge.log.group('Read the source', async () => {
                const found = prepared ??
                    (await (0,source_resolve/* resolveSource */.e)(inputs.source, {
                        client: session.client,
                        options: inputs.publish,
                        ...(session.docker
                            ? { imageId: (image) => session.docker.imageId(image) }
                            : {})
                    }));
                for (const line of (0,source_resolve/* describeSource */.B)(found))
                    edge.log.info(line);
                if (found !== prepared && found.kind === 'content')
                    await found.close();
            });
            return { kind: 'checked' };
        }
        for (const w of plan.warnings)
            edge.log.warning(w);
        return {
            kind: 'published',
            result: await publish(plan, inputs.source, inputs.publish, session)
        };
    }
    finally {
        if (prepared?.kind === 'content')
            await prepared.close();
    }
}


/***/ }),

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RS: () => (/* binding */ clientOptionsOf),
  pY: () => (/* binding */ prepareSource),
  kt: () => (/* binding */ publishSession)
});

// EXTERNAL MODULE: ./src/distribution/client.ts + 4 modules
var distribution_client = __webpack_require__(1471);
// EXTERNAL MODULE: ./src/docker/image.ts
var docker_image = __webpack_require__(3905);
;// CONCATENATED MODULE: ./src/docker/push.ts

/** `host/repo:tag` → its repository and tag (`latest` when none is written). */
function splitReference(reference) {
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    if (colon > slash)
        return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
    return { repository: reference, tag: 'latest' };
}
const push_escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The `<tag>: digest: sha256:… size: N` line docker prints once the manifest is in. */
function digestLine(output, tag) {
    const match = new RegExp(`^${push_escape(tag)}: digest: (sha256:[0-9a-f]{64}) size: (\\d+)$`, 'm').exec(output);
    return match ? { digest: match[1], size: Number(match[2]) } : undefined;
}
/** How the daemon writes a repository in RepoDigests: Docker Hub names lose `docker.io/` and `library/`. */
function daemonName(repository) {
    const hub = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/(.*)$/.exec(repository);
    return hub ? hub[1].replace(/^library\//, '') : repository;
}
/**
 * The digest the daemon recorded for `repository` after the push, for a CLI
 * that printed none. The manifest size is not recorded there: 0 then.
 */
async function recordedDigest(reference, repository, configDir) {
    const result = await (0,docker_image/* runDocker */.ST)(['image', 'inspect', '--format', '{{json .RepoDigests}}', '--', reference], { ...(configDir === undefined ? {} : { configDir }) });
    if (result.exitCode !== 0)
        return undefined;
    const digests = JSON.parse(result.stdout.trim() || '[]');
    const wanted = daemonName(repository);
    for (const entry of digests ?? []) {
        const at = entry.lastIndexOf('@');
        if (daemonName(entry.slice(0, at)) === wanted)
            return entry.slice(at + 1);
    }
    return undefined;
}
/**
 * `docker tag image reference`, then `docker push reference`, docker's lines
 * sent to `log`; resolves with the manifest digest and size the push made.
 * Credentials come from the config directory `docker login` wrote: nothing
 * secret is ever on the command line.
 */
async function dockerPush(image, reference, options) {
    const config = options.configDir === undefined ? {} : { configDir: options.configDir };
    const tagged = await (0,docker_image/* runDocker */.ST)(['tag', '--', image, reference], config);
    if (tagged.exitCode !== 0)
        throw (0,docker_image/* dockerFailure */.Ri)(`docker tag ${image} ${reference}`, image, tagged);
    const pushed = await (0,docker_image/* runDocker */.ST)(['push', '--', reference], {
        ...config,
        listeners: { stdline: options.log, errline: options.log }
    });
    if (pushed.exitCode !== 0) {
        const failure = (0,docker_image/* dockerFailure */.Ri)(`docker push ${reference}`, image, pushed);
        // "No such image" here is about the pushed tag, not the source: keep docker's words.
        throw failure.name === 'InputError'
            ? new Error(`docker push ${reference} failed: ${(0,docker_image/* lastDockerLine */.LE)(pushed)}`)
            : failure;
    }
    const { repository, tag } = splitReference(reference);
    const printed = digestLine(pushed.stdout, tag);
    if (printed)
        return printed;
    const digest = await recordedDigest(reference, repository, options.configDir);
    if (digest)
        return { digest, size: 0 };
    throw new Error(`docker push ${reference} succeeded but reported no digest, and the daemon recorded none for ${repository}`);
}

// EXTERNAL MODULE: ./src/credentials/login-plan.ts
var login_plan = __webpack_require__(4871);
// EXTERNAL MODULE: ./src/push/source-resolve.ts + 4 modules
var source_resolve = __webpack_require__(1248);
;// CONCATENATED MODULE: ./src/push/session.ts





/** The registry client's timeouts and retries, from the publishing inputs. */
function clientOptionsOf(inputs, onRetry) {
    return {
        timeoutMs: inputs.publish.requestTimeoutMs,
        retries: inputs.publish.retries,
        insecureRegistries: inputs.publish.insecureRegistries,
        onRetry
    };
}
/**
 * The publish engine's view of the world, from the inputs and the logins:
 * the clients that checked each login (a new one for any other registry),
 * the docker CLI for a local source, and the ECR repository check. Shared by
 * the action and the CLI, which differ only in where lines go and how
 * secrets are masked.
 */
function publishSession(inputs, login, edge) {
    const clients = new Map(login.clients);
    const client = (registry) => {
        let c = clients.get(registry);
        if (!c) {
            const credentials = login.logins.get(registry);
            c = new distribution_client/* RegistryClient */.bP(registry, credentials, edge.mask, edge.client);
            clients.set(registry, c);
        }
        return c;
    };
    const configDir = login.configDir;
    const options = configDir !== undefined ? { configDir } : {};
    return {
        client,
        log: edge.log,
        ...(edge.prepared ? { prepared: edge.prepared } : {}),
        ...(edge.events ? { events: edge.events } : {}),
        ...(inputs.source?.kind === 'local'
            ? {
                docker: {
                    imageId: (image) => (0,docker_image/* localImageId */.Aj)(image, options),
                    push: (image, reference, log) => dockerPush(image, reference, { ...options, log })
                }
            }
            : {}),
        ensureRepository: async (repository, log) => {
            const provider = (0,login_plan/* providerOf */.lc)(repository.registry, inputs.auth);
            if (provider.kind === 'dockerhub')
                log.warning(`${repository.name} has no tags yet: if it does not exist, Docker Hub creates it on this push with the account's default visibility, which may be public`);
            if (provider.kind !== 'ecr')
                return;
            // The AWS SDK is loaded only for an ECR target, not at start-up.
            const { ensureEcrRepository } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 7477));
            await ensureEcrRepository({
                provider: { ...provider, host: repository.registry },
                path: repository.path,
                aws: inputs.auth.aws,
                create: inputs.publish.ecrCreateRepository,
                log: (line) => log.info(line)
            });
        }
    };
}
/**
 * What can be checked of the source without a registry, before any is
 * contacted, so a bad source costs no login and no request: a local image
 * must be in the daemon; a file is opened and checked whole (every blob there
 * and intact, the platforms it is asked for), and handed to the publish.
 */
async function prepareSource(inputs) {
    const source = inputs.source;
    if (source?.kind === 'local') {
        try {
            await (0,docker_image/* localImageId */.Aj)(source.image);
        }
        catch (e) {
            throw new Error(`${e.message}; nothing was pushed`, { cause: e });
        }
        return undefined;
    }
    if (source === undefined || source.kind === 'registry')
        return undefined;
    return (0,source_resolve.resolveFile)(source, inputs.publish);
}


/***/ }),

/***/ 6036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ artifactFields)
/* harmony export */ });
/** The config media type of an artifact that has no config of its own (OCI 1.1). */
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';
function artifactFields(manifest) {
    const json = parseObject(manifest.bytes);
    const subject = asObject(json.subject)?.digest;
    const configMediaType = asObject(json.config)?.mediaType;
    const layers = Array.isArray(json.layers) ? json.layers : [];
    const layerMediaTypes = layers
        .map((l) => asObject(l)?.mediaType)
        .filter((t) => typeof t === 'string');
    const annotations = stringRecord(json.annotations);
    const artifactType = nonEmpty(json.artifactType) ??
        (nonEmpty(configMediaType) === undefined
            ? undefined
            : configMediaType === EMPTY_CONFIG
                ? (layerMediaTypes[0] ?? EMPTY_CONFIG)
                : configMediaType);
    return {
        ...(typeof subject === 'string' && subject ? { subject } : {}),
        ...(artifactType ? { artifactType } : {}),
        ...(typeof configMediaType === 'string' ? { configMediaType } : {}),
        layerMediaTypes,
        ...(annotations ? { annotations } : {})
    };
}
function parseObject(bytes) {
    try {
        return asObject(JSON.parse(new TextDecoder().decode(bytes))) ?? {};
    }
    catch {
        return {};
    }
}
function asObject(value) {
    return value && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function nonEmpty(value) {
    return typeof value === 'string' && value ? value : undefined;
}
function stringRecord(value) {
    const o = asObject(value);
    if (!o)
        return undefined;
    const entries = Object.entries(o).filter((e) => typeof e[1] === 'string');
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}


/***/ }),

/***/ 3729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ listedDescriptors),
/* harmony export */   l1: () => (/* binding */ mergeReferrersIndex),
/* harmony export */   nb: () => (/* binding */ descriptorOf)
/* harmony export */ });
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9898);
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2434);
/* harmony import */ var _artifact_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6036);



/**
 * The descriptors of a referrers listing (the API's answer, or the index
 * under a referrers tag): entries without a digest string are left out.
 */
function listedDescriptors(bytes) {
    const json = (0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(bytes);
    const manifests = Array.isArray(json?.manifests) ? json.manifests : [];
    return manifests.flatMap((entry) => {
        const d = (entry ?? {});
        return typeof d.digest === 'string' && typeof d.mediaType === 'string'
            ? [d]
            : [];
    });
}
/**
 * How a referrers listing names a referrer: media type, digest, size, its
 * `artifactType` (else its config's media type, as the API gives it) and its
 * annotations.
 */
function descriptorOf(referrer) {
    const m = referrer.manifest;
    const fields = (0,_artifact_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactFields */ .U)(m);
    const json = (0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(m.bytes) ?? {};
    const artifactType = typeof json.artifactType === 'string' && json.artifactType
        ? json.artifactType
        : fields.configMediaType;
    return {
        mediaType: m.mediaType,
        digest: m.digest,
        size: m.bytes.length,
        ...(artifactType ? { artifactType } : {}),
        ...(fields.annotations ? { annotations: fields.annotations } : {})
    };
}
/**
 * The referrers index with `additions` in it: every descriptor already there
 * is kept as it is (other clients' referrers), the missing ones are appended.
 * Undefined when nothing is missing, so an unchanged index is never written.
 * `current` must be an index (the caller checks).
 */
function mergeReferrersIndex(current, additions) {
    const existing = current ? ((0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(current.bytes) ?? {}) : {};
    const kept = Array.isArray(existing.manifests) ? existing.manifests : [];
    const present = new Set(current ? listedDescriptors(current.bytes).map((d) => d.digest) : []);
    const missing = [];
    for (const d of additions) {
        if (present.has(d.digest))
            continue;
        present.add(d.digest);
        missing.push(d);
    }
    if (missing.length === 0)
        return undefined;
    const index = {
        ...(current ? existing : { schemaVersion: 2, mediaType: _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p }),
        manifests: [...kept, ...missing]
    };
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    const mediaType = current && (0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(current.mediaType) ? current.mediaType : _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p;
    return { bytes, mediaType, digest: (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes) };
}


/***/ }),

/***/ 6160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ readReferrersApi),
/* harmony export */   bh: () => (/* binding */ readTagIndex),
/* harmony export */   wV: () => (/* binding */ getManifestOrNothing),
/* harmony export */   wj: () => (/* binding */ putReferrerManifest)
/* harmony export */ });
/* harmony import */ var _distribution_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4604);
/* harmony import */ var _distribution_manifests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8831);
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2434);
/* harmony import */ var _distribution_repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(548);
/* harmony import */ var _distribution_tags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9057);
/* harmony import */ var _referrers_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3729);






/** Answers that mean the registry has no referrers API (Distribution 2.8 answers 404). */
const NO_API = new Set([400, 404, 405, 501]);
/** A listing that never ends (a `Link` loop) stops here. */
const MAX_PAGES = 100;
/**
 * `GET /v2/<name>/referrers/<digest>`: what the referrers API lists for a
 * subject, every page; undefined when the registry has no such API.
 */
async function readReferrersApi(repo, subject) {
    const listed = [];
    let next = (0,_distribution_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `referrers/${subject}`);
    for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
        const url = next.startsWith('/') ? `${repo.client.baseUrl}${next}` : next;
        const response = await repo.client.request(url, { headers: { accept: _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p } }, repo.scopes);
        if (page === 0 && NO_API.has(response.status)) {
            await response.body?.cancel();
            return undefined;
        }
        if (!response.ok)
            throw await (0,_distribution_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'listing referrers of', false, subject);
        listed.push(...(0,_referrers_index_js__WEBPACK_IMPORTED_MODULE_5__/* .listedDescriptors */ .k)(new Uint8Array(await response.arrayBuffer())));
        next = (0,_distribution_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .nextPage */ .Z)(response.headers.get('link'), url);
    }
    return listed;
}
/**
 * The index under a tag (a referrers tag), or undefined when the tag is not
 * there. A tag that holds something other than an index lists nothing.
 */
async function readTagIndex(repo, tag) {
    const index = await getManifestOrNothing(repo, tag);
    if (!index)
        return undefined;
    return { index, listed: (0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(index.mediaType) ? (0,_referrers_index_js__WEBPACK_IMPORTED_MODULE_5__/* .listedDescriptors */ .k)(index.bytes) : [] };
}
/** A manifest by tag or digest; undefined when the registry does not have it (404). */
async function getManifestOrNothing(repo, reference) {
    try {
        return await (0,_distribution_manifests_js__WEBPACK_IMPORTED_MODULE_1__/* .getManifest */ .c2)(repo, reference);
    }
    catch (e) {
        if (e instanceof _distribution_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryRequestError */ .vs && e.status === 404)
            return undefined;
        throw e;
    }
}
/**
 * Store a referrer's manifest by its digest, exact bytes. `subjectListed` is
 * whether the answer carried `OCI-Subject`: the registry files it under its
 * subject itself, and no referrers tag needs writing.
 */
function putReferrerManifest(repo, manifest) {
    return (0,_distribution_manifests_js__WEBPACK_IMPORTED_MODULE_1__/* .putManifest */ .RV)(repo, manifest.digest, manifest);
}


/***/ }),

/***/ 2453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   gG: () => (/* binding */ COSIGN_SUFFIXES),
/* harmony export */   qn: () => (/* binding */ cosignSuffixOf),
/* harmony export */   qv: () => (/* binding */ cosignTag)
/* harmony export */ });
/** The tags cosign keeps its artifacts under, next to the image, and what each holds. */
const COSIGN_SUFFIXES = ['.sig', '.att', '.sbom'];
/**
 * The referrers tag of a digest (distribution spec v1.1, referrers tag
 * schema): the algorithm cut to 32 characters, `-`, the encoded part cut to
 * 64, every character a tag may not hold replaced by `-`.
 * `sha256:ab…` → `sha256-ab…`.
 */
function referrersTag(digest) {
    const colon = digest.indexOf(':');
    const clean = (s) => s.replace(/[^a-zA-Z0-9._-]/g, '-');
    return `${clean(digest.slice(0, colon).slice(0, 32))}-${clean(digest.slice(colon + 1).slice(0, 64))}`;
}
/** cosign's tag for an artifact of `digest`: `sha256-<hex>.sig`, `.att` or `.sbom`. */
function cosignTag(digest, suffix) {
    return `${digest.replace(':', '-')}${suffix}`;
}
/** The suffix of a cosign tag (`.sig`, `.att`, `.sbom`), or undefined for any other tag. */
function cosignSuffixOf(tag) {
    return COSIGN_SUFFIXES.find((s) => tag.endsWith(s) && /^[a-z0-9]+-[a-f0-9]+\.[a-z]+$/.test(tag));
}


/***/ }),

/***/ 7669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ mapLimited),
/* harmony export */   y: () => (/* binding */ allLimited)
/* harmony export */ });
/**
 * Run `work` over `items` with at most `limit` running at once, in order of
 * start; every item runs even when one fails, and the results keep input order.
 */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { status: 'fulfilled', value: await work(items[index], index) };
            }
            catch (reason) {
                results[index] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/** Like mapLimited, but the first failure (in input order) is thrown after all have settled. */
async function allLimited(items, limit, work) {
    const settled = await mapLimited(items, limit, work);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((s) => s.value);
}


/***/ })

};
