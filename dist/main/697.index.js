export const id = 697;
export const ids = [697];
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
