package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.civicgrid.calendar.TimeLimit;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.org.Department;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.web.Problem;

/**
 * 操作效果 — checks the input an action needs (naming the field when it is missing or wrong) and sets the case
 * fields the action changes: task assignee, class (改类), 立案条件 and handling limit, department (and the first one,
 * 首接), extension asked for (within its limits), 督办单 and replies, the kept case's 重复上报 count, flags.
 * Stages and clocks are not touched here.
 */
@ApplicationScoped
class ActionEffects {

    private final WorkGrids workGrids;
    private final Geocoder geocoder;
    private final Urges urges;
    private final ExtensionLimits extensionLimits;

    ActionEffects(WorkGrids workGrids, Geocoder geocoder, Urges urges, ExtensionLimits extensionLimits) {
        this.workGrids = workGrids;
        this.geocoder = geocoder;
        this.urges = urges;
        this.extensionLimits = extensionLimits;
    }

    /** Checks the input and sets the fields; returns the history note (改类 prefixes it with the old and new class). */
    String apply(CaseFile c, CaseAction action, Actor actor, String role, ActionInput in, Instant now) {
        requireInput(action, in);
        String note = in.note();
        switch (action) {
            case SEND_TO_CONFIRM, SEND_TO_CHECK -> c.assigneeId = in.inspectorId() != null ? inspector(in.inspectorId()).id : patrolling(c);
            case CONFIRM, CONFIRM_NOT_FOUND, VERIFY -> c.assigneeId = null;
            case REWORK -> {
                c.assigneeId = null;
                c.reworkCount++;
            }
            case FILE -> file(c, in);
            case RECLASSIFY -> {
                String before = c.classCode;
                reclassify(c, in.classCode());
                note = named(before) + " → " + named(c.classCode) + (note == null || note.isBlank() ? "" : "：" + note.trim());
            }
            case MERGE_DUPLICATE -> {
                c.duplicateOfId = duplicateOf(c, in.duplicateOfId()).id;
                CaseFile.countRepeat(c.duplicateOfId);
            }
            case DISPATCH -> {
                c.departmentId = department(in.departmentId()).id;
                if (c.firstDepartmentId == null) {
                    c.firstDepartmentId = c.departmentId;
                }
            }
            case APPROVE_RETURN -> c.departmentId = null;
            case REQUEST_EXTENSION -> {
                TimeLimit asked = extension(in.extension());
                extensionLimits.request(c, asked);
                c.pendingExtension = asked.toString();
            }
            case APPROVE_EXTENSION -> extensionLimits.approved(c);
            case REJECT_EXTENSION -> c.extensionNeedsLeader = false;
            case URGE -> urges.issue(c, actor, role, in, now);
            case REPLY_URGE -> urges.reply(c, actor, in.note(), now);
            case SELF_HANDLE -> c.selfHandled = true;
            case CLOSE -> c.closedAt = now;
            case REOPEN -> c.closedAt = null;
            case RELOCATE -> place(c, geocoder.requireInCounty(in.lat(), in.lon(), Crs.parse(in.crs())), in.address());
            default -> {
                // the stage change and the history row say it all
            }
        }
        return note;
    }

    private static void requireInput(CaseAction action, ActionInput in) {
        switch (action.needs()) {
            case NOTE, REASON, URGE -> {
                if (in.note() == null || in.note().isBlank()) {
                    throw Problem.badRequest("note", action.needs() == CaseAction.Needs.NOTE ? "describe what was done" : "give the reason");
                }
            }
            case INSPECTOR -> {
                // optional: without one, the inspector who patrols the case's grid gets the task
            }
            case CONDITION -> require("conditionId", in.conditionId());
            case DEPARTMENT -> require("departmentId", in.departmentId());
            case EXTENSION -> require("extension", in.extension());
            case DUPLICATE_OF -> require("duplicateOfId", in.duplicateOfId());
            case CLASS -> require("classCode", in.classCode());
            case LOCATION -> {
                require("lat", in.lat());
                require("lon", in.lon());
            }
            case NOTHING -> {
                // nothing required
            }
        }
    }

    private static void file(CaseFile c, ActionInput in) {
        FilingStandard standard = FilingStandard.<FilingStandard>findByIdOptional(in.conditionId())
                .filter(s -> s.active)
                .orElseThrow(() -> Problem.badRequest("conditionId", "no active 立案条件 with id " + in.conditionId()));
        // a standard of the case's class or of its counterpart in the other code system keeps the case's class;
        // another class's standard files the case in that class (as before)
        String caseClass = c.classCode != null && standard.appliesTo(c.classCode) ? c.classCode : standard.classRef;
        if (in.classCode() != null && !in.classCode().equals(caseClass)) {
            throw Problem.badRequest("conditionId", "立案条件 " + standard.id + " belongs to " + standard.classRef + ", not " + in.classCode());
        }
        c.classCode = caseClass;
        c.filingStandardId = standard.id;
        c.filingCondition = standard.condition;
        c.handlingLimit = TimeLimit.parse(standard.limitValue + " " + standard.limitUnit).toString();
    }

    /** A class as the history shows it: its name before the reference, {@code 污水井盖 component:0102}. */
    private static String named(String ref) {
        return ref == null ? "–" : CaseClasses.find(ref).map(k -> k.name + " " + ref).orElse(ref);
    }

    /** 改类: the new class; the 立案条件 of the old one no longer applies and is chosen again at 立案. */
    private static void reclassify(CaseFile c, String classCode) {
        String ref = CaseClasses.require(classCode.trim()).ref;
        if (ref.equals(c.classCode)) {
            throw Problem.badRequest("classCode", "the case already has class " + ref);
        }
        c.classCode = ref;
        c.filingStandardId = null;
        c.filingCondition = null;
        c.handlingLimit = null;
    }

    private static Staff inspector(Long id) {
        Staff staff = Staff.<Staff>findByIdOptional(id).orElseThrow(() -> Problem.badRequest("inspectorId", "no staff with id " + id));
        if (!staff.active || !staff.has(Role.INSPECTOR)) {
            throw Problem.badRequest("inspectorId", staff.displayName + " is not an active inspector");
        }
        return staff;
    }

    /** Puts the case at a geocoded location: position, grid, community, street and (when given) address. */
    static void place(CaseFile c, GeoLocation location, String address) {
        c.lat = location.lat();
        c.lon = location.lon();
        c.gridCode = location.gridCode();
        c.communityCode = location.communityCode();
        c.streetCode = location.streetCode();
        if (address != null && !address.isBlank()) {
            c.address = address.trim();
        }
    }

    /** The inspector whose work grid covers the case's grid (the lowest id when several share it). */
    private Long patrolling(CaseFile c) {
        return workGrids.inspectorsOf(c.gridCode).stream().findFirst()
                .orElseThrow(() -> Problem.badRequest("inspectorId", "no inspector patrols grid "
                        + (c.gridCode == null ? "(the case has no grid)" : c.gridCode) + ": choose the inspector"));
    }

    private static Department department(Long id) {
        Department department = Department.<Department>findByIdOptional(id)
                .orElseThrow(() -> Problem.badRequest("departmentId", "no department with id " + id));
        if (!department.active) {
            throw Problem.badRequest("departmentId", department.name + " is inactive");
        }
        return department;
    }

    private static CaseFile duplicateOf(CaseFile c, Long id) {
        CaseFile kept = CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.badRequest("duplicateOfId", "no case " + id));
        if (kept.id.equals(c.id) || !kept.stage.isOpen() || kept.duplicateOfId != null) {
            throw Problem.badRequest("duplicateOfId", "case " + kept.number + " cannot keep duplicates (itself, ended or merged)");
        }
        return kept;
    }

    private static TimeLimit extension(String text) {
        try {
            return TimeLimit.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("extension", "write the extra time like 2工作日 or 4工作时");
        }
    }

    private static void require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw Problem.badRequest(field, "required for this action");
        }
    }
}
