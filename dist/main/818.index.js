export const id = 818;
export const ids = [818];
export const modules = {

/***/ 818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionEdge: () => (/* binding */ actionEdge)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(3838);
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
            const { ecrPublicCredentials } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(821), __webpack_require__.e(72)]).then(__webpack_require__.bind(__webpack_require__, 1691));
            return ecrPublicCredentials(aws, options);
        },
        acrOidc: async (registry, azure, options) => {
            const { acrOidcCredentials } = await Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(952), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 9100));
            return acrOidcCredentials(registry, azure, options);
        }
    };
}

// EXTERNAL MODULE: ./src/push/session.ts + 1 modules
var session = __webpack_require__(3885);
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

;// CONCATENATED MODULE: ./src/action/publish-env.ts




/**
 * The action's side of a publish: log groups and warnings through
 * @actions/core, every secret masked, the post step told about each docker
 * login, and DOCKER_CONFIG exported for later steps when `logout: false`.
 */
function actionEdge(inputs) {
    const { logout } = inputs.auth;
    return {
        log: {
            info: (line) => lib_core/* info */.pq(line),
            warning: (line) => lib_core/* warning */.$e(line),
            error: (line) => lib_core/* error */.z3(line),
            group: (title, work) => lib_core/* group */.Os(title, work)
        },
        mask: (secret) => lib_core/* setSecret */.Pq(secret),
        client: clientOptions(inputs),
        sources: credentialSources(),
        login: {
            getIdToken: (audience) => lib_core/* getIDToken */.V9(audience),
            configParent: process.env.RUNNER_TEMP,
            onDockerLogins: (state) => savePostState({ ...state, logout })
        },
        loggedIn: ({ configDir, dockerLogins }) => {
            if (configDir === undefined || logout)
                return;
            lib_core/* exportVariable */.dN('DOCKER_CONFIG', configDir);
            savePostState({ configDir, dockerLogins, logout: false, exported: true });
            lib_core/* info */.pq(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`);
        }
    };
}
/**
 * The registry client's timeouts, retries and `insecure-registries`, from the
 * publishing inputs; the logins use them too. The list names hosts, so each
 * client relaxes TLS only for the registries listed.
 */
function clientOptions(inputs) {
    return (0,session/* clientOptionsOf */.RS)(inputs, (message) => lib_core/* info */.pq(message));
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


/***/ })

};
