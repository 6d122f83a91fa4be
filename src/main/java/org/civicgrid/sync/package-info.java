/**
 * 上报同步 — the edge side of upward sync (一张网): the outbox of case events written in the same transaction as each
 * case transition, the relay that sends it to the hub in per-site order ({@link org.civicgrid.sync.SyncRelay}), its
 * status, and 上级交办 coming down. The protocol is docs/sync-protocol.md; the hub side is {@code org.civicgrid.hub}.
 */
package org.civicgrid.sync;
