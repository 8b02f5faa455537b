import { ConfigValidationError } from '../../lib/config/config-error';
import { EstateModel } from '../../lib/config/model';
import { validateEstate } from '../../lib/config/validate-estate';
import { GenerateEstateOptions, GeneratedEstate, generateEstate } from '../../lib/generator/generate-estate';

/** A generated estate and its validated model, in memory: no files, no CLI. */
export function generatedModel(options: GenerateEstateOptions): {
  estate: GeneratedEstate;
  model: EstateModel;
} {
  const estate = generateEstate(options);
  const result = validateEstate(
    { displayPath: 'generated/estate.yaml', text: estate.estateText },
    estate.tenants.map((t) => ({ displayPath: `generated/tenants/${t.odsCode}.yaml`, text: t.text })),
    '2026-01-01',
  );
  if (!result.ok) throw new ConfigValidationError(result.errors);
  return { estate, model: result.model };
}
