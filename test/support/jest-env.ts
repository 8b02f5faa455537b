// Unit tests assert our own rules; CDK's built-in CloudFormation Validate plugin (WASM) is
// slow and is run where it earns its cost instead (see docs/adr on the validate plugin).
process.env.CDK_VALIDATION = 'false';
