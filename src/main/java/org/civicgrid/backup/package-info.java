/**
 * 数据备份 — nightly online backups of the store (SQLite {@code VACUUM INTO}, consistent while the appliance writes),
 * attachments, site key and site settings; retention; restore into a fresh data directory; the operator CLI.
 */
package org.civicgrid.backup;
