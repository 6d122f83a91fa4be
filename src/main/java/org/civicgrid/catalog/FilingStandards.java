package org.civicgrid.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicgrid.catalog.CatalogViews.ImportReport;
import org.civicgrid.catalog.CatalogViews.RejectedRow;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.web.Problem;

/**
 * 立案标准管理 — creates, changes, imports and exports filing standards, checking each field once for the API, the
 * admin page and the first-start seed. A standard is identified by its class and condition text: an import adds
 * new ones and updates the time limit of known ones, it never deletes, and an empty {@code closing_condition} or
 * {@code note} cell keeps the stored text.
 */
@ApplicationScoped
public class FilingStandards {

    static final int MAX_LIMIT_VALUE = 999;
    static final int MAX_TEXT = 500;

    private enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    @Transactional
    public FilingStandard create(StandardForm form) {
        StandardForm checked = check(form);
        if (FilingStandard.byClassAndCondition(checked.classRef(), checked.condition()).isPresent()) {
            throw duplicate(checked);
        }
        FilingStandard standard = new FilingStandard();
        apply(standard, checked);
        standard.active = checked.active() == null || checked.active();
        standard.persist();
        return standard;
    }

    @Transactional
    public FilingStandard update(long id, StandardForm form) {
        FilingStandard standard = FilingStandard.<FilingStandard>findByIdOptional(id)
                .orElseThrow(() -> Problem.notFound("filing standard " + id));
        StandardForm checked = check(form);
        Optional<FilingStandard> same = FilingStandard.byClassAndCondition(checked.classRef(), checked.condition());
        if (same.isPresent() && !same.get().id.equals(id)) {
            throw duplicate(checked);
        }
        apply(standard, checked);
        standard.active = checked.active() == null || checked.active();
        standard.defaultStandard = false;
        return standard;
    }

    /** Imports a CSV file row by row: a refused row is reported with its line and never stops the others. */
    @Transactional
    public ImportReport importCsv(byte[] csv) {
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv);
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        int[] counts = new int[Outcome.values().length];
        for (FilingStandardCsv.Row row : parsed.rows()) {
            try {
                counts[store(row.form()).ordinal()]++;
            } catch (Problem problem) {
                rejected.add(new RejectedRow(row.line(), csvReason(problem)));
            }
        }
        rejected.sort(Comparator.comparingLong(RejectedRow::line));
        return new ImportReport(counts[Outcome.IMPORTED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], rejected);
    }

    /** The active standards as CSV in the shipped columns, by class and entry order. */
    @Transactional
    public String exportCsv() {
        Map<String, CaseClass> classes = CaseClass.<CaseClass>listAll().stream().collect(Collectors.toMap(c -> c.ref, Function.identity()));
        List<FilingStandard> active = FilingStandard.<FilingStandard>allOrdered().stream().filter(s -> s.active).toList();
        return FilingStandardCsv.write(active, classes);
    }

    private static Outcome store(StandardForm form) {
        StandardForm checked = check(form);
        Optional<FilingStandard> existing = FilingStandard.byClassAndCondition(checked.classRef(), checked.condition());
        if (existing.isEmpty()) {
            FilingStandard standard = new FilingStandard();
            apply(standard, checked);
            standard.persist();
            return Outcome.IMPORTED;
        }
        FilingStandard standard = existing.get();
        StandardForm merged = new StandardForm(checked.classRef(), checked.condition(), checked.limitValue(), checked.limitUnit(),
                orStored(checked.closingCondition(), standard.closingCondition), orStored(checked.note(), standard.note), null);
        if (standard.limitValue == merged.limitValue() && standard.limitUnit.equals(merged.limitUnit())
                && Objects.equals(standard.closingCondition, merged.closingCondition()) && Objects.equals(standard.note, merged.note())) {
            return Outcome.UNCHANGED;
        }
        apply(standard, merged);
        return Outcome.UPDATED;
    }

    /** Checks every field of a standard; returns it trimmed, blanks as null. */
    static StandardForm check(StandardForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send a JSON filing standard {classRef, condition, limitValue, limitUnit, closingCondition}");
        }
        String ref = required("classRef", form.classRef());
        if (CaseClass.byRef(ref).isEmpty()) {
            throw Problem.badRequest("classRef", "unknown class '" + ref + "'");
        }
        String condition = limited("condition", required("condition", form.condition()));
        Integer value = form.limitValue();
        if (value == null || value < 1 || value > MAX_LIMIT_VALUE) {
            throw Problem.badRequest("limitValue", "use a whole number from 1 to " + MAX_LIMIT_VALUE);
        }
        String unit = form.limitUnit() == null ? "" : form.limitUnit().trim();
        if (!FilingStandard.LIMIT_UNITS.contains(unit)) {
            throw Problem.badRequest("limitUnit", "use one of " + String.join(", ", FilingStandard.LIMIT_UNITS));
        }
        return new StandardForm(ref, condition, value, unit, limited("closingCondition", blankToNull(form.closingCondition())),
                limited("note", blankToNull(form.note())), form.active());
    }

    private static void apply(FilingStandard standard, StandardForm checked) {
        standard.classRef = checked.classRef();
        standard.condition = checked.condition();
        standard.limitValue = checked.limitValue();
        standard.limitUnit = checked.limitUnit();
        standard.closingCondition = checked.closingCondition();
        standard.note = checked.note();
    }

    private static Problem duplicate(StandardForm checked) {
        return Problem.conflict("duplicate", "class " + checked.classRef() + " already has a filing standard with this condition");
    }

    /** A refused row names the CSV column, not the API field. */
    private static String csvReason(Problem problem) {
        String field = problem.field();
        String message = problem.getMessage();
        if (field != null && message.startsWith(field + ": ")) {
            return FilingStandardCsv.column(field) + message.substring(field.length());
        }
        return message;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field, "required");
        }
        return value.trim();
    }

    static String limited(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw Problem.badRequest(field, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String orStored(String given, String stored) {
        return given != null ? given : stored;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
