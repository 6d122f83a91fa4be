package org.civicgrid.org;

/** 人员变更 — fired (CDI event) whenever an account, its roles or its password change; caches of accounts listen. */
public record StaffChanged(String username) {
}
