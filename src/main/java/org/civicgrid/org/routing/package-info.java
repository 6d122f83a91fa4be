/**
 * 派遣路由 — which department should handle a case: the routing table (class × area → department, admin-edited), the
 * classes and areas departments declare, and the 权属/养护 departments of the component a case is about, ranked into
 * the dispatcher's suggestion.
 */
package org.civicgrid.org.routing;
