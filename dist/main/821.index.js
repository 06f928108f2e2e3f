export const id = 821;
export const ids = [821];
export const modules = {

/***/ 9821:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsJson1_1Protocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultECRPUBLICHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "ecr-public",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultECRPUBLICHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "ecr-public",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1107.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]],
        ["stringEquals", [{ fn: f, argv: [h, "name"] }, "aws"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://api.ecr-public-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://api.ecr-public-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://ecr-public.{Region}.api.aws", i],
        ["https://api.ecr-public.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://api.ecr-public.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 13, 3,
    1, 4, r + 12,
    2, 5, r + 12,
    3, 9, 6,
    4, 7, r + 11,
    5, 8, r + 10,
    7, r + 8, r + 9,
    4, 11, 10,
    6, r + 6, r + 7,
    5, 12, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 14,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class ECRPUBLICServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, ECRPUBLICServiceException.prototype);
    }
}

class InvalidParameterException extends ECRPUBLICServiceException {
    name = "InvalidParameterException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidParameterException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidParameterException.prototype);
    }
}
class RegistryNotFoundException extends ECRPUBLICServiceException {
    name = "RegistryNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RegistryNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RegistryNotFoundException.prototype);
    }
}
class RepositoryNotFoundException extends ECRPUBLICServiceException {
    name = "RepositoryNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNotFoundException.prototype);
    }
}
class ServerException extends ECRPUBLICServiceException {
    name = "ServerException";
    $fault = "server";
    constructor(opts) {
        super({
            name: "ServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, ServerException.prototype);
    }
}
class UnsupportedCommandException extends ECRPUBLICServiceException {
    name = "UnsupportedCommandException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "UnsupportedCommandException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, UnsupportedCommandException.prototype);
    }
}
class EmptyUploadException extends ECRPUBLICServiceException {
    name = "EmptyUploadException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EmptyUploadException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EmptyUploadException.prototype);
    }
}
class InvalidLayerException extends ECRPUBLICServiceException {
    name = "InvalidLayerException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidLayerException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidLayerException.prototype);
    }
}
class LayerAlreadyExistsException extends ECRPUBLICServiceException {
    name = "LayerAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LayerAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LayerAlreadyExistsException.prototype);
    }
}
class LayerPartTooSmallException extends ECRPUBLICServiceException {
    name = "LayerPartTooSmallException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LayerPartTooSmallException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LayerPartTooSmallException.prototype);
    }
}
class UploadNotFoundException extends ECRPUBLICServiceException {
    name = "UploadNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "UploadNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, UploadNotFoundException.prototype);
    }
}
class InvalidTagParameterException extends ECRPUBLICServiceException {
    name = "InvalidTagParameterException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTagParameterException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTagParameterException.prototype);
    }
}
class LimitExceededException extends ECRPUBLICServiceException {
    name = "LimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LimitExceededException.prototype);
    }
}
class RepositoryAlreadyExistsException extends ECRPUBLICServiceException {
    name = "RepositoryAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryAlreadyExistsException.prototype);
    }
}
class TooManyTagsException extends ECRPUBLICServiceException {
    name = "TooManyTagsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTagsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTagsException.prototype);
    }
}
class RepositoryNotEmptyException extends ECRPUBLICServiceException {
    name = "RepositoryNotEmptyException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNotEmptyException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNotEmptyException.prototype);
    }
}
class RepositoryPolicyNotFoundException extends ECRPUBLICServiceException {
    name = "RepositoryPolicyNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryPolicyNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryPolicyNotFoundException.prototype);
    }
}
class ImageNotFoundException extends ECRPUBLICServiceException {
    name = "ImageNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ImageNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ImageNotFoundException.prototype);
    }
}
class RepositoryCatalogDataNotFoundException extends ECRPUBLICServiceException {
    name = "RepositoryCatalogDataNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryCatalogDataNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryCatalogDataNotFoundException.prototype);
    }
}
class ImageAlreadyExistsException extends ECRPUBLICServiceException {
    name = "ImageAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ImageAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ImageAlreadyExistsException.prototype);
    }
}
class ImageDigestDoesNotMatchException extends ECRPUBLICServiceException {
    name = "ImageDigestDoesNotMatchException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ImageDigestDoesNotMatchException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ImageDigestDoesNotMatchException.prototype);
    }
}
class ImageTagAlreadyExistsException extends ECRPUBLICServiceException {
    name = "ImageTagAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ImageTagAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ImageTagAlreadyExistsException.prototype);
    }
}
class InvalidLayerPartException extends ECRPUBLICServiceException {
    name = "InvalidLayerPartException";
    $fault = "client";
    registryId;
    repositoryName;
    uploadId;
    lastValidByteReceived;
    constructor(opts) {
        super({
            name: "InvalidLayerPartException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidLayerPartException.prototype);
        this.registryId = opts.registryId;
        this.repositoryName = opts.repositoryName;
        this.uploadId = opts.uploadId;
        this.lastValidByteReceived = opts.lastValidByteReceived;
    }
}
class LayersNotFoundException extends ECRPUBLICServiceException {
    name = "LayersNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LayersNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LayersNotFoundException.prototype);
    }
}
class ReferencedImagesNotFoundException extends ECRPUBLICServiceException {
    name = "ReferencedImagesNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReferencedImagesNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReferencedImagesNotFoundException.prototype);
    }
}

const _AD = "AuthorizationData";
const _BCLA = "BatchCheckLayerAvailability";
const _BCLAR = "BatchCheckLayerAvailabilityRequest";
const _BCLARa = "BatchCheckLayerAvailabilityResponse";
const _BDI = "BatchDeleteImage";
const _BDIR = "BatchDeleteImageRequest";
const _BDIRa = "BatchDeleteImageResponse";
const _CLU = "CompleteLayerUpload";
const _CLUR = "CompleteLayerUploadRequest";
const _CLURo = "CompleteLayerUploadResponse";
const _CR = "CreateRepository";
const _CRR = "CreateRepositoryRequest";
const _CRRr = "CreateRepositoryResponse";
const _DI = "DescribeImages";
const _DIR = "DescribeImagesRequest";
const _DIRe = "DescribeImagesResponse";
const _DIT = "DescribeImageTags";
const _DITR = "DescribeImageTagsRequest";
const _DITRe = "DescribeImageTagsResponse";
const _DR = "DeleteRepository";
const _DRP = "DeleteRepositoryPolicy";
const _DRPR = "DeleteRepositoryPolicyRequest";
const _DRPRe = "DeleteRepositoryPolicyResponse";
const _DRR = "DeleteRepositoryRequest";
const _DRRe = "DeleteRepositoryResponse";
const _DRRes = "DescribeRegistriesRequest";
const _DRResc = "DescribeRegistriesResponse";
const _DRRescr = "DescribeRepositoriesRequest";
const _DRRescri = "DescribeRepositoriesResponse";
const _DRe = "DescribeRegistries";
const _DRes = "DescribeRepositories";
const _EUE = "EmptyUploadException";
const _GAT = "GetAuthorizationToken";
const _GATR = "GetAuthorizationTokenRequest";
const _GATRe = "GetAuthorizationTokenResponse";
const _GRCD = "GetRegistryCatalogData";
const _GRCDR = "GetRegistryCatalogDataRequest";
const _GRCDRe = "GetRegistryCatalogDataResponse";
const _GRCDRet = "GetRepositoryCatalogDataRequest";
const _GRCDRete = "GetRepositoryCatalogDataResponse";
const _GRCDe = "GetRepositoryCatalogData";
const _GRP = "GetRepositoryPolicy";
const _GRPR = "GetRepositoryPolicyRequest";
const _GRPRe = "GetRepositoryPolicyResponse";
const _I = "Image";
const _IAEE = "ImageAlreadyExistsException";
const _ID = "ImageDetail";
const _IDDNME = "ImageDigestDoesNotMatchException";
const _IDL = "ImageDetailList";
const _IF = "ImageFailure";
const _IFL = "ImageFailureList";
const _II = "ImageIdentifier";
const _IIL = "ImageIdentifierList";
const _ILE = "InvalidLayerException";
const _ILPE = "InvalidLayerPartException";
const _ILU = "InitiateLayerUpload";
const _ILUR = "InitiateLayerUploadRequest";
const _ILURn = "InitiateLayerUploadResponse";
const _INFE = "ImageNotFoundException";
const _IPE = "InvalidParameterException";
const _ITAEE = "ImageTagAlreadyExistsException";
const _ITD = "ImageTagDetail";
const _ITDL = "ImageTagDetailList";
const _ITPE = "InvalidTagParameterException";
const _K = "Key";
const _L = "Layer";
const _LAEE = "LayerAlreadyExistsException";
const _LEE = "LimitExceededException";
const _LF = "LayerFailure";
const _LFL = "LayerFailureList";
const _LL = "LayerList";
const _LNFE = "LayersNotFoundException";
const _LPTSE = "LayerPartTooSmallException";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _PI = "PutImage";
const _PIR = "PutImageRequest";
const _PIRu = "PutImageResponse";
const _PRCD = "PutRegistryCatalogData";
const _PRCDR = "PutRegistryCatalogDataRequest";
const _PRCDRu = "PutRegistryCatalogDataResponse";
const _PRCDRut = "PutRepositoryCatalogDataRequest";
const _PRCDRute = "PutRepositoryCatalogDataResponse";
const _PRCDu = "PutRepositoryCatalogData";
const _R = "Registry";
const _RA = "RegistryAlias";
const _RAEE = "RepositoryAlreadyExistsException";
const _RAL = "RegistryAliasList";
const _RCD = "RegistryCatalogData";
const _RCDI = "RepositoryCatalogDataInput";
const _RCDNFE = "RepositoryCatalogDataNotFoundException";
const _RCDe = "RepositoryCatalogData";
const _RID = "ReferencedImageDetail";
const _RINFE = "ReferencedImagesNotFoundException";
const _RL = "RegistryList";
const _RLe = "RepositoryList";
const _RNEE = "RepositoryNotEmptyException";
const _RNFE = "RegistryNotFoundException";
const _RNFEe = "RepositoryNotFoundException";
const _RPNFE = "RepositoryPolicyNotFoundException";
const _Re = "Repository";
const _SE = "ServerException";
const _SRP = "SetRepositoryPolicy";
const _SRPR = "SetRepositoryPolicyRequest";
const _SRPRe = "SetRepositoryPolicyResponse";
const _T = "Tag";
const _TL = "TagList";
const _TMTE = "TooManyTagsException";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _UCE = "UnsupportedCommandException";
const _ULP = "UploadLayerPart";
const _ULPR = "UploadLayerPartRequest";
const _ULPRp = "UploadLayerPartResponse";
const _UNFE = "UploadNotFoundException";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _V = "Value";
const _a = "aliases";
const _aD = "authorizationData";
const _aMT = "artifactMediaType";
const _aT = "authorizationToken";
const _aTb = "aboutText";
const _ar = "architectures";
const _c = "client";
const _cA = "createdAt";
const _cD = "catalogData";
const _d = "description";
const _dN = "displayName";
const _dRA = "defaultRegistryAlias";
const _e = "error";
const _eA = "expiresAt";
const _f = "failures";
const _fC = "failureCode";
const _fR = "failureReason";
const _fo = "force";
const _i = "image";
const _iD = "imageDetails";
const _iDm = "imageDigest";
const _iDma = "imageDetail";
const _iI = "imageIds";
const _iIm = "imageId";
const _iM = "imageManifest";
const _iMMT = "imageManifestMediaType";
const _iPA = "imagePushedAt";
const _iSIB = "imageSizeInBytes";
const _iT = "imageTags";
const _iTD = "imageTagDetails";
const _iTm = "imageTag";
const _l = "layers";
const _lA = "layerAvailability";
const _lBR = "lastByteReceived";
const _lD = "layerDigests";
const _lDa = "layerDigest";
const _lIB = "logoImageBlob";
const _lPB = "layerPartBlob";
const _lS = "layerSize";
const _lU = "logoUrl";
const _lVBR = "lastValidByteReceived";
const _m = "message";
const _mC = "marketplaceCertified";
const _mR = "maxResults";
const _mT = "mediaType";
const _n = "name";
const _nT = "nextToken";
const _oS = "operatingSystems";
const _pFB = "partFirstByte";
const _pLB = "partLastByte";
const _pRA = "primaryRegistryAlias";
const _pS = "partSize";
const _pT = "policyText";
const _r = "repository";
const _rA = "resourceArn";
const _rAe = "registryArn";
const _rAep = "repositoryArn";
const _rCD = "registryCatalogData";
const _rI = "registryId";
const _rN = "repositoryName";
const _rNe = "repositoryNames";
const _rU = "registryUri";
const _rUe = "repositoryUri";
const _re = "registries";
const _rep = "repositories";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.ecrpublic";
const _se = "server";
const _st = "status";
const _t = "tags";
const _tK = "tagKeys";
const _uI = "uploadId";
const _uT = "usageText";
const _v = "verified";
const n0 = "com.amazonaws.ecrpublic";
const _s_registry = TypeRegistry.for(_s);
var ECRPUBLICServiceException$ = [-3, _s, "ECRPUBLICServiceException", 0, [], []];
_s_registry.registerError(ECRPUBLICServiceException$, ECRPUBLICServiceException);
const n0_registry = TypeRegistry.for(n0);
var EmptyUploadException$ = [-3, n0, _EUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EmptyUploadException$, EmptyUploadException);
var ImageAlreadyExistsException$ = [-3, n0, _IAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ImageAlreadyExistsException$, ImageAlreadyExistsException);
var ImageDigestDoesNotMatchException$ = [-3, n0, _IDDNME,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ImageDigestDoesNotMatchException$, ImageDigestDoesNotMatchException);
var ImageNotFoundException$ = [-3, n0, _INFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ImageNotFoundException$, ImageNotFoundException);
var ImageTagAlreadyExistsException$ = [-3, n0, _ITAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ImageTagAlreadyExistsException$, ImageTagAlreadyExistsException);
var InvalidLayerException$ = [-3, n0, _ILE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidLayerException$, InvalidLayerException);
var InvalidLayerPartException$ = [-3, n0, _ILPE,
    { [_e]: _c },
    [_rI, _rN, _uI, _lVBR, _m],
    [0, 0, 0, 1, 0]
];
n0_registry.registerError(InvalidLayerPartException$, InvalidLayerPartException);
var InvalidParameterException$ = [-3, n0, _IPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidParameterException$, InvalidParameterException);
var InvalidTagParameterException$ = [-3, n0, _ITPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTagParameterException$, InvalidTagParameterException);
var LayerAlreadyExistsException$ = [-3, n0, _LAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(LayerAlreadyExistsException$, LayerAlreadyExistsException);
var LayerPartTooSmallException$ = [-3, n0, _LPTSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(LayerPartTooSmallException$, LayerPartTooSmallException);
var LayersNotFoundException$ = [-3, n0, _LNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(LayersNotFoundException$, LayersNotFoundException);
var LimitExceededException$ = [-3, n0, _LEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(LimitExceededException$, LimitExceededException);
var ReferencedImagesNotFoundException$ = [-3, n0, _RINFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReferencedImagesNotFoundException$, ReferencedImagesNotFoundException);
var RegistryNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RegistryNotFoundException$, RegistryNotFoundException);
var RepositoryAlreadyExistsException$ = [-3, n0, _RAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryAlreadyExistsException$, RepositoryAlreadyExistsException);
var RepositoryCatalogDataNotFoundException$ = [-3, n0, _RCDNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryCatalogDataNotFoundException$, RepositoryCatalogDataNotFoundException);
var RepositoryNotEmptyException$ = [-3, n0, _RNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNotEmptyException$, RepositoryNotEmptyException);
var RepositoryNotFoundException$ = [-3, n0, _RNFEe,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNotFoundException$, RepositoryNotFoundException);
var RepositoryPolicyNotFoundException$ = [-3, n0, _RPNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryPolicyNotFoundException$, RepositoryPolicyNotFoundException);
var ServerException$ = [-3, n0, _SE,
    { [_e]: _se },
    [_m],
    [0]
];
n0_registry.registerError(ServerException$, ServerException);
var TooManyTagsException$ = [-3, n0, _TMTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TooManyTagsException$, TooManyTagsException);
var UnsupportedCommandException$ = [-3, n0, _UCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(UnsupportedCommandException$, UnsupportedCommandException);
var UploadNotFoundException$ = [-3, n0, _UNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(UploadNotFoundException$, UploadNotFoundException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AuthorizationData$ = [3, n0, _AD,
    0,
    [_aT, _eA],
    [0, 4]
];
var BatchCheckLayerAvailabilityRequest$ = [3, n0, _BCLAR,
    0,
    [_rN, _lD, _rI],
    [0, 64 | 0, 0], 2
];
var BatchCheckLayerAvailabilityResponse$ = [3, n0, _BCLARa,
    0,
    [_l, _f],
    [() => LayerList, () => LayerFailureList]
];
var BatchDeleteImageRequest$ = [3, n0, _BDIR,
    0,
    [_rN, _iI, _rI],
    [0, () => ImageIdentifierList, 0], 2
];
var BatchDeleteImageResponse$ = [3, n0, _BDIRa,
    0,
    [_iI, _f],
    [() => ImageIdentifierList, () => ImageFailureList]
];
var CompleteLayerUploadRequest$ = [3, n0, _CLUR,
    0,
    [_rN, _uI, _lD, _rI],
    [0, 0, 64 | 0, 0], 3
];
var CompleteLayerUploadResponse$ = [3, n0, _CLURo,
    0,
    [_rI, _rN, _uI, _lDa],
    [0, 0, 0, 0]
];
var CreateRepositoryRequest$ = [3, n0, _CRR,
    0,
    [_rN, _cD, _t],
    [0, () => RepositoryCatalogDataInput$, () => TagList], 1
];
var CreateRepositoryResponse$ = [3, n0, _CRRr,
    0,
    [_r, _cD],
    [() => Repository$, () => RepositoryCatalogData$]
];
var DeleteRepositoryPolicyRequest$ = [3, n0, _DRPR,
    0,
    [_rN, _rI],
    [0, 0], 1
];
var DeleteRepositoryPolicyResponse$ = [3, n0, _DRPRe,
    0,
    [_rI, _rN, _pT],
    [0, 0, 0]
];
var DeleteRepositoryRequest$ = [3, n0, _DRR,
    0,
    [_rN, _rI, _fo],
    [0, 0, 2], 1
];
var DeleteRepositoryResponse$ = [3, n0, _DRRe,
    0,
    [_r],
    [() => Repository$]
];
var DescribeImagesRequest$ = [3, n0, _DIR,
    0,
    [_rN, _rI, _iI, _nT, _mR],
    [0, 0, () => ImageIdentifierList, 0, 1], 1
];
var DescribeImagesResponse$ = [3, n0, _DIRe,
    0,
    [_iD, _nT],
    [() => ImageDetailList, 0]
];
var DescribeImageTagsRequest$ = [3, n0, _DITR,
    0,
    [_rN, _rI, _nT, _mR],
    [0, 0, 0, 1], 1
];
var DescribeImageTagsResponse$ = [3, n0, _DITRe,
    0,
    [_iTD, _nT],
    [() => ImageTagDetailList, 0]
];
var DescribeRegistriesRequest$ = [3, n0, _DRRes,
    0,
    [_nT, _mR],
    [0, 1]
];
var DescribeRegistriesResponse$ = [3, n0, _DRResc,
    0,
    [_re, _nT],
    [() => RegistryList, 0], 1
];
var DescribeRepositoriesRequest$ = [3, n0, _DRRescr,
    0,
    [_rI, _rNe, _nT, _mR],
    [0, 64 | 0, 0, 1]
];
var DescribeRepositoriesResponse$ = [3, n0, _DRRescri,
    0,
    [_rep, _nT],
    [() => RepositoryList, 0]
];
var GetAuthorizationTokenRequest$ = [3, n0, _GATR,
    0,
    [],
    []
];
var GetAuthorizationTokenResponse$ = [3, n0, _GATRe,
    0,
    [_aD],
    [() => AuthorizationData$]
];
var GetRegistryCatalogDataRequest$ = [3, n0, _GRCDR,
    0,
    [],
    []
];
var GetRegistryCatalogDataResponse$ = [3, n0, _GRCDRe,
    0,
    [_rCD],
    [() => RegistryCatalogData$], 1
];
var GetRepositoryCatalogDataRequest$ = [3, n0, _GRCDRet,
    0,
    [_rN, _rI],
    [0, 0], 1
];
var GetRepositoryCatalogDataResponse$ = [3, n0, _GRCDRete,
    0,
    [_cD],
    [() => RepositoryCatalogData$]
];
var GetRepositoryPolicyRequest$ = [3, n0, _GRPR,
    0,
    [_rN, _rI],
    [0, 0], 1
];
var GetRepositoryPolicyResponse$ = [3, n0, _GRPRe,
    0,
    [_rI, _rN, _pT],
    [0, 0, 0]
];
var Image$ = [3, n0, _I,
    0,
    [_rI, _rN, _iIm, _iM, _iMMT],
    [0, 0, () => ImageIdentifier$, 0, 0]
];
var ImageDetail$ = [3, n0, _ID,
    0,
    [_rI, _rN, _iDm, _iT, _iSIB, _iPA, _iMMT, _aMT],
    [0, 0, 0, 64 | 0, 1, 4, 0, 0]
];
var ImageFailure$ = [3, n0, _IF,
    0,
    [_iIm, _fC, _fR],
    [() => ImageIdentifier$, 0, 0]
];
var ImageIdentifier$ = [3, n0, _II,
    0,
    [_iDm, _iTm],
    [0, 0]
];
var ImageTagDetail$ = [3, n0, _ITD,
    0,
    [_iTm, _cA, _iDma],
    [0, 4, () => ReferencedImageDetail$]
];
var InitiateLayerUploadRequest$ = [3, n0, _ILUR,
    0,
    [_rN, _rI],
    [0, 0], 1
];
var InitiateLayerUploadResponse$ = [3, n0, _ILURn,
    0,
    [_uI, _pS],
    [0, 1]
];
var Layer$ = [3, n0, _L,
    0,
    [_lDa, _lA, _lS, _mT],
    [0, 0, 1, 0]
];
var LayerFailure$ = [3, n0, _LF,
    0,
    [_lDa, _fC, _fR],
    [0, 0, 0]
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_rA],
    [0], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_t],
    [() => TagList]
];
var PutImageRequest$ = [3, n0, _PIR,
    0,
    [_rN, _iM, _rI, _iMMT, _iTm, _iDm],
    [0, 0, 0, 0, 0, 0], 2
];
var PutImageResponse$ = [3, n0, _PIRu,
    0,
    [_i],
    [() => Image$]
];
var PutRegistryCatalogDataRequest$ = [3, n0, _PRCDR,
    0,
    [_dN],
    [0]
];
var PutRegistryCatalogDataResponse$ = [3, n0, _PRCDRu,
    0,
    [_rCD],
    [() => RegistryCatalogData$], 1
];
var PutRepositoryCatalogDataRequest$ = [3, n0, _PRCDRut,
    0,
    [_rN, _cD, _rI],
    [0, () => RepositoryCatalogDataInput$, 0], 2
];
var PutRepositoryCatalogDataResponse$ = [3, n0, _PRCDRute,
    0,
    [_cD],
    [() => RepositoryCatalogData$]
];
var ReferencedImageDetail$ = [3, n0, _RID,
    0,
    [_iDm, _iSIB, _iPA, _iMMT, _aMT],
    [0, 1, 4, 0, 0]
];
var Registry$ = [3, n0, _R,
    0,
    [_rI, _rAe, _rU, _v, _a],
    [0, 0, 0, 2, () => RegistryAliasList], 5
];
var RegistryAlias$ = [3, n0, _RA,
    0,
    [_n, _st, _pRA, _dRA],
    [0, 0, 2, 2], 4
];
var RegistryCatalogData$ = [3, n0, _RCD,
    0,
    [_dN],
    [0]
];
var Repository$ = [3, n0, _Re,
    0,
    [_rAep, _rI, _rN, _rUe, _cA],
    [0, 0, 0, 0, 4]
];
var RepositoryCatalogData$ = [3, n0, _RCDe,
    0,
    [_d, _ar, _oS, _lU, _aTb, _uT, _mC],
    [0, 64 | 0, 64 | 0, 0, 0, 0, 2]
];
var RepositoryCatalogDataInput$ = [3, n0, _RCDI,
    0,
    [_d, _ar, _oS, _lIB, _aTb, _uT],
    [0, 64 | 0, 64 | 0, 21, 0, 0]
];
var SetRepositoryPolicyRequest$ = [3, n0, _SRPR,
    0,
    [_rN, _pT, _rI, _fo],
    [0, 0, 0, 2], 2
];
var SetRepositoryPolicyResponse$ = [3, n0, _SRPRe,
    0,
    [_rI, _rN, _pT],
    [0, 0, 0]
];
var Tag$ = [3, n0, _T,
    0,
    [_K, _V],
    [0, 0]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rA, _t],
    [0, () => TagList], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rA, _tK],
    [0, 64 | 0], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UploadLayerPartRequest$ = [3, n0, _ULPR,
    0,
    [_rN, _uI, _pFB, _pLB, _lPB, _rI],
    [0, 0, 1, 1, 21, 0], 5
];
var UploadLayerPartResponse$ = [3, n0, _ULPRp,
    0,
    [_rI, _rN, _uI, _lBR],
    [0, 0, 0, 1]
];
var ImageDetailList = [1, n0, _IDL,
    0, () => ImageDetail$
];
var ImageFailureList = [1, n0, _IFL,
    0, () => ImageFailure$
];
var ImageIdentifierList = [1, n0, _IIL,
    0, () => ImageIdentifier$
];
var ImageTagDetailList = [1, n0, _ITDL,
    0, () => ImageTagDetail$
];
var LayerFailureList = [1, n0, _LFL,
    0, () => LayerFailure$
];
var LayerList = [1, n0, _LL,
    0, () => Layer$
];
var RegistryAliasList = [1, n0, _RAL,
    0, () => RegistryAlias$
];
var RegistryList = [1, n0, _RL,
    0, () => Registry$
];
var RepositoryList = [1, n0, _RLe,
    0, () => Repository$
];
var TagList = [1, n0, _TL,
    0, () => Tag$
];
var BatchCheckLayerAvailability$ = [9, n0, _BCLA,
    0, () => BatchCheckLayerAvailabilityRequest$, () => BatchCheckLayerAvailabilityResponse$
];
var BatchDeleteImage$ = [9, n0, _BDI,
    0, () => BatchDeleteImageRequest$, () => BatchDeleteImageResponse$
];
var CompleteLayerUpload$ = [9, n0, _CLU,
    0, () => CompleteLayerUploadRequest$, () => CompleteLayerUploadResponse$
];
var CreateRepository$ = [9, n0, _CR,
    0, () => CreateRepositoryRequest$, () => CreateRepositoryResponse$
];
var DeleteRepository$ = [9, n0, _DR,
    0, () => DeleteRepositoryRequest$, () => DeleteRepositoryResponse$
];
var DeleteRepositoryPolicy$ = [9, n0, _DRP,
    0, () => DeleteRepositoryPolicyRequest$, () => DeleteRepositoryPolicyResponse$
];
var DescribeImages$ = [9, n0, _DI,
    0, () => DescribeImagesRequest$, () => DescribeImagesResponse$
];
var DescribeImageTags$ = [9, n0, _DIT,
    0, () => DescribeImageTagsRequest$, () => DescribeImageTagsResponse$
];
var DescribeRegistries$ = [9, n0, _DRe,
    0, () => DescribeRegistriesRequest$, () => DescribeRegistriesResponse$
];
var DescribeRepositories$ = [9, n0, _DRes,
    0, () => DescribeRepositoriesRequest$, () => DescribeRepositoriesResponse$
];
var GetAuthorizationToken$ = [9, n0, _GAT,
    0, () => GetAuthorizationTokenRequest$, () => GetAuthorizationTokenResponse$
];
var GetRegistryCatalogData$ = [9, n0, _GRCD,
    0, () => GetRegistryCatalogDataRequest$, () => GetRegistryCatalogDataResponse$
];
var GetRepositoryCatalogData$ = [9, n0, _GRCDe,
    0, () => GetRepositoryCatalogDataRequest$, () => GetRepositoryCatalogDataResponse$
];
var GetRepositoryPolicy$ = [9, n0, _GRP,
    0, () => GetRepositoryPolicyRequest$, () => GetRepositoryPolicyResponse$
];
var InitiateLayerUpload$ = [9, n0, _ILU,
    0, () => InitiateLayerUploadRequest$, () => InitiateLayerUploadResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    0, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var PutImage$ = [9, n0, _PI,
    0, () => PutImageRequest$, () => PutImageResponse$
];
var PutRegistryCatalogData$ = [9, n0, _PRCD,
    0, () => PutRegistryCatalogDataRequest$, () => PutRegistryCatalogDataResponse$
];
var PutRepositoryCatalogData$ = [9, n0, _PRCDu,
    0, () => PutRepositoryCatalogDataRequest$, () => PutRepositoryCatalogDataResponse$
];
var SetRepositoryPolicy$ = [9, n0, _SRP,
    0, () => SetRepositoryPolicyRequest$, () => SetRepositoryPolicyResponse$
];
var TagResource$ = [9, n0, _TR,
    0, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _UR,
    0, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UploadLayerPart$ = [9, n0, _ULP,
    0, () => UploadLayerPartRequest$, () => UploadLayerPartResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2020-10-30",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultECRPUBLICHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsJson1_1Protocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.ecrpublic",
            errorTypeRegistries,
            xmlNamespace: "http://ecr-public.amazonaws.com/doc/2020-12-02/",
            version: "2020-10-30",
            serviceTarget: "SpencerFrontendService",
        },
        serviceId: config?.serviceId ?? "ECR PUBLIC",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class ECRPUBLICClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultECRPUBLICHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "SpencerFrontendService", "ECRPUBLICClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class BatchCheckLayerAvailabilityCommand extends command(_ep0, _mw0, "BatchCheckLayerAvailability", BatchCheckLayerAvailability$) {
}

class BatchDeleteImageCommand extends command(_ep0, _mw0, "BatchDeleteImage", BatchDeleteImage$) {
}

class CompleteLayerUploadCommand extends command(_ep0, _mw0, "CompleteLayerUpload", CompleteLayerUpload$) {
}

class CreateRepositoryCommand extends command(_ep0, _mw0, "CreateRepository", CreateRepository$) {
}

class DeleteRepositoryCommand extends command(_ep0, _mw0, "DeleteRepository", DeleteRepository$) {
}

class DeleteRepositoryPolicyCommand extends command(_ep0, _mw0, "DeleteRepositoryPolicy", DeleteRepositoryPolicy$) {
}

class DescribeImagesCommand extends command(_ep0, _mw0, "DescribeImages", DescribeImages$) {
}

class DescribeImageTagsCommand extends command(_ep0, _mw0, "DescribeImageTags", DescribeImageTags$) {
}

class DescribeRegistriesCommand extends command(_ep0, _mw0, "DescribeRegistries", DescribeRegistries$) {
}

class DescribeRepositoriesCommand extends command(_ep0, _mw0, "DescribeRepositories", DescribeRepositories$) {
}

class GetAuthorizationTokenCommand extends command(_ep0, _mw0, "GetAuthorizationToken", GetAuthorizationToken$) {
}

class GetRegistryCatalogDataCommand extends command(_ep0, _mw0, "GetRegistryCatalogData", GetRegistryCatalogData$) {
}

class GetRepositoryCatalogDataCommand extends command(_ep0, _mw0, "GetRepositoryCatalogData", GetRepositoryCatalogData$) {
}

class GetRepositoryPolicyCommand extends command(_ep0, _mw0, "GetRepositoryPolicy", GetRepositoryPolicy$) {
}

class InitiateLayerUploadCommand extends command(_ep0, _mw0, "InitiateLayerUpload", InitiateLayerUpload$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class PutImageCommand extends command(_ep0, _mw0, "PutImage", PutImage$) {
}

class PutRegistryCatalogDataCommand extends command(_ep0, _mw0, "PutRegistryCatalogData", PutRegistryCatalogData$) {
}

class PutRepositoryCatalogDataCommand extends command(_ep0, _mw0, "PutRepositoryCatalogData", PutRepositoryCatalogData$) {
}

class SetRepositoryPolicyCommand extends command(_ep0, _mw0, "SetRepositoryPolicy", SetRepositoryPolicy$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UploadLayerPartCommand extends command(_ep0, _mw0, "UploadLayerPart", UploadLayerPart$) {
}

const paginateDescribeImages = createPaginator(ECRPUBLICClient, DescribeImagesCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeImageTags = createPaginator(ECRPUBLICClient, DescribeImageTagsCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeRegistries = createPaginator(ECRPUBLICClient, DescribeRegistriesCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeRepositories = createPaginator(ECRPUBLICClient, DescribeRepositoriesCommand, "nextToken", "nextToken", "maxResults");

const commands = {
    BatchCheckLayerAvailabilityCommand,
    BatchDeleteImageCommand,
    CompleteLayerUploadCommand,
    CreateRepositoryCommand,
    DeleteRepositoryCommand,
    DeleteRepositoryPolicyCommand,
    DescribeImagesCommand,
    DescribeImageTagsCommand,
    DescribeRegistriesCommand,
    DescribeRepositoriesCommand,
    GetAuthorizationTokenCommand,
    GetRegistryCatalogDataCommand,
    GetRepositoryCatalogDataCommand,
    GetRepositoryPolicyCommand,
    InitiateLayerUploadCommand,
    ListTagsForResourceCommand,
    PutImageCommand,
    PutRegistryCatalogDataCommand,
    PutRepositoryCatalogDataCommand,
    SetRepositoryPolicyCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UploadLayerPartCommand,
};
const paginators = {
    paginateDescribeImages,
    paginateDescribeImageTags,
    paginateDescribeRegistries,
    paginateDescribeRepositories,
};
class ECRPUBLIC extends ECRPUBLICClient {
}
createAggregatedClient(commands, ECRPUBLIC, { paginators });

const LayerFailureCode = {
    InvalidLayerDigest: "InvalidLayerDigest",
    MissingLayerDigest: "MissingLayerDigest",
};
const LayerAvailability = {
    AVAILABLE: "AVAILABLE",
    UNAVAILABLE: "UNAVAILABLE",
};
const ImageFailureCode = {
    ImageNotFound: "ImageNotFound",
    ImageReferencedByManifestList: "ImageReferencedByManifestList",
    ImageTagDoesNotMatchDigest: "ImageTagDoesNotMatchDigest",
    InvalidImageDigest: "InvalidImageDigest",
    InvalidImageTag: "InvalidImageTag",
    KmsError: "KmsError",
    MissingDigestAndTag: "MissingDigestAndTag",
};
const RegistryAliasStatus = {
    ACTIVE: "ACTIVE",
    PENDING: "PENDING",
    REJECTED: "REJECTED",
};

__webpack_unused_export__ = AuthorizationData$;
__webpack_unused_export__ = BatchCheckLayerAvailability$;
__webpack_unused_export__ = BatchCheckLayerAvailabilityCommand;
__webpack_unused_export__ = BatchCheckLayerAvailabilityRequest$;
__webpack_unused_export__ = BatchCheckLayerAvailabilityResponse$;
__webpack_unused_export__ = BatchDeleteImage$;
__webpack_unused_export__ = BatchDeleteImageCommand;
__webpack_unused_export__ = BatchDeleteImageRequest$;
__webpack_unused_export__ = BatchDeleteImageResponse$;
__webpack_unused_export__ = CompleteLayerUpload$;
__webpack_unused_export__ = CompleteLayerUploadCommand;
__webpack_unused_export__ = CompleteLayerUploadRequest$;
__webpack_unused_export__ = CompleteLayerUploadResponse$;
__webpack_unused_export__ = CreateRepository$;
__webpack_unused_export__ = CreateRepositoryCommand;
__webpack_unused_export__ = CreateRepositoryRequest$;
__webpack_unused_export__ = CreateRepositoryResponse$;
__webpack_unused_export__ = DeleteRepository$;
__webpack_unused_export__ = DeleteRepositoryCommand;
__webpack_unused_export__ = DeleteRepositoryPolicy$;
__webpack_unused_export__ = DeleteRepositoryPolicyCommand;
__webpack_unused_export__ = DeleteRepositoryPolicyRequest$;
__webpack_unused_export__ = DeleteRepositoryPolicyResponse$;
__webpack_unused_export__ = DeleteRepositoryRequest$;
__webpack_unused_export__ = DeleteRepositoryResponse$;
__webpack_unused_export__ = DescribeImageTags$;
__webpack_unused_export__ = DescribeImageTagsCommand;
__webpack_unused_export__ = DescribeImageTagsRequest$;
__webpack_unused_export__ = DescribeImageTagsResponse$;
__webpack_unused_export__ = DescribeImages$;
__webpack_unused_export__ = DescribeImagesCommand;
__webpack_unused_export__ = DescribeImagesRequest$;
__webpack_unused_export__ = DescribeImagesResponse$;
__webpack_unused_export__ = DescribeRegistries$;
__webpack_unused_export__ = DescribeRegistriesCommand;
__webpack_unused_export__ = DescribeRegistriesRequest$;
__webpack_unused_export__ = DescribeRegistriesResponse$;
__webpack_unused_export__ = DescribeRepositories$;
__webpack_unused_export__ = DescribeRepositoriesCommand;
__webpack_unused_export__ = DescribeRepositoriesRequest$;
__webpack_unused_export__ = DescribeRepositoriesResponse$;
__webpack_unused_export__ = ECRPUBLIC;
exports.Rr = ECRPUBLICClient;
__webpack_unused_export__ = ECRPUBLICServiceException;
__webpack_unused_export__ = ECRPUBLICServiceException$;
__webpack_unused_export__ = EmptyUploadException;
__webpack_unused_export__ = EmptyUploadException$;
__webpack_unused_export__ = GetAuthorizationToken$;
exports.Eu = GetAuthorizationTokenCommand;
__webpack_unused_export__ = GetAuthorizationTokenRequest$;
__webpack_unused_export__ = GetAuthorizationTokenResponse$;
__webpack_unused_export__ = GetRegistryCatalogData$;
__webpack_unused_export__ = GetRegistryCatalogDataCommand;
__webpack_unused_export__ = GetRegistryCatalogDataRequest$;
__webpack_unused_export__ = GetRegistryCatalogDataResponse$;
__webpack_unused_export__ = GetRepositoryCatalogData$;
__webpack_unused_export__ = GetRepositoryCatalogDataCommand;
__webpack_unused_export__ = GetRepositoryCatalogDataRequest$;
__webpack_unused_export__ = GetRepositoryCatalogDataResponse$;
__webpack_unused_export__ = GetRepositoryPolicy$;
__webpack_unused_export__ = GetRepositoryPolicyCommand;
__webpack_unused_export__ = GetRepositoryPolicyRequest$;
__webpack_unused_export__ = GetRepositoryPolicyResponse$;
__webpack_unused_export__ = Image$;
__webpack_unused_export__ = ImageAlreadyExistsException;
__webpack_unused_export__ = ImageAlreadyExistsException$;
__webpack_unused_export__ = ImageDetail$;
__webpack_unused_export__ = ImageDigestDoesNotMatchException;
__webpack_unused_export__ = ImageDigestDoesNotMatchException$;
__webpack_unused_export__ = ImageFailure$;
__webpack_unused_export__ = ImageFailureCode;
__webpack_unused_export__ = ImageIdentifier$;
__webpack_unused_export__ = ImageNotFoundException;
__webpack_unused_export__ = ImageNotFoundException$;
__webpack_unused_export__ = ImageTagAlreadyExistsException;
__webpack_unused_export__ = ImageTagAlreadyExistsException$;
__webpack_unused_export__ = ImageTagDetail$;
__webpack_unused_export__ = InitiateLayerUpload$;
__webpack_unused_export__ = InitiateLayerUploadCommand;
__webpack_unused_export__ = InitiateLayerUploadRequest$;
__webpack_unused_export__ = InitiateLayerUploadResponse$;
__webpack_unused_export__ = InvalidLayerException;
__webpack_unused_export__ = InvalidLayerException$;
__webpack_unused_export__ = InvalidLayerPartException;
__webpack_unused_export__ = InvalidLayerPartException$;
__webpack_unused_export__ = InvalidParameterException;
__webpack_unused_export__ = InvalidParameterException$;
__webpack_unused_export__ = InvalidTagParameterException;
__webpack_unused_export__ = InvalidTagParameterException$;
__webpack_unused_export__ = Layer$;
__webpack_unused_export__ = LayerAlreadyExistsException;
__webpack_unused_export__ = LayerAlreadyExistsException$;
__webpack_unused_export__ = LayerAvailability;
__webpack_unused_export__ = LayerFailure$;
__webpack_unused_export__ = LayerFailureCode;
__webpack_unused_export__ = LayerPartTooSmallException;
__webpack_unused_export__ = LayerPartTooSmallException$;
__webpack_unused_export__ = LayersNotFoundException;
__webpack_unused_export__ = LayersNotFoundException$;
__webpack_unused_export__ = LimitExceededException;
__webpack_unused_export__ = LimitExceededException$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceRequest$;
__webpack_unused_export__ = ListTagsForResourceResponse$;
__webpack_unused_export__ = PutImage$;
__webpack_unused_export__ = PutImageCommand;
__webpack_unused_export__ = PutImageRequest$;
__webpack_unused_export__ = PutImageResponse$;
__webpack_unused_export__ = PutRegistryCatalogData$;
__webpack_unused_export__ = PutRegistryCatalogDataCommand;
__webpack_unused_export__ = PutRegistryCatalogDataRequest$;
__webpack_unused_export__ = PutRegistryCatalogDataResponse$;
__webpack_unused_export__ = PutRepositoryCatalogData$;
__webpack_unused_export__ = PutRepositoryCatalogDataCommand;
__webpack_unused_export__ = PutRepositoryCatalogDataRequest$;
__webpack_unused_export__ = PutRepositoryCatalogDataResponse$;
__webpack_unused_export__ = ReferencedImageDetail$;
__webpack_unused_export__ = ReferencedImagesNotFoundException;
__webpack_unused_export__ = ReferencedImagesNotFoundException$;
__webpack_unused_export__ = Registry$;
__webpack_unused_export__ = RegistryAlias$;
__webpack_unused_export__ = RegistryAliasStatus;
__webpack_unused_export__ = RegistryCatalogData$;
__webpack_unused_export__ = RegistryNotFoundException;
__webpack_unused_export__ = RegistryNotFoundException$;
__webpack_unused_export__ = Repository$;
__webpack_unused_export__ = RepositoryAlreadyExistsException;
__webpack_unused_export__ = RepositoryAlreadyExistsException$;
__webpack_unused_export__ = RepositoryCatalogData$;
__webpack_unused_export__ = RepositoryCatalogDataInput$;
__webpack_unused_export__ = RepositoryCatalogDataNotFoundException;
__webpack_unused_export__ = RepositoryCatalogDataNotFoundException$;
__webpack_unused_export__ = RepositoryNotEmptyException;
__webpack_unused_export__ = RepositoryNotEmptyException$;
__webpack_unused_export__ = RepositoryNotFoundException;
__webpack_unused_export__ = RepositoryNotFoundException$;
__webpack_unused_export__ = RepositoryPolicyNotFoundException;
__webpack_unused_export__ = RepositoryPolicyNotFoundException$;
__webpack_unused_export__ = ServerException;
__webpack_unused_export__ = ServerException$;
__webpack_unused_export__ = SetRepositoryPolicy$;
__webpack_unused_export__ = SetRepositoryPolicyCommand;
__webpack_unused_export__ = SetRepositoryPolicyRequest$;
__webpack_unused_export__ = SetRepositoryPolicyResponse$;
__webpack_unused_export__ = Tag$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceRequest$;
__webpack_unused_export__ = TagResourceResponse$;
__webpack_unused_export__ = TooManyTagsException;
__webpack_unused_export__ = TooManyTagsException$;
__webpack_unused_export__ = UnsupportedCommandException;
__webpack_unused_export__ = UnsupportedCommandException$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceRequest$;
__webpack_unused_export__ = UntagResourceResponse$;
__webpack_unused_export__ = UploadLayerPart$;
__webpack_unused_export__ = UploadLayerPartCommand;
__webpack_unused_export__ = UploadLayerPartRequest$;
__webpack_unused_export__ = UploadLayerPartResponse$;
__webpack_unused_export__ = UploadNotFoundException;
__webpack_unused_export__ = UploadNotFoundException$;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateDescribeImageTags;
__webpack_unused_export__ = paginateDescribeImages;
__webpack_unused_export__ = paginateDescribeRegistries;
__webpack_unused_export__ = paginateDescribeRepositories;


/***/ })

};
