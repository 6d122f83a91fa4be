package org.civicgrid.portal;

import org.civicgrid.cases.CaseStage;

/**
 * 公开进度 — the few steps a citizen sees instead of the centre's stages: received, filed, being handled, being
 * checked, done, or not taken up (作废/合并). No names, notes or departments' internals.
 */
public enum PublicPhase {
    RECEIVED, FILED, HANDLING, CHECKING, CLOSED, NOT_TAKEN;

    public static PublicPhase of(CaseStage stage) {
        return switch (stage) {
            case REPORTED, CONFIRMING, NOT_CONFIRMED, PENDING_FILING -> RECEIVED;
            case FILED -> FILED;
            case DISPATCHED, HANDLING, RETURN_REQUESTED, EXTENSION_REQUESTED, SUSPEND_REQUESTED, SUSPENDED -> HANDLING;
            case PENDING_CHECK, CHECKING, PENDING_CLOSE -> CHECKING;
            case CLOSED -> CLOSED;
            case DISCARDED -> NOT_TAKEN;
        };
    }
}
