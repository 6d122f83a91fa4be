/**
 * 跨站请求防护 — cross-site request forgery protection: the form token every page form carries ({@code CsrfTokens},
 * checked by {@code CsrfGuard}) and the Origin/Referer check of every write ({@code SameOriginCheck}).
 */
package org.civicgrid.security.csrf;
