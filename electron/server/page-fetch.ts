/**
 * Fetches a web page for "import from a URL", in Node (the Electron main process, the local
 * server of the browser fallback and the command line — never the page). Everything the
 * network sends is hostile until checked: only http and https (also on every redirect), a
 * limited number of redirects followed by hand (a loop is named as such), one deadline for the
 * whole exchange (headers and body), one more try when the connection drops under the request, a byte limit enforced while the body streams in (a server
 * that lies about or omits Content-Length is cut off all the same), and an HTML content type.
 * The body is decoded as a browser would (BOM, then the header's charset, then <meta charset>),
 * with the WHATWG decoders of @exodus/bytes (Node 20's own TextDecoder drops windows-1252's ’).
 * Failures are typed codes the app translates, never a throw.
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';
import sniffEncoding from 'html-encoding-sniffer';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_URL_LENGTH, type PageFailure } from '../../shared/formats/url-import';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface FetchedPage {
  /** The address asked for, as read (webAddress). */
  requested: string;
  /** The address the page was finally read from, after redirects. */
  finalUrl: string;
  contentType: string;
  html: string;
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/**
 * The URL if it is an http(s) address of at most MAX_URL_LENGTH characters, else the failure to
 * report. Typed without a scheme ("www.example.com/a"), it is read as https; a redirect's
 * `location` is read against the address that sent it (`base`).
 */
export function webAddress(text: string, base?: string): Result<URL, PageFailure> {
  let url: URL;
  const typed = text.trim();
  try {
    url = new URL(base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(typed) ? `https://${typed}` : typed, base);
  } catch {
    return fail({ code: 'badUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail({ code: 'scheme' });
  return url.href.length > MAX_URL_LENGTH ? fail({ code: 'badUrl' }) : ok(url);
}

async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const encoding = sniffEncoding(bytes, { transportLayerEncodingLabel: label, defaultEncoding: 'UTF-8' });
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding the decoders lack
  }
}

async function exchange(start: URL, limits: FetchLimits, signal: AbortSignal): Promise<Result<FetchedPage, PageFailure>> {
  let url = start;
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml' } });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = webAddress(location, url.href);
      if (!next.ok) return next;
      if (seen.has(next.value.href)) return fail({ code: 'redirectLoop' });
      if (hop >= limits.maxRedirects) return fail({ code: 'tooManyRedirects' });
      url = next.value;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail({ code: 'httpError', status: response.status });
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!HTML_TYPES.includes(contentType.split(';')[0]!.trim().toLowerCase())) {
      await response.body?.cancel();
      return fail({ code: 'notHtml', contentType: contentType.slice(0, 100) });
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      return fail({ code: 'tooLarge', size: declared });
    }
    const bytes = await readLimited(response.body, limits.maxBytes);
    if (!bytes) return fail({ code: 'tooLarge', size: limits.maxBytes + 1 });
    return ok({ requested: start.href, finalUrl: url.href, contentType, html: decode(bytes, contentType) });
  }
}

/** Fetches `address`: the page's HTML, or why not. */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Result<FetchedPage, PageFailure>> {
  const start = webAddress(address);
  if (!start.ok) return start;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    // a connection dropped under the request (a kept-alive socket the site closed as it was reused, a
    // reset) is asked once more within the same deadline, as browsers do for a GET
    return await exchange(start.value, limits, controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted) throw error;
      return exchange(start.value, limits, controller.signal);
    });
  } catch {
    return fail({ code: controller.signal.aborted ? 'timeout' : 'network' });
  } finally {
    clearTimeout(timer);
  }
}
