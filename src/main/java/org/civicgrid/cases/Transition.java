package org.civicgrid.cases;

import java.util.Set;
import org.civicgrid.org.Role;

/** 状态迁移 — one row of the transition table: from a stage, an action taken by one of these roles, to a stage. */
public record Transition(CaseStage from, CaseAction action, CaseStage to, Set<Role> actors) {

    public boolean allows(Set<Role> held) {
        return actors.stream().anyMatch(held::contains);
    }
}
