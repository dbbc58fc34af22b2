// Spoken receipts: audio mode registers here how to say what a sheet will carry, and printing waits for it to be said.
type Announcer = () => Promise<unknown>;

let announcer: Announcer | null = null;

/** Audio mode sets its announcer while it is on (null when it goes off). */
export function setPrintAnnouncer(next: Announcer | null): void {
  announcer = next;
}

/** Says what the sheet carries before it prints, when audio mode is on; nothing otherwise. */
export async function announcePrint(): Promise<void> {
  await announcer?.().catch(() => undefined);
}
