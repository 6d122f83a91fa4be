/**
 * Open311 接口密钥 — API keys of outside clients: issued and revoked by the admin ({@code /admin/open311-keys},
 * {@code /api/open311-keys}), shown once, stored as SHA-256; the demo key {@code civicgrid-demo} in demo mode.
 */
package org.civicgrid.open311.keys;
