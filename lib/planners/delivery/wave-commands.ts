import { WaveId } from './wave-plan';

/** Where the synth step writes the wave plan, inside the cloud assembly the waves deploy from. */
export const WAVE_PLAN_FILE = 'waves.json';

export interface WaveStepOptions {
  readonly wave: WaveId;
  /** Which of the wave's shards this step deploys. @default 0 */
  readonly shard?: number;
  /** Stacks `cdk deploy` runs at once. */
  readonly concurrency: number;
  /** The cloud assembly folder, relative to where the commands run. @default '.' */
  readonly assembly?: string;
}

/**
 * Shell commands that deploy one shard of one wave from a synthesized assembly: read the
 * stack list from the wave plan, then one `cdk deploy --exclusively` so no stack of another
 * wave is pulled in as a dependency. The same commands work by hand (docs/deploy.md).
 *
 *   wave TenantsProd, shard 2, concurrency 20 ->
 *     node -e "...waves.json...TenantsProd...[2]" > stacks.txt
 *     if [ -s stacks.txt ]; then cdk deploy --app . --exclusively ... --concurrency 20 $(cat stacks.txt); fi
 */
export function waveDeployCommands(options: WaveStepOptions): string[] {
  const assembly = options.assembly ?? '.';
  const shard = options.shard ?? 0;
  const list = `${options.wave}-${shard}.stacks.txt`;
  const read =
    `const w=require(require('path').resolve('${assembly}','${WAVE_PLAN_FILE}')).waves.find(w=>w.id==='${options.wave}');` +
    `process.stdout.write((w?w.shards[${shard}]||[]:[]).join('\\n'))`;
  return [
    `node -e "${read}" > ${list}`,
    `echo "wave ${options.wave} shard ${shard}: $(grep -c . ${list} || true) stacks"`,
    `if [ -s ${list} ]; then cdk deploy --app ${assembly} --exclusively --require-approval never ` +
      `--concurrency ${options.concurrency} --progress events $(cat ${list}); fi`,
  ];
}
