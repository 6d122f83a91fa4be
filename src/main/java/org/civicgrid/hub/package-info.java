/**
 * 上级平台 (一张网) — the hub side of upward sync: sites and their tokens, ingest of the edges' event batches under a
 * per-site row lock, the cases of every site, attachments by SHA-256, and 上级交办 going down.
 */
package org.civicgrid.hub;
