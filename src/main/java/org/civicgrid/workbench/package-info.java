/**
 * 工作台 — the signed-in user's start page: for now their roles and duties and the area the centre serves;
 * the role work queues plug in here as the case loop arrives.
 */
package org.civicgrid.workbench;
