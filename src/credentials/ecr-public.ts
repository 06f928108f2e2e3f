import { ECRPUBLICClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr-public'
import { awsSession, type AwsLoginOptions, type AwsTarget } from './aws-client.js'
import { decodeAuthorizationToken, explainAwsError } from './ecr.js'
import type { AwsInputs } from '../inputs/auth.js'
import type { BasicCredentials } from '../distribution/credentials.js'

/**
 * The ECR Public API exists only in us-east-1, whatever region the job uses
 * (calling it elsewhere is a common cause of failed public.ecr.aws logins).
 */
const ECR_PUBLIC_REGION = 'us-east-1'

const TARGET: AwsTarget = {
  label: 'Amazon ECR Public public.ecr.aws',
  api: 'ECR Public',
  endpointId: 'ECR_PUBLIC',
  // The token is minted through an STS bearer token, so the identity needs both.
  permissions: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'],
  region: ECR_PUBLIC_REGION
}

/** Username and password for public.ecr.aws, from ECR Public's GetAuthorizationToken. */
export async function ecrPublicCredentials(
  aws: AwsInputs,
  options: AwsLoginOptions
): Promise<BasicCredentials & { expiresAt?: Date }> {
  const session = awsSession(TARGET, aws, options)
  const client = new ECRPUBLICClient(session.clientConfig)
  try {
    const { authorizationData } = await client
      .send(new GetAuthorizationTokenCommand({}))
      .catch((error: unknown) => Promise.reject(explainAwsError(error, TARGET, session)))
    const token = authorizationData?.authorizationToken
    const login = decodeAuthorizationToken(token, TARGET, session, options.mask)
    return { ...login, expiresAt: authorizationData?.expiresAt }
  } finally {
    client.destroy()
  }
}
