export const id = 477;
export const ids = [477];
export const modules = {

/***/ 7477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeEcrRepository: () => (/* binding */ describeEcrRepository),
/* harmony export */   ensureEcrRepository: () => (/* binding */ ensureEcrRepository)
/* harmony export */ });
/* harmony import */ var _shared_words_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(152);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _aws_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9977);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3780);
/* harmony import */ var _shared_scrub_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9826);






const DESCRIBE = 'ecr:DescribeRepositories';
const CREATE = 'ecr:CreateRepository';
/**
 * Make sure `path` exists in the ECR registry before anything is pushed:
 * ECR has no create-on-push (only opt-in creation templates), and a push to a
 * missing repository fails late with NAME_UNKNOWN or a bare EOF.
 * DescribeRepositories first; when missing, CreateRepository if `create`,
 * else an error saying how to fix it.
 */
async function ensureEcrRepository(options) {
    const { provider, path, create } = options;
    const host = provider.host ?? `${provider.account}.dkr.ecr.${provider.region}.amazonaws.com`;
    const target = {
        label: `Amazon ECR ${host}/${path}`,
        api: 'ECR',
        endpointId: 'ECR',
        permissions: create ? [DESCRIBE, CREATE] : [DESCRIBE],
        region: provider.region
    };
    const session = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_2__/* .awsSession */ .yb)(target, options.aws, {
        mask: () => undefined,
        ...options.clientOptions
    });
    const client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70(session.clientConfig);
    const where = `${provider.account}/${provider.region}`;
    const arn = `arn:aws:ecr:${provider.region}:${provider.account}:repository/${path}`;
    try {
        try {
            await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .DescribeRepositoriesCommand */ .pE_({ registryId: provider.account, repositoryNames: [path] }));
            return 'exists';
        }
        catch (error) {
            if (nameOf(error) !== 'RepositoryNotFoundException') {
                if (!create && isAccessDenied(error)) {
                    options.log(`${target.label}: cannot check that the repository exists (the AWS identity may not call ${DESCRIBE}); pushing anyway`);
                    return 'unchecked';
                }
                throw explain(error, target, session, arn, 'DescribeRepositories');
            }
        }
        if (!create) {
            throw new _shared_words_js__WEBPACK_IMPORTED_MODULE_0__/* .WordedError */ .gG((0,_shared_words_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL) `${host}/${path} does not exist in Amazon ECR (account ${provider.account}, region ${provider.region}): create it, or set ${(0,_shared_words_js__WEBPACK_IMPORTED_MODULE_0__/* .named */ .KT)('ecr-create-repository')}: true`);
        }
        try {
            await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .CreateRepositoryCommand */ .WTe({ registryId: provider.account, repositoryName: path }));
        }
        catch (error) {
            // Another job created it between the two calls: just as good.
            if (nameOf(error) === 'RepositoryAlreadyExistsException')
                return 'exists';
            throw explain(error, target, session, arn, 'CreateRepository');
        }
        options.log(`created ECR repository ${path} in ${where}`);
        return 'created';
    }
    finally {
        client.destroy();
    }
}
function nameOf(error) {
    const name = error?.name;
    return typeof name === 'string' ? name : '';
}
function isAccessDenied(error) {
    return ['AccessDeniedException', 'AccessDenied'].includes(nameOf(error));
}
/** One line naming the repository, what to allow, and what AWS said; no secret in it. */
function explain(error, target, session, arn, operation) {
    if (!isAccessDenied(error)) {
        // Credentials, network, throttling: the login's own explanations fit,
        // naming this call.
        return (0,_ecr_js__WEBPACK_IMPORTED_MODULE_3__/* .explainAwsError */ .N)(error, target, session, operation);
    }
    const needed = target.permissions.map((p) => `"${p}"`).join(' and ');
    const from = session.source ?? 'the AWS credential chain';
    const why = target.permissions.includes(CREATE) ? ' (ecr-create-repository: true needs both)' : '';
    const [shape = {}] = (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorChain */ .eB)(error);
    const said = shape.message !== undefined ? `${shape.name ?? 'Error'}: ${shape.message}` : String(error);
    const message = `${target.label}: access denied to ${operation}: allow ${needed} on ${arn} for the AWS identity from ${from}${why}; AWS said: ${said}`;
    return new Error((0,_shared_scrub_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubSecrets */ .Z)(message, session.secrets).replace(/\s+/g, ' ').trim());
}
/**
 * Read what ensureEcrRepository would find, with DescribeRepositories only:
 * the preview reports a missing repository (created with
 * ecr-create-repository, else a blocked target) and an immutable one, and
 * never writes. A refusal to describe is `unknown`, said so, never guessed.
 */
async function describeEcrRepository(options) {
    const { provider, path } = options;
    const host = provider.host ?? `${provider.account}.dkr.ecr.${provider.region}.amazonaws.com`;
    const target = {
        label: `Amazon ECR ${host}/${path}`,
        api: 'ECR',
        endpointId: 'ECR',
        permissions: [DESCRIBE],
        region: provider.region
    };
    const session = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_2__/* .awsSession */ .yb)(target, options.aws, {
        mask: () => undefined,
        ...options.clientOptions
    });
    const client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70(session.clientConfig);
    const arn = `arn:aws:ecr:${provider.region}:${provider.account}:repository/${path}`;
    try {
        const found = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .DescribeRepositoriesCommand */ .pE_({ registryId: provider.account, repositoryNames: [path] }));
        const mutability = found.repositories?.[0]?.imageTagMutability ?? 'unknown';
        return { state: 'exists', mutability };
    }
    catch (error) {
        if (nameOf(error) === 'RepositoryNotFoundException')
            return { state: 'missing' };
        if (isAccessDenied(error))
            return { state: 'unknown', why: `the AWS identity may not call ${DESCRIBE}` };
        throw explain(error, target, session, arn, 'DescribeRepositories');
    }
    finally {
        client.destroy();
    }
}


/***/ })

};
