/**
 * 上报同步 — the outbox of case events for the county/city hub: written in the same transaction as each case
 * transition, relayed upward in order (the relay and hub mode arrive with the sync issue).
 */
package org.civicgrid.sync;
