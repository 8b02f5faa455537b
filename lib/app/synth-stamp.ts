import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, StageSynthesisOptions } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { STAMP_FILE, stampFor } from '../config/assembly-stamp';
import { writeFileAtomic } from '../files/write-files';

/** Removes the stamp from an assembly folder: from now until it is written again, the folder is not a finished synth. */
export function clearStamp(outdir: string): void {
  rmSync(join(outdir, STAMP_FILE), { force: true });
}

/** Stamps a finished assembly with the digest of the config it was made from (lib/config/assembly-stamp.ts). */
export function writeStamp(outdir: string, configDir: string, tenant?: string): void {
  writeFileAtomic(join(outdir, STAMP_FILE), `${JSON.stringify(stampFor(configDir, tenant), undefined, 1)}\n`);
}

/**
 * The app `createApp` returns: its assembly folder loses the stamp as the app is made, before
 * config is read, and gets it back only when synthesis has written the whole assembly. So a
 * synth that stops on bad config, a failed check or a bug leaves a folder every reader refuses,
 * not the previous assembly passing as this one (ADR 0020).
 */
export class StampedApp extends App {
  private stamp?: { readonly configDir: string; readonly tenant?: string };

  /** Called once the estate is built: synth stamps the assembly as made from `configDir`. */
  stampWith(configDir: string, tenant?: string): void {
    this.stamp = { configDir, tenant };
  }

  override synth(options?: StageSynthesisOptions): CloudAssembly {
    try {
      const assembly = super.synth(options);
      this.writeStamp();
      return assembly;
    } catch (error) {
      // The CDK throws this after writing the whole assembly and its validation report, when a
      // policy plugin (the rule packs, the review) reported errors: the assembly is this
      // config's, and `report` is how its findings are read.
      if ((error as { name?: string }).name === 'ValidationFailed') this.writeStamp();
      throw error;
    }
  }

  private writeStamp(): void {
    if (this.stamp) writeStamp(this.outdir, this.stamp.configDir, this.stamp.tenant);
  }
}
