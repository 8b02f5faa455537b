import { Tier } from '../../config/model';
import { LandingZoneConfig, PatchOperatingSystem } from '../../config/schema/landing-zone-schema';

export interface PatchFilter {
  readonly key: string;
  readonly values: readonly string[];
}

export interface PatchBaselinePlan {
  readonly operatingSystem: PatchOperatingSystem;
  readonly filters: readonly PatchFilter[];
  readonly approveAfterDays: number;
}

export interface MaintenanceWindowPlan {
  readonly schedule: string;
  readonly timezone: string;
  readonly durationHours: number;
  readonly cutoffHours: number;
}

export interface PatchingPlan {
  readonly baselines: readonly PatchBaselinePlan[];
  readonly window: MaintenanceWindowPlan;
  /** Instances the window patches: every instance carrying this tag key (the tag policy requires it). */
  readonly targetTagKey: string;
}

/** What each OS baseline approves: security updates rated critical or important. */
const SECURITY_FILTERS: Readonly<Record<PatchOperatingSystem, readonly PatchFilter[]>> = {
  AMAZON_LINUX_2023: [
    { key: 'CLASSIFICATION', values: ['Security'] },
    { key: 'SEVERITY', values: ['Critical', 'Important'] },
  ],
  AMAZON_LINUX_2: [
    { key: 'CLASSIFICATION', values: ['Security'] },
    { key: 'SEVERITY', values: ['Critical', 'Important'] },
  ],
  REDHAT_ENTERPRISE_LINUX: [
    { key: 'CLASSIFICATION', values: ['Security'] },
    { key: 'SEVERITY', values: ['Critical', 'Important'] },
  ],
  WINDOWS: [
    { key: 'CLASSIFICATION', values: ['CriticalUpdates', 'SecurityUpdates'] },
    { key: 'MSRC_SEVERITY', values: ['Critical', 'Important'] },
  ],
};

/**
 * Patch Manager for one account: a baseline per configured OS (registered as that OS's default,
 * so every managed instance uses it) and one maintenance window by tier. Nonprod approves
 * patches on release and patches mid-week; prod waits `approveAfterDays` and patches at the
 * weekend, so a bad patch shows up in nonprod first.
 */
export function planPatching(lz: LandingZoneConfig, tier: Tier): PatchingPlan {
  const { patching } = lz;
  const window = patching.windows[tier];
  return {
    baselines: patching.operatingSystems.map((operatingSystem) => ({
      operatingSystem,
      filters: SECURITY_FILTERS[operatingSystem],
      approveAfterDays: patching.approveAfterDays[tier],
    })),
    window: { ...window, timezone: patching.timezone },
    targetTagKey: 'ods-code',
  };
}
