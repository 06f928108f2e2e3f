export const id = 649;
export const ids = [649];
export const modules = {

/***/ 8740:
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


/***/ }),

/***/ 5649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/distribution/digest.ts

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
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}

// EXTERNAL MODULE: ./src/distribution/errors.ts
var errors = __webpack_require__(4604);
// EXTERNAL MODULE: ./src/distribution/client.ts + 4 modules
var client = __webpack_require__(1471);
;// CONCATENATED MODULE: ./src/distribution/scope.ts
/** A token scope for one repository: `repository:acme/app:pull` or `repository:acme/app:pull,push`. */
function repositoryScope(path, actions) {
    return `repository:${path}:${actions}`;
}

;// CONCATENATED MODULE: ./src/distribution/repo.ts



function repoHandle(client, path, access) {
    return { client, path, scopes: [repositoryScope(path, access === 'push' ? 'pull,push' : 'pull')] };
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
        write
    };
    const { code, message } = await (0,errors/* readRegistryError */.eE)(response);
    return new errors/* RegistryRequestError */.vs(context, {
        status: response.status,
        ...(code ? { code } : {}),
        ...(message ? { message } : {}),
        retries: (0,client/* retriesOf */.Ko)(response)
    });
}

;// CONCATENATED MODULE: ./src/distribution/blob-download.ts




/**
 * Stream a blob (following a redirect to object storage, without
 * credentials). The stream errors if the bytes are not `size` long or do not
 * hash to `digest`, so nothing unverified is passed on in silence.
 */
async function openBlob(repo, descriptor) {
    const { digest, size } = descriptor;
    const response = await repo.client.request(apiPath(repo, `blobs/${digest}`), {}, repo.scopes);
    if (!response.ok)
        throw await refusal(repo, response, 'downloading blob', false, digest);
    const mismatch = (detail) => new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, digest, detail);
    const length = response.headers.get('content-length');
    if (length !== null && Number(length) !== size) {
        await response.body?.cancel();
        throw mismatch(`the registry sent ${length} bytes where the manifest says ${size}`);
    }
    const body = response.body ?? new Blob([]).stream();
    return body.pipeThrough(verifier(digest, size, mismatch));
}
/** A size and digest check on a stream of bytes. */
function verifier(digest, size, mismatch) {
    const algorithm = digestAlgorithm(digest);
    const hash = algorithm ? (0,external_node_crypto_.createHash)(algorithm) : undefined;
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

// EXTERNAL MODULE: ./src/distribution/endpoint.ts
var endpoint = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/distribution/retry.ts
var retry = __webpack_require__(240);
;// CONCATENATED MODULE: ./src/distribution/byte-streams.ts
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
    const source = watched(toWebStream(await blob.open()));
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
    const error = await refusal(repo, response, 'uploading blob', true, blob.digest);
    if (refusesMonolithic(error))
        return uploadChunked(repo, blob);
    if ((0,retry/* isRetryableStatus */.PS)(error.status) || error.status === 401 || lostSession(error))
        throw new RetryableAnswer(error, retryAfter);
    throw error;
}
async function uploadChunked(repo, blob) {
    const session = await startUpload(repo, blob.digest);
    const chunkBytes = Math.max(CHUNK_BYTES, session.minChunk);
    const reader = toWebStream(await blob.open()).getReader();
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
            const error = await refusal(repo, response, 'uploading blob', true, blob.digest);
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
        const error = await refusal(repo, response, 'uploading blob', true, blob.digest);
        if (error.status === 401 || lostSession(error))
            throw new RetryableAnswer(error, retryAfter);
        throw error;
    }
    await response.body?.cancel();
    checkStored(repo, blob, response);
}
async function startUpload(repo, digest) {
    const path = apiPath(repo, 'blobs/uploads/');
    const response = await repo.client.request(path, { method: 'POST' }, repo.scopes);
    const location = resolveLocation(response, `${repo.client.baseUrl}${path}`);
    if (response.status !== 202 || !location)
        throw await refusal(repo, response, 'uploading blob', true, digest);
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

;// CONCATENATED MODULE: ./src/distribution/blobs.ts


/** Whether the repository has the blob (HEAD; a redirect to storage means yes). */
async function hasBlob(repo, digest) {
    const response = await repo.client.request(apiPath(repo, `blobs/${digest}`), { method: 'HEAD', redirect: 'manual' }, repo.scopes);
    if (response.ok || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        return true;
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return false;
    }
    throw await refusal(repo, response, 'checking blob', false, digest);
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
    const pull = repositoryScope(fromPath, 'pull');
    const covered = repo.scopes.some((s) => s === pull || s === repositoryScope(fromPath, 'pull,push'));
    const scopes = covered ? repo.scopes : [...repo.scopes, pull];
    const query = new URLSearchParams({ mount: digest, from: fromPath });
    const path = apiPath(repo, `blobs/uploads/?${query.toString()}`);
    const response = await repo.client.request(path, { method: 'POST' }, scopes);
    await response.body?.cancel();
    return response.status === 201;
}

;// CONCATENATED MODULE: ./src/distribution/media-types.ts
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

;// CONCATENATED MODULE: ./src/distribution/manifests.ts




/** Distribution's own limit on a manifest; anything larger is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** Content types that say nothing about which manifest it is. */
const GENERIC_TYPES = new Set(['', 'application/json', 'text/plain', 'application/octet-stream']);
/** Read a manifest by tag or digest, with every manifest type in `Accept`. */
async function getManifest(repo, reference) {
    const response = await repo.client.request(apiPath(repo, `manifests/${reference}`), { headers: { accept: ACCEPT } }, repo.scopes);
    if (!response.ok)
        throw await refusal(repo, response, 'reading manifest', false, reference);
    const bytes = await readLimited(response, MAX_MANIFEST_BYTES, repo, reference);
    const asked = isDigest(reference) ? reference : undefined;
    const digest = asked ? digestOf(bytes, digestAlgorithm(asked)) : digestOf(bytes);
    const mismatch = (detail) => new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, reference, detail);
    if (asked && digest !== asked)
        throw mismatch(`the manifest served hashes to ${digest}`);
    const announced = response.headers.get('docker-content-digest');
    if (announced && digestAlgorithm(announced) === digestAlgorithm(digest) && announced !== digest)
        throw mismatch(`the registry announced ${announced} but the bytes hash to ${digest}`);
    const mediaType = mediaTypeOfJson(bytes) ?? specificType(response.headers.get('content-type'));
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
    const response = await repo.client.request(apiPath(repo, `manifests/${reference}`), { method: 'HEAD', headers: { accept: ACCEPT } }, repo.scopes);
    if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
    }
    if (!response.ok)
        throw await refusal(repo, response, 'checking manifest', false, reference);
    await response.body?.cancel();
    const digest = response.headers.get('docker-content-digest');
    const mediaType = specificType(response.headers.get('content-type'));
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (digest && isDigest(digest) && mediaType && Number.isSafeInteger(size))
        return { digest, mediaType, size };
    const manifest = await getManifest(repo, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
}
/**
 * Store a manifest under a tag or its digest: the exact bytes, with its media
 * type as `Content-Type`. The digest the registry answers with must be ours.
 */
async function putManifest(repo, reference, manifest) {
    if (isDigest(reference) && reference !== manifest.digest)
        throw new Error(`cannot store manifest ${manifest.digest} under the digest ${reference}`);
    const response = await repo.client.request(apiPath(repo, `manifests/${reference}`), { method: 'PUT', headers: { 'content-type': manifest.mediaType }, body: manifest.bytes }, repo.scopes);
    if (!response.ok)
        throw await refusal(repo, response, 'pushing manifest', true, reference);
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== manifest.digest)
        throw new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, reference, `the registry stored the manifest as ${stored}, not ${manifest.digest}`);
}
function specificType(contentType) {
    const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
    return GENERIC_TYPES.has(type) ? undefined : type;
}
async function readLimited(response, limit, repo, reference) {
    const tooLarge = () => new errors/* ContentMismatchError */.gd(repo.client.registry, repo.path, reference, `the manifest is larger than ${limit} bytes`);
    if (Number(response.headers.get('content-length') ?? 0) > limit) {
        await response.body?.cancel();
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

;// CONCATENATED MODULE: ./src/push/limit.ts
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
    const blobs = new Map();
    const mountRepo = {
        client: target.client,
        path: target.path,
        scopes: [...target.scopes, repositoryScope(source.path, 'pull')]
    };
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
            return;
        }
        if (options.sameRegistry && (await mountBlob(mountRepo, blob.digest, source.path))) {
            stats.blobsMounted++;
            options.log(`mounted ${copy_short(blob.digest)} from ${source.path}`);
            return;
        }
        await uploadBlob(target, {
            digest: blob.digest,
            size: blob.size,
            open: async () => withProgress(await openBlob(source, blob), blob, options.log)
        });
        stats.blobsUploaded++;
        stats.bytesUploaded += blob.size;
        options.log(`uploaded ${copy_short(blob.digest)} (${formatBytes(blob.size)})`);
    };
    const copyImage = async (manifest) => {
        const { blobs: needed } = manifestChildren(manifest);
        await allLimited(needed, options.concurrency, copyBlob);
    };
    // Children one after another, their blobs in parallel: a child is written
    // only when everything it refers to is there, as the registry demands.
    const copyTree = async (manifest) => {
        const { manifests: children } = manifestChildren(manifest);
        if (children.length === 0)
            return copyImage(manifest);
        for (const child of children) {
            if (await headManifest(target, child.digest)) {
                stats.manifestsPresent++;
                continue;
            }
            const childManifest = await getManifest(source, child.digest);
            await copyTree(childManifest);
            await putManifest(target, child.digest, childManifest);
            stats.manifestsWritten++;
            options.log(`wrote manifest ${copy_short(child.digest)}${platformText(child)}`);
        }
    };
    await copyTree(top);
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
        const manifest = await getManifest(state.repo, digest);
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

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/push/source-resolve.ts




async function resolveSource(source, access) {
    if (source.kind === 'local') {
        if (!access.imageId)
            throw new Error('a local source needs the docker engine');
        return { kind: 'local', image: source.image, imageId: await access.imageId(source.image) };
    }
    const registry = source.repository.registry;
    const repo = repoHandle(access.client(registry), source.repository.path, 'pull');
    const manifest = await getManifest(repo, source.digest ?? source.tag ?? 'latest').catch((e) => {
        // A source that is not there is a wrong input, not a registry fault: name the input.
        if (e instanceof errors/* RegistryRequestError */.vs && e.status === 404)
            throw new src_errors/* InputError */.d('source', `${(0,src_errors/* quote */.h)(source.text)} is not in the registry (${e.code ?? 'HTTP 404'}): check the tag or digest, or push the image there first`);
        throw e;
    });
    return { kind: 'registry', registry, repo, manifest };
}

;// CONCATENATED MODULE: ./src/distribution/tags.ts

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
    let next = apiPath(repo, `tags/list?n=${options.pageSize ?? PAGE_SIZE}`);
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
            throw await refusal(repo, response, 'listing tags of', false);
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

;// CONCATENATED MODULE: ./src/push/target-state.ts




/**
 * Read the repository's tags, then `HEAD` each planned tag it has (a `HEAD`
 * is not a pull on Docker Hub). A tag missing from the list is not asked for.
 */
async function readTarget(target, client, concurrency) {
    const repo = repoHandle(client, target.repository.path, 'push');
    const existingTags = await listTags(repo);
    const have = new Set(existingTags);
    const current = new Map();
    const listed = target.tags.filter((t) => have.has(t.tag));
    await allLimited(listed, concurrency, async (t) => {
        const head = await headManifest(repo, t.tag);
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

// EXTERNAL MODULE: ./src/log/groups.ts
var groups = __webpack_require__(8740);
;// CONCATENATED MODULE: ./src/push/publish.ts










/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
const light = (options) => options.concurrency * 4;
/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then check every tag again.
 */
async function publish(plan, source, options, env) {
    const { log } = env;
    // Read everything at once; nothing is written until every read answered.
    const reads = await (0,groups/* runGrouped */.C)(log, [
        {
            title: `Read the source ${plan.source ?? ''}`.trim(),
            run: async (l) => {
                const found = await resolveSource(source, {
                    client: env.client,
                    ...(env.docker ? { imageId: (image) => env.docker.imageId(image) } : {})
                });
                l.info(found.kind === 'registry'
                    ? `${found.manifest.digest} (${found.manifest.mediaType})`
                    : `local image ${found.imageId}`);
                return found;
            }
        },
        ...plan.targets.map((target) => ({
            title: `Read ${target.repository.name}`,
            run: async (l) => {
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
        throw new Error(`${messageOf(failed.reason)}; nothing was pushed`, { cause: failed.reason });
    const [first, ...targets] = reads.map((r) => r.value);
    const resolved = first;
    const runs = targets.map((state) => ({
        state,
        decisions: new Map(),
        results: new Map()
    }));
    // Registries at once, so one slow registry holds up no other; targets on
    // one registry one after another, so the second finds the first's blobs
    // there (the docker CLI mounts them) instead of uploading them again.
    const previous = new Map();
    await (0,groups/* runGrouped */.C)(log, runs.map((run) => {
        const registry = run.state.target.repository.registry;
        const before = previous.get(registry) ?? Promise.resolve();
        let finish = () => undefined;
        previous.set(registry, new Promise((resolve) => (finish = resolve)));
        return {
            title: `Content for ${run.state.target.repository.name}`,
            run: async (l) => {
                try {
                    await before;
                    await bringContent(run, resolved, options, { ...env, log: { ...log, ...l } });
                }
                finally {
                    finish();
                }
            }
        };
    }), () => undefined);
    await (0,groups/* runGrouped */.C)(log, runs.map((run) => ({
        title: `Tags of ${run.state.target.repository.name}`,
        run: (l) => writeTags(run, options, l)
    })), () => undefined);
    await log.group('Verify', async () => {
        const holds = runs.map(() => new groups/* HeldLog */.M());
        await Promise.all(runs.map((run, i) => verify(run, options, holds[i])));
        for (const hold of holds)
            hold.release(log);
    });
    return result(runs, log);
}
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
async function bringContent(run, source, options, env) {
    const { state } = run;
    const target = state.target.repository;
    try {
        if (source.kind === 'registry') {
            run.manifest = source.manifest;
            decideAll(run, source.manifest.digest, options);
            if (!hasWrites(run))
                return env.log.info('nothing to copy: no tag needs writing');
            if (source.registry === target.registry && source.repo.path === state.repo.path)
                return env.log.info('a retag in the source repository: the content is there already');
            const stats = await copyContent(source.repo, state.repo, source.manifest, {
                concurrency: options.concurrency,
                sameRegistry: source.registry === target.registry,
                log: (line) => env.log.info(line)
            });
            env.log.info(`blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`);
            return;
        }
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
        const reference = `${target.name}:${first.tag}`;
        const pushed = await env.docker.push(source.image, reference, (line) => env.log.info(line));
        run.manifest = await getManifest(state.repo, pushed.digest);
        run.results.set(first.tag, tagResult(first, 'pushed', pushed.digest));
        run.decisions.delete(first.tag);
        decideAll(run, pushed.digest, options);
    }
    catch (e) {
        failWrites(run, `the content could not be pushed: ${messageOf(e)}`);
    }
}
/** The tag the docker CLI pushes: the first to write, preferring one that does not exist yet. */
function pushTagOf(run) {
    const writes = run.state.target.tags.filter((t) => run.decisions.get(t.tag)?.action === 'write');
    return writes.find((t) => !run.state.current.has(t.tag)) ?? writes[0];
}
async function writeTags(run, options, log) {
    const pending = run.state.target.tags.filter((t) => !run.results.has(t.tag));
    // Fixed tags first, floating ones (latest, 1, 1.2, rc) after them: a
    // floating tag never points at a release whose own tag is missing. Within
    // each group the writes run in parallel: one round trip, not one per tag.
    const fixed = pending.filter((t) => !t.floating);
    const floating = pending.filter((t) => t.floating);
    await allLimited(fixed, light(options), (tag) => writeTag(run, tag, log));
    // A fixed tag that did not land holds the floating ones back, or they would
    // point at a release whose own tag is missing; a re-run writes them all.
    const missing = fixed.find((t) => run.results.get(t.tag)?.status === 'failed');
    if (missing) {
        const detail = `not written: the release tag ${missing.reference} did not land, and a floating tag never points at a release without its own tag`;
        for (const tag of floating) {
            if (run.decisions.get(tag.tag)?.action !== 'write')
                continue;
            run.results.set(tag.tag, { ...base(tag), status: 'failed', detail });
            log.warning(`${tag.reference}: ${detail}`);
        }
    }
    await allLimited(floating.filter((t) => !run.results.has(t.tag)), light(options), (tag) => writeTag(run, tag, log));
}
async function writeTag(run, tag, log) {
    const manifest = run.manifest;
    const decision = run.decisions.get(tag.tag);
    if (decision.action === 'kept') {
        log.warning(`${tag.reference}: kept where it is, the newer version ${decision.newer} holds it (forward-only)`);
        run.results.set(tag.tag, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) });
        return;
    }
    if (decision.action === 'already there') {
        run.results.set(tag.tag, tagResult(tag, 'already there', manifest.digest));
        log.info(`${tag.tag}: already there`);
        return;
    }
    try {
        await putManifest(run.state.repo, tag.tag, manifest);
        run.results.set(tag.tag, tagResult(tag, 'pushed', manifest.digest));
        log.info(`${tag.tag}: pushed${decision.current ? ` (was ${copy_short(decision.current)})` : ''}`);
    }
    catch (e) {
        const detail = tagWriteFailure(e, tag.tag, decision.current);
        run.results.set(tag.tag, { ...base(tag), status: 'failed', detail });
        log.warning(`${tag.reference}: ${detail}`);
    }
}
/** Resolve every landed tag again: it must point at the digest this run published. */
async function verify(run, options, log) {
    const landed = [...run.results.values()].filter((r) => r.status === 'pushed' || r.status === 'already there');
    await allLimited(landed, light(options), async (r) => {
        const head = await headManifest(run.state.repo, r.tag).catch((e) => messageOf(e));
        const now = typeof head === 'string' ? undefined : head?.digest;
        if (now === r.digest)
            return;
        const why = typeof head === 'string'
            ? `could not be read back: ${head}`
            : now === undefined
                ? 'is missing after the push'
                : `points at ${now}, not ${r.digest}`;
        run.results.set(r.tag, { ...r, status: 'failed', detail: `verification: the tag ${why}` });
        log.warning(`${r.reference}: the tag ${why}`);
    });
    const checked = landed.length;
    log.info(`${run.state.target.repository.name}: ${checked} tag(s) checked`);
}
function result(runs, log) {
    const targets = runs.map((run) => ({
        repository: run.state.target.repository,
        ...(run.manifest ? { digest: run.manifest.digest } : {}),
        tags: run.state.target.tags.map((t) => run.results.get(t.tag))
    }));
    const digests = [...new Set(targets.flatMap((t) => (t.digest ? [t.digest] : [])))];
    if (digests.length > 1)
        log.warning(`the targets hold different digests (${digests.join(', ')}): the docker CLI compressed the layers differently per registry`);
    return { digest: digests[0] ?? '', targets };
}
function failWrites(run, detail) {
    for (const tag of run.state.target.tags) {
        if (run.results.has(tag.tag))
            continue;
        const d = run.decisions.get(tag.tag);
        if (d !== undefined && d.action !== 'write')
            continue;
        run.results.set(tag.tag, { ...base(tag), status: 'failed', detail });
    }
}
function hasWrites(run) {
    return [...run.decisions.values()].some((d) => d.action === 'write');
}
function base(tag) {
    return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons };
}
function tagResult(tag, status, digest) {
    return { ...base(tag), status, digest };
}
function describeState(s) {
    const planned = s.target.tags.length;
    const have = s.current.size;
    return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`;
}
function messageOf(e) {
    return e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
}


/***/ })

};
