export const id = 248;
export const ids = [248];
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
