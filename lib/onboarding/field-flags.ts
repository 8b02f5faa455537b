import { ConfigError } from '../config/config-error';
import { FlagProblem } from './flag-problems';

/**
 * The `onboard` flag each field of the tenant file comes from, so a problem found by validating
 * the file onboard is about to write is reported at the flag, not at a line of a file that does
 * not exist.
 */
const FLAG_OF_FIELD: ReadonlyArray<readonly [RegExp, string | ((match: RegExpExecArray) => string)]> = [
  [/^odsCode$/, '--tenant'],
  [/^name$/, '--name'],
  [/^scope$/, '--scope'],
  [/^icb$/, '--icb'],
  [/^dataClassification$/, '--data-classification'],
  [/^patientData$/, '--no-patient-data'],
  [/^contacts\.owner$/, '--owner'],
  [/^contacts\.security$/, '--security-contact'],
  [/^network\.currentPeakMbps$/, '--peak-mbps'],
  [/^network\.onPremises\.connection$/, '--on-prem'],
  [/^network\.onPremises\.cidrs/, '--on-prem-cidr'],
  [/^network\.onPremises\.asn$/, '--on-prem-asn'],
  [/^network\.onPremises\.customerGatewayIps/, '--on-prem-gateway-ip'],
  [/^network\.onPremises/, '--on-prem'],
  [/^environments\.([a-z0-9]+)\.cidr$/, '--prefix'],
  [/^environments\.([a-z0-9]+)/, (m) => `--env ${m[1]}`],
  [/^environments/, '--env'],
  [/^budget/, '--budget-gbp'],
];

/** A config error in the file onboard would write, as a problem at the flag it came from. */
export function flagProblemOf(error: ConfigError): FlagProblem {
  for (const [pattern, flag] of FLAG_OF_FIELD) {
    const match = pattern.exec(error.field);
    if (match)
      return {
        flag: typeof flag === 'string' ? flag : flag(match),
        message: error.message,
        hint: error.hint,
      };
  }
  return {
    flag: '--tenant',
    message: `${error.field ? `${error.field}: ` : ''}${error.message}`,
    hint: error.hint,
  };
}
