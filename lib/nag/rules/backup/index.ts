export { default as BackupVaultLocked } from './BackupVaultLocked';
