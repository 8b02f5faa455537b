// Unit tests assert our own rules; CDK's built-in CloudFormation Validate plugin (WASM) is
// slow and is run where it earns its cost instead (see docs/adr on the validate plugin).
process.env.CDK_VALIDATION = 'false';

// AWS settings from the developer's shell or ~/.aws must not change what tests see (retry
// attempts and mode are read from both: lib/aws/retry-settings.ts). Tests that exercise them set
// their own.
for (const name of ['AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE'])
  delete process.env[name];
process.env.AWS_CONFIG_FILE = '/nonexistent/nhs-cloud-tests/aws-config';
process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/nhs-cloud-tests/aws-credentials';
