/** Where qemu-aarch64 is: $QEMU_AARCH64, else the first on PATH, else /usr/bin; null when absent. */
export function findQemu(): string | null;
