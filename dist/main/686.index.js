export const id = 686;
export const ids = [686];
export const modules = {

/***/ 2686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loginAll: () => (/* binding */ login_loginAll)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(3838);
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
// EXTERNAL MODULE: ./src/shared/log-groups.ts
var log_groups = __webpack_require__(8724);
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
    await (0,log_groups/* runGrouped */.C)(log, steps.map((step) => ({
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


;// CONCATENATED MODULE: ./src/action/state.ts

const KEY = 'tagship';
function savePostState(state) {
    lib_core/* saveState */.LZ(KEY, JSON.stringify(state));
}
function readPostState() {
    const text = core.getState(KEY);
    if (text === '')
        return undefined;
    return JSON.parse(text);
}

;// CONCATENATED MODULE: ./src/action/login.ts



/**
 * The action's logins: one log group per registry, every secret masked, the
 * post step told about each docker login, and DOCKER_CONFIG exported for
 * later steps when `logout: false`.
 */
async function login_loginAll(steps, auth, options) {
    const result = await loginAll(steps, auth, {
        ...options,
        log: {
            info: (line) => lib_core/* info */.pq(line),
            error: (line) => lib_core/* error */.z3(line),
            group: (title, work) => lib_core/* group */.Os(title, work)
        },
        mask: (secret) => lib_core/* setSecret */.Pq(secret),
        getIdToken: (audience) => lib_core/* getIDToken */.V9(audience),
        configParent: process.env.RUNNER_TEMP,
        onDockerLogins: (state) => savePostState({ ...state, logout: auth.logout })
    });
    const { configDir, dockerLogins } = result;
    if (configDir !== undefined && !auth.logout) {
        lib_core/* exportVariable */.dN('DOCKER_CONFIG', configDir);
        savePostState({ configDir, dockerLogins, logout: false, exported: true });
        lib_core/* info */.pq(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`);
    }
    return result;
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

/***/ 8724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runGrouped),
/* harmony export */   M: () => (/* binding */ HeldLog)
/* harmony export */ });
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


/***/ })

};
