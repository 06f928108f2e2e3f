export const id = 606;
export const ids = [606];
export const modules = {

/***/ 6606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishCommand: () => (/* binding */ publishCommand)
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
// EXTERNAL MODULE: ./src/distribution/discard.ts
var discard = __webpack_require__(8440);
;// CONCATENATED MODULE: ./src/distribution/blob-upload.ts






/**
 * The most a chunked upload holds in memory: some registries refuse one PUT
 * with the whole body and want PATCHes, which must each carry a known length.
 */
const CHUNK_BYTES = 8 * 1024 * 1024;
/**
 * Upload a blob: open a session (or take `opened`, one a mount request left
 * open), then one streamed PUT with the whole body; a registry that refuses
 * that (405, 413, 501, UNSUPPORTED) gets PATCH chunks of at most CHUNK_BYTES
 * and a closing PUT. A transient failure (network, 408/429/5xx, an expired
 * token, a lost session) re-opens the source and starts over in a new
 * session, as many times as the client retries.
 */
async function uploadBlob(repo, blob, opened) {
    for (let attempt = 0;; attempt++) {
        try {
            await uploadOnce(repo, blob, attempt === 0 ? opened : undefined);
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
async function uploadOnce(repo, blob, opened) {
    const { session, body } = await sessionAndBody(repo, blob, opened);
    const source = (0,byte_streams/* watched */.V)((0,byte_streams/* toWebStream */.U)(body));
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
        await (0,discard/* discard */.v)(response);
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
/**
 * The upload session (`opened`, or a new one) and the source's body. A new
 * session is asked for while the source opens (a download, for a registry
 * source): a round trip less per blob. A body opened for a session that was
 * refused is cancelled.
 */
async function sessionAndBody(repo, blob, opened) {
    if (opened)
        return { session: opened, body: await blob.open() };
    const body = blob.open();
    // Handled here so a source that fails while the session is asked for is not an unhandled rejection.
    body.catch(() => undefined);
    let session;
    try {
        session = await startUpload(repo, blob.digest);
    }
    catch (e) {
        void body.then((b) => (0,byte_streams/* toWebStream */.U)(b).cancel()).catch(() => undefined);
        throw e;
    }
    return { session, body: await body };
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
        await (0,discard/* discard */.v)(response);
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
    await (0,discard/* discard */.v)(response);
    checkStored(repo, blob, response);
}
async function startUpload(repo, digest) {
    const path = (0,distribution_repo/* apiPath */.So)(repo, 'blobs/uploads/');
    const response = await repo.client.request(path, { method: 'POST' }, repo.scopes);
    const session = sessionOf(response, `${repo.client.baseUrl}${path}`);
    if (!session)
        throw await (0,distribution_repo/* refusal */.x5)(repo, response, 'uploading blob', true, digest);
    await (0,discard/* discard */.v)(response);
    return session;
}
/** The session a POST to `blobs/uploads/` opened: a 202 with a Location; else undefined. */
function sessionOf(response, requestUrl) {
    const location = resolveLocation(response, requestUrl);
    if (response.status !== 202 || !location)
        return undefined;
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
        await (0,discard/* discard */.v)(response);
        return true;
    }
    if (response.status === 404) {
        await (0,discard/* discard */.v)(response);
        return false;
    }
    throw await (0,distribution_repo/* refusal */.x5)(repo, response, 'checking blob', false, digest);
}
/**
 * Ask the registry to link a blob from a repository it holds (no bytes
 * move); `fromPath` may be the repository itself, which asks whether it holds
 * the blob already. Mounted on 201. Anything else is not mounted: 202 (the
 * registry opened an upload session instead, as the OCI distribution spec
 * says it should: returned, so the upload can use it; one that is not used is
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
    await (0,discard/* discard */.v)(response);
    if (response.status === 201)
        return { mounted: true };
    const session = sessionOf(response, `${repo.client.baseUrl}${path}`);
    return session ? { mounted: false, session } : { mounted: false };
}

// EXTERNAL MODULE: ./src/distribution/manifests.ts
var manifests = __webpack_require__(8831);
// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
// EXTERNAL MODULE: ./src/shared/limit.ts
var limit = __webpack_require__(50);
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
    const asks = !options.untagged || options.preview !== undefined;
    const transferBlob = async (blob) => {
        if (asks && (await hasBlob(target, blob.digest))) {
            stats.blobsPresent++;
            options.onBlob?.(blob, 'already there');
            return;
        }
        if (options.preview)
            return countBlob(blob, options.preview.planned);
        const open = () => source.openBlob(blob, { toRegistry: true });
        const offers = asks ? mountFrom : [...mountFrom, target.path];
        // Offered to the untagged target alone, the blob is all but certain to be
        // uploaded: its source opens beside the offer, a round trip less.
        const early = offers.length === 1 && offers[0] === target.path ? openedOnce(open) : undefined;
        let session;
        for (const from of offers) {
            const answer = await mountBlob(mountRepo, blob.digest, from);
            if (answer.mounted)
                early?.drop();
            if (answer.mounted && from === target.path) {
                stats.blobsPresent++;
                options.onBlob?.(blob, 'already there');
                return;
            }
            if (answer.mounted) {
                stats.blobsMounted++;
                options.log(`mounted ${copy_short(blob.digest)} from ${from}`);
                options.onBlob?.(blob, 'mounted');
                return;
            }
            session = answer.session ?? session;
        }
        await uploadBlob(target, {
            digest: blob.digest,
            size: blob.size,
            // The target checks the digest of the upload: the source need not hash it too.
            open: async () => withProgress(await (early?.take() ?? open()), blob, options.log)
        }, session);
        stats.blobsUploaded++;
        stats.bytesUploaded += blob.size;
        options.log(`uploaded ${copy_short(blob.digest)} (${formatBytes(blob.size)})`);
        options.onBlob?.(blob, 'uploaded');
    };
    /** A preview's answer for a blob the target lacks: mounted from a repository that has it, or uploaded. */
    const countBlob = async (blob, planned) => {
        for (const from of mountFrom) {
            const holder = {
                client: target.client,
                path: from,
                scopes: [(0,scope/* repositoryScope */.F)(from, 'pull')]
            };
            if (planned.includes(from) || (await hasBlob(holder, blob.digest))) {
                stats.blobsMounted++;
                return;
            }
        }
        stats.blobsUploaded++;
        stats.bytesUploaded += blob.size;
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
            if (asks && (await (0,manifests/* headManifest */.sy)(target, child.digest))) {
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
            if (options.preview) {
                stats.manifestsWritten++;
                return;
            }
            await (0,manifests/* putManifest */.RV)(target, child.digest, manifest);
            stats.manifestsWritten++;
            options.log(`wrote manifest ${copy_short(child.digest)}${platformText(child)}`);
        });
    }
    return stats;
}
/**
 * A source opened ahead of its use: `take` gives it once (later calls get
 * undefined, and open anew); `drop` cancels it when it is not needed.
 */
function openedOnce(open) {
    let pending = open();
    // A failure is the taker's to see; one nobody takes is not an unhandled rejection.
    pending.catch(() => undefined);
    return {
        take: () => {
            const given = pending;
            pending = undefined;
            return given;
        },
        drop: () => {
            const dropped = pending;
            pending = undefined;
            void dropped?.then((s) => s.cancel()).catch(() => undefined);
        }
    };
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

;// CONCATENATED MODULE: ./src/push/events.ts

/** The words both edges print into a target's group for an event. */
function printEvent(event, group) {
    if (event.kind !== 'tag')
        return;
    const { tag, reference, status, detail, previous } = event;
    switch (status) {
        case 'pushed':
            return group.info(`${tag}: pushed${previous ? ` (was ${copy_short(previous)})` : ''}`);
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

// EXTERNAL MODULE: ./src/shared/words.ts
var words = __webpack_require__(152);
// EXTERNAL MODULE: ./src/distribution/client.ts + 5 modules
var distribution_client = __webpack_require__(1305);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/registry/reference.ts
var reference = __webpack_require__(9310);
// EXTERNAL MODULE: ./src/shared/errors.ts
var shared_errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/docker/config.ts






/**
 * A Docker config directory for this run only, so tagship never changes the
 * user's ~/.docker, and one job's logout cannot wipe another's login on a
 * shared self-hosted runner. It starts from `seed` (the job's own config,
 * with `logout: false`), else empty.
 */
async function createConfigDir(parent, seed = {}) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent || (0,external_node_os_.tmpdir)(), 'tagship-docker-'));
    await writeConfig(dir, seed);
    return dir;
}
async function removeConfigDir(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
}
/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`: where docker keeps the job's logins. */
function jobConfigPath(env) {
    return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
}
/** The job's Docker config, or an empty one when there is none; a broken file is an error. */
function readJobConfig(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
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
        throw new InputError('DOCKER_CONFIG', `${path} is not a JSON object, so logout: false cannot keep the job's logins in the exported config: fix the file, or point DOCKER_CONFIG at another directory`);
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
    const config = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
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
    return (0,reference/* canonicalHost */.rQ)(key
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
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, {
        mode: 0o600
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: ./src/distribution/credentials.ts
var credentials = __webpack_require__(5864);
;// CONCATENATED MODULE: ./src/docker/env.ts
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
        env: dockerEnv(configDir),
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
var registry_provider = __webpack_require__(4998);
;// CONCATENATED MODULE: ./src/credentials/login-messages.ts


/** What to tell a person whose credentials a registry refused: which input to check. */
function rejectedMessage(step) {
    const c = step.credentials;
    const who = step.provider.kind === 'generic'
        ? step.registry
        : `${(0,registry_provider/* providerName */.pX)(step.provider)} (${step.registry})`;
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

;// CONCATENATED MODULE: ./src/credentials/login-plan.ts



function providerOf(registry, auth) {
    return auth.providers.get(registry) ?? (0,registry_provider/* detectProvider */.F1)(registry);
}
/**
 * Decide, for every registry the plan touches, where its credentials come
 * from. Missing credentials are an error here, before any network call.
 */
function planLogins(registries, auth) {
    const steps = new Map();
    for (const { registry, push } of registries) {
        const existing = steps.get(registry);
        if (existing) {
            if (push && !existing.push)
                steps.set(registry, { ...existing, push });
            continue;
        }
        const provider = providerOf(registry, auth);
        steps.set(registry, {
            registry,
            provider,
            credentials: credentialsFor(registry, provider, auth, push),
            push
        });
    }
    return [...steps.values()];
}
function credentialsFor(registry, provider, auth, push) {
    const listed = auth.registryAuth.find((e) => e.registry === registry);
    if (listed)
        return {
            kind: 'static',
            username: listed.username,
            password: listed.password,
            from: 'registry-auth'
        };
    const missing = (inputs) => {
        throw new shared_errors/* InputError */.dz('images', (0,words/* words */.aL) `${registry} is ${(0,registry_provider/* providerName */.pX)(provider)} and no credentials were given for it: ${inputs}`);
    };
    switch (provider.kind) {
        case 'dockerhub':
            if (auth.dockerhub)
                return { kind: 'static', ...auth.dockerhub, from: 'dockerhub-token' };
            if (auth.dockerhubOidc)
                return { kind: 'dockerhub-oidc', ...auth.dockerhubOidc };
            if (!push)
                return { kind: 'anonymous' };
            return missing((0,words/* words */.aL) `set ${(0,words/* named */.KT)('dockerhub-username')} and ${(0,words/* named */.KT)('dockerhub-token')} (an access token with Read & Write) or ${(0,words/* named */.KT)('dockerhub-oidc-connection-id')} (GitHub OIDC, with permissions: id-token: write), or add it to ${(0,words/* named */.KT)('registry-auth')}`);
        case 'ghcr':
            // A source only read stays anonymous, as before: public packages need no login.
            if (!push)
                return { kind: 'anonymous' };
            if (auth.githubToken)
                return { kind: 'github-token', token: auth.githubToken };
            return missing((0,words/* words */.aL) `set ${(0,words/* named */.KT)('github-token')} (the job's GITHUB_TOKEN, with permissions: packages: write), or add it to ${(0,words/* named */.KT)('registry-auth')}`);
        case 'ecr':
            return { kind: 'ecr', account: provider.account, region: provider.region };
        case 'ecr-public':
            return { kind: 'ecr-public' };
        case 'acr': {
            const { clientId, clientSecret, tenantId } = auth.azure;
            if (clientId && clientSecret) {
                return {
                    kind: 'static',
                    username: clientId,
                    password: clientSecret,
                    from: 'azure-client-secret'
                };
            }
            if (clientId && tenantId)
                return { kind: 'acr-oidc', clientId, tenantId };
            if (clientId) {
                throw new shared_errors/* InputError */.dz('azure-tenant-id', (0,words/* words */.aL) `is empty: GitHub OIDC login to ${registry} needs the Entra ID tenant of ${(0,words/* named */.KT)('azure-client-id')} (or set ${(0,words/* named */.KT)('azure-client-secret')} to use a service principal)`);
            }
            if (!push)
                return { kind: 'anonymous' };
            return missing((0,words/* words */.aL) `set ${(0,words/* named */.KT)('azure-client-id')} and ${(0,words/* named */.KT)('azure-tenant-id')} (GitHub OIDC, with permissions: id-token: write), add ${(0,words/* named */.KT)('azure-client-secret')} for a service principal, or add it to ${(0,words/* named */.KT)('registry-auth')} (admin user or repository token)`);
        }
        case 'gar': {
            const { workloadIdentityProvider, serviceAccount, key } = auth.gcp ?? {};
            if (key)
                return { kind: 'gcp-key', key };
            if (workloadIdentityProvider) {
                return {
                    kind: 'gcp-oidc',
                    workloadIdentityProvider,
                    ...(serviceAccount ? { serviceAccount } : {})
                };
            }
            if (!push)
                return { kind: 'anonymous' };
            return missing((0,words/* words */.aL) `set ${(0,words/* named */.KT)('gcp-workload-identity-provider')} (GitHub OIDC, with permissions: id-token: write; and ${(0,words/* named */.KT)('gcp-service-account')} to impersonate one), set ${(0,words/* named */.KT)('gcp-credentials-json')} (a service-account key), or add it to ${(0,words/* named */.KT)('registry-auth')} with username oauth2accesstoken and an access token (google-github-actions/auth's access_token output)`);
        }
        case 'generic':
            return { kind: 'anonymous' };
    }
}
/** What the log says about a step's credentials (never the secret itself). */
function describeCredentials(plan) {
    switch (plan.kind) {
        case 'static':
            return `${plan.username} (from ${plan.from})`;
        case 'ecr':
            return `an ECR authorization token (account ${plan.account}, ${plan.region})`;
        case 'ecr-public':
            return 'an ECR Public authorization token (us-east-1)';
        case 'acr-oidc':
            return `GitHub OIDC for Entra ID client ${plan.clientId}, exchanged for an ACR refresh token`;
        case 'dockerhub-oidc':
            return `${plan.username} with GitHub OIDC, exchanged at Docker for OIDC connection ${plan.connectionId}`;
        case 'github-token':
            return "the workflow's actor (GITHUB_ACTOR) with github-token";
        case 'gcp-oidc':
            return plan.serviceAccount
                ? `GitHub OIDC for Workload Identity provider ${plan.workloadIdentityProvider}, exchanged for an access token of ${plan.serviceAccount}`
                : `GitHub OIDC for Workload Identity provider ${plan.workloadIdentityProvider}, exchanged for a federated access token`;
        case 'gcp-key':
            return `${plan.key.username} for ${plan.key.clientEmail} (from gcp-credentials-json)`;
        case 'anonymous':
            return 'no credentials (anonymous)';
    }
}

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
function dockerLogout(configDir, registry) {
    const args = ['logout', ...(registry === 'docker.io' ? [] : [registry])];
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('docker', args, {
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
        const kind = step.provider.kind === 'generic' ? '' : ` (${(0,registry_provider/* providerName */.pX)(step.provider)})`;
        held.info(`${step.registry}${kind}: ${describeCredentials(step.credentials)}`);
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
                configDir = await createConfigDir(options.configParent, options.seedConfig);
                changed();
            }
            if (options.seedConfig)
                await releaseFromHelpers(configDir, step.registry);
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
/**
 * Record what became of a tag, and tell the edge, which prints it into
 * `group` (see printEvent); `previous`: where a pushed tag pointed before.
 */
function settle(run, result, group = NO_GROUP, previous) {
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
    const stats = await copyContent(source.content, state.repo, source.top, {
        concurrency: options.concurrency,
        mountFrom: route.mountFrom,
        untagged: state.existingTags.length === 0,
        log: (line) => env.log.info(line),
        onBlob: (blob, how) => run.events({ kind: 'blob', target, digest: blob.digest, bytes: blob.size, how }, NO_GROUP)
    });
    landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path]);
    env.log.info(`blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`);
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
    const stats = await copyContent(source.content, state.repo, source.top, {
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
        }, NO_GROUP);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/distribution/digest.ts
var distribution_digest = __webpack_require__(4660);
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

// EXTERNAL MODULE: ./src/distribution/tags.ts
var distribution_tags = __webpack_require__(9057);
;// CONCATENATED MODULE: ./src/push/platform-filter.ts



/** buildx's marks on an attestation manifest in an index. */
const REFERENCE_TYPE = 'vnd.docker.reference.type';
const REFERENCE_DIGEST = 'vnd.docker.reference.digest';
function platform_filter_platformText(p) {
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
    const held = images.map((d) => platform_filter_platformText(d.platform));
    for (const spec of wanted)
        if (!images.some((d) => matches(spec, d.platform)))
            throw new shared_errors/* InputError */.dz('platforms', `${(0,shared_errors/* quote */.hD)(spec.text)} is not in the source ${(0,shared_errors/* quote */.hD)(options.source)}, which holds ${held.join(', ') || 'no platform'}: list only platforms it holds`);
    const keptImages = images.filter((d) => wanted.some((spec) => matches(spec, d.platform)));
    const keptDigests = new Set(keptImages.map((d) => d.digest));
    const kept = keptImages.map((d) => platform_filter_platformText(d.platform));
    const dropped = images
        .filter((d) => !keptDigests.has(d.digest))
        .map((d) => platform_filter_platformText(d.platform));
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
            .map((d) => platform_filter_platformText(d.platform));
        const attestations = children.length - platforms.length;
        lines.push(`platforms: ${platforms.join(', ') || 'none'}${attestations > 0 ? `; ${attestations} attestation manifest(s)` : ''}`);
    }
    if (found.platforms)
        lines.push(`platforms filter: kept ${found.platforms.kept.join(', ')}, dropped ${found.platforms.dropped.join(', ')}; the published digest ${found.top.digest} differs from the source's ${found.platforms.sourceDigest}`);
    if (found.referrers.length > 0)
        lines.push(`referrers: ${(0,summary/* referrerSummary */.W)(found.referrers)}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/push/target-state.ts




/**
 * Read the repository's tags and where every planned tag points, all in one
 * wave (see findManifest: a HEAD on Docker Hub, where it is not a pull). The
 * tag reads do not wait for the list: a round trip less, and the connections
 * they open carry the tag writes that follow. A tag that does not exist
 * answers 404 and stays absent.
 */
async function readTarget(target, client, concurrency, tagList = distribution_tags/* listTags */.cB) {
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

;// CONCATENATED MODULE: ./src/push/local-upload.ts

function localUpload(image, imageId, make) {
    let made;
    const build = async (log) => {
        const started = Date.now();
        const saved = await make.save(image, imageId);
        try {
            // One after the other: Jest's module linker fails on two at once that share a module.
            const { openFileImage } = await __webpack_require__.e(/* import() */ 794).then(__webpack_require__.bind(__webpack_require__, 7794));
            const { gzipLayers } = await __webpack_require__.e(/* import() */ 899).then(__webpack_require__.bind(__webpack_require__, 8899));
            const text = `docker save ${image}`;
            const file = await openFileImage({ kind: 'docker-archive', path: saved.path, text });
            log(`${text}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
            const gzipped = await gzipLayers(file, { dir: make.dir, concurrency: make.concurrency });
            const { layers, bytesIn, bytesOut, ms } = gzipped.stats;
            log(`${layers} layer(s) compressed once for every registry: ${formatBytes(bytesIn)} to ${formatBytes(bytesOut)} in ${(ms / 1000).toFixed(1)} s`);
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
    const events = env.events ?? printEvent;
    const phase = (target, p) => events({ kind: 'phase', target, phase: p }, NO_GROUP);
    // A source and a target in one repository read its tag list once.
    const tagList = (0,distribution_tags/* tagListsOnce */.TD)();
    const reads = await runGrouped(log, [
        {
            title: `Read the source ${plan.source ?? ''}`.trim(),
            run: async (l) => {
                const found = env.prepared ??
                    (await resolveSource(source, {
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
                for (const line of describeSource(found))
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
    const held = current ? ` by ${copy_short(current)}, another image` : '';
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
    const events = env.events ?? printEvent;
    const phase = (target, p) => events({ kind: 'phase', target, phase: p }, NO_GROUP);
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

;// CONCATENATED MODULE: ./src/push/preview-result.ts

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
function preview_result_previewTally(result) {
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
            return `blobs: ${content.blobsUploaded} to upload (${formatBytes(content.bytesUploaded)}), ${content.blobsMounted} to mount, ${content.blobsPresent} already there; manifests: ${content.manifestsWritten} to write, ${content.manifestsPresent} already there`;
        case 'docker push':
            return 'docker push sends the layers the registry lacks (how many is known only as it pushes)';
        case 'upload':
            return 'docker save, each layer compressed once, then the layers the registry lacks are uploaded (how many is known once they are compressed)';
        case 'none':
            return content.why;
    }
}

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
    const events = env.events ?? printEvent;
    const { resolved, runs, held, repositories } = await readPhase(plan, source, options, env, 'preview');
    const name = (run) => run.state.target.repository.name;
    // As the publish brings content: targets on one registry in turn, so a
    // later one counts the blobs an earlier one would hold as mounts.
    const landed = new Map();
    const contents = new Map();
    await runGrouped(log, inTurnPerRegistry(runs, (run) => ({
        title: `What ${name(run)} would get`,
        run: async (l) => {
            events({ kind: 'phase', target: name(run), phase: 'previewing' }, NO_GROUP);
            const content = await previewContent(run, resolved, options, landed);
            contents.set(run, content);
            l.info(contentText(content));
        }
    })), (settled) => {
        if (settled.status === 'rejected')
            throw settled.reason;
    });
    const targets = runs.map((run, i) => previewTarget(run, contents.get(run), repositories[i], () => resolved.kind === 'content' && held
        ? referrerPreviews(resolved.referrers, held[i])
        : undefined));
    for (const run of runs)
        events({ kind: 'phase', target: name(run), phase: 'previewed' }, NO_GROUP);
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

;// CONCATENATED MODULE: ./src/docker/image.ts



/** The daemon is not there: docker 20–28 (`Cannot connect …`) and newer (`failed to connect to the docker API …`). */
const NO_DAEMON = /Cannot connect to the Docker daemon|failed to connect to the docker API/i;
const NO_SUCH_IMAGE = /no such image/i;
const INVALID_REFERENCE = /invalid reference format/i;
/** Run the docker CLI with the allow-listed environment; never throws for a failed command. */
async function runDocker(args, options = {}) {
    try {
        return await (0,exec/* getExecOutput */.H)('docker', [...args], {
            env: dockerEnv(options.configDir),
            silent: true,
            ignoreReturnCode: true,
            ...(options.listeners ? { listeners: options.listeners } : {})
        });
    }
    catch (error) {
        // @actions/exec throws only when the executable cannot be started.
        const why = (0,shared_errors/* messageOf */.bD)(error);
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
        return new shared_errors/* InputError */.dz('source', `${(0,shared_errors/* quote */.hD)(image)} is not a valid image reference: ${line}`);
    }
    if (NO_SUCH_IMAGE.test(line)) {
        return new shared_errors/* InputError */.dz('source', `${(0,shared_errors/* quote */.hD)(image)} is not an image in the local Docker daemon: build it with load: true ` +
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
        throw new Error(`docker image inspect ${image} gave no image ID: ${(0,shared_errors/* quote */.hD)(id)}`);
    }
    return id;
}

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
    const result = await runDocker(['image', 'inspect', '--format', '{{json .RepoDigests}}', '--', reference], { ...(configDir === undefined ? {} : { configDir }) });
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
    const tagged = await runDocker(['tag', '--', image, reference], config);
    if (tagged.exitCode !== 0)
        throw dockerFailure(`docker tag ${image} ${reference}`, image, tagged);
    const pushed = await runDocker(['push', '--', reference], {
        ...config,
        listeners: { stdline: options.log, errline: options.log }
    });
    if (pushed.exitCode !== 0) {
        const failure = dockerFailure(`docker push ${reference}`, image, pushed);
        // "No such image" here is about the pushed tag, not the source: keep docker's words.
        throw failure.name === 'InputError'
            ? new Error(`docker push ${reference} failed: ${lastDockerLine(pushed)}`)
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
        const result = await runDocker(['save', '--output', path, imageId], options);
        if (result.exitCode !== 0)
            throw dockerFailure(`docker save ${image}`, image, result);
    }
    catch (e) {
        await remove();
        throw e;
    }
    return { path, remove };
}

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
                provider: providerOf(registry, inputs.auth)
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
                    imageId: (image) => localImageId(image, options),
                    push: (image, reference, log) => dockerPush(image, reference, { ...options, log }),
                    save: (image, imageId) => dockerSave(image, imageId, tempDir, options)
                },
                tempDir
            }
            : {}),
        ensureRepository: async (repository, log) => {
            const provider = providerOf(repository.registry, inputs.auth);
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
            const provider = providerOf(repository.registry, inputs.auth);
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
            await localImageId(source.image);
        }
        catch (e) {
            throw (0,shared_errors/* nothingPushed */.nE)(e);
        }
        return undefined;
    }
    if (source === undefined || source.kind === 'registry')
        return undefined;
    return resolveFile(source, inputs.publish);
}

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
    const prepared = await prepareSource(inputs);
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
        const session = publishSession(inputs, login, {
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

// EXTERNAL MODULE: ./src/credentials/token-fetch.ts
var token_fetch = __webpack_require__(7158);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
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
            const reason = `${(0,shared_errors/* messageOf */.bD)((0,shared_errors/* causeOf */.rl)(e) ?? e)}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)}`;
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
            const { acrOidcCredentials } = await Promise.all(/* import() */[__webpack_require__.e(491), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 9100));
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

// EXTERNAL MODULE: ./src/inputs/metadata-env.ts
var metadata_env = __webpack_require__(9886);
// EXTERNAL MODULE: ./src/inputs/dockerhub.ts
var dockerhub = __webpack_require__(5402);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 7 modules
var parse = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/push/plan.ts + 5 modules
var push_plan = __webpack_require__(2909);
;// CONCATENATED MODULE: ./src/push/failure.ts

/**
 * The step's failure message when any tag failed: which tags did not land
 * and why, and which did, so a re-run can be judged; undefined when all landed.
 */
function publishFailure(result) {
    const all = result.targets.flatMap((t) => t.tags);
    const failed = all.filter((t) => t.status === 'failed');
    const artifacts = (0,results/* failedReferrers */.a2)(result);
    if (failed.length === 0 && artifacts.length === 0)
        return undefined;
    if (failed.length === 0)
        return [
            `every tag landed, but ${artifacts.length} signature(s), attestation(s) or SBOM(s) did not:`,
            ...artifacts.map(({ target, referrer }) => `  ${referrer.kind} ${referrer.digest} on ${target}: ${referrer.detail ?? 'failed'}`),
            'run the step again to copy them; the tags stay as they are'
        ].join('\n');
    const landed = all.filter((t) => t.status === 'pushed' || t.status === 'already there');
    const lines = [
        `${failed.length} of ${all.length} tags did not land:`,
        ...failed.map((t) => `  ${t.reference}: ${t.detail ?? 'failed'}`),
        landed.length > 0
            ? `landed (${landed.length}): ${landed.map((t) => t.reference).join(', ')}`
            : 'nothing landed'
    ];
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
;// CONCATENATED MODULE: ./src/report/preview.ts



/** Targets grouped by registry, in the plan's order. */
function byRegistry(result) {
    const groups = new Map();
    for (const t of result.targets) {
        const list = groups.get(t.repository.registry) ?? [];
        list.push(t);
        groups.set(t.repository.registry, list);
    }
    return [...groups];
}
/** The row of one tag: the tag as `path:tag` (the registry heads the table), and its cells. */
function row(target, tag, result) {
    const to = tag.to !== undefined
        ? copy_short(tag.to)
        : result.localImage !== undefined && tag.action !== 'kept'
            ? `local image ${copy_short(result.localImage)}`
            : '-';
    return [
        `${target.repository.path}:${tag.tag}`,
        tag.action,
        tag.from !== undefined ? copy_short(tag.from) : '-',
        to,
        tag.reason ?? ''
    ];
}
/** `1 signature to copy; 1 SBOM already there; 1 kept`. */
function referrersPreviewLine(referrers) {
    const of = (action) => referrers.filter((r) => r.action === action);
    const parts = [];
    const copy = of('copy');
    if (copy.length > 0)
        parts.push(`${(0,summary/* referrerSummary */.W)(copy)} to copy`);
    const there = of('already there');
    if (there.length > 0)
        parts.push(`${(0,summary/* referrerSummary */.W)(there)} already there`);
    const kept = of('kept');
    if (kept.length > 0)
        parts.push(`${(0,summary/* referrerSummary */.W)(kept)} kept (the target's own)`);
    return parts.join('; ') || 'none';
}
/** What a target is and would get, line by line (without its tags). */
function targetLines(t) {
    return [
        `push: ${t.permission.status} (${t.permission.detail})`,
        ...(t.note !== undefined ? [`repository: ${t.note}`] : []),
        `content: ${contentText(t.content)}`,
        ...(t.referrers !== undefined ? [`referrers: ${referrersPreviewLine(t.referrers)}`] : [])
    ];
}
function preview_digestLine(result) {
    if (result.digest !== '')
        return result.digest;
    if (result.localImage !== undefined)
        return `unknown until the local image ${result.localImage} is compressed and pushed`;
    return '(none)';
}
const HEAD = ['TAG', 'ACTION', 'FROM', 'TO', 'WHY'];
/**
 * The preview as plain lines, for the action's log and the CLI's stdout:
 * per registry its targets (push permission, content, referrers), then one
 * table of every tag (TAG ACTION FROM TO WHY), columns aligned; then the tally.
 */
function previewText(result) {
    const lines = ['preview: nothing was written', `digest: ${preview_digestLine(result)}`];
    for (const [registry, targets] of byRegistry(result)) {
        lines.push(`registry ${registry}`);
        for (const t of targets) {
            lines.push(`  ${t.repository.path}`);
            for (const line of targetLines(t))
                lines.push(`    ${line}`);
        }
        const rows = [HEAD, ...targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)))];
        if (rows.length === 1) {
            lines.push('  (no tags)');
            continue;
        }
        const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
        for (const r of rows)
            lines.push(`  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd());
    }
    if (result.platforms)
        lines.push(`platforms: ${result.platforms.kept.join(', ')} (dropped ${result.platforms.dropped.join(', ')}; the source is ${result.platforms.sourceDigest})`);
    lines.push(preview_result_previewTally(result));
    return `${lines.join('\n')}\n`;
}
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text) => `\`${cell(text)}\``;
const codeOrBlank = (text) => (text === '-' || text === '' ? '' : code(text));
/**
 * The job summary of a preview: per registry its targets (push permission,
 * content, referrers) and one table, Tag | Action | From | To | Why.
 */
function previewSummary(plan, result) {
    const lines = [`## tagship preview${plan.version ? `: ${plan.version}` : ''}`, ''];
    lines.push('Preview (`push: preview`): every registry was read, and nothing was written.', '');
    if (plan.source !== undefined)
        lines.push(`Source: \`${plan.source}\``, '');
    lines.push(result.digest !== '' ? `Digest: ${code(result.digest)}` : `Digest: ${cell(preview_digestLine(result))}`, '');
    for (const [registry, targets] of byRegistry(result)) {
        lines.push(`### ${code(registry)}`, '');
        for (const t of targets)
            lines.push(`- ${code(t.repository.path)}: ${cell(targetLines(t).join('; '))}`);
        lines.push('');
        const rows = targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)));
        if (rows.length === 0) {
            lines.push('No tags.', '');
            continue;
        }
        lines.push('| Tag | Action | From | To | Why |', '| --- | --- | --- | --- | --- |');
        for (const [tag, action, from, to, why] of rows)
            lines.push(`| ${code(tag)} | ${action} | ${codeOrBlank(from)} | ${to.startsWith('local image') ? cell(to) : codeOrBlank(to)} | ${cell(why)} |`);
        lines.push('');
    }
    if (result.platforms)
        lines.push(`Platforms: ${result.platforms.kept.map(code).join(', ')} (dropped ${result.platforms.dropped.map(code).join(', ')}: a new index, not the source's ${code(result.platforms.sourceDigest)})`, '');
    lines.push(`**${previewTally(result)}**`);
    for (const w of plan.warnings)
        lines.push('', `> **Warning:** ${cell(w)}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/cli/context.ts + 3 modules
var context = __webpack_require__(7615);
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/context/gitlab.ts
var gitlab = __webpack_require__(5244);
// EXTERNAL MODULE: ./src/inputs/registry-auth.ts
var registry_auth = __webpack_require__(3477);
;// CONCATENATED MODULE: ./src/push/targets.ts
/** Every registry the publish touches: targets are written, a registry source only read. */
function loginTargets(inputs) {
    const targets = inputs.images.map((i) => ({ registry: i.registry, push: true }));
    const source = inputs.source?.kind === 'registry'
        ? [{ registry: inputs.source.repository.registry, push: false }]
        : [];
    return [...targets, ...source];
}

;// CONCATENATED MODULE: ./src/cli/credential-helpers.ts






/** What the helper protocol says when it has nothing for that server. */
const NOT_FOUND = 'credentials not found in native keychain';
/** The server URL Docker asks a helper for: Docker Hub's v1 URL, any other registry's host. */
function helperServerUrl(registry) {
    return registry === reference/* DOCKER_HUB */.Xb ? 'https://index.docker.io/v1/' : registry;
}
/**
 * `docker-credential-<helper> get`, as Docker runs it: the server URL on
 * stdin, `{"ServerURL","Username","Secret"}` on stdout. Found on PATH and
 * run with no shell and a time limit. Its output is never shown: a failure
 * says the exit code and how to see the helper's own message.
 */
function askCredentialHelper(call, options) {
    const program = `docker-credential-${call.helper}`;
    const path = findOnPath(program, options.env.PATH ?? '');
    if (path === undefined) {
        const where = call.via === 'credsStore' ? 'credsStore' : `credHelpers for ${call.registry}`;
        throw new shared_errors/* InputError */.dz('DOCKER_CONFIG', (0,words/* words */.aL) `${program} was not found on PATH (${where} in ${call.configPath} names it): install it or put its folder on PATH, remove that entry from the file, or give ${call.registry} credentials in ${registryAuth}`);
    }
    const serverUrl = helperServerUrl(call.registry);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const result = (0,external_node_child_process_.spawnSync)(path, ['get'], {
        input: serverUrl,
        env: { ...options.env },
        encoding: 'utf8',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 1024 * 1024,
        shell: false,
        windowsHide: true
    });
    const failed = (reason) => new words/* WordedError */.gG((0,words/* words */.aL) `${program} get failed for ${call.registry} (${reason}): run echo ${serverUrl} | ${program} get to see its message, or give ${call.registry} credentials in ${registryAuth}`);
    if (result.error) {
        const code = result.error.code;
        throw failed(code === 'ETIMEDOUT'
            ? `no answer within ${timeoutMs / 1000} s`
            : `it could not be run: ${code ?? 'unknown error'}`);
    }
    if (result.status !== 0) {
        const said = `${result.stdout}\n${result.stderr}`.toLowerCase();
        if (result.status !== null && said.includes(NOT_FOUND))
            return { kind: 'not found' };
        throw failed(result.status === null ? `killed by ${result.signal}` : `exit code ${result.status}`);
    }
    const answer = parseAnswer(result.stdout);
    if (answer === undefined)
        throw failed('its answer is not the JSON of the credential helper protocol');
    return answer.Secret === ''
        ? { kind: 'not found' }
        : { kind: 'found', credentials: { username: answer.Username, password: answer.Secret } };
}
const registryAuth = (0,words/* named */.KT)('registry-auth');
function parseAnswer(stdout) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    const { Username, Secret } = (doc ?? {});
    return typeof Username === 'string' && typeof Secret === 'string'
        ? { Username, Secret }
        : undefined;
}
/** The program's file in the first absolute PATH folder that has it executable. */
function findOnPath(program, pathVariable) {
    const names = process.platform === 'win32' ? [`${program}.exe`] : [program];
    for (const dir of pathVariable.split(external_node_path_.delimiter)) {
        // Relative entries (`.`, empty) would run whatever the working directory holds.
        if (!(0,external_node_path_.isAbsolute)(dir))
            continue;
        for (const name of names) {
            const file = (0,external_node_path_.join)(dir, name);
            try {
                if (!(0,external_node_fs_.statSync)(file).isFile())
                    continue;
                (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
                return file;
            }
            catch {
                // not here
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/cli/docker-config.ts






/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env) {
    const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    return (0,external_node_path_.join)(dir, 'config.json');
}
/**
 * The credential keys of the Docker config: `auths` entries with an `auth`
 * (base64 `user:password`), a username and password, or an `identitytoken`;
 * `credHelpers` and `credsStore`. Hosts are normalised
 * (`https://index.docker.io/v1/` is `docker.io`). A missing file is no
 * logins; a broken one, or a helper name that is no program name, is an error.
 */
function readDockerConfig(env) {
    const path = dockerConfigPath(env);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return { path, auths: new Map(), credHelpers: new Map() };
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new shared_errors/* InputError */.dz('DOCKER_CONFIG', `${path} is not valid JSON: fix it, or point DOCKER_CONFIG at another directory`);
    }
    const fields = docker_config_objectOf(doc);
    const auths = new Map();
    for (const [key, value] of Object.entries(docker_config_objectOf(fields.auths))) {
        const credentials = credentialsOf(value);
        if (credentials)
            auths.set((0,registry_auth/* normaliseHost */.f)(key), credentials);
    }
    const credHelpers = new Map();
    for (const [key, value] of Object.entries(docker_config_objectOf(fields.credHelpers))) {
        if (typeof value === 'string' && value !== '')
            credHelpers.set((0,registry_auth/* normaliseHost */.f)(key), helperName(value, path, `credHelpers[${(0,shared_errors/* quote */.hD)(key)}]`));
    }
    const store = fields.credsStore;
    const credsStore = typeof store === 'string' && store !== '' ? helperName(store, path, 'credsStore') : undefined;
    return { path, auths, credHelpers, ...(credsStore ? { credsStore } : {}) };
}
/** The helper Docker asks for a registry: its `credHelpers` entry, else `credsStore`. */
function helperFor(config, registry) {
    const own = config.credHelpers.get(registry);
    if (own !== undefined)
        return { helper: own, via: 'credHelpers' };
    if (config.credsStore !== undefined)
        return { helper: config.credsStore, via: 'credsStore' };
    return undefined;
}
/**
 * A registry's credentials in Docker's order: the helper its `credHelpers`
 * entry names, else the `credsStore` helper; when there is none, or it has
 * nothing for the registry, the file's `auths` entry; else none. `ask` runs
 * the helper (askCredentialHelper) and throws when it fails.
 */
function lookupDockerConfig(config, registry, ask) {
    const choice = helperFor(config, registry);
    if (choice) {
        const answer = ask({ ...choice, registry, configPath: config.path });
        if (answer.kind === 'found')
            return { credentials: answer.credentials, from: `docker-credential-${choice.helper}` };
    }
    const stored = config.auths.get(registry);
    return stored ? { credentials: stored, from: config.path } : undefined;
}
/** A helper is a program name's tail: `docker-credential-<name>`, looked up on PATH only. */
function helperName(value, path, key) {
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value))
        return value;
    throw new shared_errors/* InputError */.dz('DOCKER_CONFIG', `${key} in ${path} is ${(0,shared_errors/* quote */.hD)(value)}, which is no credential helper name: give the part after docker-credential- (osxkeychain, pass, desktop, gcloud, ecr-login)`);
}
function docker_config_objectOf(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
function credentialsOf(entry) {
    const { auth, username, password, identitytoken } = docker_config_objectOf(entry);
    // What docker itself prefers: an identity token is traded for access tokens in place of a password.
    if (typeof identitytoken === 'string' && identitytoken !== '')
        return { username: credentials/* IDENTITY_TOKEN_USERNAME */.y, password: identitytoken };
    if (typeof auth === 'string' && auth !== '') {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0 || colon === decoded.length - 1)
            return undefined;
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof username === 'string' && typeof password === 'string' && username && password)
        return { username, password };
    return undefined;
}

;// CONCATENATED MODULE: ./src/cli/logins.ts








/** True when the inputs give no credentials for this registry, and it is no AWS registry. */
function uncovered(registry, auth, borrowed) {
    if (borrowed.has(registry) || auth.registryAuth.some((e) => e.registry === registry))
        return false;
    const provider = providerOf(registry, auth);
    switch (provider.kind) {
        case 'dockerhub':
            return auth.dockerhub === undefined && auth.dockerhubOidc === undefined;
        case 'acr':
            return auth.azure.clientId === undefined;
        case 'ghcr':
            return auth.githubToken === undefined;
        case 'gar':
            return auth.gcp === undefined;
        case 'generic':
            return true;
        default:
            // ECR and ECR Public always log in through the AWS chain: their tokens expire in 12 hours.
            return false;
    }
}
/**
 * Every registry's login step, as the action plans them, with two more
 * places for credentials a registry has none for: GitLab's job token for
 * $CI_REGISTRY (CI_REGISTRY_USER, CI_REGISTRY_PASSWORD), then the Docker
 * config, as Docker reads it (its credential helper for the registry, else
 * what `docker login` stored in the file). Decided before any network call;
 * a helper is asked once per registry, only for one nothing else covers.
 */
function cliLoginSteps(inputs, env, secrets, ask = (call) => askCredentialHelper(call, { env })) {
    const targets = loginTargets(inputs);
    const borrowed = new Map();
    const registries = [...new Set(targets.map((t) => t.registry))];
    const { CI_REGISTRY: ciRegistry, CI_REGISTRY_USER: user, CI_REGISTRY_PASSWORD: token } = env;
    if ((0,gitlab/* isGitlab */.I6)(env) && ciRegistry && user && token) {
        const registry = (0,registry_auth/* normaliseHost */.f)(ciRegistry);
        if (registries.includes(registry) && uncovered(registry, inputs.auth, borrowed)) {
            const entry = { registry, username: user, password: token };
            borrowed.set(registry, { entry, from: 'CI_REGISTRY_PASSWORD' });
        }
    }
    const missing = registries.filter((r) => uncovered(r, inputs.auth, borrowed));
    if (missing.length > 0) {
        const config = readDockerConfig(env);
        for (const registry of missing) {
            const found = lookupDockerConfig(config, registry, ask);
            if (found)
                borrowed.set(registry, { entry: { registry, ...found.credentials }, from: found.from });
        }
    }
    for (const { entry } of borrowed.values())
        secrets.add(entry.password);
    const extra = [...borrowed.values()].map((b) => b.entry);
    const auth = { ...inputs.auth, registryAuth: [...inputs.auth.registryAuth, ...extra] };
    const steps = planLogins(targets, auth).map((step) => {
        const from = borrowed.get(step.registry)?.from;
        return from !== undefined && step.credentials.kind === 'static'
            ? { ...step, credentials: { ...step.credentials, from } }
            : step;
    });
    return { steps, auth };
}
/** What to tell a CLI user whose credentials a registry refused: which variable or file to check. */
function cliRejectedMessage(step) {
    const c = step.credentials;
    if (c.kind === 'static' && c.from === 'CI_REGISTRY_PASSWORD') {
        return [
            `${step.registry} rejected the CI job token of ${c.username}: check that the job may push to this project's container registry`
        ];
    }
    const helper = c.kind === 'static' && c.from.startsWith('docker-credential-');
    if (c.kind === 'static' && (helper || c.from.endsWith('config.json'))) {
        const what = (0,credentials/* isIdentityToken */.M)(c) ? 'the identity token' : `the credentials for ${c.username}`;
        return [
            `${step.registry} rejected ${what} ${helper ? 'from' : 'stored in'} ${c.from}: run docker login ${step.registry} again, or set TAGSHIP_REGISTRY_AUTH`
        ];
    }
    return rejectedMessage(step);
}

;// CONCATENATED MODULE: ./src/cli/progress.ts

/** CI logs: every group title and line as it comes, no escape sequences. */
function plainDisplay(write) {
    return {
        line: (text) => write(`${text}\n`),
        info: (line) => write(`  ${line}\n`),
        warning: (line) => write(`warning: ${line}\n`),
        error: (line) => write(`error: ${line}\n`),
        group: (title, work) => {
            write(`== ${title}\n`);
            return work();
        },
        done: () => undefined,
        // Plain lines already say everything the events do.
        event: () => undefined
    };
}
/**
 * A terminal: one live line per target (its phase and how many of its tags
 * are settled) and the latest activity, redrawn in place; warnings, errors,
 * the plan and the login lines stay above it. The rows follow the publish's
 * typed events, never its log text. Lines are cut to the terminal's width so
 * none wraps (a wrapped line would break the redraw).
 */
function liveDisplay(write, plan, columns) {
    const rows = new Map(plan.targets.map((t) => [
        t.repository.name,
        { phase: 'waiting', settled: new Set(), total: t.tags.length }
    ]));
    const width = Math.max(0, ...[...rows.keys()].map((n) => n.length));
    let activity = '';
    let publishing = false;
    let drawn = 0;
    const fit = (text) => text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`;
    const clear = () => {
        if (drawn > 0)
            write(`\x1b[${drawn}F\x1b[J`);
        drawn = 0;
    };
    const draw = () => {
        clear();
        const lines = [...rows].map(([name, row]) => {
            // A preview settles no tag: its rows show the phase alone.
            const counted = row.phase !== 'waiting' && !row.phase.startsWith('preview');
            const tags = counted ? `  ${row.settled.size}/${row.total} tags` : '';
            return fit(`  ${name.padEnd(width)}  ${row.phase}${tags}`);
        });
        if (activity !== '')
            lines.push(fit(`  ${activity}`));
        write(lines.map((l) => `${l}\n`).join(''));
        drawn = lines.length;
    };
    const stay = (text) => {
        clear();
        write(`${text}\n`);
        draw();
    };
    const event = (e) => {
        publishing = true;
        const row = rows.get(e.target);
        if (e.kind === 'phase' && row)
            row.phase = e.phase;
        if (e.kind === 'tag' && row)
            row.settled.add(e.tag);
        if (e.kind === 'blob')
            activity = `${e.target}: ${e.how} ${copy_short(e.digest)} (${formatBytes(e.bytes)})`;
        draw();
    };
    return {
        line: stay,
        // Before the publish starts (the logins), every line stays; then the
        // latest one is the activity under the rows.
        info: (line) => {
            if (!publishing)
                return stay(line);
            activity = line;
            draw();
        },
        warning: (line) => stay(`warning: ${line}`),
        error: (line) => stay(`error: ${line}`),
        group: async (title, work) => {
            activity = title;
            draw();
            try {
                return await work();
            }
            finally {
                draw();
            }
        },
        event,
        done: clear
    };
}

// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
// EXTERNAL MODULE: ./src/cli/secrets.ts
var cli_secrets = __webpack_require__(6483);
;// CONCATENATED MODULE: ./src/cli/publish.ts























/**
 * `tagship publish`: the action's flow from flags and environment. Plan,
 * decide every login, log in and check each, publish, verify, report. The
 * result goes to stdout (text, or the action's json output with --json);
 * progress and the plan go to stderr. `--dry-run` is the preview: the
 * logins and every read of the publish, nothing written anywhere, and on
 * stdout what the release would do per target and tag (exit 1 when a tag
 * is blocked).
 */
async function publishCommand(args, io) {
    const secrets = new cli_secrets/* Secrets */.Sb();
    try {
        return await run(args, io, secrets);
    }
    catch (error) {
        // No secret leaves in a message, whatever path it took.
        (0,shared_errors/* rewriteMessage */.Gp)(error, (message) => secrets.scrub(message));
        throw error;
    }
}
async function run(args, io, secrets) {
    const fromEnv = (0,cli_secrets/* secretInputs */._y)(io.env);
    for (const value of Object.values(fromEnv))
        secrets.add(value);
    // The proxy variables are checked before anything runs, their passwords hidden.
    for (const secret of (0,proxy/* proxySecrets */.Wm)(io.env))
        secrets.add(secret);
    const push = args.dryRun ? 'preview' : 'true';
    const raw = (0,metadata_env/* withMetadataEnv */.z)({ ...args.inputs, ...fromEnv, push }, io.env);
    const inputs = (0,metadata_env/* withAnnotationLevelsEnv */.w)((0,parse/* parseInputs */.T)((0,dockerhub/* withDockerhubOidcEnv */.k5)(raw, io.env)), io.env);
    for (const entry of inputs.auth.registryAuth)
        secrets.add(entry.password);
    const cwd = io.cwd ?? process.cwd();
    const ctx = await (0,context/* readCliContext */.QH)(args.context, inputs.context, io.env, cwd, io.now);
    const plan = (0,push_plan/* buildPlan */.G)(ctx, inputs);
    const { steps, auth } = cliLoginSteps(inputs, io.env, secrets);
    const err = (text) => io.stderr(secrets.scrub(text));
    const display = io.tty ? liveDisplay(err, plan, io.tty.columns) : plainDisplay(err);
    for (const line of (0,report_text/* planText */.P)(plan).trimEnd().split('\n'))
        display.line(line);
    for (const n of plan.notices)
        display.line(`notice: ${n}`);
    const docker = {};
    const edge = {
        log: display,
        mask: (secret) => secrets.add(secret),
        client: clientOptionsOf(inputs, (message) => display.info(message)),
        sources: credentialSources(),
        events: (e, group) => {
            printEvent(e, group);
            display.event(e);
        },
        login: {
            getIdToken: async (audience) => {
                const requestToken = io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
                if (requestToken)
                    secrets.add(requestToken);
                const token = await fetchGithubIdToken(audience, io.env, {
                    policy: (0,retry/* retryPolicy */.Jb)(inputs.publish.retries),
                    onRetry: (line) => err(line)
                });
                secrets.add(token);
                return token;
            },
            configParent: io.env.RUNNER_TEMP,
            onDockerLogins: (state) => (docker.state = state),
            rejected: cliRejectedMessage,
            names: cli_secrets/* cliName */._t
        },
        tempDir: io.env.RUNNER_TEMP
    };
    try {
        const outcome = await runPublish(plan, inputs, { steps, auth }, edge);
        if (outcome.kind === 'no tags') {
            display.done();
            err(`${outcome.notice}\n`);
            io.stdout(args.json ? `${JSON.stringify((0,json/* planJson */.iY)(plan), null, 2)}\n` : (0,report_text/* planText */.P)(plan));
            return help/* EXIT */.dc.ok;
        }
        if (outcome.kind === 'previewed') {
            const { result } = outcome;
            display.done();
            io.stdout(args.json ? `${JSON.stringify((0,json/* previewJson */.Nm)(plan, result), null, 2)}\n` : previewText(result));
            const blocked = previewFailure(result);
            if (blocked === undefined)
                return help/* EXIT */.dc.ok;
            err(`tagship: ${blocked}\n`);
            return help/* EXIT */.dc.failure;
        }
        const { result } = outcome;
        display.done();
        io.stdout(args.json ? `${JSON.stringify((0,json/* publishJson */.Q2)(plan, result), null, 2)}\n` : (0,report_text/* publishText */.Z)(result));
        const failure = publishFailure(result);
        if (failure === undefined)
            return help/* EXIT */.dc.ok;
        err(`tagship: ${failure}\n`);
        return help/* EXIT */.dc.failure;
    }
    finally {
        display.done();
        // The CLI has no post step: its docker logins end with the command.
        if (docker.state)
            await undoDockerLogins(docker.state, { info: () => { }, warning: err });
    }
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


/***/ }),

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

/***/ 1305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  Ko: () => (/* binding */ retriesOf)
});

// UNUSED EXPORTS: isReplayable, nextTurn

// EXTERNAL MODULE: ./src/distribution/credentials.ts
var credentials = __webpack_require__(5864);
// EXTERNAL MODULE: ./src/shared/retry.ts
var shared_retry = __webpack_require__(3091);
// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
// EXTERNAL MODULE: ./src/distribution/proxy-dispatch.ts
var proxy_dispatch = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/distribution/discard.ts
var discard = __webpack_require__(8440);
;// CONCATENATED MODULE: ./src/distribution/auth.ts






/** How long the token service may take to answer before the request counts as failed (and is retried). */
const TOKEN_TIMEOUT_MS = 30_000;
/**
 * The token service answered 408, 429 or a 5xx. Like a network error there, it
 * fails the registry request's attempt, which the registry client retries
 * with its policy (bounded by `retries`), after the Retry-After given here.
 */
class TokenServiceBusyError extends errors/* RegistryUnreachableError */.ST {
    retryAfter;
    constructor(registry, detail, retryAfter) {
        super(registry, detail);
        this.retryAfter = retryAfter;
    }
}
/** Basic `Authorization` value for credentials. */
function basicAuthorization(c) {
    return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}
/**
 * Answer a Bearer challenge: ask the realm for a token for the service and
 * scopes, with Basic credentials when there are any (anonymous otherwise),
 * or with an identity token in the OAuth2 POST form. The token is masked
 * before it is returned.
 *
 * One request, no retry of its own: it is part of a registry request's
 * attempt, and the registry client retries that after what is worth another
 * try here (a network error, a timeout, 408, 429, 5xx: RegistryUnreachableError).
 * Refused credentials and any other answer fail at once.
 */
async function fetchBearerToken(req) {
    const realm = req.challenge.params.realm;
    if (!realm)
        throw new errors/* CredentialsRejectedError */.HK(req.registry, 'its Bearer challenge names no realm');
    const url = new URL(realm);
    const refreshToken = req.credentials && (0,credentials/* isIdentityToken */.M)(req.credentials) ? req.credentials.password : undefined;
    if (refreshToken === undefined) {
        if (req.challenge.params.service)
            url.searchParams.set('service', req.challenge.params.service);
        for (const scope of req.scopes)
            url.searchParams.append('scope', scope);
        if (req.credentials)
            url.searchParams.set('account', req.credentials.username);
    }
    const insecure = req.insecureRegistries ?? [];
    // The credentials go to the realm: only over TLS, or plain HTTP where the
    // registry itself may speak it.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (0,endpoint/* plainHttpAllowed */.TH)(url, insecure)))
        throw new endpoint/* UnsafeEndpointError */.Qh(req.registry, `its token service ${url.origin} is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries`);
    const way = await (0,proxy_dispatch/* route */.wE)(url, insecure);
    let response;
    try {
        response = await fetch(url, {
            ...(refreshToken !== undefined
                ? refreshTokenForm(req, refreshToken)
                : {
                    headers: req.credentials ? { authorization: basicAuthorization(req.credentials) } : {}
                }),
            redirect: 'error',
            signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
            ...(0,proxy_dispatch/* dispatchOptions */.th)(way)
        });
    }
    catch (e) {
        const tls = (0,endpoint/* tlsFailure */.kL)(e);
        if (tls?.kind === 'certificate')
            throw new endpoint/* UnsafeEndpointError */.Qh(req.registry, (0,endpoint/* untrustedText */.Ui)(req.registry, url, tls));
        const refused = (0,proxy_dispatch/* proxyRefusal */.vd)(e, way.proxy);
        if (refused)
            throw new proxy_dispatch/* ProxyRefusedError */.Ne(req.registry, `its token service ${url.origin}: ${refused}`);
        throw new errors/* RegistryUnreachableError */.ST(req.registry, `its token service ${url.origin} failed: ${(0,errors/* networkErrorText */.Mi)(e)}${(0,proxy_dispatch/* viaProxy */.bP)(way.proxy)}`);
    }
    // An OAuth2 server answers 400 (invalid_grant) to a refresh token it does not know.
    if (response.status === 401 ||
        response.status === 403 ||
        (refreshToken !== undefined && response.status === 400)) {
        await (0,discard/* discard */.v)(response);
        throw new errors/* CredentialsRejectedError */.HK(req.registry, `its token service answered ${response.status}`);
    }
    if ((0,shared_retry/* isRetryableStatus */.PS)(response.status)) {
        await (0,discard/* discard */.v)(response);
        throw new TokenServiceBusyError(req.registry, `its token service ${url.origin} answered HTTP ${response.status}`, response.headers.get('retry-after'));
    }
    if (!response.ok) {
        // A 404, a 405, a 400 for a request it does not take: asking again would not change it.
        await (0,discard/* discard */.v)(response);
        throw new Error(`${req.registry}: its token service ${url.origin} refused the token request (HTTP ${response.status})`);
    }
    const body = (await response.json().catch(() => ({})));
    const token = body.token ?? body.access_token;
    if (!token)
        throw new errors/* RegistryUnreachableError */.ST(req.registry, `its token service ${url.origin} gave no token`);
    req.mask(token);
    return token;
}
/**
 * The OAuth2 request that trades an identity token (a refresh token) for an
 * access token: a form POSTed to the realm (grant_type=refresh_token), as
 * Docker sends it; the token service has no GET form for it.
 */
function refreshTokenForm(req, refreshToken) {
    const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'tagship'
    });
    if (req.challenge.params.service)
        form.set('service', req.challenge.params.service);
    if (req.scopes.length > 0)
        form.set('scope', req.scopes.join(' '));
    return {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString()
    };
}

;// CONCATENATED MODULE: ./src/distribution/authorizer.ts



/**
 * The `Authorization` one registry's requests carry, per scope set: Basic
 * credentials, or Bearer tokens fetched through the challenge's realm and
 * cached per scope set (tokens last minutes, so a refused one is renewed).
 */
class Authorizer {
    registry;
    credentials;
    mask;
    insecureRegistries;
    tokens = new Map();
    /** Token fetches under way, per scope set: concurrent requests share one. */
    pending = new Map();
    challenge;
    constructor(registry, credentials, mask, insecureRegistries = []) {
        this.registry = registry;
        this.credentials = credentials;
        this.mask = mask;
        this.insecureRegistries = insecureRegistries;
    }
    /**
     * What to send first: the token for these scopes, or, once the registry
     * has asked for Bearer tokens, a new token fetched up front, which saves a
     * 401 round trip for every new scope set; Basic credentials once asked for.
     * `fresh` says the token was fetched for this very request.
     */
    async authorizationFor(scopes) {
        const key = scopes.join(' ');
        const cached = this.tokens.get(key);
        if (cached !== undefined)
            return { authorization: cached, fresh: false };
        if (this.challenge?.scheme === 'bearer')
            return {
                authorization: await this.fetchAuthorization(this.challenge, key, scopes),
                fresh: true
            };
        return { authorization: this.basicIfKnown(), fresh: false };
    }
    /** The authorization these scopes were last sent with, if any (the preview reads a token's grant). */
    held(scopes) {
        return this.tokens.get(scopes.join(' '));
    }
    /**
     * The registry answered `sent` with a 401 and this challenge: remember the
     * challenge, and give the authorization to send instead.
     */
    async renew(challenge, scopes, sent) {
        const key = scopes.join(' ');
        this.challenge = challenge;
        // Another request may have renewed the token meanwhile: use that one.
        const renewed = this.tokens.get(key);
        if (renewed !== undefined && renewed !== sent)
            return renewed;
        this.tokens.delete(key);
        return await this.fetchAuthorization(challenge, key, scopes);
    }
    fetchAuthorization(challenge, key, scopes) {
        let pending = this.pending.get(key);
        if (!pending) {
            pending = this.authorize(challenge, scopes)
                .then((authorization) => {
                this.tokens.set(key, authorization);
                return authorization;
            })
                .finally(() => this.pending.delete(key));
            this.pending.set(key, pending);
        }
        return pending;
    }
    basicIfKnown() {
        return this.challenge?.scheme === 'basic' && this.credentials
            ? basicAuthorization(this.credentials)
            : undefined;
    }
    async authorize(challenge, scopes) {
        if (challenge.scheme === 'basic') {
            if (!this.credentials)
                throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it needs credentials and none were given');
            // An identity token is traded at a token service only, never sent as a password.
            if ((0,credentials/* isIdentityToken */.M)(this.credentials))
                throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it asks for a username and password (Basic), and an identity token is none');
            return basicAuthorization(this.credentials);
        }
        const token = await fetchBearerToken({
            registry: this.registry,
            challenge,
            scopes,
            ...(this.credentials ? { credentials: this.credentials } : {}),
            mask: this.mask,
            insecureRegistries: this.insecureRegistries
        });
        return `Bearer ${token}`;
    }
}

;// CONCATENATED MODULE: ./src/distribution/challenge.ts
/**
 * Parse `WWW-Authenticate` (RFC 7235): `Bearer realm="…",service="…",scope="…"`
 * or `Basic realm="…"`. Quoted values may hold commas and escaped quotes.
 * Returns undefined for a scheme tagship does not speak.
 */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const scheme = m[1].toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy;
    const rest = m[2];
    param.lastIndex = 0;
    let p;
    while (param.lastIndex < rest.length && (p = param.exec(rest)) !== null) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme, params };
}

// EXTERNAL MODULE: ./src/shared/proxy.ts
var proxy = __webpack_require__(2297);
;// CONCATENATED MODULE: ./src/distribution/transport.ts





const MAX_REDIRECTS = 5;
/** Bodies the transport can send again; a stream can be read once. Duck-typed: under Jest, buffers come from another realm. */
function isReplayable(body) {
    if (body === undefined || body === null || typeof body === 'string')
        return true;
    if (ArrayBuffer.isView(body))
        return true;
    const tag = Object.prototype.toString.call(body);
    return tag === '[object ArrayBuffer]' || tag === '[object URLSearchParams]';
}
/** `PUT /v2/team/app/blobs/uploads/…`: the path only, as upload queries carry session state. */
function describeRequest(init, url) {
    return `${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`;
}
/** The host answered TLS with plain HTTP, and may speak it: send again over http. */
class PlainAnswer extends Error {
}
/**
 * Sends one request to a registry, following its redirects, with a timeout.
 * It starts over TLS and stays there unless the registry answers plain HTTP
 * and may (see `plainHttpAllowed`); certificates are verified except on the
 * hosts listed in `insecure-registries`.
 */
class Transport {
    registry;
    timeoutMs;
    insecureRegistries;
    /** The registry's host answered TLS with plain HTTP: its own URLs go over http from then on. */
    plain = false;
    /** Whether the first request was sent (it may take a plain HTTP shadow: see plainShadow). */
    probed = false;
    secure;
    constructor(registry, timeoutMs, insecureRegistries = []) {
        this.registry = registry;
        this.timeoutMs = timeoutMs;
        this.insecureRegistries = insecureRegistries;
        this.secure = new URL((0,endpoint/* secureBaseUrl */.c0)(registry));
    }
    /** `https://host:port`, or `http://…` once the registry answered plain HTTP. */
    get baseUrl() {
        return this.plain ? `http://${this.secure.host}` : this.secure.origin;
    }
    /** The only origin that ever sees the authorization. */
    get origin() {
        return new URL(this.baseUrl).origin;
    }
    /**
     * Send, and follow up to 5 redirects. Authorization goes only to the
     * registry's origin (scheme, host and port): object stores behind a
     * redirect (S3, Azure Blob, a CDN) refuse a second auth mechanism, and it
     * would leak the token. Upload `Location`s on another host are followed the
     * same way, without it. 307/308 keep method and body; 303 (and 301/302
     * after a POST) turn into a GET without body.
     */
    async follow(url, init, authorization) {
        let current = this.route(url, init);
        let request = init;
        for (let hop = 0;; hop++) {
            const auth = current.origin === this.origin ? authorization : undefined;
            const sent = await this.exchange(current, request, auth);
            const response = sent.response;
            current = sent.url;
            const location = response.headers.get('location');
            if (!isRedirect(response.status) || !location || init.redirect === 'manual')
                return { response, url: current };
            await (0,discard/* discard */.v)(response);
            if (hop >= MAX_REDIRECTS)
                throw new errors/* RegistryUnreachableError */.ST(this.registry, `more than ${MAX_REDIRECTS} redirects from ${describeRequest(init, url)}`);
            const method = (request.method ?? 'GET').toUpperCase();
            if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
                const headers = new Headers(request.headers);
                headers.delete('content-type');
                headers.delete('content-length');
                request = { ...request, method: method === 'HEAD' ? 'HEAD' : 'GET', body: null, headers };
            }
            else if (!isReplayable(request.body)) {
                throw new errors/* RegistryUnreachableError */.ST(this.registry, streamRedirectedText(init, url));
            }
            const next = parseUrl(location, current);
            if (!next)
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, `${describeRequest(init, current)} was redirected to a Location that is not a URL`);
            current = this.route(next, init, current);
        }
    }
    /**
     * Where a URL really goes: only http and https are spoken (a `file:`,
     * `data:` or `ftp:` Location from a registry is refused, never opened), plain
     * HTTP only where allowed, and the registry's own https URLs (made from
     * `baseUrl` before it answered) over http once it answered plain HTTP.
     * `redirectOf` is the request that was redirected here, if any.
     */
    route(url, init, redirectOf) {
        const refuse = (where, why) => {
            const method = (init.method ?? 'GET').toUpperCase();
            throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, redirectOf
                ? `refused to follow the redirect of ${describeRequest(init, redirectOf)} to ${where}; ${why}`
                : `refused to send ${method} to ${where}, a URL the registry gave; ${why}`);
        };
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            refuse(`a ${url.protocol} URL`, 'tagship only follows http and https URLs');
        if (url.protocol === 'https:' && this.plain && url.origin === this.secure.origin)
            return new URL(`http://${url.host}${url.pathname}${url.search}`);
        if (url.protocol === 'http:' && !(0,endpoint/* plainHttpAllowed */.TH)(url, this.insecureRegistries))
            refuse(`plain HTTP on ${url.host}`, 'tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries');
        return url;
    }
    /** One exchange, again over plain HTTP when the registry's host answers TLS with it and may. */
    async exchange(url, init, authorization) {
        const shadow = this.plainShadow(url, init, authorization);
        // It may fail before anyone awaits it: that is not an unhandled rejection.
        shadow?.catch(() => undefined);
        try {
            const response = await this.send(url, init, authorization);
            // TLS answered: the plain answer is not wanted.
            void shadow?.then(discard/* discard */.v, () => undefined);
            return { response, url };
        }
        catch (e) {
            if (!(e instanceof PlainAnswer)) {
                void shadow?.then(discard/* discard */.v, () => undefined);
                throw e;
            }
            this.plain = true;
            const plain = this.route(url, init);
            // The same request over plain HTTP was already sent: its answer (or failure) is the one.
            if (shadow)
                return { response: await shadow, url: plain };
            // The TLS handshake failed before any request was read, so nothing happened there;
            // a streamed body may be partly consumed, though: its caller starts it over.
            if (!isReplayable(init.body))
                throw new errors/* RegistryUnreachableError */.ST(this.registry, `${describeRequest(init, url)} met a plain HTTP registry; sending it again over http`);
            return { response: await this.send(plain, init, authorization), url: plain };
        }
    }
    /**
     * The registry's first request, when its host may speak plain HTTP (loopback,
     * or listed in insecure-registries) and the request carries neither
     * credentials nor a body (the login check's `GET /v2/`): the same request
     * over plain HTTP, sent beside the TLS one (not through a proxy). TLS still
     * wins whenever it answers; when the host answers TLS with plain HTTP, its
     * plain answer is already here, instead of a new connection and a round
     * trip later.
     */
    plainShadow(url, init, authorization) {
        if (this.probed)
            return undefined;
        this.probed = true;
        const method = (init.method ?? 'GET').toUpperCase();
        if (this.plain || authorization !== undefined || init.body != null)
            return undefined;
        if (method !== 'GET' || url.origin !== this.secure.origin)
            return undefined;
        const plain = new URL(`http://${url.host}${url.pathname}${url.search}`);
        if (!(0,endpoint/* plainHttpAllowed */.TH)(plain, this.insecureRegistries))
            return undefined;
        // Through a proxy, the order of tunnels and requests stays TLS first, then plain.
        if ((0,proxy/* proxyFor */.iJ)((0,proxy_dispatch/* currentProxyRules */.dm)(), plain))
            return undefined;
        return this.send(plain, init, undefined);
    }
    /**
     * One HTTP exchange with a timeout to the response headers; a streamed body
     * instead re-arms the timer at every chunk, so a slow but moving upload of
     * a large layer is never cut, and a stalled one is. It goes through the
     * proxy the environment names for `url`, if any (see proxy-dispatch.ts).
     */
    async send(url, init, authorization) {
        const way = await (0,proxy_dispatch/* route */.wE)(url, this.insecureRegistries);
        const headers = new Headers(init.headers);
        if (authorization)
            headers.set('authorization', authorization);
        else
            headers.delete('authorization');
        const controller = new AbortController();
        let timedOut = false;
        let timer;
        let answered = false;
        const arm = () => {
            clearTimeout(timer);
            if (answered)
                return;
            timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, this.timeoutMs);
        };
        const stopOnCallerAbort = () => controller.abort();
        init.signal?.addEventListener('abort', stopOnCallerAbort, { once: true });
        const streamed = isStream(init.body);
        const unclonable = streamed && init.redirect !== 'manual';
        const body = isStream(init.body) ? rearmOnChunk(init.body, arm) : init.body;
        arm();
        try {
            return await fetch(url, {
                ...init,
                body,
                headers,
                // fetch clones a request unless its redirect mode is 'error' and it has
                // no window, and the clone tees the body: for a stream, the branch no
                // one reads then keeps every chunk sent, a whole layer per upload. A
                // stream cannot follow a redirect anyway, so it goes out unclonable.
                redirect: unclonable ? 'error' : 'manual',
                signal: controller.signal,
                ...(streamed ? { duplex: 'half' } : {}),
                ...(unclonable ? { window: null } : {}),
                ...(0,proxy_dispatch/* dispatchOptions */.th)(way)
            });
        }
        catch (e) {
            const tls = timedOut ? undefined : (0,endpoint/* tlsFailure */.kL)(e);
            if (tls?.kind === 'certificate')
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, (0,endpoint/* untrustedText */.Ui)(this.registry, url, tls));
            if (tls?.kind === 'plain') {
                if (url.origin === this.secure.origin && (0,endpoint/* plainHttpAllowed */.TH)(url, this.insecureRegistries))
                    throw new PlainAnswer();
                throw new endpoint/* UnsafeEndpointError */.Qh(this.registry, (0,endpoint/* plainRefusedText */.uD)(url));
            }
            if (unclonable && !timedOut && redirectRefused(e))
                throw new errors/* RegistryUnreachableError */.ST(this.registry, streamRedirectedText(init, url));
            const refused = timedOut ? undefined : (0,proxy_dispatch/* proxyRefusal */.vd)(e, way.proxy);
            if (refused)
                throw new proxy_dispatch/* ProxyRefusedError */.Ne(this.registry, refused);
            const why = timedOut
                ? `${describeRequest(init, url)} got no answer within ${this.timeoutMs / 1000} s`
                : (0,errors/* networkErrorText */.Mi)(e);
            throw new errors/* RegistryUnreachableError */.ST(this.registry, why + (0,proxy_dispatch/* viaProxy */.bP)(way.proxy));
        }
        finally {
            answered = true;
            clearTimeout(timer);
            init.signal?.removeEventListener('abort', stopOnCallerAbort);
        }
    }
}
/** `URL.parse` is Node 20.18+; engines allow any Node 20. */
function parseUrl(location, base) {
    try {
        return new URL(location, base);
    }
    catch {
        return undefined;
    }
}
function isStream(body) {
    return typeof body?.getReader === 'function';
}
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
function rearmOnChunk(source, arm) {
    const reader = source.getReader();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await reader.read();
            arm();
            if (done)
                controller.close();
            else
                controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason)
    });
}
function streamRedirectedText(init, url) {
    return `${describeRequest(init, url)} was redirected, and a streamed body cannot be sent twice`;
}
/** What fetch throws for a 3xx answer to a request sent with redirect 'error'. */
function redirectRefused(e) {
    return e?.cause?.message === 'unexpected redirect';
}

;// CONCATENATED MODULE: ./src/distribution/token-claims.ts
/**
 * The grant on `path` of the `Authorization` value a request was sent with.
 * The token is decoded, never verified (the registry verifies it), and never
 * returned or printed.
 */
function grantOf(authorization, path) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (bearer === undefined)
        return { kind: 'no token' };
    const access = accessClaim(bearer);
    if (access === undefined)
        return { kind: 'opaque' };
    const actions = new Set();
    for (const entry of access) {
        if (entry.type !== 'repository' || entry.name !== path)
            continue;
        for (const action of entry.actions)
            actions.add(action);
    }
    return { kind: 'actions', actions: [...actions] };
}
/** The `access` claim of a JWT, or undefined when the token is not a JWT that has one. */
function accessClaim(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    const access = payload?.access;
    if (!Array.isArray(access))
        return undefined;
    return access.flatMap((entry) => {
        const e = entry;
        if (typeof e?.type !== 'string' || typeof e.name !== 'string' || !Array.isArray(e.actions))
            return [];
        const actions = e.actions.filter((a) => typeof a === 'string');
        return [{ type: e.type, name: e.name, actions }];
    });
}

;// CONCATENATED MODULE: ./src/distribution/client.ts









const retriesMade = new WeakMap();
/** How many times the transport retried before it returned this response. */
function retriesOf(response) {
    return retriesMade.get(response) ?? 0;
}
/**
 * Talks to one registry's API, answering its `WWW-Authenticate` challenge
 * itself (Basic, or Bearer through the realm), and authenticating again once
 * when a 401 comes mid-run (tokens last minutes). Retries transient failures
 * with the policy of retry.ts, follows redirects itself, and sends
 * credentials only to the registry's own origin.
 */
class RegistryClient {
    registry;
    credentials;
    retries;
    timeoutMs;
    /** Who runs the registry, when the client was told (see ClientOptions). */
    provider;
    authorizer;
    transport;
    policy;
    sleep;
    random;
    now;
    onRetry;
    constructor(registry, credentials, mask, options = {}) {
        this.registry = registry;
        this.credentials = credentials;
        this.retries = Math.max(0, options.retries ?? shared_retry/* DEFAULT_RETRY_POLICY */.cO.retries);
        this.policy = { ...shared_retry/* DEFAULT_RETRY_POLICY */.cO, retries: this.retries };
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.provider = options.provider;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.random = options.random ?? Math.random;
        this.now = options.now ?? Date.now;
        this.onRetry = options.onRetry;
        this.authorizer = new Authorizer(registry, credentials, mask, options.insecureRegistries);
        this.transport = new Transport(registry, this.timeoutMs, options.insecureRegistries);
    }
    /**
     * `https://host:port`; `http://…` once a loopback (or listed) registry
     * answered TLS with plain HTTP, which its first request finds out.
     */
    get baseUrl() {
        return this.transport.baseUrl;
    }
    /** `https://ghcr.io`: the only origin that ever sees the credentials. */
    get origin() {
        return this.transport.origin;
    }
    /**
     * Send a request with the authorization the scopes need. `target` is a
     * `/v2/…` path or an absolute URL (an upload `Location`). Transient failures
     * of requests with a replayable body are retried here; the last answer is
     * returned whatever its status (see `retriesOf`). `init.redirect: 'manual'`
     * returns a redirect instead of following it.
     */
    async request(target, init = {}, scopes = []) {
        const url = this.resolve(target);
        const replayable = isReplayable(init.body);
        for (let retry = 0;; retry++) {
            let response;
            try {
                response = await this.attempt(url, init, scopes, replayable);
            }
            catch (e) {
                if (!(e instanceof errors/* RegistryUnreachableError */.ST) || !replayable || retry >= this.retries)
                    throw e instanceof errors/* RegistryUnreachableError */.ST && retry > 0
                        ? new errors/* RegistryUnreachableError */.ST(this.registry, e.detail, retry, { cause: e })
                        : e;
                await this.waitToRetry(retry, `${describeRequest(init, url)} failed: ${e.detail}`, e instanceof TokenServiceBusyError ? e.retryAfter : undefined);
                continue;
            }
            if (replayable && retry < this.retries && (0,shared_retry/* isRetryableStatus */.PS)(response.status)) {
                await (0,discard/* discard */.v)(response);
                await this.waitToRetry(retry, `${describeRequest(init, url)} answered HTTP ${response.status}`, response.headers.get('retry-after'));
                continue;
            }
            retriesMade.set(response, retry);
            return response;
        }
    }
    /**
     * Wait before retry number `retry` (from 0), honouring a `Retry-After`, and
     * say so through `onRetry`. For callers that retry a whole operation (a
     * streamed upload) themselves.
     */
    async waitToRetry(retry, reason, retryAfter) {
        const ms = (0,shared_retry/* retryDelayMs */.qO)(retry, retryAfter, this.policy, this.random, this.now());
        this.onRetry?.(`${this.registry}: ${reason}; retry ${retry + 1} of ${this.retries} in ${(ms / 1000).toFixed(1)} s`);
        await this.sleep(ms);
    }
    /**
     * What the token these scopes were last sent with grants on the repository
     * `path` (see token-claims.ts): a preview reads whether pushing would be
     * allowed from the token its reads obtained for `pull,push`.
     */
    grantOn(scopes, path) {
        return grantOf(this.authorizer.held(scopes), path);
    }
    /** Check that the registry accepts the credentials (`GET /v2/`). */
    async checkLogin() {
        const response = await this.request('/v2/');
        if (response.ok) {
            await (0,discard/* discard */.v)(response);
            return;
        }
        if (response.status === 401) {
            await (0,discard/* discard */.v)(response);
            const why = this.credentials
                ? 'the credentials were refused'
                : 'it needs credentials and none were given';
            throw new errors/* CredentialsRejectedError */.HK(this.registry, why);
        }
        throw new errors/* RegistryUnreachableError */.ST(this.registry, await (0,errors/* registryErrorText */.vC)(response));
    }
    resolve(target) {
        return target.startsWith('/') ? new URL(`${this.baseUrl}${target}`) : new URL(target);
    }
    /** One try: follow redirects, and answer one 401 from the registry by authenticating again. */
    async attempt(url, init, scopes, replayable) {
        const { authorization: sent, fresh } = await this.authorizer.authorizationFor(scopes);
        // A connection whose answer was just read goes back to the pool on a later
        // turn of the event loop: wait for it, or this request opens a new one.
        await nextTurn();
        const first = await this.transport.follow(url, init, sent);
        if (first.response.status !== 401 || first.url.origin !== this.origin)
            return first.response;
        // A token fetched for this very request was refused: the scope is not
        // granted, and fetching another would not change that.
        if (fresh)
            return first.response;
        const challenge = parseChallenge(first.response.headers.get('www-authenticate'));
        await (0,discard/* discard */.v)(first.response);
        if (!challenge)
            throw new errors/* CredentialsRejectedError */.HK(this.registry, 'it asked for authentication in a way tagship does not know');
        const authorization = await this.authorizer.renew(challenge, scopes, sent);
        // A streamed body is gone: the caller sends it again, with the new authorization.
        if (!replayable)
            return first.response;
        await nextTurn();
        return (await this.transport.follow(url, init, authorization)).response;
    }
}
/**
 * Resolves two turns of the event loop later: fetch hands a connection whose
 * answer was just read back to its pool only after pending I/O callbacks, and
 * one turn was seen not to be always enough (__tests__/distribution/keep-alive.test.ts).
 */
function nextTurn() {
    return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}


/***/ }),

/***/ 5864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isIdentityToken),
/* harmony export */   y: () => (/* binding */ IDENTITY_TOKEN_USERNAME)
/* harmony export */ });
/**
 * Docker's username for an identity token (credential helpers answer it, and
 * `docker login` stores one as `identitytoken`): the password is then an
 * OAuth2 refresh token, traded at the registry's token service for access
 * tokens, never sent as a password.
 */
const IDENTITY_TOKEN_USERNAME = '<token>';
function isIdentityToken(c) {
    return c.username === IDENTITY_TOKEN_USERNAME;
}


/***/ }),

/***/ 4660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const ALGORITHMS = new Set(['sha256', 'sha512']);
/** `sha256:<64 hex>` or `sha512:<128 hex>`: a content address tagship can check. */
function isDigest(reference) {
    return /^sha256:[a-f0-9]{64}$/.test(reference) || /^sha512:[a-f0-9]{128}$/.test(reference);
}
/** The algorithm part of a digest, when tagship can compute it. */
function digestAlgorithm(digest) {
    const algorithm = digest.slice(0, digest.indexOf(':'));
    return ALGORITHMS.has(algorithm) ? algorithm : undefined;
}
/** `sha256:…` over exactly these bytes. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}


/***/ }),

/***/ 8440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ discard)
/* harmony export */ });
/** The most of an unwanted body that is read to keep its connection; beyond it, the connection is dropped. */
const DISCARD_LIMIT = 64 * 1024;
/** How long a small unwanted body may take to arrive before its connection is dropped instead. */
const DISCARD_WAIT_MS = 10_000;
/**
 * Let go of a response whose body is not wanted. fetch closes the connection
 * of a body that is cancelled (even an empty one, a HEAD's), so every such
 * request costs a new TCP and TLS set-up: 2 round trips on the next request.
 * A small body (an error document, a 201's `{}`) is read to its end instead,
 * and the connection goes back to the pool; a large one (or one that stalls)
 * is cancelled. Errors while reading are ignored: the answer is already known.
 */
async function discard(response, limit = DISCARD_LIMIT, waitMs = DISCARD_WAIT_MS) {
    const body = response.body;
    if (!body)
        return;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > limit) {
        await body.cancel().catch(() => undefined);
        return;
    }
    const reader = body.getReader();
    const timer = setTimeout(() => void reader.cancel().catch(() => undefined), waitMs);
    try {
        for (let seen = 0;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            seen += value.byteLength;
            if (seen > limit) {
                await reader.cancel();
                break;
            }
        }
        reader.releaseLock();
    }
    catch {
        // The connection broke (or was dropped above): nothing to keep.
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 8925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ isListedInsecure),
/* harmony export */   Qh: () => (/* binding */ UnsafeEndpointError),
/* harmony export */   TH: () => (/* binding */ plainHttpAllowed),
/* harmony export */   Ui: () => (/* binding */ untrustedText),
/* harmony export */   c0: () => (/* binding */ secureBaseUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   kL: () => (/* binding */ tlsFailure),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl),
/* harmony export */   uD: () => (/* binding */ plainRefusedText)
/* harmony export */ });
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2297);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);


/** Hosts that are this machine: plain HTTP is allowed there, as the docker daemon allows it. */
function isLoopbackHost(host) {
    return (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U9)(host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
}
/**
 * Where code that does not probe the registry (ACR's token exchange) reaches
 * it: https, or plain http on loopback. The registry client itself starts
 * with `secureBaseUrl` and falls back (see `plainHttpAllowed`).
 */
function registryBaseUrl(host) {
    if (host === 'docker.io')
        return 'https://registry-1.docker.io';
    return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`;
}
/** The TLS API base of a registry host: Docker Hub's API lives on registry-1.docker.io. */
function secureBaseUrl(host) {
    return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`;
}
/**
 * Whether `url`'s host is listed in `insecure-registries` (lowercase
 * `host[:port]`): its certificate is not verified, and it may speak plain
 * HTTP. `myreg` and `myreg:443` name the same TLS endpoint.
 */
function isListedInsecure(url, insecureRegistries) {
    if (insecureRegistries.length === 0)
        return false;
    const port = url.port || (url.protocol === 'http:' ? '80' : '443');
    const names = [url.host, `${url.hostname}:${port}`].map((n) => n.toLowerCase());
    return insecureRegistries.some((listed) => names.includes(listed.toLowerCase()));
}
/**
 * The scheme rule: every registry is tried over TLS first, loopback ones
 * too, so a TLS registry on this machine is verified like any other. Plain
 * HTTP is used only when a host answers TLS with plain HTTP, and only for a
 * loopback host or one listed in `insecure-registries`.
 */
function plainHttpAllowed(url, insecureRegistries) {
    return isLoopbackHost(url.host) || isListedInsecure(url, insecureRegistries);
}
/**
 * tagship refused to talk to an endpoint: a certificate it cannot trust, plain
 * HTTP where TLS is required, or a URL that is not http(s). Not retried:
 * trying again cannot change it.
 */
class UnsafeEndpointError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry}: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'UnsafeEndpointError';
    }
}
/** OpenSSL's verdicts on a certificate chain that are about trust or validity, not the network. */
const CERTIFICATE_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** What a TLS client reads when the server answers its handshake with `HTTP/1.1 400…`. */
const PLAIN_ANSWER_CODES = new Set([
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_SSL_PACKET_LENGTH_TOO_LONG'
]);
/** A fetch failure that is about TLS, from undici's nested causes. */
function tlsFailure(error) {
    for (const { code = '', message = '' } of (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorChain */ .eB)(error)) {
        if (CERTIFICATE_CODES.has(code))
            return { kind: 'certificate', code, message: message.split('\n', 1)[0] };
        if (PLAIN_ANSWER_CODES.has(code))
            return { kind: 'plain' };
    }
    return undefined;
}
/** `… is not trusted (CODE: message); trust its CA … or list it in insecure-registries`. */
function untrustedText(registry, url, failure) {
    const whose = url.host === new URL(secureBaseUrl(registry)).host ? 'its' : `${url.host}'s`;
    const verdict = /EXPIRED|NOT_YET_VALID|REVOKED|ALTNAME/.test(failure.code)
        ? 'is not valid'
        : 'is not trusted';
    // Node 24 adds its own advice (`…; if the root CA is installed locally, try
    // running Node.js with --use-system-ca`): tagship gives the fix it supports.
    const said = failure.message.split(/; if the root CA is installed locally/)[0];
    return (`${whose} TLS certificate ${verdict} (${failure.code}: ${said}); ` +
        `give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, ` +
        `or list ${url.host} in insecure-registries to skip verification for that host only`);
}
/** `… answered plain HTTP where TLS is required; list it in insecure-registries`. */
function plainRefusedText(url) {
    return (`${url.host} answered plain HTTP where TLS is required; tagship speaks plain HTTP only to ` +
        `loopback hosts and to those listed in insecure-registries: list ${url.host} there to allow it`);
}


/***/ }),

/***/ 4604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ CredentialsRejectedError),
/* harmony export */   Mi: () => (/* binding */ networkErrorText),
/* harmony export */   ST: () => (/* binding */ RegistryUnreachableError),
/* harmony export */   eE: () => (/* binding */ readRegistryError),
/* harmony export */   gd: () => (/* binding */ ContentMismatchError),
/* harmony export */   vC: () => (/* binding */ registryErrorText),
/* harmony export */   vs: () => (/* binding */ RegistryRequestError)
/* harmony export */ });
/* unused harmony exports isImmutableTagRefusal, describeRegistryError */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);

/** The registry refused the credentials (a 401 after answering its challenge). */
class CredentialsRejectedError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry} rejected the credentials: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'CredentialsRejectedError';
    }
}
/** The registry could not be reached (DNS, refused connection, TLS, timeout). */
class RegistryUnreachableError extends Error {
    registry;
    detail;
    retries;
    constructor(registry, detail, 
    /** How many times the transport tried again before giving up. */
    retries = 0, options) {
        // After retries, say so and what to change: the fault outlasted the budget.
        const gaveUp = retries > 0
            ? `; gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}: run the step again, or raise retries or request-timeout`
            : '';
        super(`${registry} could not be reached: ${detail}${gaveUp}`, options);
        this.registry = registry;
        this.detail = detail;
        this.retries = retries;
        this.name = 'RegistryUnreachableError';
    }
}
/** `{"errors":[{"code","message"}]}` from a registry, as one short line. */
async function registryErrorText(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first)
            return [first.code, first.message].filter(Boolean).join(': ');
    }
    catch {
        // not JSON: fall through to the status line
    }
    return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}
/** Why a fetch failed, from undici's nested causes: `ECONNREFUSED 127.0.0.1:5000`. */
function networkErrorText(error) {
    const innermost = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorChain */ .eB)(error).at(-1);
    if (innermost?.message === undefined)
        return String(error);
    const { code, message } = innermost;
    return code ? `${code} ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(message.replace(code, ''))}`.trim() : message;
}
/**
 * A registry refused a request. `message` is one line naming the registry,
 * the repository and reference, the code and a fix; `code` and `status` let
 * a caller tell cases apart (see `immutableTag`).
 */
class RegistryRequestError extends Error {
    context;
    answer;
    registry;
    repository;
    reference;
    status;
    code;
    /** The registry's own message, when it gave one. */
    detail;
    retries;
    constructor(context, answer, options) {
        super(describeRegistryError(context, answer), options);
        this.context = context;
        this.answer = answer;
        this.name = 'RegistryRequestError';
        this.registry = context.registry;
        this.repository = context.repository;
        this.reference = context.reference;
        this.status = answer.status;
        this.code = answer.code;
        this.detail = answer.message;
        this.retries = answer.retries;
    }
    /** An immutable repository (ECR) refused to move an existing tag. */
    get immutableTag() {
        return isImmutableTagRefusal(this.code, this.detail);
    }
}
/**
 * ECR answers a PUT to an existing tag of an immutable repository with 400
 * `TAG_INVALID` "… already exists in the 'app' repository and cannot be
 * overwritten because the repository is immutable."
 */
function isImmutableTagRefusal(code, message) {
    return ((code === 'TAG_INVALID' || code === 'ImageTagAlreadyExistsException') &&
        /immutable/i.test(message ?? ''));
}
/** `127.0.0.1:5000/team/app:1.0.0`, `…/team/app@sha256:…`, or just the repository. */
function describeTarget(context) {
    const ref = context.reference;
    const at = ref === undefined ? '' : ref.includes(':') ? `@${ref}` : `:${ref}`;
    return `${context.registry}/${context.repository}${at}`;
}
/** One actionable line for a refusal: `pushing manifest r/team/app:1 failed: NAME_UNKNOWN (HTTP 404): the repository does not exist; …`. */
function describeRegistryError(context, answer) {
    const what = answer.code ? `${answer.code} (HTTP ${answer.status})` : `HTTP ${answer.status}`;
    return `${context.action} ${describeTarget(context)} failed: ${what}: ${advice(context, answer)}`;
}
function advice(context, answer) {
    const repo = context.repository;
    const retried = `retried ${answer.retries} time${answer.retries === 1 ? '' : 's'}`;
    const said = answer.message ? ` (${answer.message})` : '';
    if (isImmutableTagRefusal(answer.code, answer.message))
        return `the repository is immutable and the tag already points at another image: publish a new tag, or make ${repo} mutable`;
    const ghcr = context.provider === 'ghcr' && context.write ? ghcrWriteAdvice(context, answer) : undefined;
    if (ghcr)
        return ghcr;
    if (answer.code === 'TOOMANYREQUESTS' || answer.status === 429)
        return `rate limited; ${retried}: wait and run again, or use credentials with a higher limit`;
    switch (answer.code) {
        case 'NAME_UNKNOWN':
            return `the repository does not exist: create it first (on Amazon ECR, set ecr-create-repository: true)`;
        case 'NAME_INVALID':
            return `the registry does not accept the repository name ${repo}${said}`;
        case 'DENIED':
            return context.write
                ? `the credentials may not push to ${repo}: grant them write access to it`
                : `the credentials may not pull from ${repo}: grant them read access to it`;
        case 'UNAUTHORIZED':
            return `the registry refused the credentials for ${repo}: check them and their access to this repository`;
        case 'MANIFEST_BLOB_UNKNOWN':
            return `a blob or child manifest it references is missing from ${repo}: push those first`;
        case 'MANIFEST_INVALID':
            return `the registry refused the manifest as invalid${said}`;
        case 'MANIFEST_UNKNOWN':
            return `no such manifest: check the tag or digest`;
        case 'BLOB_UNKNOWN':
            return `the blob is not in ${repo}`;
        case 'UNSUPPORTED':
            return `the registry does not support this operation or media type${said}`;
        case 'TAG_INVALID':
            return `the registry refused the tag${said}`;
        case 'DIGEST_INVALID':
        case 'SIZE_INVALID':
            return `the content did not match its digest or size: the source changed or the transfer was corrupted; run again`;
        case 'BLOB_UPLOAD_UNKNOWN':
        case 'BLOB_UPLOAD_INVALID':
            return `the registry lost the upload session${said}; run again`;
    }
    if (answer.status === 401)
        return `the registry refused the credentials for ${repo}: check them and their access to this repository`;
    if (answer.status === 403)
        return context.write
            ? `the credentials may not push to ${repo}: grant them write access to it`
            : `the credentials may not pull from ${repo}: grant them read access to it`;
    if (answer.status === 404)
        return `not found${said}`;
    if (answer.status === 408 || answer.status >= 500)
        return `the registry kept failing; ${retried}: try again later`;
    return answer.message ?? answer.code ?? 'unexpected answer';
}
/**
 * GHCR refuses a write it does not allow with 403 `DENIED`, in two words that
 * each have their fix: `installation not allowed to Create organization
 * package` (or `Write`) when the job's GITHUB_TOKEN has no `packages: write`;
 * `permission_denied: write_package` when the token may write packages but
 * not this one: the package does not grant the workflow's repository Write
 * access (its settings, Manage Actions access), or the job has only
 * `packages: read`.
 */
function ghcrWriteAdvice(context, answer) {
    if (answer.status !== 403 && answer.code !== 'DENIED')
        return undefined;
    const pkg = `${context.registry}/${context.repository}`;
    const said = answer.message ? ` (${answer.message})` : '';
    if (/installation not allowed to \w+ organization package/i.test(answer.message ?? ''))
        return `GHCR refused to write the package ${pkg}${said}: the job's GITHUB_TOKEN may not write packages: add permissions: packages: write to the job`;
    if (/permission_denied: write_package/i.test(answer.message ?? ''))
        return `GHCR refused to write the package ${pkg}${said}: the package does not grant the workflow's repository Write access: in the package's settings, Manage Actions access, add the repository with the Write role (and give the job permissions: packages: write)`;
    return `GHCR refused to write the package ${pkg}${said}: give the job permissions: packages: write, and the workflow's repository Write access in the package's settings (Manage Actions access)`;
}
/** The first `{"errors":[{"code","message"}]}` entry of an answer, consuming its body. */
async function readRegistryError(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first) {
            return {
                ...(typeof first.code === 'string' && first.code ? { code: first.code } : {}),
                ...(typeof first.message === 'string' && first.message ? { message: first.message } : {})
            };
        }
    }
    catch {
        // not JSON (a proxy's HTML page, an empty HEAD answer): the status says it all
    }
    return {};
}
/** Content that does not hash to the digest it was asked for, or has the wrong size. */
class ContentMismatchError extends Error {
    registry;
    repository;
    reference;
    detail;
    constructor(registry, repository, reference, detail) {
        super(`${describeTarget({ registry, repository, reference, action: '', write: false })}: ${detail}: the registry (or something between) served other content than asked for; run again, and check the registry if it persists`);
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.detail = detail;
        this.name = 'ContentMismatchError';
    }
}


/***/ }),

/***/ 8831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J9: () => (/* binding */ findManifest),
/* harmony export */   RV: () => (/* binding */ putManifest),
/* harmony export */   c2: () => (/* binding */ getManifest),
/* harmony export */   sy: () => (/* binding */ headManifest)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4660);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4604);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2434);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(548);
/* harmony import */ var _discard_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8440);





/** Distribution's own limit on a manifest; anything larger is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const ACCEPT = _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_MEDIA_TYPES */ .$T.join(', ');
/** Content types that say nothing about which manifest it is. */
const GENERIC_TYPES = new Set(['', 'application/json', 'text/plain', 'application/octet-stream']);
/** Read a manifest by tag or digest, with every manifest type in `Accept`. */
async function getManifest(repo, reference) {
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { headers: { accept: ACCEPT } }, repo.scopes);
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'reading manifest', false, reference);
    return manifestOf(response, repo, reference);
}
/** The manifest a successful GET answered with, checked against what was asked and announced. */
async function manifestOf(response, repo, reference) {
    const bytes = await readLimited(response, MAX_MANIFEST_BYTES, repo, reference);
    const asked = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(reference) ? reference : undefined;
    const digest = asked ? (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes, (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(asked)) : (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes);
    const mismatch = (detail) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, detail);
    if (asked && digest !== asked)
        throw mismatch(`the manifest served hashes to ${digest}`);
    const announced = response.headers.get('docker-content-digest');
    if (announced && (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(announced) === (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestAlgorithm */ .g4)(digest) && announced !== digest)
        throw mismatch(`the registry announced ${announced} but the bytes hash to ${digest}`);
    const mediaType = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .mediaTypeOfJson */ .kL)(bytes) ?? specificType(response.headers.get('content-type'));
    if (!mediaType)
        throw mismatch(`the registry served something that is not a manifest (Content-Type: ${response.headers.get('content-type') ?? 'none'})`);
    return { bytes, mediaType, digest };
}
/**
 * Where a tag or digest points, without downloading the manifest (a HEAD does
 * not count as a Docker Hub pull). Undefined when the registry has no such
 * manifest. A registry that leaves out `Docker-Content-Digest` costs a GET.
 */
async function headManifest(repo, reference) {
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { method: 'HEAD', headers: { accept: ACCEPT } }, repo.scopes);
    if (response.status === 404) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        return undefined;
    }
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'checking manifest', false, reference);
    await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = specificType(response.headers.get('content-type'));
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (digest && (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(digest) && mediaType && Number.isSafeInteger(size))
        return { digest, mediaType, size };
    const manifest = await getManifest(repo, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
}
/**
 * Where a tag or digest points, read so that the connection stays open for
 * the writes that follow: fetch closes a connection after every HEAD, so a
 * wave of HEADs costs a wave of new connections (a TCP and TLS set-up each)
 * for the next requests. A GET keeps it; on Docker Hub, where a manifest GET
 * counts as a pull, it is a HEAD. Undefined when there is no such manifest.
 */
async function findManifest(repo, reference) {
    if (repo.client.provider?.kind === 'dockerhub')
        return headManifest(repo, reference);
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { headers: { accept: ACCEPT } }, repo.scopes);
    if (response.status === 404) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        return undefined;
    }
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'checking manifest', false, reference);
    const manifest = await manifestOf(response, repo, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
}
/**
 * Store a manifest under a tag or its digest: the exact bytes, with its media
 * type as `Content-Type`. The digest the registry answers with must be ours.
 * `subjectListed`: the answer carried `OCI-Subject`, so a registry with the
 * referrers API filed the manifest under its subject itself.
 */
async function putManifest(repo, reference, manifest) {
    if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(reference) && reference !== manifest.digest)
        throw new Error(`cannot store manifest ${manifest.digest} under the digest ${reference}`);
    const response = await repo.client.request((0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .apiPath */ .So)(repo, `manifests/${reference}`), { method: 'PUT', headers: { 'content-type': manifest.mediaType }, body: manifest.bytes }, repo.scopes);
    if (!response.ok)
        throw await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .refusal */ .x5)(repo, response, 'pushing manifest', true, reference);
    await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== manifest.digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, `the registry stored the manifest as ${stored}, not ${manifest.digest}`);
    return { subjectListed: response.headers.has('oci-subject') };
}
function specificType(contentType) {
    const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
    return GENERIC_TYPES.has(type) ? undefined : type;
}
async function readLimited(response, limit, repo, reference) {
    const tooLarge = () => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ContentMismatchError */ .gd(repo.client.registry, repo.path, reference, `the manifest is larger than ${limit} bytes`);
    if (Number(response.headers.get('content-length') ?? 0) > limit) {
        await (0,_discard_js__WEBPACK_IMPORTED_MODULE_4__/* .discard */ .v)(response);
        throw tooLarge();
    }
    const chunks = [];
    let length = 0;
    if (response.body) {
        for await (const chunk of response.body) {
            length += chunk.length;
            if (length > limit)
                throw tooLarge();
            chunks.push(chunk);
        }
    }
    return Buffer.concat(chunks, length);
}


/***/ }),

/***/ 2434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   fM: () => (/* binding */ manifestChildren),
/* harmony export */   kL: () => (/* binding */ mediaTypeOfJson),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports DOCKER_MANIFEST, DOCKER_MANIFEST_LIST */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/**
 * Every manifest type tagship copies, for `Accept`. Leaving the list types
 * out lets a registry answer with one platform of a multi-arch image.
 */
const MANIFEST_MEDIA_TYPES = [
    OCI_INDEX,
    OCI_MANIFEST,
    DOCKER_MANIFEST_LIST,
    DOCKER_MANIFEST
];
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** The media type a manifest's JSON names, or the one its shape implies (the OCI field is optional). */
function mediaTypeOfJson(bytes) {
    const json = parseJson(bytes);
    if (!json)
        return undefined;
    if (typeof json.mediaType === 'string' && json.mediaType)
        return json.mediaType;
    if (Array.isArray(json.manifests))
        return OCI_INDEX;
    if (json.config !== undefined || Array.isArray(json.layers))
        return OCI_MANIFEST;
    return undefined;
}
/**
 * What a manifest refers to: an index's child manifests, or an image's
 * blobs (config first, then the layers).
 */
function manifestChildren(m) {
    const json = parseJson(m.bytes);
    if (!json)
        throw new Error(`manifest ${m.digest} is not a JSON object`);
    if (isIndexMediaType(m.mediaType))
        return { manifests: descriptors(json.manifests, m.digest, 'manifests'), blobs: [] };
    if (m.mediaType === OCI_MANIFEST || m.mediaType === DOCKER_MANIFEST) {
        const config = descriptors([json.config], m.digest, 'config');
        return {
            manifests: [],
            blobs: [...config, ...descriptors(json.layers ?? [], m.digest, 'layers')]
        };
    }
    throw new Error(`manifest ${m.digest} has media type ${m.mediaType}, which tagship does not copy (it copies ${MANIFEST_MEDIA_TYPES.join(', ')})`);
}
/** The JSON object in `bytes`, or undefined when they hold none. */
function parseJson(bytes) {
    try {
        const value = JSON.parse(new TextDecoder().decode(bytes));
        return value && typeof value === 'object' && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
function descriptors(value, digest, field) {
    if (!Array.isArray(value))
        throw new Error(`manifest ${digest}: "${field}" is not a list`);
    return value.map((d, i) => {
        const o = (d ?? {});
        if (typeof o.digest !== 'string' ||
            !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(o.digest) ||
            typeof o.size !== 'number' ||
            !Number.isSafeInteger(o.size) ||
            o.size < 0)
            throw new Error(`manifest ${digest}: ${field}[${i}] is not a valid descriptor`);
        return o;
    });
}


/***/ }),

/***/ 7757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ refusalText),
/* harmony export */   Ne: () => (/* binding */ ProxyRefusedError),
/* harmony export */   bP: () => (/* binding */ viaProxy),
/* harmony export */   dm: () => (/* binding */ currentProxyRules),
/* harmony export */   th: () => (/* binding */ dispatchOptions),
/* harmony export */   vd: () => (/* binding */ proxyRefusal),
/* harmony export */   wE: () => (/* binding */ route)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2297);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8925);



let parsed;
/** The proxy rules of `env` (see proxyRules), parsed again only when one of their variables changed. */
function currentProxyRules(env = process.env) {
    const key = Object.values(_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .PROXY_VARIABLES */ .bD)
        .flat()
        .map((name) => `${name}=${env[name] ?? ''}`)
        .join('\n');
    if (parsed?.key !== key)
        parsed = { key, rules: (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyRules */ .EK)(env) };
    return parsed.rules;
}
/**
 * Node's fetch takes a proxy and TLS options only through an undici
 * dispatcher: one per kind. undici is loaded with the first one, so a run
 * that needs none (no proxy, no insecure registry) never loads it.
 */
const dispatchers = new Map();
/**
 * The route to `url`: through the proxy the environment names for it (see
 * proxyFor), and without certificate verification for a host listed in
 * `insecure-registries`, also through the proxy. An https URL goes through a
 * CONNECT tunnel, so TLS stays end to end; an http URL is sent to the proxy as
 * an absolute-URI request, which every HTTP proxy serves on any port (CONNECT
 * is often allowed to port 443 only).
 */
async function route(url, insecureRegistries = [], env = process.env) {
    const unverified = url.protocol === 'https:' && (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .isListedInsecure */ .Ai)(url, insecureRegistries);
    const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyFor */ .iJ)(currentProxyRules(env), url);
    if (!proxy && !unverified)
        return {};
    // Before the cache is read: two routes asked at once then share one dispatcher.
    const { Agent, ProxyAgent } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
    const key = JSON.stringify([proxy?.origin, proxy?.authorization, unverified]);
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
        const tls = unverified ? { rejectUnauthorized: false } : undefined;
        dispatcher = proxy
            ? new ProxyAgent({
                uri: proxy.origin,
                ...(proxy.authorization && { token: proxy.authorization }),
                proxyTunnel: false,
                ...(tls && { requestTls: tls })
            })
            : new Agent({ connect: tls });
        dispatchers.set(key, dispatcher);
    }
    return { dispatcher, ...(proxy && { proxy }) };
}
/** fetch's options for a route: its dispatcher, if any. */
function dispatchOptions(r) {
    return r.dispatcher ? { dispatcher: r.dispatcher } : {};
}
/** ` (through the proxy http://proxy:3128 from HTTPS_PROXY)`, or '' without one. */
function viaProxy(proxy) {
    return proxy ? ` (through the proxy ${proxy.origin} from ${proxy.variable})` : '';
}
/**
 * The proxy refused to pass a request on (undici says so only in its
 * messages): a 407 for missing or wrong credentials, or another status for a
 * CONNECT it would not open. Not a network failure, so not retried.
 */
class ProxyRefusedError extends Error {
    registry;
    detail;
    constructor(registry, detail) {
        super(`${registry} could not be reached: ${detail}`);
        this.registry = registry;
        this.detail = detail;
        this.name = 'ProxyRefusedError';
    }
}
/** Why the proxy refused, as one phrase, when `error` is its refusal; undefined otherwise. */
function proxyRefusal(error, proxy) {
    if (!proxy)
        return undefined;
    for (const { message = '' } of (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorChain */ .eB)(error)) {
        const status = /^Proxy response \((\d{3})\) !== 200/.exec(message)?.[1] ??
            /^Proxy Authentication Required \((407)\)/.exec(message)?.[1];
        if (status)
            return refusalText(proxy, Number(status));
    }
    return undefined;
}
/** `the proxy http://proxy:3128 from HTTPS_PROXY answered HTTP 407 …: <the fix>`. */
function refusalText(proxy, status) {
    const who = `the proxy ${proxy.origin} from ${proxy.variable}`;
    if (status !== 407)
        return `${who} refused to open a tunnel (HTTP ${status})`;
    const fix = proxy.authorization
        ? `check the user and password in ${proxy.variable}`
        : `give them in ${proxy.variable} as http://user:password@host:port`;
    return `${who} answered HTTP 407 (it needs credentials): ${fix}`;
}


/***/ }),

/***/ 548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ repoHandle),
/* harmony export */   So: () => (/* binding */ apiPath),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1305);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4604);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8850);



function repoHandle(client, path, access) {
    return { client, path, scopes: [(0,_scope_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryScope */ .F)(path, access === 'push' ? 'pull,push' : 'pull')] };
}
/** `/v2/acme/app/<rest>` */
function apiPath(repo, rest) {
    return `/v2/${repo.path}/${rest}`;
}
/** Turn a refusal into the error that explains it (consumes the body). */
async function refusal(repo, response, action, write, reference) {
    const context = {
        registry: repo.client.registry,
        repository: repo.path,
        ...(reference === undefined ? {} : { reference }),
        action,
        write,
        ...(repo.client.provider ? { provider: repo.client.provider.kind } : {})
    };
    const { code, message } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegistryError */ .eE)(response);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryRequestError */ .vs(context, {
        status: response.status,
        ...(code ? { code } : {}),
        ...(message ? { message } : {}),
        retries: (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .retriesOf */ .Ko)(response)
    });
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ repositoryScope)
/* harmony export */ });
/** A token scope for one repository: `repository:acme/app:pull` or `repository:acme/app:pull,push`. */
function repositoryScope(path, actions) {
    return `repository:${path}:${actions}`;
}


/***/ }),

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
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4660);
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


/***/ }),

/***/ 50:
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


/***/ }),

/***/ 2297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ proxyRules),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   bD: () => (/* binding */ PROXY_VARIABLES),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   jq: () => (/* binding */ anyProxy)
/* harmony export */ });
/* unused harmony export hidePassword */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);


/** The variables the rules read, each name lowercase first: the first one set (not empty) wins. */
const PROXY_VARIABLES = {
    https: ['https_proxy', 'HTTPS_PROXY'],
    http: ['http_proxy', 'HTTP_PROXY'],
    noProxy: ['no_proxy', 'NO_PROXY'],
    loopback: ['TAGSHIP_PROXY_LOOPBACK']
};
/**
 * Reads the proxy variables of `env`. The lowercase name wins when both are
 * set, as curl and @actions/http-client (which sends the runner's OIDC and
 * cache requests in the same process) read them; an empty value counts as
 * unset. A proxy URL that cannot be used is an InputError naming the
 * variable, with any password hidden.
 */
function proxyRules(env) {
    const https = first(env, PROXY_VARIABLES.https);
    const http = first(env, PROXY_VARIABLES.http);
    const noProxy = first(env, PROXY_VARIABLES.noProxy)?.value ?? '';
    return {
        ...(https && { https: proxyServer(https.name, https.value) }),
        ...(http && { http: proxyServer(http.name, http.value) }),
        bypass: noProxy.split(/[\s,]+/).flatMap(bypassEntry),
        loopback: loopbackOptIn(env.TAGSHIP_PROXY_LOOPBACK)
    };
}
/** Whether the rules send anything through a proxy at all. */
function anyProxy(rules) {
    return rules.https !== undefined || rules.http !== undefined;
}
/**
 * The proxy a request to `target` goes through, or none: the one for its
 * scheme, unless `NO_PROXY` lists the host (or the host and its port), or
 * the host is loopback (127.0.0.0/8, ::1, localhost) and TAGSHIP_PROXY_LOOPBACK
 * is not true. Names are never resolved: an address entry matches only a URL
 * that holds that address.
 */
function proxyFor(rules, target) {
    const server = target.protocol === 'https:'
        ? rules.https
        : target.protocol === 'http:'
            ? rules.http
            : undefined;
    if (!server)
        return undefined;
    const host = target.hostname
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '')
        .toLowerCase();
    if (!rules.loopback && isLoopback(host))
        return undefined;
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    return rules.bypass.some((entry) => bypasses(entry, host, port)) ? undefined : server;
}
function first(env, names) {
    for (const name of names) {
        const value = env[name]?.trim();
        if (value)
            return { name, value };
    }
    return undefined;
}
const PROXY_URL_FORM = 'give http://host:port, or http://user:password@host:port';
function proxyServer(variable, raw) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(variable, `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(hidePassword(raw))} ${why}`);
    const text = withScheme(raw);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw bad(`is not a proxy URL: ${PROXY_URL_FORM}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw bad(`is a ${url.protocol.slice(0, -1)} proxy, and tagship speaks to HTTP proxies only: ${PROXY_URL_FORM}`);
    if (url.hostname === '')
        throw bad(`names no proxy host: ${PROXY_URL_FORM}`);
    let authorization;
    if (url.username || url.password) {
        let user;
        let password;
        try {
            user = decodeURIComponent(url.username);
            password = decodeURIComponent(url.password);
        }
        catch {
            throw bad('has a user or password with a broken %-escape: escape it again (%40 for @)');
        }
        authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
    return { origin: url.origin, variable, ...(authorization && { authorization }) };
}
/**
 * The value with everything before the host's `@` replaced, so an error can
 * show it: the user part may be a token too. The last `@` is the one before
 * the host, as an unescaped `@` or `/` may sit in a password.
 */
function hidePassword(raw) {
    const at = raw.lastIndexOf('@');
    if (at < 0)
        return raw;
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
    return `${scheme}***${raw.slice(at)}`;
}
function loopbackOptIn(value) {
    const v = value?.trim().toLowerCase() ?? '';
    if (v === '' || v === 'false')
        return false;
    if (v === 'true')
        return true;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('TAGSHIP_PROXY_LOOPBACK', `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is not a boolean: set true to send requests to loopback hosts through the proxy, or leave it unset`);
}
/**
 * One `NO_PROXY` entry, read as curl and Go read them: `*` for every host; a
 * domain with or without a leading `.` (or `*.`) for itself and every name
 * under it; an IPv4 or IPv6 address (`[::1]` or `::1`); a CIDR range; each
 * but a range with an optional `:port`. What none of these forms fits (a
 * Windows `<local>`, say) is skipped: the variable is shared with other tools.
 */
function bypassEntry(raw) {
    const entry = raw.trim().toLowerCase();
    if (entry === '')
        return [];
    if (entry === '*')
        return [{ kind: 'all' }];
    if (entry.includes('/'))
        return range(entry);
    let host = entry;
    let port;
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry);
    if (withPort) {
        host = withPort[1];
        port = Number(withPort[2]);
    }
    host = host.replace(/^\[|\]$/g, '');
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host);
    if (family !== 0)
        return [{ kind: 'address', address: normalAddress(host, family), ...port0(port) }];
    const domain = host.replace(/^\*?\./, '').replace(/\.$/, '');
    if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(domain))
        return [];
    return [{ kind: 'domain', domain, ...port0(port) }];
}
const port0 = (port) => (port === undefined ? {} : { port });
function range(entry) {
    const [address = '', bits = ''] = entry.split('/');
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    const prefix = Number(bits);
    const max = family === 4 ? 32 : 128;
    if (family === 0 || !/^\d{1,3}$/.test(bits) || prefix > max)
        return [];
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    return [{ kind: 'range', range: list }];
}
/** `::0001` and `::1`, `0:0:0:0:0:0:0:1` are one address: compare them as the URL parser writes them. */
function normalAddress(address, family) {
    return family === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address;
}
function bypasses(entry, host, port) {
    switch (entry.kind) {
        case 'all':
            return true;
        case 'range': {
            const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host);
            return family !== 0 && entry.range.check(host, family === 4 ? 'ipv4' : 'ipv6');
        }
        case 'address':
            return host === entry.address && (entry.port === undefined || entry.port === port);
        case 'domain':
            return ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 0 &&
                (host === entry.domain || host.endsWith(`.${entry.domain}`)) &&
                (entry.port === undefined || entry.port === port));
    }
}
/** Hosts that are this machine, written as a URL holds them (no brackets). */
function isLoopback(host) {
    if (host === 'localhost' || host === '::1')
        return true;
    return (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4 && host.startsWith('127.');
}
/**
 * What the proxy variables hold that must never be shown: each proxy's
 * password (as written and %-decoded), its `user:password` and the
 * `Proxy-Authorization` value made of them. Reading them checks every
 * variable, so a bad one fails before anything runs.
 */
function proxySecrets(env) {
    const rules = proxyRules(env);
    const secrets = new Set();
    for (const server of [rules.https, rules.http]) {
        if (!server?.authorization)
            continue;
        const encoded = server.authorization.slice('Basic '.length);
        const pair = Buffer.from(encoded, 'base64').toString('utf8');
        const password = pair.slice(pair.indexOf(':') + 1);
        for (const s of [server.authorization, encoded, pair, password])
            if (s !== '')
                secrets.add(s);
    }
    for (const names of [PROXY_VARIABLES.https, PROXY_VARIABLES.http]) {
        for (const name of names) {
            const raw = env[name];
            if (!raw)
                continue;
            try {
                const url = new URL(withScheme(raw));
                if (url.password)
                    secrets.add(url.password);
            }
            catch {
                // proxyRules has reported the variable it reads; others are not used.
            }
        }
    }
    return [...secrets];
}
/** A bare `host:port` is an http proxy, as curl reads it. */
function withScheme(raw) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
}


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   MV: () => (/* binding */ attemptsText),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* unused harmony exports backoffMs, parseRetryAfter */
/**
 * The retry policy of the registry transport and of every login call, pure:
 * which answers are worth another try, and how long to wait before it.
 */
const DEFAULT_RETRY_POLICY = { retries: 4, baseMs: 500, capMs: 30_000 };
/**
 * The one policy of every retried call, registry requests and logins alike
 * (token services, token exchanges, STS, Entra ID, ECR): `retries` further
 * attempts (the `retries` input; 0 means one attempt), the default waits.
 */
function retryPolicy(retries = DEFAULT_RETRY_POLICY.retries) {
    return { ...DEFAULT_RETRY_POLICY, retries: Math.max(0, Math.floor(retries)) };
}
/** `1 attempt`, `5 attempts`: how a retried call that gave up says how hard it tried. */
function attemptsText(attempts) {
    return `${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
/**
 * 408, 429 and 5xx are transient: the registry, a proxy or a load balancer may
 * answer differently a moment later. 501 (Not Implemented) and 505 (HTTP
 * Version Not Supported) are the server saying it never will.
 */
function isRetryableStatus(status) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
/**
 * Capped exponential backoff with equal jitter: half the step is fixed and
 * half random, so many clients throttled at once spread out and none waits
 * near zero. `retry` counts from 0 (the wait before the first retry).
 */
function backoffMs(retry, policy, random) {
    const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry));
    const r = Math.min(1, Math.max(0, random()));
    return Math.round(step / 2 + (step / 2) * r);
}
/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds (`120`) or
 * an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, a date already past is 0).
 * Undefined when absent or not one of those forms (`-1`, `1.5`, `soon`).
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // A date names a weekday or a month; a bare number (`-1`, `1.5`) is no date, whatever Date.parse thinks.
    if (!/[a-z]/i.test(text))
        return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/** How long to wait before retry number `retry` (from 0): the registry's Retry-After if valid, else backoff; capped. */
function retryDelayMs(retry, retryAfter, policy, random, now) {
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== undefined)
        return Math.min(policy.capMs, asked);
    return backoffMs(retry, policy, random);
}
/**
 * Run `attempt` until it gives a value, waiting the policy's backoff (or the
 * server's Retry-After) between tries; after the last retry its error is
 * thrown. For operations other than a registry request (which the client
 * retries itself with the same policy): token exchanges, for one.
 */
async function retrying(pacing, attempt) {
    const sleep = pacing.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let retry = 0;; retry++) {
        const result = await attempt(retry);
        if ('value' in result)
            return result.value;
        if (retry >= pacing.policy.retries)
            throw result.error;
        const ms = retryDelayMs(retry, result.retryAfter, pacing.policy, pacing.random ?? Math.random, (pacing.now ?? Date.now)());
        pacing.onRetry?.(`${result.again}; retry ${retry + 1} of ${pacing.policy.retries} in ${(ms / 1000).toFixed(1)} s`);
        await sleep(ms);
    }
}


/***/ })

};
