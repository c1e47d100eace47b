/**
 * A full client for the load generator, as the app syncs: every document a real Y.Doc behind a
 * real provider (HocuspocusProvider over one shared socket; for the bare relay, y-websocket's
 * WebsocketProvider, one socket per document), the corpus document with presence. It writes records through
 * the app's model and times a classmate's record from its write until it is in this client's
 * copy of that layer (decoded and applied: latency end to end). Same interface as LoadStudent.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket-relay';
import * as Y from 'yjs';
import { annotationsMap } from '../../shared/model/layer';
import { markers, now, presenceState, writeMarked, type StudentSpec, type Written } from './load-student';

interface OpenDoc { doc: Y.Doc; awareness: Awareness | null; synced: Promise<void> }

function opener(spec: StudentSpec): (name: string, withAwareness: boolean) => OpenDoc {
  if (spec.system === 'relay') {
    return (name, withAwareness) => {
      const doc = new Y.Doc();
      // y-websocket adds one process 'exit' listener per provider, and a full client opens one
      // per document: the limit grows by one each, so a listener left by anything else still warns
      process.setMaxListeners(process.getMaxListeners() + 1);
      const provider = new WebsocketProvider(spec.url, name, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
      if (!withAwareness) provider.awareness.setLocalState(null);
      const synced = new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
      return { doc, awareness: withAwareness ? provider.awareness : null, synced };
    };
  }
  const socket = new HocuspocusProviderWebsocket({ url: spec.url, WebSocketPolyfill: WebSocket });
  return (name, withAwareness) => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: spec.token, ...(withAwareness ? {} : { awareness: null }) });
    provider.attach();
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    return { doc, awareness: provider.awareness, synced };
  };
}

export class FullClient {
  readonly arrivals = new Map<string, number>();
  readonly written: Written[] = [];
  private readonly corpus: OpenDoc;
  private readonly text: OpenDoc;
  private readonly own: OpenDoc;
  private readonly others: OpenDoc[];
  private seq = 0;

  constructor(private readonly spec: StudentSpec) {
    const open = opener(spec);
    this.corpus = open(spec.corpus, true);
    this.text = open(spec.text, false);
    this.own = open(spec.own, false);
    this.others = spec.others.map((name) => open(name, false));
    for (const { doc } of this.others) {
      annotationsMap(doc).observe((event) => {
        for (const [key, change] of event.changes.keys) {
          const note = change.action === 'add' ? annotationsMap(doc).get(key)?.get('note') : undefined;
          if (typeof note === 'string') markers(Buffer.from(note, 'latin1'), (id, sentAt) => this.arrivals.has(id) || this.arrivals.set(id, now() - sentAt));
        }
      });
    }
  }

  async whenReady(): Promise<void> {
    await Promise.all([this.corpus, this.text, this.own, ...this.others].map((d) => d.synced));
  }

  write(): void {
    this.written.push(writeMarked(this.own.doc, this.spec.user, this.seq++));
  }

  select(): void {
    const { article, selection } = presenceState(this.spec.article);
    this.corpus.awareness?.setLocalStateField('article', article);
    this.corpus.awareness?.setLocalStateField('selection', selection);
  }
}
