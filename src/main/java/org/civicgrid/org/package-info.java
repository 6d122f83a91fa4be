/**
 * 组织机构 — the centre's organisation: the county with its streets/towns and communities/villages, the
 * departments that handle cases (with the classes they own and their area) and the staff with their roles.
 */
package org.civicgrid.org;
