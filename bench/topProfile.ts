/**
 * `node --import tsx bench/topProfile.ts FILE.cpuprofile [N] [--total]`: time by function, highest first:
 * self time, or with --total the time including callees (each function counted once per sample).
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const args = process.argv.slice(2);
const totalMode = args.includes('--total');
const [file, nArg] = args.filter((a) => a !== '--total');
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const n = Number(nArg ?? 25);
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const parent = new Map<number, number>();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const keyOf = (x: Node) => {
  const f = x.callFrame;
  return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(server|bench|node_modules)\//, '$1/')}`;
};
const time = new Map<string, number>();
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  total += dt;
  const keys = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = totalMode ? parent.get(cur) : undefined) keys.add(keyOf(byId.get(cur)!));
  for (const k of keys) time.set(k, (time.get(k) ?? 0) + dt);
});
for (const [k, v] of [...time].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
