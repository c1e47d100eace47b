/**
 * The renderer's one seam to the outside world (ARCHITECTURE.md §1), defined once: the zod
 * schemas of each method's input and output, next to its IPC channel in channels.ts. Everything
 * else is derived from these: the renderer's `GloseApi` type, the preload bridge (`bridgeApi`)
 * and the main-process handlers (electron/main/ipc.ts), so the three can never drift apart.
 */
import { z } from 'zod';
import { pageImportSchema } from '../formats/url-import';
import type { GloseMethod } from './channels';

/** Files above this size are refused with a typed result instead of being read into memory. */
export const MAX_OPEN_FILE_BYTES = 200 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes (a Uint8Array)');
/** A bare file name: no directory part, so a page cannot choose where a file is written. */
const fileName = z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'a file name without a directory');

export const gloseContract = {
  appInfo: {
    input: z.undefined(),
    output: z.object({ version: z.string(), platform: z.string(), shell: z.enum(['electron', 'browser']) }),
  },
  openFile: {
    input: z.object({
      purpose: z.enum(['article', 'annotations', 'bundle']),
      extensions: z.array(z.string().regex(/^[a-z0-9]{1,16}$/i, 'an extension without its dot')).min(1).max(32),
    }),
    output: z.union([
      z.object({ name: z.string(), data: bytes }),
      z.object({ name: z.string(), error: z.enum(['too-large', 'unreadable']) }),
      z.null(),
    ]),
  },
  saveFile: {
    input: z.object({ suggestedName: fileName, data: bytes }),
    output: z.object({ saved: z.boolean() }),
  },
  /**
   * Prints the page that asks (the report page, with its print stylesheet) to a PDF and saves it
   * where the user chooses (Electron's webContents.printToPDF); a browser prints the page itself.
   */
  savePdf: {
    input: z.object({ suggestedName: fileName.regex(/\.pdf$/i, 'a name ending in .pdf') }),
    output: z.object({ saved: z.boolean() }),
  },
  /** Starts (or returns) the class server embedded in the app, and a teacher token for it. */
  hostClass: {
    input: z.object({ title: z.string().trim().min(1).max(200) }),
    output: z.union([
      z.object({ server: z.string().url(), token: z.string(), corpus: z.string(), addresses: z.array(z.string().url()) }),
      z.object({ error: z.enum(['unavailable', 'failed']), message: z.string().optional() }),
      /** the class kept in the app's data folder (`file`, its session.json) cannot be read; `message` says why; nothing was changed */
      z.object({ error: z.literal('damaged'), file: z.string(), message: z.string() }),
    ]),
  },
  /** Classes hosted on the local network right now (mDNS); none in a browser. */
  discoverClasses: {
    input: z.undefined(),
    output: z.array(z.object({ name: z.string().max(200), title: z.string().max(200), server: z.string().url() })).max(100),
  },
  /** Fetches a web page in Node (never in the page) and extracts its article, with its provenance (shared/formats/url-import.ts). */
  importUrl: {
    input: z.object({ url: z.string().min(1).max(4096) }),
    output: pageImportSchema,
  },
} as const satisfies Record<GloseMethod, { input: z.ZodType; output: z.ZodType }>;

export type GloseContract = typeof gloseContract;
export type MethodInput<M extends GloseMethod> = z.input<GloseContract[M]['input']>;
export type MethodOutput<M extends GloseMethod> = z.output<GloseContract[M]['output']>;

/** The API the renderer sees: `appInfo()` takes no argument, the others take their input. */
export type GloseApi = {
  [M in GloseMethod]: [MethodInput<M>] extends [undefined]
    ? () => Promise<MethodOutput<M>>
    : (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export type OpenFileRequest = MethodInput<'openFile'>;
export type OpenFileResult = MethodOutput<'openFile'>;
export type SaveFileRequest = MethodInput<'saveFile'>;
export type SavePdfRequest = MethodInput<'savePdf'>;
export type AppInfo = MethodOutput<'appInfo'>;
export type HostClassResult = MethodOutput<'hostClass'>;
export type DiscoveredClass = MethodOutput<'discoverClasses'>[number];
export type ImportUrlRequest = MethodInput<'importUrl'>;
