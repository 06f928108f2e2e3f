export const id = 72;
export const ids = [72];
export const modules = {

/***/ 1691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrPublicCredentials: () => (/* binding */ ecrPublicCredentials)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9821);
/* harmony import */ var _aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9977);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3780);



/**
 * The ECR Public API exists only in us-east-1, whatever region the job uses
 * (calling it elsewhere is a common cause of failed public.ecr.aws logins).
 */
const ECR_PUBLIC_REGION = 'us-east-1';
const TARGET = {
    label: 'Amazon ECR Public public.ecr.aws',
    api: 'ECR Public',
    endpointId: 'ECR_PUBLIC',
    // The token is minted through an STS bearer token, so the identity needs both.
    permissions: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'],
    region: ECR_PUBLIC_REGION
};
/** Username and password for public.ecr.aws, from ECR Public's GetAuthorizationToken. */
async function ecrPublicCredentials(aws, options) {
    const session = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsSession */ .yb)(TARGET, aws, options);
    const client = new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__/* .ECRPUBLICClient */ .Rr(session.clientConfig);
    try {
        const { authorizationData } = await client
            .send(new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__/* .GetAuthorizationTokenCommand */ .Eu({}))
            .catch((error) => Promise.reject((0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .explainAwsError */ .N)(error, TARGET, session)));
        const token = authorizationData?.authorizationToken;
        const login = (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeAuthorizationToken */ .B)(token, TARGET, session, options.mask);
        return { ...login, expiresAt: authorizationData?.expiresAt };
    }
    finally {
        client.destroy();
    }
}


/***/ })

};
