/**
 * 公众门户 — the citizens' portal at {@code /public/} (no account): report with a map pin, a photo and a problem in
 * plain words, follow a case by its number, rate the result after closure; the public list of moderated recent cases
 * and the disclosure of department results (信息发布与公众监督). Anti-abuse: a rate limit per address, photo type by
 * its bytes and a size limit, an arithmetic challenge signed with HMAC, and moderation by the acceptor
 * ({@code /moderation}) before anything is public. {@code /api/public/*} is the same for scripts.
 */
package org.civicgrid.portal;
