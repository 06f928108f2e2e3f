export const id = 929;
export const ids = [929];
export const modules = {

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
var shared_limit = __webpack_require__(50);
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


/***/ })

};
