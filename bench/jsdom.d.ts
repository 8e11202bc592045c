/** The little of jsdom the benchmark uses (the project does not install @types/jsdom). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: { document: any; close(): void };
  }
}
