package org.civicgrid.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.civicgrid.web.Problem;

/**
 * 部门管理 — creates and changes departments, checking each field once for the API and the admin pages.
 */
@ApplicationScoped
public class DepartmentRegistry {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,31}");
    /**
     * A class reference: kind and code, {@code component:0101} or {@code incident:06010}. The kind is needed because
     * legacy (CJ/T 214) component and incident codes overlap; the code is legacy 2+2 or GB/T 47678.5 2+3 digits.
     */
    private static final Pattern CLASS_CODE = Pattern.compile("(component|incident):(\\d{4}|\\d{5})");

    @Transactional
    public Department create(DepartmentForm form) {
        String code = required("code", form.code());
        if (!CODE.matcher(code).matches()) {
            throw Problem.badRequest("code", "use 2–32 lower-case letters, digits, '-' or '_'");
        }
        if (Department.byCode(code).isPresent()) {
            throw Problem.conflict("duplicate", "a department with code '" + code + "' exists");
        }
        Department department = new Department();
        department.code = code;
        apply(department, form);
        department.persist();
        return department;
    }

    @Transactional
    public Department update(long id, DepartmentForm form) {
        Department department = Department.<Department>findByIdOptional(id).orElseThrow(() -> Problem.notFound("department " + id));
        apply(department, form);
        return department;
    }

    private void apply(Department department, DepartmentForm form) {
        department.name = required("name", form.name());
        if (form.kind() == null) {
            throw Problem.badRequest("kind", "choose PROFESSIONAL or STREET_OFFICE");
        }
        department.kind = form.kind();
        department.phone = blankToNull(form.phone());
        department.active = form.active() == null || form.active();
        department.classCodes.clear();
        department.classCodes.addAll(classCodes(form.classCodes()));
        department.areaCodes.clear();
        department.areaCodes.addAll(areaCodes(form.areaCodes()));
    }

    private static Set<String> classCodes(Set<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            String trimmed = code.trim();
            if (!CLASS_CODE.matcher(trimmed).matches()) {
                throw Problem.badRequest("classCodes", "'" + trimmed + "' is not a class reference like component:0101 or incident:06010");
            }
            result.add(trimmed);
        }
        return result;
    }

    private static Set<String> areaCodes(Set<String> codes) {
        Set<String> result = new TreeSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            String trimmed = code.trim();
            if (Region.byCode(trimmed).isEmpty()) {
                throw Problem.badRequest("areaCodes", "no street or community with code '" + trimmed + "'");
            }
            result.add(trimmed);
        }
        return result;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field, "required");
        }
        return value.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
