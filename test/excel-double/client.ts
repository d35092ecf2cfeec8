/**
 * The office-js proxy model the double imitates: calls queue commands, `load` queues a snapshot, and nothing
 * runs before `context.sync()`, which executes the commands in order, counts the sync and its payload, and
 * fails like Excel on the web when a request or response passes the 5 MB limit. Reading a property that was
 * not loaded and synced throws, as it does in Excel.
 */
import type { SyncRecord, WorkbookState } from './state';

export class DoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface DoubleCore {
  state: WorkbookState;
  payloadLimit: number;
  supports(set: string, version: string): boolean;
  /** Resolves when the user leaves cell edit mode. */
  cellEditEnded(): Promise<void>;
  /** What a tinted colour reads as: the colour the tint applies to, or the colour shown (WorkbookSpec.colorReads). */
  colorReads: 'base' | 'shown';
}

const encoder = new TextEncoder();
const jsonBytes = (data: unknown) => encoder.encode(JSON.stringify(data) ?? '').length;

/**
 * What office-js sends, in its RichApi JSON (measured in test/excel-double/request-size.test.ts against the
 * request body office-js itself builds): every object a request touches costs an object path and its instantiate
 * action (about 145 bytes, 167 for an object a method with arguments makes, e.g. comments.add: OBJECT_PATH_BYTES), every property write, load or method call an action (about 120:
 * ACTION_BYTES), plus the data sent as UTF-8 JSON. Rounded up, so the estimate stays at or above the real size.
 */
const OBJECT_PATH_BYTES = 176;
const ACTION_BYTES = 130;

/** A proxy as the request-size estimate sees it: its parent (navigation properties) for the object path chain. */
interface PathNode {
  _parent: PathNode | null;
}

export class RequestContext {
  _queue: { run: () => void; bytes: number }[] = [];
  private record: SyncRecord | null = null;
  /** Objects whose path the pending request already carries. */
  private counted = new WeakSet<PathNode>();

  /** `delayForCellEdit` of Excel.run; `delayForCellEdit` exists from ExcelApi 1.11 and is ignored before. */
  constructor(
    readonly _core: DoubleCore,
    private readonly delayForCellEdit = false,
  ) {}

  /**
   * Queues a command. `on` is the object a write, load or method acts on (an action, plus the paths of it and its
   * parents not yet in the request); `made` an object a method returns (its path, with the method's arguments).
   */
  _enqueue(run: () => void, payload: unknown, target: { on: PathNode } | { made: PathNode }): void {
    const data = payload === undefined ? 0 : jsonBytes(payload);
    let bytes = data;
    const action = 'on' in target;
    if (action) bytes += ACTION_BYTES;
    const start = action ? target.on : target.made;
    for (let o: PathNode | null = start; o && !this.counted.has(o); o = o._parent) {
      this.counted.add(o);
      bytes += OBJECT_PATH_BYTES;
    }
    this._queue.push({ run, bytes });
  }

  /** Called by loads and method results while a sync runs: counts the response payload. */
  _respond(data: unknown): void {
    if (this.record) this.record.responseBytes += jsonBytes(data);
  }

  /** Throws like a host without the requirement set when a command needs a newer API. */
  _requires(set: string, version: string, api: string): void {
    if (!this._core.supports(set, version)) throw new DoubleError('ApiNotFound', `${api} needs ${set} ${version}`);
  }

  async sync(): Promise<void> {
    // Excel fails a batch that arrives while the user edits a cell, unless the run asked to wait
    // (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
    if (this._core.state.cellEditing) {
      if (!this.delayForCellEdit) {
        this._queue = [];
        throw new DoubleError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await this._core.cellEditEnded();
    }
    const queue = this._queue;
    this._queue = [];
    this.counted = new WeakSet();
    const record: SyncRecord = { requestBytes: queue.reduce((n, c) => n + c.bytes, 0), responseBytes: 0, commands: queue.length };
    this._core.state.syncs.push(record);
    await Promise.resolve();
    const limit = this._core.payloadLimit;
    if (record.requestBytes > limit) throw new DoubleError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes exceeds ${limit}`);
    this.record = record;
    try {
      for (const command of queue) command.run();
    } finally {
      this.record = null;
    }
    if (record.responseBytes > limit) throw new DoubleError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes exceeds ${limit}`);
  }
}

export class ClientResult<T> {
  private ready = false;
  private result: T | undefined;

  _set(value: T): void {
    this.result = value;
    this.ready = true;
  }

  get value(): T {
    if (!this.ready) throw new DoubleError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this.result as T;
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] {
  const raw = arg === undefined ? [] : typeof arg === 'string' ? [arg] : Array.isArray(arg) ? arg : arg.select === undefined ? [] : [arg.select].flat();
  return raw.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

/**
 * A proxy. Objects made by a method (getItem, getRange, add, …) resolve at their place in the command queue;
 * navigation properties (format, fill, protection, …) resolve through their parent when first used.
 */
export abstract class ClientObject<T> {
  private resolved = false;
  private target: T | null = null;
  readonly _loaded = new Map<string, unknown>();
  private children = new Map<string, ClientObject<unknown>>();
  /** The object whose navigation property this is (format of a range, fill of a format), for request sizes. */
  _parent: ClientObject<unknown> | null = null;

  constructor(
    readonly context: RequestContext,
    private readonly resolver: () => T | null,
    /** Made by a method (queued at its place, with the method's arguments as request payload) or a navigation property. */
    queued: boolean | unknown[],
    /** The object whose method made this one. */
    parent: ClientObject<unknown> | null = null,
  ) {
    this._parent = parent;
    if (queued) context._enqueue(() => void this._resolve(), queued === true ? undefined : queued, { made: this });
  }

  _resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
      this._loaded.set('isNullObject', this.target === null);
    }
    return this.target;
  }

  /** The target, or the error Excel gives for a missing object. */
  _need(): T {
    const t = this._resolve();
    if (t === null) throw new DoubleError('ItemNotFound', `${this.constructor.name}: the requested resource doesn't exist`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this._loaded.has('isNullObject')) throw new DoubleError('PropertyNotLoaded', 'isNullObject is known only after context.sync()');
    return this._loaded.get('isNullObject') as boolean;
  }

  /** Scalar properties `load()` without arguments and `load('items')` on a collection bring. */
  protected abstract readonly _scalars: readonly string[];
  /** The current value of a scalar property, computed when the load command runs. */
  protected abstract _read(name: string): unknown;
  protected _write(name: string, _value: unknown): void {
    throw new DoubleError('InvalidArgument', `${this.constructor.name}.${name} is read-only in the double`);
  }
  /** The ExcelApi version that brought a property, where it is newer than the object itself. */
  protected _since: (name: string) => string | undefined = () => undefined;
  /** Throws as Excel does when a write is not allowed (a protected sheet). */
  protected _guardWrite(): void {}

  private _supported(name: string): boolean {
    const since = this._since(name);
    return since === undefined || this.context._core.supports('ExcelApi', since);
  }
  private _requireProperty(name: string): void {
    if (!this._supported(name)) this.context._requires('ExcelApi', this._since(name)!, `${this.constructor.name}.${name}`);
  }
  /** A navigation property by name, for load paths such as "format/fill/color". */
  protected _nav(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name))
      throw new DoubleError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this._loaded.get(name) as V;
  }

  protected _set(name: string, value: unknown): void {
    this.context._enqueue(() => {
      this._requireProperty(name);
      this._guardWrite();
      this._write(name, value);
      this._loaded.delete(name);
    }, value, { on: this });
  }

  protected _child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      c._parent = this;
      this.children.set(name, c);
    }
    return c as C;
  }

  /** Queues a method whose effect happens at sync. */
  protected _command(run: (target: T) => void, payload?: unknown): void {
    this.context._enqueue(() => run(this._need()), payload, { on: this });
  }

  /** Queues a method that changes the workbook: refused on a protected sheet. */
  protected _writeCommand(run: (target: T) => void, payload?: unknown): void {
    this.context._enqueue(() => {
      const t = this._need();
      this._guardWrite();
      run(t);
    }, payload, { on: this });
  }

  protected _result<V>(compute: (target: T) => V): ClientResult<V> {
    const result = new ClientResult<V>();
    this.context._enqueue(() => {
      const v = compute(this._need());
      this.context._respond(v);
      result._set(v);
    }, undefined, { on: this });
    return result;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    // A plain load() brings what this host has; naming a property the host lacks fails. The select list is sent.
    this.context._enqueue(() => this._loadNow(paths.length ? paths : this._scalars.filter((n) => this._supported(n))), paths, { on: this });
    return this;
  }

  _defaultScalars(): string[] {
    return this._scalars.filter((n) => this._supported(n));
  }

  /** Runs a load at sync time (also used for the items of a collection). */
  _loadNow(paths: string[]): void {
    const target = this._resolve();
    if (target === null) return;
    const nested = new Map<string, string[]>();
    const snapshot: Record<string, unknown> = {};
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      else if (this._nav(head)) this._nav(head)!._loadNow(this._nav(head)!._defaultScalars());
      else {
        this._requireProperty(head);
        const v = this._read(head);
        this._loaded.set(head, v);
        snapshot[head] = v;
      }
    }
    this.context._respond(snapshot);
    for (const [head, rest] of nested) {
      const child = this._nav(head);
      if (!child) throw new DoubleError('InvalidArgument', `${this.constructor.name} has no navigation property ${head}`);
      child._loadNow(rest);
    }
  }
}

/** A collection: `items` come from `load('items/…')` (or a plain `load()`), each item pre-resolved. */
export abstract class ClientCollection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  protected readonly _scalars = ['items'] as const;
  protected abstract _itemsOf(target: T): I[];

  get items(): I[] {
    return this._get<I[]>('items');
  }

  protected _read(name: string): unknown {
    if (name === 'items') return [];
    throw new DoubleError('InvalidArgument', `unknown property ${name}`);
  }

  override _loadNow(paths: string[]): void {
    const target = this._resolve();
    if (target === null) return;
    const items = this._itemsOf(target);
    const itemPaths = paths.flatMap((p) => (p === 'items' ? [] : p.startsWith('items/') ? [p.slice(6)] : []));
    for (const item of items) item._loadNow(itemPaths.length ? itemPaths : item._defaultScalars());
    this._loaded.set('items', items);
  }
}

/** Defines getters (and setters for the writable ones) that read loaded values and queue writes. */
export function properties(cls: { prototype: object }, readable: string[], writable: string[] = []): void {
  for (const name of [...readable, ...writable])
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: { _get(n: string): unknown }) {
        return this._get(name);
      },
      ...(writable.includes(name)
        ? {
            set(this: { _set(n: string, v: unknown): void }, v: unknown) {
              this._set(name, v);
            },
          }
        : {}),
    });
}
