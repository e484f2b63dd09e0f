/** 4-ary min-heap of (key, node) pairs on typed arrays (shallower than binary); duplicates allowed (lazy deletion). */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(capacity, 16));
    this.items = new Int32Array(Math.max(capacity, 16));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[parent] as number;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Key of the minimum; call only when size > 0. */
  peekKey(): number {
    return this.keys[0] as number;
  }

  /** Removes the minimum and returns its item; read its key with peekKey first. */
  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0] as number;
    const last = --this.size;
    if (last > 0) {
      const key = keys[last] as number;
      const item = items[last] as number;
      let i = 0;
      for (;;) {
        const first = 4 * i + 1;
        if (first >= last) break;
        let child = first;
        let ck = keys[first] as number;
        const end = Math.min(first + 4, last);
        for (let c = first + 1; c < end; c++) {
          const k = keys[c] as number;
          if (k < ck) {
            ck = k;
            child = c;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        items[i] = items[child] as number;
        i = child;
      }
      keys[i] = key;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
