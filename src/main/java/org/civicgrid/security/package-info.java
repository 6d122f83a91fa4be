/**
 * 登录与权限 — sign-in for people (form login, session cookie) and scripts (HTTP Basic), bcrypt password
 * hashes, throttling of guesses, the sign-in audit log and the one-time setup of a production site's first admin.
 */
package org.civicgrid.security;
