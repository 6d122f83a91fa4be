package org.civicgrid.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.web.Problem;

/**
 * 工作网格管理 — defines work grids (a code, a name, their unit grids, their inspectors) and answers the one question the
 * case loop asks: is this unit grid in this inspector's work area?
 */
@ApplicationScoped
public class WorkGrids {

    /** A work grid code: it appears in URLs (/api/work-grids/{code}), so letters, digits and '.', '-', '_' only. */
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    /** What an admin sends to create or change a work grid. */
    public record Form(String code, String name, String note, Set<String> gridCodes, Set<Long> inspectorIds) {
    }

    /** Whether {@code gridCode} lies in a work grid assigned to inspector {@code staffId}. */
    public boolean covers(Long staffId, String gridCode) {
        if (staffId == null || gridCode == null) {
            return false;
        }
        return WorkGrid.count("?1 member of gridCodes and ?2 member of inspectorIds", gridCode, staffId) > 0;
    }

    /** The inspectors (ids) of each unit grid by the work grids covering it — {@link #covers} for many grids in one read. */
    public java.util.Map<String, Set<Long>> coverage() {
        java.util.Map<String, Set<Long>> out = new java.util.HashMap<>();
        WorkGrid.getEntityManager().createQuery("select g, i from WorkGrid w join w.gridCodes g join w.inspectorIds i", Object[].class)
                .getResultList().forEach(row -> out.computeIfAbsent((String) row[0], k -> new java.util.HashSet<>()).add((Long) row[1]));
        return out;
    }

    /** Active inspectors whose work grids cover {@code gridCode}, by id. */
    public List<Long> inspectorsOf(String gridCode) {
        if (gridCode == null) {
            return List.of();
        }
        return WorkGrid.<WorkGrid>list("?1 member of gridCodes", gridCode).stream()
                .flatMap(w -> w.inspectorIds.stream())
                .filter(id -> Staff.<Staff>findByIdOptional(id).map(s -> s.active && s.has(Role.INSPECTOR)).orElse(false))
                .distinct().sorted().toList();
    }

    /** The work grids assigned to an inspector. */
    public List<WorkGrid> of(Long staffId) {
        return WorkGrid.list("?1 member of inspectorIds order by code", staffId);
    }

    @Transactional
    public WorkGrid save(String existingCode, Form form) {
        if (form == null) {
            throw Problem.badRequest(null, "send {code, name, gridCodes, inspectorIds}");
        }
        WorkGrid grid = existingCode == null ? new WorkGrid()
                : WorkGrid.byCode(existingCode).orElseThrow(() -> Problem.notFound("work grid " + existingCode));
        String code = required("code", existingCode == null ? form.code() : existingCode);
        if (!CODE.matcher(code).matches()) {
            throw Problem.badRequest("code", "use 1–32 letters, digits, '.', '-' or '_' for a work grid code");
        }
        if (existingCode == null && WorkGrid.byCode(code).isPresent()) {
            throw Problem.conflict("duplicate", "work grid " + code + " exists");
        }
        grid.code = code;
        grid.name = required("name", form.name());
        grid.note = form.note() == null || form.note().isBlank() ? null : form.note().trim();
        grid.gridCodes.clear();
        grid.gridCodes.addAll(unitGrids(form.gridCodes()));
        grid.inspectorIds.clear();
        grid.inspectorIds.addAll(inspectors(form.inspectorIds()));
        if (grid.id == null) {
            grid.persist();
        }
        return grid;
    }

    @Transactional
    public void delete(String code) {
        WorkGrid.byCode(code).orElseThrow(() -> Problem.notFound("work grid " + code)).delete();
    }

    private static Set<String> unitGrids(Set<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            if (UnitGrid.byCode(code).isEmpty()) {
                throw Problem.badRequest("gridCodes", "no unit grid " + code);
            }
            result.add(code);
        }
        return result;
    }

    private static Set<Long> inspectors(Set<Long> ids) {
        Set<Long> result = new TreeSet<>();
        for (Long id : ids == null ? Set.<Long>of() : ids) {
            Staff staff = id == null ? null : Staff.findById(id);
            if (staff == null || !staff.has(Role.INSPECTOR)) {
                throw Problem.badRequest("inspectorIds", "staff " + id + " is not an inspector (监督员)");
            }
            result.add(id);
        }
        return result;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field, field + " is required");
        }
        return value.trim();
    }
}
