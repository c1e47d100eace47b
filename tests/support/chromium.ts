/** Launch flags for Debian's Chromium on a machine without network (ARCHITECTURE.md §8). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
