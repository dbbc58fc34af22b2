// What the end of a visit wipes in Electron: the visitor partition's web storage (local and session storage,
// IndexedDB, Cache Storage, service workers, cookies), its HTTP cache and its saved HTTP authentication, and the clipboard.

export interface VisitorPartition {
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
  clearAuthCache(): Promise<void>;
}

export interface Clipboard {
  clear(): void;
}

/** Wipes everything; one step failing does not stop the others, and the failure is reported after. */
export async function wipeVisitorPartition(partition: VisitorPartition, clipboard: Clipboard): Promise<void> {
  const steps = [
    () => partition.clearStorageData(),
    () => partition.clearCache(),
    () => partition.clearAuthCache(),
    async () => clipboard.clear(),
  ];
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'the visitor partition was not wiped completely');
}
