/**
 * The size of a table entity by the Table service's own accounting, so the bench and the tests
 * measure "stored per event" the same way: 4 bytes + 2 × (PartitionKey + RowKey) characters, and
 * per property 8 bytes + 2 × name characters + the value (string: 4 + 2 × characters; binary:
 * 4 + bytes; number 8; boolean 1). Source: "How the size of an entity is calculated in Windows
 * Azure table storage", Microsoft archived blog (learn.microsoft.com/archive/blogs/avkashchauhan).
 */
export function entityBytes(entity: Record<string, unknown>): number {
  let size = 4 + 2 * (String(entity['partitionKey']).length + String(entity['rowKey']).length);
  for (const [name, value] of Object.entries(entity)) {
    if (['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(name) || name.startsWith('odata')) continue;
    size += 8 + 2 * name.length;
    if (typeof value === 'string') size += 4 + 2 * value.length;
    else if (value instanceof Uint8Array) size += 4 + value.byteLength;
    else if (typeof value === 'boolean') size += 1;
    else size += 8;
  }
  return size;
}
