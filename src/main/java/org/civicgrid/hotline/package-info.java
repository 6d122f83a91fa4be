/**
 * 热线受理 — the acceptor's phone desk {@code /hotline} for 12319/12345 calls: caller, address search and map pick,
 * class, description, live duplicate suggestions, one-click create (source HOTLINE) or merge into an open case
 * (the workflow's {@code mergeDuplicate}), and the call log {@code /hotline/calls} (来电记录) of every call.
 */
package org.civicgrid.hotline;
