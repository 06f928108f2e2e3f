export const id = 97;
export const ids = [97];
export const modules = {

/***/ 8097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  restoreStep: () => (/* binding */ restoreStep),
  saveStep: () => (/* binding */ saveStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/inputs/cache.ts
var cache = __webpack_require__(6275);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 186 modules
var lib_cache = __webpack_require__(1676);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/docker/image.ts
var docker_image = __webpack_require__(3905);
;// CONCATENATED MODULE: ./src/cache/image.ts





/**
 * The folder handed to @actions/cache, relative to the job's working
 * directory (the workspace on a runner). The library hashes the path *as
 * written* into the entry's version and tars it relative to the workspace,
 * so a relative path inside the workspace is what lets a job on another
 * runner, with another home or temp folder, find and unpack the entry.
 */
const HANDOFF_DIR = '.tagship-handoff';
const ARCHIVE = 'image.tar';
/** An OCI archive stored as it is: restored, it is published with no daemon. */
const OCI_ARCHIVE = 'image.oci.tar';
/**
 * Save a local image to the Actions cache: `docker save` of the image ID (a
 * docker-archive tar), which the library tars and compresses (zstd when the
 * runner has it, else gzip) and uploads under `key(imageId)`.
 */
async function saveImage(image, key) {
    const imageId = await (0,docker_image/* localImageId */.Aj)(image);
    const cacheKey = key(imageId);
    const dir = (0,external_node_path_.resolve)(HANDOFF_DIR);
    await (0,promises_.mkdir)(dir, { recursive: true });
    try {
        // By ID, so the archive carries no tag: loading it elsewhere never moves a name.
        const saved = await (0,docker_image/* runDocker */.ST)(['save', '--output', (0,external_node_path_.join)(dir, ARCHIVE), imageId]);
        if (saved.exitCode !== 0)
            throw (0,docker_image/* dockerFailure */.Ri)(`docker save ${image}`, image, saved);
        // The library logs and swallows every failure (it returns -1), so -1 is all we learn.
        const id = await lib_cache/* saveCache */.Io([HANDOFF_DIR], cacheKey);
        if (id !== -1)
            return { key: cacheKey, imageId, stored: true };
        if ((await lib_cache/* restoreCache */.P3([HANDOFF_DIR], cacheKey, [], { lookupOnly: true })) === cacheKey)
            return { key: cacheKey, imageId, stored: false };
        throw new Error(`cache: the Actions cache did not store the image under ${(0,errors/* quote */.hD)(cacheKey)} (see the warning above): ` +
            'check that the job runs on GitHub Actions with the cache service reachable, then re-run it');
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * Save an OCI archive to the Actions cache as it is (no daemon): a copy in
 * the hand-off folder, which the library tars, compresses and uploads.
 */
async function saveArchive(path, digest, key) {
    const cacheKey = key(digest);
    const dir = (0,external_node_path_.resolve)(HANDOFF_DIR);
    await (0,promises_.mkdir)(dir, { recursive: true });
    try {
        await (0,promises_.copyFile)(path, (0,external_node_path_.join)(dir, OCI_ARCHIVE));
        const id = await lib_cache/* saveCache */.Io([HANDOFF_DIR], cacheKey);
        if (id !== -1)
            return { key: cacheKey, imageId: digest, stored: true };
        if ((await lib_cache/* restoreCache */.P3([HANDOFF_DIR], cacheKey, [], { lookupOnly: true })) === cacheKey)
            return { key: cacheKey, imageId: digest, stored: false };
        throw new Error(`cache: the Actions cache did not store the archive under ${(0,errors/* quote */.hD)(cacheKey)} (see the warning above): ` +
            'check that the job runs on GitHub Actions with the cache service reachable, then re-run it');
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * Restore an image saved by `saveImage` into the daemon: the newest entry
 * whose key is `key` or starts with it, then `docker load`.
 */
async function restoreImage(key, hint) {
    const dir = (0,external_node_path_.resolve)(HANDOFF_DIR);
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    let keep = false;
    try {
        const matched = await lib_cache/* restoreCache */.P3([HANDOFF_DIR], key);
        const archive = (0,external_node_path_.join)(dir, ARCHIVE);
        const oci = (0,external_node_path_.join)(dir, OCI_ARCHIVE);
        if (matched !== undefined && (await isFile(oci))) {
            // Published from the file with no daemon; removed once the publish is done.
            keep = true;
            const remove = () => (0,promises_.rm)(dir, { recursive: true, force: true });
            return { kind: 'oci-archive', key: matched, path: oci, remove };
        }
        if (matched === undefined || !(await isFile(archive))) {
            throw new errors/* InputError */.dz('cache-key', `no image in the Actions cache under ${(0,errors/* quote */.hD)(key)}: ${hint}`);
        }
        const loaded = await (0,docker_image/* runDocker */.ST)(['load', '--input', archive]);
        if (loaded.exitCode !== 0)
            throw (0,docker_image/* dockerFailure */.Ri)('docker load', archive, loaded);
        const id = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(loaded.stdout)?.[1];
        if (id === undefined)
            throw new Error(`docker load gave no image ID for ${(0,errors/* quote */.hD)(matched)}: ${(0,errors/* quote */.hD)(loaded.stdout.trim())}`);
        return { kind: 'local', key: matched, imageId: id };
    }
    finally {
        if (!keep)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
function isFile(path) {
    return (0,promises_.stat)(path).then((s) => s.isFile(), () => false);
}

;// CONCATENATED MODULE: ./src/cache/action.ts




/**
 * The action's hand-off steps. `save` ends the run: the image is in the
 * cache, nothing is logged in to or pushed. `restore` hands back the inputs
 * with the restored image as `source` (a local image loaded into the
 * daemon, or an OCI archive file), for the normal publish.
 */
async function saveStep(inputs, sha) {
    const source = inputs.source;
    const given = inputs.cache?.key ?? '';
    const key = (id) => (given !== '' ? given : (0,cache/* defaultSaveKey */.y9)(sha, id));
    let saved;
    if (source?.kind === 'oci-archive') {
        const { resolveFile } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(248)]).then(__webpack_require__.bind(__webpack_require__, 1248));
        // Opened and checked whole first: a broken archive is not handed on.
        const opened = await resolveFile(source, { ...inputs.publish, platforms: [], referrers: false });
        await opened.close();
        const digest = opened.top.digest;
        saved = await core/* group */.Os(`Save ${source.text} to the Actions cache`, () => saveArchive(source.path, digest, key));
    }
    else {
        const image = source?.kind === 'local' ? source.image : '';
        saved = await core/* group */.Os(`Save ${image} to the Actions cache`, () => saveImage(image, key));
    }
    core/* info */.pq(saved.stored
        ? `Saved ${saved.imageId} as ${saved.key}`
        : `${saved.key} is already in the Actions cache (an earlier run of this job saved it): kept`);
    core/* setOutput */.uH('cache-key', saved.key);
    await core/* summary */.z
        .addRaw(`### tagship\n\nImage \`${saved.imageId}\` handed off as cache key \`${saved.key}\`.\n`)
        .write();
}
/** The inputs with the restored image as source, and what removes the restored file afterwards. */
async function restoreStep(inputs, sha) {
    const given = inputs.cache?.key ?? '';
    const key = given !== '' ? given : (0,cache/* restorePrefix */.xK)(sha);
    const hint = given !== ''
        ? 'run the job with cache: save first and pass its cache-key output here; a run reads only the caches of its own branch and of the default branch'
        : `no image was saved for commit ${sha}: run a job with cache: save on this commit first, or set cache-key to the save step's cache-key output`;
    const restored = await core/* group */.Os(`Restore the image from the Actions cache`, () => restoreImage(key, hint));
    core/* setOutput */.uH('cache-key', restored.key);
    if (restored.kind === 'oci-archive') {
        core/* info */.pq(`Restored an OCI archive from ${restored.key}`);
        const source = {
            kind: 'oci-archive',
            path: restored.path,
            text: `oci-archive:${restored.path}`
        };
        return { inputs: { ...inputs, source }, cleanup: restored.remove };
    }
    if (inputs.publish.platforms.length > 0)
        throw new errors/* InputError */.dz('platforms', `is set, but ${(0,errors/* quote */.hD)(restored.key)} holds an image for the Docker daemon, which has one platform: save an OCI archive (source: oci-archive:PATH) in the build job, or remove platforms`);
    core/* info */.pq(`Restored ${restored.imageId} from ${restored.key}`);
    return {
        inputs: { ...inputs, source: { kind: 'local', image: restored.imageId } },
        cleanup: async () => undefined
    };
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


/***/ })

};
