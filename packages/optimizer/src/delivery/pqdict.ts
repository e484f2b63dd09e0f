/**
 * A priority queue keyed by item with updatable priorities, popping the smallest priority, laid out
 * as the binary heap of Python's `pqdict` (used by the published notebook), so that ties and
 * updates pop in the same order as there.
 */
export class KeyedMinHeap<K> {
  private readonly heap: { key: K; prio: number }[] = [];
  private readonly position = new Map<K, number>();

  get size(): number {
    return this.heap.length;
  }

  set(key: K, prio: number): void {
    const pos = this.position.get(key);
    if (pos === undefined) {
      this.heap.push({ key, prio });
      this.position.set(key, this.heap.length - 1);
      this.swim(this.heap.length - 1);
      return;
    }
    this.heap[pos]!.prio = prio;
    const parent = (pos - 1) >> 1;
    if (pos > 0 && prio < this.heap[parent]!.prio) this.swim(pos);
    else this.sink(pos);
  }

  pop(): { key: K; prio: number } {
    const end = this.heap.pop();
    if (end === undefined) throw new RangeError('KeyedMinHeap.pop: empty');
    let node = end;
    if (this.heap.length > 0) {
      node = this.heap[0]!;
      this.heap[0] = end;
      this.position.set(end.key, 0);
      this.sink(0);
    }
    this.position.delete(node.key);
    return node;
  }

  private sink(top: number): void {
    const heap = this.heap;
    const end = heap.length;
    let pos = top;
    const node = heap[pos]!;
    let child = 2 * pos + 1;
    while (child < end) {
      const other = child + 1;
      if (other < end && !(heap[child]!.prio < heap[other]!.prio)) child = other;
      heap[pos] = heap[child]!;
      this.position.set(heap[pos]!.key, pos);
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = node;
    this.position.set(node.key, pos);
    this.swim(pos, top);
  }

  private swim(start: number, top = 0): void {
    const heap = this.heap;
    let pos = start;
    const node = heap[pos]!;
    while (pos > top) {
      const parent = (pos - 1) >> 1;
      if (node.prio < heap[parent]!.prio) {
        heap[pos] = heap[parent]!;
        this.position.set(heap[pos]!.key, pos);
        pos = parent;
        continue;
      }
      break;
    }
    heap[pos] = node;
    this.position.set(node.key, pos);
  }
}
