export const id = 350;
export const ids = [350,248];
export const modules = {

/***/ 9057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TD: () => (/* binding */ tagListsOnce),
/* harmony export */   Zj: () => (/* binding */ nextPage),
/* harmony export */   cB: () => (/* binding */ listTags)
/* harmony export */ });
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(548);
/* harmony import */ var _discard_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8440);


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
            await (0,_discard_js__WEBPACK_IMPORTED_MODULE_1__/* .discard */ .v)(response);
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
/**
 * listTags, asked once per repository: the reads before a publish share each
 * list (a source and a target in one repository need it both). Only for
 * reads that run before anything is written: a list does not change after.
 */
function tagListsOnce() {
    const lists = new Map();
    return (repo) => {
        const key = `${repo.client.registry}/${repo.path}`;
        let list = lists.get(key);
        if (!list) {
            list = listTags(repo);
            lists.set(key, list);
        }
        return list;
    };
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

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ createConfigDir),
/* harmony export */   X3: () => (/* binding */ jobConfigPath),
/* harmony export */   bU: () => (/* binding */ releaseFromHelpers),
/* harmony export */   l3: () => (/* binding */ seedFromJob),
/* harmony export */   md: () => (/* binding */ readJobConfig)
/* harmony export */ });
/* unused harmony exports removeConfigDir, hostOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9310);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8382);






/**
 * A Docker config directory for this run only, so tagship never changes the
 * user's ~/.docker, and one job's logout cannot wipe another's login on a
 * shared self-hosted runner. It starts from `seed` (the job's own config,
 * with `logout: false`), else empty.
 */
async function createConfigDir(parent, seed = {}) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(parent || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'tagship-docker-'));
    await writeConfig(dir, seed);
    return dir;
}
async function removeConfigDir(dir) {
    await rm(dir, { recursive: true, force: true });
}
/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`: where docker keeps the job's logins. */
function jobConfigPath(env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker'), 'config.json');
}
/** The job's Docker config, or an empty one when there is none; a broken file is an error. */
function readJobConfig(path) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch {
        return {};
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        doc = undefined;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('DOCKER_CONFIG', `${path} is not a JSON object, so logout: false cannot keep the job's logins in the exported config: fix the file, or point DOCKER_CONFIG at another directory`);
    return doc;
}
/**
 * The job's config as the start of the run's own: every key kept, except
 * that a `credsStore` becomes a `credHelpers` entry for each registry it
 * held (those `auths` keys). The job's registries still read the store,
 * while tagship's logins are written to the file (a store would share them
 * with every other job on the machine, and outlive the post step).
 */
function seedFromJob(job) {
    const { credsStore, ...rest } = job;
    if (typeof credsStore !== 'string' || credsStore === '')
        return { ...rest };
    const helpers = objectOf(job.credHelpers);
    for (const key of Object.keys(objectOf(job.auths))) {
        if (!(key in helpers))
            helpers[key] = credsStore;
    }
    return { ...rest, credHelpers: helpers };
}
/**
 * Before tagship's `docker login` to `registry`: drop the credential helpers
 * that would take that login away from the config file (the job's entry for
 * the same registry, under any of its spellings). Tagship's login wins.
 */
async function releaseFromHelpers(dir, registry) {
    const config = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'config.json'), 'utf8'));
    const helpers = objectOf(config.credHelpers);
    const names = Object.keys(helpers).filter((key) => hostOf(key) === registry);
    if (names.length === 0)
        return;
    for (const name of names)
        delete helpers[name];
    await writeConfig(dir, { ...config, credHelpers: helpers });
}
/** The registry host a config key names: `https://index.docker.io/v1/` is `docker.io`. */
function hostOf(key) {
    return (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .canonicalHost */ .rQ)(key
        .trim()
        .replace(/^https?:\/\//i, '')
        .replace(/\/.*$/, ''));
}
function objectOf(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? { ...value }
        : {};
}
async function writeConfig(dir, config) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, {
        mode: 0o600
    });
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
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
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

/***/ 9515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ printEvent),
/* harmony export */   M: () => (/* binding */ NO_GROUP)
/* harmony export */ });
/* harmony import */ var _distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2697);

/** The words both edges print into a target's group for an event. */
function printEvent(event, group) {
    if (event.kind !== 'tag')
        return;
    const { tag, reference, status, detail, previous } = event;
    switch (status) {
        case 'pushed':
            return group.info(`${tag}: pushed${previous ? ` (was ${(0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(previous)})` : ''}`);
        case 'already there':
            return group.info(`${tag}: already there`);
        case 'kept':
            return group.warning(`${reference}: kept where it is, the ${detail ?? 'newer version holds it'} (forward-only)`);
        case 'failed':
            return group.warning(`${reference}: ${detail ?? 'failed'}`);
    }
}
/** A group for events that have no place in the log. */
const NO_GROUP = { info: () => undefined, warning: () => undefined };


/***/ }),

/***/ 7177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RS: () => (/* binding */ clientOptionsOf),
  pY: () => (/* binding */ prepareSource),
  kt: () => (/* binding */ publishSession)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/distribution/client.ts + 5 modules
var distribution_client = __webpack_require__(1305);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/docker/save.ts



/**
 * `docker save` the image the daemon knows by `imageId` (so exactly the image
 * that was inspected) into a new folder under `dir`. `image` is the name the
 * user gave, for errors.
 */
async function dockerSave(image, imageId, dir, options = {}) {
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(dir, 'tagship-save-'));
    const remove = () => (0,promises_.rm)(folder, { recursive: true, force: true });
    const path = (0,external_node_path_.join)(folder, 'image.tar');
    try {
        const result = await (0,docker_image/* runDocker */.ST)(['save', '--output', path, imageId], options);
        if (result.exitCode !== 0)
            throw (0,docker_image/* dockerFailure */.Ri)(`docker save ${image}`, image, result);
    }
    catch (e) {
        await remove();
        throw e;
    }
    return { path, remove };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
    const tempDir = edge.tempDir || (0,external_node_os_.tmpdir)();
    // The ECR API calls retry as the logins and every registry request do.
    const awsPacing = (log) => ({
        policy: (0,retry/* retryPolicy */.Jb)(inputs.publish.retries),
        onRetry: (line) => log.info(line)
    });
    const clients = new Map(login.clients);
    const client = (registry) => {
        let c = clients.get(registry);
        if (!c) {
            const credentials = login.logins.get(registry);
            c = new distribution_client/* RegistryClient */.bP(registry, credentials, edge.mask, {
                ...edge.client,
                provider: (0,login_plan/* providerOf */.lc)(registry, inputs.auth)
            });
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
                    push: (image, reference, log) => dockerPush(image, reference, { ...options, log }),
                    save: (image, imageId) => dockerSave(image, imageId, tempDir, options)
                },
                tempDir
            }
            : {}),
        ensureRepository: async (repository, log) => {
            const provider = (0,login_plan/* providerOf */.lc)(repository.registry, inputs.auth);
            if (provider.kind === 'dockerhub')
                log.warning(`${repository.name} has no tags yet: if it does not exist, Docker Hub creates it on this push with the account's default visibility, which may be public`);
            if (provider.kind !== 'ecr')
                return;
            // The AWS SDK is loaded only for an ECR target, not at start-up.
            const { ensureEcrRepository } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(780), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 7477));
            await ensureEcrRepository({
                provider: { ...provider, host: repository.registry },
                path: repository.path,
                aws: inputs.auth.aws,
                create: inputs.publish.ecrCreateRepository,
                log: (line) => log.info(line),
                // The same retries as the login and every registry request.
                clientOptions: { pacing: awsPacing(log) }
            });
        },
        inspectRepository: async (repository, empty, log) => {
            const provider = (0,login_plan/* providerOf */.lc)(repository.registry, inputs.auth);
            if (provider.kind === 'dockerhub' && empty) {
                const note = `no tags yet: if it does not exist, Docker Hub creates it on the push with the account's default visibility, which may be public`;
                log.warning(`${repository.name} has ${note}`);
                return { immutable: false, note };
            }
            if (provider.kind !== 'ecr')
                return undefined;
            const { describeEcrRepository } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(780), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 7477));
            const facts = await describeEcrRepository({
                provider: { ...provider, host: repository.registry },
                path: repository.path,
                aws: inputs.auth.aws,
                clientOptions: { pacing: awsPacing(log) }
            });
            return ecrFacts(facts, repository, provider, inputs.publish.ecrCreateRepository);
        }
    };
}
/** What the preview says of an ECR repository, from DescribeRepositories. */
function ecrFacts(facts, repository, provider, create) {
    switch (facts.state) {
        case 'exists':
            if (facts.mutability === 'IMMUTABLE')
                return { immutable: true, note: 'Amazon ECR, immutable tags' };
            if (facts.mutability === 'MUTABLE')
                return { immutable: false };
            return {
                immutable: 'unknown',
                note: `Amazon ECR, tag mutability ${facts.mutability}: whether a tag may move depends on its exclusion filters`
            };
        case 'missing':
            if (create)
                return {
                    immutable: false,
                    note: 'does not exist in Amazon ECR: the release creates it (ecr-create-repository)'
                };
            return {
                immutable: false,
                note: 'does not exist in Amazon ECR',
                blocked: `${repository.name} does not exist in Amazon ECR (account ${provider.account}, region ${provider.region}): create it, or turn on ecr-create-repository`
            };
        case 'unknown':
            return {
                immutable: 'unknown',
                note: `Amazon ECR: ${facts.why}, so whether the repository exists and whether its tags are immutable is unknown`
            };
    }
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
            throw (0,errors/* nothingPushed */.nE)(e);
        }
        return undefined;
    }
    if (source === undefined || source.kind === 'registry')
        return undefined;
    return (0,source_resolve.resolveFile)(source, inputs.publish);
}


/***/ }),

/***/ 1248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ describeSource),
  resolveFile: () => (/* binding */ resolveFile),
  e: () => (/* binding */ resolveSource)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/distribution/digest.ts
var distribution_digest = __webpack_require__(9898);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
// EXTERNAL MODULE: ./src/distribution/repo.ts
var distribution_repo = __webpack_require__(548);
;// CONCATENATED MODULE: ./src/distribution/blob-download.ts




/**
 * Stream a blob (following a redirect to object storage, without
 * credentials). The stream errors if the bytes are not `size` long or do not
 * hash to `digest`, so nothing unverified is passed on in silence; `hash:
 * false` checks the size only, for bytes on their way to a registry, which
 * refuses an upload whose digest is wrong (hashing a 1 GiB layer on the way
 * costs seconds of CPU).
 */
async function openBlob(repo, descriptor, options = {}) {
    const { digest, size } = descriptor;
    const response = await repo.client.request((0,distribution_repo/* apiPath */.So)(repo, `blobs/${digest}`), {}, repo.scopes);
    if (!response.ok)
        throw await (0,distribution_repo/* refusal */.x5)(repo, response, 'downloading blob', false, digest);
    const mismatch = (detail) => new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, digest, detail);
    const length = response.headers.get('content-length');
    if (length !== null && Number(length) !== size) {
        await response.body?.cancel();
        throw mismatch(`the registry sent ${length} bytes where the manifest says ${size}`);
    }
    const body = response.body ?? new Blob([]).stream();
    return body.pipeThrough(verifier(digest, size, mismatch, options.hash !== false));
}
/** A size and digest check on a stream of bytes. */
function verifier(digest, size, mismatch, hashing) {
    const algorithm = (0,distribution_digest/* digestAlgorithm */.g4)(digest);
    const hash = algorithm && hashing ? (0,external_node_crypto_.createHash)(algorithm) : undefined;
    let received = 0;
    return new TransformStream({
        transform(chunk, controller) {
            received += chunk.length;
            if (received > size)
                throw mismatch(`more than the ${size} bytes the manifest says arrived`);
            hash?.update(chunk);
            controller.enqueue(chunk);
        },
        flush() {
            if (received !== size)
                throw mismatch(`${received} bytes arrived where the manifest says ${size}`);
            const got = hash ? `${algorithm}:${hash.digest('hex')}` : digest;
            if (got !== digest)
                throw mismatch(`the bytes hash to ${got}`);
        }
    });
}

// EXTERNAL MODULE: ./src/distribution/manifests.ts
var manifests = __webpack_require__(8831);
;// CONCATENATED MODULE: ./src/distribution/content-source.ts


/** A repository on a registry, read with the client's credentials. */
function registryContent(repo) {
    return {
        name: `${repo.client.registry}/${repo.path}`,
        manifest: (digest) => (0,manifests/* getManifest */.c2)(repo, digest),
        openBlob: (descriptor, options) => openBlob(repo, descriptor, { hash: options?.toRegistry !== true }),
        repository: { registry: repo.client.registry, path: repo.path }
    };
}

// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
// EXTERNAL MODULE: ./src/distribution/tags.ts
var distribution_tags = __webpack_require__(9057);
// EXTERNAL MODULE: ./src/shared/errors.ts
var shared_errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/referrers/summary.ts
var summary = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/push/platform-filter.ts



/** buildx's marks on an attestation manifest in an index. */
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
function platformText(p) {
    if (!p)
        return 'unknown';
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** Whether an index entry is buildx's attestation manifest for another entry. */
function isAttestation(d) {
    return d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest';
}
/** arm64's variant v8 is its only one: `linux/arm64` and `linux/arm64/v8` are the same platform. */
function variantOf(architecture, variant) {
    return architecture === 'arm64' && variant === 'v8' ? undefined : variant;
}
function matches(spec, p) {
    if (!p || p.os !== spec.os || p.architecture !== spec.architecture)
        return false;
    // Without a variant the spec names every variant of the architecture.
    if (spec.variant === undefined)
        return true;
    return variantOf(p.architecture, p.variant) === variantOf(spec.architecture, spec.variant);
}
/**
 * Keep only the wanted platforms of an index. Attestation manifests follow
 * the platform they describe. Every wanted platform must be in the index,
 * or nothing is published. One platform kept becomes that platform's own
 * manifest unless `keepIndex`.
 */
function filterPlatforms(index, wanted, options) {
    const { manifests } = (0,media_types/* manifestChildren */.fM)(index);
    const images = manifests.filter((d) => !isAttestation(d));
    const held = images.map((d) => platformText(d.platform));
    for (const spec of wanted)
        if (!images.some((d) => matches(spec, d.platform)))
            throw new shared_errors/* InputError */.dz('platforms', `${(0,shared_errors/* quote */.hD)(spec.text)} is not in the source ${(0,shared_errors/* quote */.hD)(options.source)}, which holds ${held.join(', ') || 'no platform'}: list only platforms it holds`);
    const keptImages = images.filter((d) => wanted.some((spec) => matches(spec, d.platform)));
    const keptDigests = new Set(keptImages.map((d) => d.digest));
    const kept = keptImages.map((d) => platformText(d.platform));
    const dropped = images
        .filter((d) => !keptDigests.has(d.digest))
        .map((d) => platformText(d.platform));
    if (dropped.length === 0)
        return { kind: 'whole', index };
    if (keptImages.length === 1 && !options.keepIndex)
        return { kind: 'single', manifest: keptImages[0], kept, dropped };
    const entries = manifests.filter((d) => isAttestation(d)
        ? keptDigests.has(d.annotations?.[REFERENCE_DIGEST] ?? '')
        : keptDigests.has(d.digest));
    const json = JSON.parse(new TextDecoder().decode(index.bytes));
    const bytes = new TextEncoder().encode(JSON.stringify({ ...json, manifests: entries }));
    return {
        kind: 'index',
        index: { bytes, mediaType: index.mediaType, digest: (0,distribution_digest/* digestOf */.ol)(bytes) },
        kept,
        dropped
    };
}

;// CONCATENATED MODULE: ./src/push/platform-single.ts


/** A config is small; anything larger is not one. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/**
 * A source with one platform passes the filter only when the filter names
 * that platform alone: the platform comes from the image's config.
 */
async function checkSinglePlatform(content, manifest, wanted, text) {
    const config = (0,media_types/* manifestChildren */.fM)(manifest).blobs[0];
    const platform = config ? await readPlatform(content, config) : undefined;
    const held = platform
        ? [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
        : 'an unknown platform';
    const matches = (spec) => platform !== undefined &&
        spec.os === platform.os &&
        spec.architecture === platform.architecture &&
        (spec.variant === undefined || spec.variant === platform.variant);
    const missing = wanted.find((spec) => !matches(spec));
    if (missing)
        throw new shared_errors/* InputError */.dz('platforms', `${(0,shared_errors/* quote */.hD)(missing.text)} is not in the source ${(0,shared_errors/* quote */.hD)(text)}, a single-platform image of ${held}: list only ${held}, or remove platforms`);
}
async function readPlatform(content, config) {
    if (config.size > MAX_CONFIG_BYTES)
        return undefined;
    const chunks = [];
    for await (const chunk of (await content.openBlob(config)))
        chunks.push(chunk);
    try {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof json.os !== 'string' || typeof json.architecture !== 'string')
            return undefined;
        return {
            os: json.os,
            architecture: json.architecture,
            ...(typeof json.variant === 'string' ? { variant: json.variant } : {})
        };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/push/source-resolve.ts










async function resolveSource(source, access) {
    if (source.kind === 'local') {
        if (!access.imageId)
            throw new Error('a local source needs the docker engine');
        const imageId = await access.imageId(source.image);
        const upload = access.localUpload?.(source.image, imageId);
        return { kind: 'local', image: source.image, imageId, ...(upload ? { upload } : {}) };
    }
    if (source.kind !== 'registry')
        return resolveFile(source, access.options);
    const { registry, path } = source.repository;
    const scope = access.targets?.has(`${registry}/${path}`) ? 'push' : 'pull';
    const repo = (0,distribution_repo/* repoHandle */.H4)(access.client(registry), path, scope);
    // The manifest is asked for first, so it takes the connection the login
    // check left open: the referrers, which need its digest, follow a round
    // trip later, while the other reads still open theirs.
    const reading = (0,manifests/* getManifest */.c2)(repo, source.digest ?? source.tag ?? 'latest').catch((e) => {
        // A source that is not there is a wrong input, not a registry fault: name the input.
        if (e instanceof errors/* RegistryRequestError */.vs && e.status === 404)
            throw new shared_errors/* InputError */.dz('source', `${(0,shared_errors/* quote */.hD)(source.text)} is not in the registry (${e.code ?? 'HTTP 404'}): check the tag or digest, or push the image there first`);
        throw e;
    });
    // The referrers need the repository's tags: asked for with the manifest, not after it.
    const tags = access.options.referrers ? (access.tagList ?? distribution_tags/* listTags */.cB)(repo) : undefined;
    tags?.catch(() => undefined);
    const manifest = await reading;
    const content = registryContent(repo);
    return source_resolve_select(content, manifest, source.text, access.options, async (subjects) => {
        const { discoverRegistryReferrers } = await __webpack_require__.e(/* import() */ 929).then(__webpack_require__.bind(__webpack_require__, 4929));
        return discoverRegistryReferrers(repo, subjects, {
            concurrency: access.options.concurrency,
            ...(tags ? { tags } : {})
        });
    }, async () => undefined);
}
/**
 * An image in a file, opened and checked whole (every blob it needs is there
 * and hashes to its name) with no network: a bad file fails before any login.
 */
async function resolveFile(source, options) {
    const { openFileImage } = await __webpack_require__.e(/* import() */ 794).then(__webpack_require__.bind(__webpack_require__, 7794));
    const image = await openFileImage(source);
    try {
        return await source_resolve_select(image, image.top, source.text, options, async (subjects) => {
            const { discoverLayoutReferrers } = await __webpack_require__.e(/* import() */ 452).then(__webpack_require__.bind(__webpack_require__, 8071));
            return discoverLayoutReferrers(image, subjects);
        }, () => image.close());
    }
    catch (e) {
        await image.close();
        throw e;
    }
}
/** Apply the platform filter, then find the referrers of what is left. */
async function source_resolve_select(content, manifest, text, options, discover, close) {
    let top = manifest;
    let source = content;
    let platforms;
    if (options.platforms.length > 0) {
        if (!(0,media_types/* isIndexMediaType */.$$)(manifest.mediaType)) {
            await checkSinglePlatform(content, manifest, options.platforms, text);
        }
        else {
            const filtered = filterPlatforms(manifest, options.platforms, {
                keepIndex: options.platformsKeepIndex,
                source: text
            });
            if (filtered.kind !== 'whole') {
                platforms = {
                    kept: filtered.kept,
                    dropped: filtered.dropped,
                    sourceDigest: manifest.digest
                };
                if (filtered.kind === 'single')
                    top = await content.manifest(filtered.manifest.digest);
                else {
                    top = filtered.index;
                    source = withManifest(content, filtered.index);
                }
            }
        }
    }
    const subjects = (0,media_types/* isIndexMediaType */.$$)(top.mediaType)
        ? [top.digest, ...(0,media_types/* manifestChildren */.fM)(top).manifests.map((d) => d.digest)]
        : [top.digest];
    const referrers = options.referrers ? await discover(subjects) : [];
    return {
        kind: 'content',
        content: source,
        top,
        referrers,
        ...(platforms ? { platforms } : {}),
        close
    };
}
/** The source, plus one manifest it does not hold: the filter's new index. */
function withManifest(content, extra) {
    return {
        ...content,
        manifest: (digest) => digest === extra.digest ? Promise.resolve(extra) : content.manifest(digest)
    };
}
/** What the source holds, for its log group. */
function describeSource(found) {
    if (found.kind === 'local')
        return [`local image ${found.imageId}`];
    const lines = [`${found.top.digest} (${found.top.mediaType})`];
    if ((0,media_types/* isIndexMediaType */.$$)(found.top.mediaType)) {
        const children = (0,media_types/* manifestChildren */.fM)(found.top).manifests;
        const platforms = children
            .filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
            .map((d) => platformText(d.platform));
        const attestations = children.length - platforms.length;
        lines.push(`platforms: ${platforms.join(', ') || 'none'}${attestations > 0 ? `; ${attestations} attestation manifest(s)` : ''}`);
    }
    if (found.platforms)
        lines.push(`platforms filter: kept ${found.platforms.kept.join(', ')}, dropped ${found.platforms.dropped.join(', ')}; the published digest ${found.top.digest} differs from the source's ${found.platforms.sourceDigest}`);
    if (found.referrers.length > 0)
        lines.push(`referrers: ${(0,summary/* referrerSummary */.W)(found.referrers)}`);
    return lines;
}


/***/ })

};
