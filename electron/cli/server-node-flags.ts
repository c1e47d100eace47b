/**
 * The Node flags a class server runs with: `npm run server` (package.json), the systemd unit of
 * docs/deploy.md, and the benchmarks, which measure the server as it is deployed.
 *
 * `--initial-old-space-size=1024`: V8 skips full collections while its old generation is under
 * 1 GB (it caps this at half its own heap limit, which it sizes by the machine's memory). A server
 * of ten rooms of 30 grows its heap by every record written (about 2.3 MB/s at one write a second
 * per student, docs/benchmarks.md), and each full collection marks all of it with up to 1.5
 * cores: on 2 cores, 100–220 ms in which writes wait. The floor spends memory so that a server whose
 * heap stays under 1 GB (classes writing at a lesson's pace) makes no full collection at all. It only
 * defers them: at the bench's pace the heap passes 1 GB within minutes, and from then on they come as
 * often as without it (docs/decisions.md, "The class server's heap floor").
 */
export const SERVER_NODE_FLAGS = ['--initial-old-space-size=1024'] as const;
