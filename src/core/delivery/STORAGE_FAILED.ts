/** The phrase of every `storage` error: what could not be written, and why. */
export const STORAGE_FAILED = 'could not be stored (storage full or refused)';
