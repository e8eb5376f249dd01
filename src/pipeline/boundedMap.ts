/**
 * A Map that forgets its oldest entries past `capacity`: state kept across Event Hub batches in a
 * long-lived instance must not grow without bound.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`Expected \`capacity\` to be a positive integer, got ${capacity}.`);
  }

  override set(key: K, value: V): this {
    if (this.has(key)) this.delete(key);
    super.set(key, value);
    if (this.size > this.capacity) {
      const oldest = this.keys().next();
      if (oldest.done !== true) this.delete(oldest.value);
    }
    return this;
  }
}
