/**
 * Many small records (the millions of values of a large atlas) as a few typed arrays and one list of texts, and
 * back, as they were: the same keys in the same order, `undefined` fields, NaN, and the objects their fields hold
 * shared as they were (the records themselves are taken to be distinct: tracking millions of them by identity cost
 * more than the rest).
 *
 * V8's serialisation keeps shared objects shared but writes each string anew: read back, a million values held a
 * million copies of each unit id, indicator id, status and date, twice the memory of the values themselves
 * (690 against 350 MB at 5,000 units, 30 indicators and 10 years), and the file was 400 MB. Packed, each text is
 * written once, and what is read back holds one string per text.
 *
 * A record's fields may hold strings, numbers, booleans, undefined and records of the same kind (objects as well,
 * kept by identity); anything else (arrays, class instances, null) is refused with undefined from
 * {@link packRecords}, and the caller keeps the records some other way.
 */

/** Records packed by {@link packRecords}: plain data for V8's serialisation. */
export interface PackedRecords {
  /** Every text once: field names and string values. */
  strings: string[];
  /** Each record's shape: the string indexes of its keys, in order. */
  shapes: number[][];
  /** Per field, one of the kinds below. */
  kinds: Uint8Array;
  /** Per record its shape, per string field its text, per object field the object's number. */
  ints: Int32Array;
  /** Per number field its value. */
  numbers: Float64Array;
  /** How many top-level records. */
  count: number;
}

const UNDEFINED = 0;
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
/** An object a field holds, seen for the first time: its shape and fields follow; it gets the next object number. */
const OBJECT = 5;
/** An object seen before: its object number follows. */
const SEEN = 6;
/** A record of the list: its shape and fields follow (the records are taken to be distinct objects). */
const RECORD = 7;

/** Shapes by their keys in order: a tree with one level per key. */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  shape?: number;
}

/** A typed array that grows by doubling. */
class Grow<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  data: T;
  private readonly make: (n: number) => T;
  constructor(data: T, make: (n: number) => T) {
    this.data = data;
    this.make = make;
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** `records` packed, or undefined when a field holds something other than the kinds named above. */
export function packRecords(records: readonly object[]): PackedRecords | undefined {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeTree: ShapeNode = { next: new Map() };
  const objects = new Map<object, number>();
  const kinds = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  const ints = new Grow(new Int32Array(1024), (n) => new Int32Array(n));
  const numbers = new Grow(new Float64Array(1024), (n) => new Float64Array(n));
  const text = (s: string) => {
    let i = stringIds.get(s);
    if (i === undefined) {
      stringIds.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  /** Packs `r` (a record of the list: `top`, or an object a field holds: kept by identity). */
  const record = (r: object, top: boolean): boolean => {
    if (!top) {
      const seen = objects.get(r);
      if (seen !== undefined) {
        kinds.push(SEEN);
        ints.push(seen);
        return true;
      }
      objects.set(r, objects.size);
    }
    if (Object.getPrototypeOf(r) !== Object.prototype) return false;
    kinds.push(top ? RECORD : OBJECT);
    // The shape is found along the keys, while the fields are packed, and written in front of them (a list of keys
    // or a string of them for each of millions of records cost as much as the rest).
    const slot = ints.length;
    ints.push(0);
    let node = shapeTree;
    for (const key in r) {
      let next = node.next.get(key);
      if (!next) node.next.set(key, (next = { next: new Map() }));
      node = next;
      const v = (r as Record<string, unknown>)[key];
      if (v === undefined) kinds.push(UNDEFINED);
      else if (typeof v === 'string') {
        kinds.push(STRING);
        ints.push(text(v));
      } else if (typeof v === 'number') {
        kinds.push(NUMBER);
        numbers.push(v);
      } else if (typeof v === 'boolean') kinds.push(v ? TRUE : FALSE);
      else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        if (!record(v, false)) return false;
      } else return false;
    }
    if (node.shape === undefined) {
      node.shape = shapes.length;
      shapes.push(Object.keys(r).map(text));
    }
    ints.data[slot] = node.shape;
    return true;
  };
  for (const r of records) if (!record(r, true)) return undefined;
  return {
    strings,
    shapes,
    kinds: kinds.done(),
    ints: ints.done(),
    numbers: numbers.done(),
    count: records.length,
  };
}

/** The records packed by {@link packRecords}, made anew. */
export function unpackRecords<T extends object>(p: PackedRecords): T[] {
  const { strings, shapes, kinds, ints, numbers } = p;
  const objects: object[] = [];
  let k = 0;
  let i = 0;
  let n = 0;
  const value = (): unknown => {
    switch (kinds[k++]) {
      case UNDEFINED:
        return undefined;
      case STRING:
        return strings[ints[i++] as number];
      case NUMBER:
        return numbers[n++];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case SEEN:
        return objects[ints[i++] as number];
      case OBJECT:
      case RECORD: {
        const keys = shapes[ints[i++] as number] ?? [];
        const r: Record<string, unknown> = {};
        if (kinds[k - 1] === OBJECT) objects.push(r);
        for (const key of keys) r[strings[key] as string] = value();
        return r;
      }
      default:
        throw new Error(`packed records: unknown kind ${kinds[k - 1]} at ${k - 1}`);
    }
  };
  const out: T[] = [];
  for (let r = 0; r < p.count; r++) out.push(value() as T);
  if (k !== kinds.length || i !== ints.length || n !== numbers.length)
    throw new Error('packed records: data left over after the last record');
  return out;
}
