/**
 * 界面框架 — the base layout, navigation, language switch, error pages and API error bodies. Features plug
 * their pages in through {@link org.civicgrid.web.NavContribution}; no feature logic lives here.
 */
package org.civicgrid.web;
