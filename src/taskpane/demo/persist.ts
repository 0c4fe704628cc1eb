/**
 * Keeps the demo workbook in this browser's IndexedDB, so a reload shows the same workbook (settings included,
 * since they live in the workbook). Nothing is sent anywhere. Storage can be unavailable (private windows,
 * blocked storage): then the demo simply starts from the sample again.
 */

const DB_NAME = "scorecard-demo";
const STORE = "workbooks";
const KEY = "current";

export interface SavedWorkbook {
  readonly name: string;
  readonly data: ArrayBuffer;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB unavailable"));
  });
}

async function transact<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
    });
  } finally {
    db.close();
  }
}

export async function loadSaved(): Promise<SavedWorkbook | null> {
  try {
    const saved = await transact<SavedWorkbook | undefined>("readonly", (store) => store.get(KEY));
    return saved && saved.data instanceof ArrayBuffer ? saved : null;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store it (the demo keeps working, it just will not survive a reload). */
export async function save(workbook: SavedWorkbook): Promise<boolean> {
  try {
    await transact("readwrite", (store) => store.put(workbook, KEY));
    return true;
  } catch {
    return false;
  }
}

export async function forget(): Promise<void> {
  try {
    await transact("readwrite", (store) => store.delete(KEY));
  } catch {
    // Nothing stored, or storage is blocked: either way nothing is left to forget.
  }
}
