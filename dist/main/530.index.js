export const id = 530;
export const ids = [530];
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
    // Once the request gives up on the body (a reset connection), a read still
    // in flight may fail only because the stream closed: not the source's fault.
    let cancelled = false;
    const reader = source.getReader();
    const stream = new ReadableStream({
        async pull(controller) {
            try {
                const { done, value } = await reader.read();
                if (cancelled)
                    return;
                if (done)
                    controller.close();
                else
                    controller.enqueue(value);
            }
            catch (e) {
                if (!cancelled)
                    failure = e;
                throw e;
            }
        },
        cancel: (reason) => {
            cancelled = true;
            return reader.cancel(reason);
        }
    });
    return { stream, failure: () => failure };
}


/***/ }),

/***/ 2697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R8: () => (/* binding */ copyContent),
  z3: () => (/* binding */ formatBytes),
  h0: () => (/* binding */ copy_short)
});

// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
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
                if (e instanceof errors/* RegistryUnreachableError */.ST)
                    throw new errors/* RegistryUnreachableError */.ST(e.registry, e.detail, attempt, { cause: e });
                if (!(e instanceof RetryableAnswer))
                    throw e;
                const { context, answer } = e.error;
                throw new errors/* RegistryRequestError */.vs(context, { ...answer, retries: attempt }, { cause: e });
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
    if (e instanceof RetryableAnswer || e instanceof errors/* RegistryUnreachableError */.ST)
        return true;
    if (e instanceof errors/* RegistryRequestError */.vs)
        return (0,retry/* isRetryableStatus */.PS)(e.status);
    // A refusal, bad content or bad credentials stay so; anything else came from
    // the source stream breaking off (a dropped download) and may pass.
    return !(e instanceof errors/* ContentMismatchError */.gd ||
        e instanceof errors/* CredentialsRejectedError */.HK ||
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
        throw new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, blob.digest, `the source gave ${offset} bytes where the manifest says ${blob.size}`);
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
        throw new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, blob.digest, `the registry stored the upload as ${stored}`);
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

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RS: () => (/* binding */ clientOptionsOf),
  pY: () => (/* binding */ prepareSource),
  kt: () => (/* binding */ publishSession)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
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
            const { ensureEcrRepository } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(780), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 7477));
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
            throw (0,errors/* nothingPushed */.nE)(e);
        }
        return undefined;
    }
    if (source === undefined || source.kind === 'registry')
        return undefined;
    return (0,source_resolve.resolveFile)(source, inputs.publish);
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
