export const id = 483;
export const ids = [483,596];
export const modules = {

/***/ 6483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPublish: () => (/* binding */ runPublish)
});

// EXTERNAL MODULE: ./src/shared/words.ts
var words = __webpack_require__(152);
// EXTERNAL MODULE: ./src/distribution/client.ts + 5 modules
var distribution_client = __webpack_require__(1305);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/distribution/credentials.ts
var credentials = __webpack_require__(5864);
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
    if ((0,credentials/* isIdentityToken */.M)(login))
        return storeIdentityToken(configDir, login);
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
/**
 * `docker login` takes no identity token: write it where docker keeps one it
 * was given (`auths.<server>.identitytoken`), which docker push trades at the
 * token service as docker login's own would be.
 */
async function storeIdentityToken(configDir, login) {
    const path = (0,external_node_path_.join)(configDir, 'config.json');
    const config = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    const server = login.registry === 'docker.io' ? 'https://index.docker.io/v1/' : login.registry;
    config.auths = { ...config.auths, [server]: { identitytoken: login.password } };
    await (0,promises_.writeFile)(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/shared/errors.ts
var shared_errors = __webpack_require__(8382);
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
            const detail = (0,shared_errors/* messageOf */.bD)(e)
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

;// CONCATENATED MODULE: ./src/credentials/ghcr.ts

/**
 * GHCR's login with no setup: `github-token` (the job's GITHUB_TOKEN by
 * default) as the password of the workflow's actor, as docker/login-action's
 * documented GHCR step does. The runner sets GITHUB_ACTOR; elsewhere there is
 * no actor to log in as, and the error says where the credentials go instead.
 */
function githubTokenCredentials(registry, token, options) {
    options.mask(token);
    const actor = options.env.GITHUB_ACTOR?.trim();
    if (!actor) {
        throw new words/* WordedError */.gG((0,words/* words */.aL) `${registry}: ${(0,words/* named */.KT)('github-token')} logs in as the workflow's actor, and GITHUB_ACTOR is not set: outside GitHub Actions, add ${registry} to ${(0,words/* named */.KT)('registry-auth')} with the token's user`);
    }
    return { username: actor, password: token };
}

;// CONCATENATED MODULE: ./src/credentials/gcp-key.ts
/**
 * A service-account key as Google's registries take it: user `_json_key`
 * with the key file's JSON, or `_json_key_base64` with its base64. Masked
 * first, piece by piece (see keySecrets).
 */
function gcpKeyCredentials(key, options) {
    for (const secret of keySecrets(key))
        options.mask(secret);
    return { username: key.username, password: key.password };
}
/**
 * Every form in which a key could reach a log line. A mask hides a value
 * only where a line holds it whole, and a key file spans lines: so the
 * private key is masked as a whole, as the JSON file spells it (`\n`
 * escapes), and line by line (its armour lines are no secret).
 */
function keySecrets(key) {
    const pem = key.privateKey;
    const lines = pem
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !/^-----(?:BEGIN|END) [A-Z ]*-----$/.test(line));
    const json = key.username === '_json_key_base64'
        ? Buffer.from(key.password, 'base64').toString('utf8').trim()
        : undefined;
    return [
        ...new Set([
            key.password,
            ...(json === undefined ? [] : [json]),
            pem.trim(),
            JSON.stringify(pem).slice(1, -1),
            ...lines
        ])
    ];
}

// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
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
        case 'gcp-oidc':
            return step.credentials.serviceAccount
                ? 'GitHub OIDC, Google STS and IAM generateAccessToken'
                : 'GitHub OIDC and Google STS';
        case 'gcp-key':
            return 'gcp-credentials-json';
        case 'dockerhub-oidc':
            return 'GitHub OIDC and the Docker Hub token exchange';
        case 'github-token':
            return 'github-token';
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
    const pacing = options.pacing ?? { policy: retry/* DEFAULT_RETRY_POLICY */.cO };
    let obtained;
    // What every OIDC exchange takes: the ID token's errors name the login and its alternative.
    const oidc = (login, alternative) => ({
        mask: options.mask,
        pacing,
        getIdToken: githubIdToken({ login, alternative }, options.getIdToken)
    });
    switch (c.kind) {
        case 'anonymous':
            return undefined;
        case 'static':
            options.mask(c.password);
            obtained = { username: c.username, password: c.password };
            break;
        case 'ecr':
            obtained = await options.sources.ecr({ account: c.account, region: c.region, host: step.registry }, auth.aws, { mask: options.mask, pacing });
            break;
        case 'ecr-public':
            obtained = await options.sources.ecrPublic(auth.aws, { mask: options.mask, pacing });
            break;
        case 'acr-oidc':
            obtained = await options.sources.acrOidc({ host: step.registry, baseUrl: (0,endpoint/* registryBaseUrl */.mO)(step.registry) }, { clientId: c.clientId, tenantId: c.tenantId }, oidc(`Azure login for ${step.registry}`, 'set azure-client-secret'));
            break;
        case 'dockerhub-oidc':
            obtained = await options.sources.dockerhubOidc({ username: c.username, connectionId: c.connectionId }, oidc(`Docker Hub login for ${c.username}`, 'set dockerhub-token'));
            break;
        case 'github-token':
            obtained = githubTokenCredentials(step.registry, c.token, {
                mask: options.mask,
                env: options.env ?? process.env
            });
            break;
        case 'gcp-oidc':
            obtained = await options.sources.gcpOidc({
                workloadIdentityProvider: c.workloadIdentityProvider,
                ...(c.serviceAccount ? { serviceAccount: c.serviceAccount } : {})
            }, oidc(`Google login for ${step.registry}`, 'set gcp-credentials-json'));
            break;
        case 'gcp-key':
            obtained = gcpKeyCredentials(c.key, { mask: options.mask });
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
                return (0,words/* words */.aL) `${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the credentials for ${c.username}: check ${(0,words/* named */.KT)('dockerhub-token')} (an access token with Read & Write, not the password)`;
            }
            if (c.from === 'azure-client-secret') {
                return (0,words/* words */.aL) `${who} rejected service principal ${c.username}: check ${(0,words/* named */.KT)('azure-client-secret')}, and that the principal has the AcrPush role on the registry`;
            }
            return (0,words/* words */.aL) `${who} rejected the credentials for ${c.username}: check its entry in ${(0,words/* named */.KT)('registry-auth')}`;
        case 'ecr':
            return (0,words/* words */.aL) `${who} rejected the ECR authorization token: check that the AWS identity may push to account ${c.account} in ${c.region}`;
        case 'ecr-public':
            return (0,words/* words */.aL) `${who} rejected the ECR Public authorization token: check that the AWS identity may push to it`;
        case 'acr-oidc':
            return (0,words/* words */.aL) `${who} rejected the ACR refresh token for client ${c.clientId}: check that it has the AcrPush role on the registry`;
        case 'gcp-oidc':
            return c.serviceAccount
                ? (0,words/* words */.aL) `${who} rejected the access token of ${c.serviceAccount}: grant it roles/artifactregistry.writer on the repository (or its project)`
                : (0,words/* words */.aL) `${who} rejected the federated access token of ${c.workloadIdentityProvider}: grant the pool's principal roles/artifactregistry.writer on the repository, or set ${(0,words/* named */.KT)('gcp-service-account')} to impersonate an account that has it`;
        case 'gcp-key':
            return (0,words/* words */.aL) `${who} rejected the key of ${c.key.clientEmail}: check ${(0,words/* named */.KT)('gcp-credentials-json')} (a deleted or disabled key is refused) and that the account has roles/artifactregistry.writer`;
        case 'dockerhub-oidc':
            return (0,words/* words */.aL) `${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the access token Docker issued to ${c.username} for OIDC connection ${c.connectionId}: check that ${(0,words/* named */.KT)('dockerhub-username')} is the organisation the connection belongs to`;
        case 'github-token':
            return (0,words/* words */.aL) `${who} rejected ${(0,words/* named */.KT)('github-token')}: give it the job's GITHUB_TOKEN (with permissions: packages: write), or a token with the write:packages scope`;
        case 'anonymous':
            return (0,words/* words */.aL) `${step.registry} asks for credentials and none were given: add it to ${(0,words/* named */.KT)('registry-auth')}`;
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/docker/logout.ts


/**
 * `docker logout`; returns docker's complaint, if any, for a warning. Run
 * with node:child_process, not @actions/exec, so the post step's bundle
 * stays small: no shell, no stdin, the same allow-listed environment.
 * Throws only when docker cannot be started at all.
 */
function logout_dockerLogout(configDir, registry) {
    const args = ['logout', ...(registry === 'docker.io' ? [] : [registry])];
    return new Promise((resolve, reject) => {
        const child = spawn('docker', args, {
            env: dockerEnv(configDir),
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
        child.once('error', (error) => reject(new Error(error.code === 'ENOENT' ? 'docker is not on PATH' : `cannot run docker: ${error.message}`)));
        child.once('close', (code, signal) => {
            if (code === 0)
                resolve(undefined);
            else
                resolve((stderr || stdout).trim() || `docker exited with ${signal ?? code}`);
        });
    });
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
            log.error((0,words/* render */.XX)((0,words/* wordsOf */.Z9)(e), options.names));
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
            getIdToken: options.getIdToken,
            pacing: loginPacing(options.client, held)
        });
        try {
            const client = new distribution_client/* RegistryClient */.bP(step.registry, login, options.mask, {
                ...options.client,
                provider: step.provider,
                // The registry's retries (its token service's among them) in the registry's own group.
                onRetry: (line) => held.info(line)
            });
            await client.checkLogin();
            clients.set(step.registry, client);
        }
        catch (e) {
            if (e instanceof errors/* CredentialsRejectedError */.HK)
                throw new words/* WordedError */.gG((options.rejected ?? rejectedMessage)(step), { cause: e });
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
                configDir = await (0,config/* createConfigDir */.Iu)(options.configParent, options.seedConfig);
                changed();
            }
            if (options.seedConfig)
                await (0,config/* releaseFromHelpers */.bU)(configDir, step.registry);
            await dockerLogin(configDir, login);
            dockerLogins.push(step.registry);
            changed();
        }
        const until = login.expiresAt ? `, valid until ${login.expiresAt.toISOString()}` : '';
        log.info(`Logged in to ${step.registry} as ${login.username} (${login.source}${until})`);
    }
}
/**
 * How the calls that obtain credentials (token exchanges, STS, Entra ID, ECR)
 * retry: as the registry client does, bounded by its `retries` and on its
 * clock, each retry told in the registry's own group.
 */
function loginPacing(client, held) {
    return {
        policy: (0,retry/* retryPolicy */.Jb)(client?.retries),
        ...(client?.sleep && { sleep: client.sleep }),
        ...(client?.random && { random: client.random }),
        ...(client?.now && { now: client.now }),
        onRetry: (line) => held.info(line)
    };
}


// EXTERNAL MODULE: ./src/distribution/copy.ts + 2 modules
var distribution_copy = __webpack_require__(2697);
// EXTERNAL MODULE: ./src/distribution/manifests.ts
var manifests = __webpack_require__(8831);
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

// EXTERNAL MODULE: ./src/push/events.ts
var push_events = __webpack_require__(9515);
;// CONCATENATED MODULE: ./src/push/run.ts

function newRun(state, events) {
    return { state, decisions: new Map(), results: new Map(), events };
}
/**
 * Record what became of a tag, and tell the edge, which prints it into
 * `group` (see printEvent); `previous`: where a pushed tag pointed before.
 */
function settle(run, result, group = push_events/* NO_GROUP */.M, previous) {
    run.results.set(result.tag, result);
    run.events({
        kind: 'tag',
        target: run.state.target.repository.name,
        tag: result.tag,
        reference: result.reference,
        status: result.status,
        ...(result.detail !== undefined ? { detail: result.detail } : {}),
        ...(previous !== undefined ? { previous } : {})
    }, group);
}
function base(tag) {
    return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons };
}
function tagResult(tag, status, digest) {
    return { ...base(tag), status, digest };
}

;// CONCATENATED MODULE: ./src/push/content.ts







/** Decide every tag not settled yet (see decideTag): the publish and the preview decide here. */
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
        else if (source.upload)
            await uploadLocal(run, source, source.upload, options, landed, env);
        else
            await pushLocal(run, source, options, env);
    }
    catch (e) {
        run.contentFailed = true;
        failWrites(run, `the content could not be pushed: ${(0,shared_errors/* messageOf */.bD)(e)}`);
    }
}
async function copyTo(run, source, options, landed, env) {
    const { state } = run;
    const registry = state.target.repository.registry;
    run.manifest = source.top;
    decideAll(run, source.top.digest, options);
    const route = routeOf(run, source, landed);
    if (route.kind === 'none')
        return env.log.info(route.why);
    const target = state.target.repository.name;
    const stats = await (0,distribution_copy/* copyContent */.R8)(source.content, state.repo, source.top, {
        concurrency: options.concurrency,
        mountFrom: route.mountFrom,
        untagged: state.existingTags.length === 0,
        log: (line) => env.log.info(line),
        onBlob: (blob, how) => run.events({ kind: 'blob', target, digest: blob.digest, bytes: blob.size, how }, push_events/* NO_GROUP */.M)
    });
    landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path]);
    env.log.info(`blobs: ${stats.blobsUploaded} uploaded (${(0,distribution_copy/* formatBytes */.z3)(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`);
}
function routeOf(run, source, landed) {
    const { state } = run;
    const registry = state.target.repository.registry;
    const from = source.content.repository;
    if (!hasWrites(run))
        return { kind: 'none', why: 'nothing to copy: no tag needs writing' };
    if (from?.registry === registry && from.path === state.repo.path)
        return { kind: 'none', why: 'a retag in the source repository: the content is there already' };
    const mountFrom = [
        ...(from?.registry === registry ? [from.path] : []),
        ...(landed.get(registry) ?? [])
    ];
    return { kind: 'copy', mountFrom };
}
/**
 * What bringContent would do for one target, writing nothing: the same
 * decisions, then the copy counted (blobs the target has, would mount or
 * would upload; child manifests to write), or for a local image whether the
 * docker CLI would push. Earlier targets of this run on the same registry
 * count as holding the content, as they would by then.
 */
async function previewContent(run, source, options, landed) {
    const { state } = run;
    if (source.kind === 'local') {
        const found = await findLocalImage(state, source.imageId);
        if (found) {
            run.manifest = found;
            decideAll(run, found.digest, options);
            return { kind: 'none', why: `the image is already there as ${found.digest}: no docker push` };
        }
        decideAll(run, undefined, options);
        if (!hasWrites(run))
            return { kind: 'none', why: 'nothing to push: every tag is kept' };
        return source.upload ? { kind: 'upload' } : { kind: 'docker push' };
    }
    run.manifest = source.top;
    decideAll(run, source.top.digest, options);
    const route = routeOf(run, source, landed);
    if (route.kind === 'none')
        return route;
    const registry = state.target.repository.registry;
    // ECR mounts across repositories only with its blob mounting setting on,
    // which takes another permission to read: counted as uploads, the most a
    // publish sends.
    const mounts = state.repo.client.provider?.kind === 'ecr' ? [] : route.mountFrom;
    const stats = await (0,distribution_copy/* copyContent */.R8)(source.content, state.repo, source.top, {
        concurrency: options.concurrency,
        mountFrom: mounts,
        log: () => undefined,
        preview: { planned: landed.get(registry) ?? [] }
    });
    landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path]);
    return { kind: 'copy', ...stats };
}
/**
 * A local image, uploaded by tagship: nothing when the target holds it (by
 * its image ID) or no tag needs writing; else the image from docker save,
 * compressed once for every target, copied as a file source is.
 */
async function uploadLocal(run, source, upload, options, landed, env) {
    const found = await findLocalImage(run.state, source.imageId);
    if (found) {
        run.manifest = found;
        decideAll(run, found.digest, options);
        return env.log.info(`the image is already there as ${found.digest}: nothing to upload`);
    }
    decideAll(run, undefined, options);
    if (!hasWrites(run))
        return env.log.info('nothing to upload: every tag is kept');
    const image = await upload.get((line) => env.log.info(line));
    run.decisions.clear();
    await copyTo(run, { kind: 'content', content: image.content, top: image.top, referrers: [], close: image.close }, options, landed, env);
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

// EXTERNAL MODULE: ./src/referrers/summary.ts
var summary = __webpack_require__(212);
// EXTERNAL MODULE: ./src/referrers/tag-names.ts
var tag_names = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/shared/limit.ts
var limit = __webpack_require__(7669);
// EXTERNAL MODULE: ./src/referrers/registry-api.ts
var registry_api = __webpack_require__(6160);
;// CONCATENATED MODULE: ./src/referrers/held.ts

/**
 * One rule for the publish and the preview: a referrer listed for its
 * subject (by the referrers API, or in the subject's referrers tag) or under
 * its cosign tag is already there; a cosign tag at another manifest is kept;
 * anything else is missing, to be copied.
 */
function heldReferrer(r, held) {
    const digest = r.manifest.digest;
    if (r.via.kind === 'subject') {
        const listing = held.subjects.get(r.subject);
        if (listing?.api?.has(digest))
            return { state: 'already there', via: 'api' };
        if (listing?.tagIndex.has(digest))
            return { state: 'already there', via: 'tag-schema' };
        return { state: 'missing' };
    }
    const at = held.cosignTags.get(r.via.tag);
    if (at === digest)
        return { state: 'already there', via: 'cosign-tag' };
    if (at === undefined)
        return { state: 'missing' };
    return {
        state: 'kept',
        detail: `the target's tag ${r.via.tag} points at ${at}, its own ${(0,summary/* kindNoun */.h)(r.kind, 2)}: not overwritten`
    };
}

// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
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
    const outcomes = [];
    const unlisted = [];
    for (const r of referrers) {
        const held = heldReferrer(r, state);
        if (held.state === 'already there') {
            outcomes.push({ referrer: r, status: 'already there', via: held.via });
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
                detail: (0,shared_errors/* messageOf */.bD)(e),
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
        const detail = `stored, but the referrers tag ${tag} could not be written: ${(0,shared_errors/* messageOf */.bD)(e)}`;
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
        const held = heldReferrer(r, state);
        if (held.state === 'already there') {
            outcomes.push({ referrer: r, status: 'already there', via: 'cosign-tag' });
            continue;
        }
        if (held.state === 'kept') {
            outcomes.push({ referrer: r, status: 'kept', detail: held.detail, via: 'cosign-tag' });
            continue;
        }
        try {
            await copy(r);
            await (0,manifests/* putManifest */.RV)(target, tag, r.manifest);
            log(`copied ${describe(r)} to the tag ${tag}`);
            outcomes.push({ referrer: r, status: 'copied', via: 'cosign-tag' });
        }
        catch (e) {
            outcomes.push({ referrer: r, status: 'failed', detail: (0,shared_errors/* messageOf */.bD)(e), via: 'cosign-tag' });
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
    return `${(0,summary/* kindNoun */.h)(r.kind)} ${(0,distribution_copy/* short */.h0)(r.manifest.digest)} of ${(0,distribution_copy/* short */.h0)(r.subject)}`;
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
            return (0,shared_errors/* messageOf */.bD)(e);
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
                problems.push({ digest, detail: `${where}:${tag} could not be checked: ${(0,shared_errors/* messageOf */.bD)(e)}` });
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
    const copy = (r) => (0,distribution_copy/* copyContent */.R8)(source, target, r.manifest, {
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
        }, push_events/* NO_GROUP */.M);
    for (const o of outcomes)
        if (o.status === 'failed' || o.status === 'kept')
            log.warning(`${o.referrer.kind} ${(0,distribution_copy/* short */.h0)(o.referrer.manifest.digest)}: ${o.status}: ${o.detail ?? ''}`);
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
// EXTERNAL MODULE: ./src/distribution/repo.ts
var distribution_repo = __webpack_require__(548);
// EXTERNAL MODULE: ./src/distribution/tags.ts
var tags = __webpack_require__(9057);
;// CONCATENATED MODULE: ./src/push/target-state.ts




/**
 * Read the repository's tags and where every planned tag points, all in one
 * wave (see findManifest: a HEAD on Docker Hub, where it is not a pull). The
 * tag reads do not wait for the list: a round trip less, and the connections
 * they open carry the tag writes that follow. A tag that does not exist
 * answers 404 and stays absent.
 */
async function readTarget(target, client, concurrency, tagList = tags/* listTags */.cB) {
    const repo = (0,distribution_repo/* repoHandle */.H4)(client, target.repository.path, 'push');
    const current = new Map();
    const [existingTags] = await Promise.all([
        tagList(repo),
        (0,limit/* allLimited */.y)(target.tags, concurrency, async (t) => {
            const found = await (0,manifests/* findManifest */.J9)(repo, t.tag);
            if (found)
                current.set(t.tag, found.digest);
        })
    ]);
    return { target, repo, existingTags, current };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/push/local-upload.ts

function localUpload(image, imageId, make) {
    let made;
    const build = async (log) => {
        const started = Date.now();
        const saved = await make.save(image, imageId);
        try {
            // One after the other: Jest's module linker fails on two at once that share a module.
            const { openFileImage } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 7794));
            const { gzipLayers } = await __webpack_require__.e(/* import() */ 899).then(__webpack_require__.bind(__webpack_require__, 8899));
            const text = `docker save ${image}`;
            const file = await openFileImage({ kind: 'docker-archive', path: saved.path, text });
            log(`${text}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
            const gzipped = await gzipLayers(file, { dir: make.dir, concurrency: make.concurrency });
            const { layers, bytesIn, bytesOut, ms } = gzipped.stats;
            log(`${layers} layer(s) compressed once for every registry: ${(0,distribution_copy/* formatBytes */.z3)(bytesIn)} to ${(0,distribution_copy/* formatBytes */.z3)(bytesOut)} in ${(ms / 1000).toFixed(1)} s`);
            return { saved, gzipped };
        }
        catch (e) {
            await saved.remove();
            throw e;
        }
    };
    return {
        get: async (log) => {
            made ??= build(log);
            return (await made).gzipped;
        },
        close: async () => {
            const done = await made?.catch(() => undefined);
            if (!done)
                return;
            await done.gzipped.close();
            await done.saved.remove();
        }
    };
}

;// CONCATENATED MODULE: ./src/push/read-phase.ts










/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
const light = (options) => options.concurrency * 4;
/**
 * Read the source and every target, all at once, then what every target
 * holds of the referrers: nothing is written until all of them answered, and
 * a read that fails stops everything with nothing pushed. A publish makes
 * sure a target with no tags can take a push (ECR: its repository exists,
 * created when allowed); a preview only looks (`mode: 'preview'`).
 */
async function readPhase(plan, source, options, env, mode = 'publish') {
    const { log } = env;
    const events = env.events ?? push_events/* printEvent */.I;
    const phase = (target, p) => events({ kind: 'phase', target, phase: p }, push_events/* NO_GROUP */.M);
    // A source and a target in one repository read its tag list once.
    const tagList = (0,tags/* tagListsOnce */.TD)();
    const reads = await runGrouped(log, [
        {
            title: `Read the source ${plan.source ?? ''}`.trim(),
            run: async (l) => {
                const found = env.prepared ??
                    (await (0,source_resolve/* resolveSource */.e)(source, {
                        client: env.client,
                        tagList,
                        targets: new Set(plan.targets.map((t) => `${t.repository.registry}/${t.repository.path}`)),
                        options,
                        ...(env.docker ? { imageId: (image) => env.docker.imageId(image) } : {}),
                        ...(env.docker?.save && options.localPush === 'upload'
                            ? {
                                localUpload: (image, imageId) => localUpload(image, imageId, {
                                    save: env.docker.save,
                                    dir: env.tempDir ?? (0,external_node_os_.tmpdir)(),
                                    concurrency: options.concurrency
                                })
                            }
                            : {})
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
                const state = await readTarget(target, client, light(options), tagList);
                const empty = state.existingTags.length === 0;
                let facts;
                if (mode === 'preview')
                    facts = await env.inspectRepository?.(target.repository, empty, l);
                else if (empty)
                    await env.ensureRepository?.(target.repository, l);
                l.info(describeState(state));
                return { state, facts };
            }
        }))
    ], (settled) => settled);
    const failed = reads.find((r) => r.status === 'rejected');
    if (failed)
        throw (0,shared_errors/* nothingPushed */.nE)(failed.reason);
    const [first, ...targets] = reads.map((r) => r.value);
    const resolved = first;
    const found = targets;
    const runs = found.map((t) => newRun(t.state, events));
    const referrers = resolved.kind === 'content' ? resolved.referrers : [];
    // What each target already holds of the referrers: read before any write too.
    const held = referrers.length > 0
        ? await log.group('Read the referrers on every target', () => readReferrersOf(runs, referrers, light(options)).catch((e) => {
            throw (0,shared_errors/* nothingPushed */.nE)(e);
        }))
        : undefined;
    return { resolved, runs, ...(held ? { held } : {}), repositories: found.map((t) => t.facts) };
}
function describeState(s) {
    const planned = s.target.tags.length;
    const have = s.current.size;
    return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`;
}

;// CONCATENATED MODULE: ./src/push/write-errors.ts

/**
 * Why a tag write failed, for the tag's result: an immutable repository's
 * refusal says which image holds the tag and what to do about it.
 */
function tagWriteFailure(error, tag, current) {
    const e = error;
    const message = typeof e?.message === 'string' ? e.message : String(error);
    if (e?.code === 'TAG_INVALID' && /immutable/i.test(message))
        return immutableTagDetail(tag, current);
    return message;
}
/** An immutable repository's tag held by another image: what it means and the fix. */
function immutableTagDetail(tag, current) {
    const held = current ? ` by ${(0,distribution_copy/* short */.h0)(current)}, another image` : '';
    return `the repository is immutable and the tag ${tag} is already taken${held}: publish a new version, or make the repository mutable`;
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
        const detail = heldBackDetail(missing.reference, 'did not land');
        for (const tag of floating) {
            if (run.decisions.get(tag.tag)?.action !== 'write')
                continue;
            settle(run, { ...base(tag), status: 'failed', detail }, log);
        }
    }
    await (0,limit/* allLimited */.y)(floating.filter((t) => !run.results.has(t.tag)), width, (tag) => writeTag(run, tag, log));
}
async function writeTag(run, tag, log) {
    const manifest = run.manifest;
    const decision = run.decisions.get(tag.tag);
    if (decision.action === 'kept')
        return settle(run, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) }, log);
    if (decision.action === 'already there')
        return settle(run, tagResult(tag, 'already there', manifest.digest), log);
    try {
        await (0,manifests/* putManifest */.RV)(run.state.repo, tag.tag, manifest);
        settle(run, tagResult(tag, 'pushed', manifest.digest), log, decision.current);
    }
    catch (e) {
        const detail = tagWriteFailure(e, tag.tag, decision.current);
        settle(run, { ...base(tag), status: 'failed', detail }, log);
    }
}
/** Why a floating tag is not written when its release tag is not: `did not land`, or in a preview `is blocked`. */
function heldBackDetail(release, why) {
    return `not written: the release tag ${release} ${why}, and a floating tag never points at a release without its own tag`;
}

// EXTERNAL MODULE: ./src/push/results.ts
var results = __webpack_require__(1886);
;// CONCATENATED MODULE: ./src/push/verify.ts





/** Resolve every landed tag again: it must point at the digest this run published. */
async function verifyTags(run, width, log) {
    const landed = [...run.results.values()].filter(results/* isLanded */.Vm);
    await (0,limit/* allLimited */.y)(landed, width, async (r) => {
        const head = await (0,manifests/* headManifest */.sy)(run.state.repo, r.tag).catch((e) => (0,shared_errors/* messageOf */.bD)(e));
        const now = typeof head === 'string' ? undefined : head?.digest;
        if (now === r.digest)
            return;
        const why = typeof head === 'string'
            ? `could not be read back: ${head}`
            : now === undefined
                ? 'is missing after the push'
                : `points at ${now}, not ${r.digest}`;
        settle(run, { ...r, status: 'failed', detail: `verification: the tag ${why}` }, log);
    });
    log.info(`${run.state.target.repository.name}: ${landed.length} tag(s) checked`);
}

;// CONCATENATED MODULE: ./src/push/publish.ts







/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then the referrers, then check everything.
 */
async function publish(plan, source, options, env) {
    const { resolved, runs, held } = await readPhase(plan, source, options, env);
    try {
        return await writePhases(resolved, runs, held, options, env);
    }
    finally {
        if (resolved.kind === 'local')
            await resolved.upload?.close();
    }
}
/** Content, tags, referrers, then the checks: everything after the reads. */
async function writePhases(resolved, runs, held, options, env) {
    const { log } = env;
    const events = env.events ?? push_events/* printEvent */.I;
    const phase = (target, p) => events({ kind: 'phase', target, phase: p }, push_events/* NO_GROUP */.M);
    const name = (run) => run.state.target.repository.name;
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

;// CONCATENATED MODULE: ./src/push/permission.ts
/** What to grant, in the words of each registry's own settings. */
function fixFor(provider, path) {
    switch (provider) {
        case 'dockerhub':
            return `use a Docker Hub access token with Read & Write scope, of an account that may push to ${path}`;
        case 'ghcr':
            return `give the token packages: write (in a workflow, permissions: packages: write), and its account write access to the package ${path}`;
        case 'acr':
            return `assign the identity the AcrPush role on the registry (or a token whose scope map allows content/write on ${path})`;
        case 'gar':
            return `grant the identity roles/artifactregistry.writer on the repository of ${path}`;
        default:
            return `grant the account push on ${path} at the registry's token service`;
    }
}
/**
 * Whether the credentials may push to a target, from the token its reads
 * obtained for `pull,push` (a token service grants what it may of a scope):
 * a JWT's `access` claim says; an opaque token, Basic credentials and ECR
 * (whose answer needs IAM's policy simulation, another permission) say
 * nothing, and that is said, never guessed.
 */
function pushPermission(grant, provider, path) {
    if (provider === 'ecr')
        return {
            status: 'unknown',
            detail: 'Amazon ECR: whether the AWS identity may push (ecr:PutImage and the layer upload actions) is not checked, as that takes IAM policy simulation, another permission'
        };
    switch (grant.kind) {
        case 'no token':
            return {
                status: 'unknown',
                detail: 'the registry takes Basic credentials (or none), which do not say what they may write'
            };
        case 'opaque':
            return {
                status: 'unknown',
                detail: "the registry's token is opaque: what it grants cannot be read without writing"
            };
        case 'actions': {
            const granted = grant.actions.length > 0 ? grant.actions.join(', ') : 'nothing';
            if (grant.actions.includes('push') || grant.actions.includes('*'))
                return { status: 'granted', detail: `the registry's token grants ${granted} on ${path}` };
            return {
                status: 'denied',
                detail: `the credentials may read ${path} but not push (the registry's token grants ${granted}): ${fixFor(provider, path)}`
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/push/preview-referrers.ts

/**
 * What the referrers phase would do with each referrer on one target, from
 * what the target holds (read before any write, as for the publish): one
 * listed for its subject (referrers API or referrers tag) or under its cosign
 * tag is already there; a cosign tag at another manifest is the target's
 * own, kept; anything else would be copied.
 */
function referrerPreviews(referrers, held) {
    return referrers.map((r) => {
        const base = { digest: r.manifest.digest, subject: r.subject, kind: r.kind };
        const found = heldReferrer(r, held);
        if (found.state === 'already there')
            return { ...base, action: 'already there' };
        if (found.state === 'kept')
            return { ...base, action: 'kept', detail: found.detail };
        return { ...base, action: 'copy' };
    });
}

// EXTERNAL MODULE: ./src/push/preview-result.ts
var preview_result = __webpack_require__(8596);
;// CONCATENATED MODULE: ./src/push/preview-tags.ts



const UNKNOWN_MUTABILITY = "the repository's tag mutability could not be read: if its tags are immutable, this move is refused";
/**
 * The preview of one tag from the publish's own decision: a write becomes
 * `create` or `update`, unless something read says it would fail
 * (`blocked`, with why and the fix); `already there` is `unchanged`.
 */
function previewTag(facts, blockers) {
    const { tag, decision, current, expected } = facts;
    const base = {
        tag: tag.tag,
        reference: tag.reference,
        reasons: tag.reasons,
        ...(current !== undefined ? { from: current } : {}),
        ...(expected !== undefined ? { to: expected } : {})
    };
    if (decision.action === 'already there')
        return { ...base, action: 'unchanged' };
    if (decision.action === 'kept')
        return { ...base, action: 'kept', reason: keptDetail(decision.newer) };
    const blocked = (reason) => ({ ...base, action: 'blocked', reason });
    if (blockers.repository !== undefined)
        return blocked(blockers.repository);
    if (blockers.permission !== undefined)
        return blocked(blockers.permission);
    if (current === undefined)
        return { ...base, action: 'create' };
    if (blockers.immutable === true)
        return blocked(immutableTagDetail(tag.tag, current));
    if (blockers.immutable === 'unknown')
        return { ...base, action: 'update', reason: UNKNOWN_MUTABILITY };
    return { ...base, action: 'update' };
}
/**
 * Every tag of a target, in the plan's order; as writeTags holds floating
 * tags back when a release tag does not land, a blocked release tag blocks
 * the floating tags that would move.
 */
function previewTags(tags, blockers) {
    const previews = tags.map((t) => previewTag(t, blockers));
    const stuck = previews.find((p, i) => p.action === 'blocked' && !tags[i].tag.floating);
    if (!stuck)
        return previews;
    const why = heldBackDetail(stuck.reference, 'is blocked');
    return previews.map((p, i) => tags[i].tag.floating && (p.action === 'create' || p.action === 'update')
        ? { ...p, action: 'blocked', reason: why }
        : p);
}

;// CONCATENATED MODULE: ./src/push/preview.ts









/**
 * Preview the release: the publish with its write phases left out. The same
 * reads (the source, every target, their referrers; a missing ECR repository
 * is reported, never created), the same decisions per tag, the content
 * counted instead of copied, and whether the credentials may push, read from
 * the token the reads obtained. Nothing is written anywhere: no PUT, PATCH,
 * POST or DELETE on any registry, no docker login or push.
 */
async function preview(plan, source, options, env) {
    const { log } = env;
    const events = env.events ?? push_events/* printEvent */.I;
    const { resolved, runs, held, repositories } = await readPhase(plan, source, options, env, 'preview');
    const name = (run) => run.state.target.repository.name;
    // As the publish brings content: targets on one registry in turn, so a
    // later one counts the blobs an earlier one would hold as mounts.
    const landed = new Map();
    const contents = new Map();
    await runGrouped(log, inTurnPerRegistry(runs, (run) => ({
        title: `What ${name(run)} would get`,
        run: async (l) => {
            events({ kind: 'phase', target: name(run), phase: 'previewing' }, push_events/* NO_GROUP */.M);
            const content = await previewContent(run, resolved, options, landed);
            contents.set(run, content);
            l.info((0,preview_result.contentText)(content));
        }
    })), (settled) => {
        if (settled.status === 'rejected')
            throw settled.reason;
    });
    const targets = runs.map((run, i) => previewTarget(run, contents.get(run), repositories[i], () => resolved.kind === 'content' && held
        ? referrerPreviews(resolved.referrers, held[i])
        : undefined));
    for (const run of runs)
        events({ kind: 'phase', target: name(run), phase: 'previewed' }, push_events/* NO_GROUP */.M);
    const digests = [...new Set(runs.map((r) => r.manifest?.digest))];
    // A local image's digest is known only where a target holds it already.
    const digest = digests.length === 1 && digests[0] !== undefined ? digests[0] : '';
    return {
        digest,
        ...(resolved.kind === 'local' ? { localImage: resolved.imageId } : {}),
        targets,
        ...(resolved.kind === 'content' && resolved.platforms ? { platforms: resolved.platforms } : {})
    };
}
function previewTarget(run, content, facts, referrers) {
    const { state } = run;
    const { repository } = state.target;
    const client = state.repo.client;
    const permission = pushPermission(client.grantOn(state.repo.scopes, repository.path), client.provider?.kind, repository.path);
    const expected = run.manifest?.digest;
    const tags = previewTags(state.target.tags.map((tag) => {
        const current = state.current.get(tag.tag);
        return {
            tag,
            decision: run.decisions.get(tag.tag),
            ...(current !== undefined ? { current } : {}),
            ...(expected !== undefined ? { expected } : {})
        };
    }), {
        immutable: facts?.immutable ?? false,
        ...(facts?.blocked !== undefined ? { repository: facts.blocked } : {}),
        ...(permission.status === 'denied' ? { permission: permission.detail } : {})
    });
    const found = referrers();
    return {
        repository,
        permission,
        content,
        tags,
        ...(found ? { referrers: found } : {}),
        ...(facts?.note !== undefined ? { note: facts.note } : {})
    };
}

// EXTERNAL MODULE: ./src/push/session.ts + 2 modules
var push_session = __webpack_require__(7177);
;// CONCATENATED MODULE: ./src/push/flow.ts




/**
 * The publish as the action and the CLI both run it: the source checked
 * before any registry is contacted (a local image found in the daemon, a
 * file opened and checked whole), every login, then the publish; or, for a
 * preview (`inputs.preview`), the same logins and reads with nothing written.
 * The edges only read their world and render what this reports.
 */
async function runPublish(plan, inputs, logins, edge) {
    const previewing = inputs.preview === true;
    if (plan.targets.every((t) => t.tags.length === 0)) {
        const why = plan.targets.length === 0 ? 'no image is enabled for this event' : 'no tag for this event';
        return { kind: 'no tags', notice: `${why}: nothing to publish, and no registry was contacted` };
    }
    const prepared = await (0,push_session/* prepareSource */.pY)(inputs);
    try {
        const login = await loginAll(logins.steps, logins.auth, {
            ...edge.login,
            sources: edge.sources,
            // A preview writes nothing, not even a docker login.
            // Only the docker CLI's push needs docker logins; tagship's own upload does not.
            useDocker: inputs.source?.kind === 'local' && inputs.publish.localPush === 'docker' && !previewing,
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
            tempDir: edge.tempDir,
            ...(edge.events ? { events: edge.events } : {})
        });
        for (const w of plan.warnings)
            edge.log.warning(w);
        if (previewing)
            return {
                kind: 'previewed',
                result: await preview(plan, inputs.source, inputs.publish, session)
            };
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

/***/ 8596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PREVIEW_ACTIONS: () => (/* binding */ PREVIEW_ACTIONS),
/* harmony export */   blockedTags: () => (/* binding */ blockedTags),
/* harmony export */   contentText: () => (/* binding */ contentText),
/* harmony export */   countActions: () => (/* binding */ countActions),
/* harmony export */   previewFailure: () => (/* binding */ previewFailure),
/* harmony export */   previewTally: () => (/* binding */ previewTally)
/* harmony export */ });
/* harmony import */ var _distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2697);

/** Actions in the order the tally line lists them. */
const PREVIEW_ACTIONS = [
    'create',
    'update',
    'unchanged',
    'kept',
    'blocked'
];
/** The tags the release could not write, target by target. */
function blockedTags(result) {
    return result.targets.flatMap((t) => t.tags.filter((tag) => tag.action === 'blocked'));
}
function countActions(result) {
    const counts = {
        create: 0,
        update: 0,
        unchanged: 0,
        kept: 0,
        blocked: 0
    };
    for (const t of result.targets)
        for (const tag of t.tags)
            counts[tag.action]++;
    return counts;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `4 tags on 1 target: 1 create, 2 update, 1 kept`; actions at 0 are left out. */
function previewTally(result) {
    const counts = countActions(result);
    const total = PREVIEW_ACTIONS.reduce((sum, a) => sum + counts[a], 0);
    const parts = PREVIEW_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${a}`);
    const head = `${plural(total, 'tag')} on ${plural(result.targets.length, 'target')}`;
    return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}
/**
 * The step's failure when any tag is blocked, in one line naming them; undefined
 * when every tag can be written (or needs no write).
 */
function previewFailure(result) {
    const blocked = blockedTags(result);
    if (blocked.length === 0)
        return undefined;
    return `the release would not land ${plural(blocked.length, 'tag')}: ${blocked.map((t) => t.reference).join(', ')} (blocked: see the preview for why and the fix)`;
}
/** One line for what a target would get: `blobs: 2 to upload (1.2 KiB), 1 to mount, …`. */
function contentText(content) {
    switch (content.kind) {
        case 'copy':
            return `blobs: ${content.blobsUploaded} to upload (${(0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(content.bytesUploaded)}), ${content.blobsMounted} to mount, ${content.blobsPresent} already there; manifests: ${content.manifestsWritten} to write, ${content.manifestsPresent} already there`;
        case 'docker push':
            return 'docker push sends the layers the registry lacks (how many is known only as it pushes)';
        case 'upload':
            return 'docker save, each layer compressed once, then the layers the registry lacks are uploaded (how many is known once they are compressed)';
        case 'none':
            return content.why;
    }
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
/* harmony import */ var _distribution_discard_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8440);







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
            await (0,_distribution_discard_js__WEBPACK_IMPORTED_MODULE_6__/* .discard */ .v)(response);
            return undefined;
        }
        if (!response.ok)
            throw await (0,_distribution_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'listing referrers of', false, subject);
        listed.push(...(0,_referrers_index_js__WEBPACK_IMPORTED_MODULE_5__/* .listedDescriptors */ .k)(new Uint8Array(await response.arrayBuffer())));
        next = (0,_distribution_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .nextPage */ .Zj)(response.headers.get('link'), url);
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


/***/ })

};
