export const id = 929;
export const ids = [929];
export const modules = {

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

/***/ 4929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   discoverRegistryReferrers: () => (/* binding */ discoverRegistryReferrers)
/* harmony export */ });
/* harmony import */ var _distribution_manifests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8831);
/* harmony import */ var _distribution_tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9057);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6160);
/* harmony import */ var _tag_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2453);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1328);





/**
 * The signatures, attestations and SBOMs of an image in a registry.
 * `subjects` are the image's digest and, for an index, its platform
 * manifests' digests. For each: the referrers API (`GET …/referrers/<digest>`),
 * or where the registry has none the referrers tag (`sha256-<hex>`); plus the
 * referrers tag when the API answers and the tag is there too (referrers
 * pushed before the registry had the API); plus cosign's `sha256-<hex>.sig`,
 * `.att` and `.sbom` tags. The tag list is read once and only tags it holds
 * are asked for, and the API no more once it answered that there is none.
 * Referrers of referrers follow, breadth first.
 */
async function discoverRegistryReferrers(repo, subjects, options) {
    // The tag list and the first subject's referrers are asked for at once.
    const tagSet = (options.tags ?? (0,_distribution_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .listTags */ .cB)(repo)).then((t) => new Set(t));
    // Its failure surfaces where a subject awaits it; until then it is not unhandled.
    tagSet.catch(() => undefined);
    // A registry without the API answers so for every subject: ask once.
    let noApi = false;
    const find = async (subject) => {
        const [api, tags] = await Promise.all([
            noApi ? undefined : (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_2__/* .readReferrersApi */ .Dt)(repo, subject),
            tagSet
        ]);
        if (!api)
            noApi = true;
        const listed = api ?? [];
        const tag = (0,_tag_names_js__WEBPACK_IMPORTED_MODULE_4__/* .referrersTag */ .LN)(subject);
        if (tags.has(tag))
            listed.push(...((await (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_2__/* .readTagIndex */ .bh)(repo, tag))?.listed ?? []));
        const candidates = listed.map((d) => ({
            key: d.digest,
            subject,
            via: { kind: 'subject' },
            mediaType: d.mediaType,
            load: () => (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_2__/* .getManifestOrNothing */ .wV)(repo, d.digest)
        }));
        for (const suffix of _tag_names_js__WEBPACK_IMPORTED_MODULE_4__/* .COSIGN_SUFFIXES */ .gG) {
            const tag = (0,_tag_names_js__WEBPACK_IMPORTED_MODULE_4__/* .cosignTag */ .qv)(subject, suffix);
            if (!tags.has(tag))
                continue;
            candidates.push({
                key: tag,
                subject,
                via: { kind: 'cosign-tag', tag },
                load: () => (0,_distribution_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .getManifest */ .c2)(repo, tag)
            });
        }
        return candidates;
    };
    return (0,_walk_js__WEBPACK_IMPORTED_MODULE_3__/* .walkReferrers */ .a)(subjects, find, options);
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


/***/ }),

/***/ 1328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ walkReferrers)
});

// UNUSED EXPORTS: TooManyReferrersError

// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
// EXTERNAL MODULE: ./src/shared/limit.ts
var shared_limit = __webpack_require__(7669);
// EXTERNAL MODULE: ./src/referrers/artifact-fields.ts
var artifact_fields = __webpack_require__(6036);
;// CONCATENATED MODULE: ./src/referrers/classify.ts
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGSTORE_BUNDLE = 'application/vnd.dev.sigstore.bundle';
const IN_TOTO = 'application/vnd.in-toto+json';
const DSSE = 'application/vnd.dsse.envelope.v1+json';
/** cosign marks a sigstore bundle that carries an attestation with the predicate's type. */
const BUNDLE_PREDICATE = 'dev.sigstore.bundle.predicatetype';
/**
 * What an artifact is, for the summary. A cosign tag says it by its suffix;
 * otherwise the artifact type, the config's and the layers' media types do:
 * a simple-signing payload or a sigstore bundle is a signature (a bundle
 * that names a predicate type is an attestation), in-toto and DSSE are
 * attestations, SPDX and CycloneDX are SBOMs.
 */
function classifyArtifact(fields, cosignSuffix) {
    if (cosignSuffix === '.sig')
        return 'signature';
    if (cosignSuffix === '.att')
        return 'attestation';
    if (cosignSuffix === '.sbom')
        return 'sbom';
    const artifactType = fields.artifactType?.toLowerCase() ?? '';
    const types = [artifactType, fields.configMediaType ?? '', ...fields.layerMediaTypes].map((t) => t.toLowerCase());
    const annotated = Object.keys(fields.annotations ?? {}).map((k) => k.toLowerCase());
    const bundle = types.some((t) => t.startsWith(SIGSTORE_BUNDLE));
    if (bundle && annotated.includes(BUNDLE_PREDICATE))
        return 'attestation';
    if (bundle || types.includes(SIMPLE_SIGNING))
        return 'signature';
    if (types.includes(IN_TOTO) || types.includes(DSSE) || artifactType.includes('in-toto'))
        return 'attestation';
    if (types.some((t) => t.includes('spdx') || t.includes('cyclonedx')))
        return 'sbom';
    return 'artifact';
}

// EXTERNAL MODULE: ./src/referrers/tag-names.ts
var tag_names = __webpack_require__(2453);
;// CONCATENATED MODULE: ./src/referrers/make-referrer.ts



/**
 * A Referrer from a manifest found for `subject`. A manifest that names its
 * own `subject` refers to that one, whatever listing it was found in: that is
 * the subject a registry with the referrers API files it under.
 */
function makeReferrer(manifest, subject, via) {
    const fields = (0,artifact_fields/* artifactFields */.U)(manifest);
    const suffix = via.kind === 'cosign-tag' ? (0,tag_names/* cosignSuffixOf */.qn)(via.tag) : undefined;
    return {
        manifest,
        subject: via.kind === 'subject' ? (fields.subject ?? subject) : subject,
        via,
        kind: classifyArtifact(fields, suffix),
        ...(fields.artifactType ? { artifactType: fields.artifactType } : {}),
        ...(fields.annotations ? { annotations: fields.annotations } : {})
    };
}

;// CONCATENATED MODULE: ./src/referrers/walk.ts



/** More referrers than this is a runaway listing, not an image's signatures. */
const MAX_REFERRERS = 1000;
/** The listing held more referrers than the walk reads. */
class TooManyReferrersError extends Error {
    limit;
    constructor(limit) {
        super(`the source lists more than ${limit} signatures, attestations and SBOMs for the image: that is a runaway listing; set referrers: false to publish without them`);
        this.limit = limit;
        this.name = 'TooManyReferrersError';
    }
}
/**
 * Every referrer of `subjects`, breadth first: the referrers of the
 * subjects, then theirs (a signature on an SBOM), and so on, each read once.
 * A referrer therefore always comes after the one it refers to.
 */
async function walkReferrers(subjects, find, options) {
    const limit = options.maxReferrers ?? MAX_REFERRERS;
    const visited = new Set(subjects);
    const seen = new Set();
    const found = [];
    let level = [...visited];
    while (level.length > 0) {
        const lists = await (0,shared_limit/* allLimited */.y)(level, options.concurrency, find);
        const fresh = [];
        for (const candidate of lists.flat()) {
            if (seen.has(candidate.key))
                continue;
            seen.add(candidate.key);
            if (candidate.mediaType !== undefined &&
                !media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(candidate.mediaType)) {
                options.log?.(`skipped referrer ${candidate.key} of ${candidate.subject}: its media type ${candidate.mediaType} is not one tagship copies`);
                continue;
            }
            if (found.length + fresh.length >= limit)
                throw new TooManyReferrersError(limit);
            fresh.push(candidate);
        }
        const manifests = await (0,shared_limit/* allLimited */.y)(fresh, options.concurrency, (c) => c.load());
        const next = [];
        fresh.forEach((candidate, i) => {
            const manifest = manifests[i];
            if (!manifest) {
                options.log?.(`skipped referrer ${candidate.key} of ${candidate.subject}: it is listed but not there`);
                return;
            }
            if (!media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(manifest.mediaType)) {
                options.log?.(`skipped referrer ${manifest.digest} of ${candidate.subject}: its media type ${manifest.mediaType} is not one tagship copies`);
                return;
            }
            found.push(makeReferrer(manifest, candidate.subject, candidate.via));
            if (!visited.has(manifest.digest)) {
                visited.add(manifest.digest);
                next.push(manifest.digest);
            }
        });
        level = next;
    }
    return found;
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
